import type {PhrasingContent, RootContent} from 'mdast';
import {containerServices} from '../model/index.js';
import type {Rock} from '../model/index.js';
import {sourceUrl, type SectionContext} from './context.js';
import {code, heading, intro, link, paragraph, slug, text} from './mdast.js';
import {machineWorkloadParagraph} from './machine-workload.js';
import {isSidecarCharm} from './charm-diagram.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {templateBlock} from './template-prose.js';

export function rockFor(rocks: Rock[], container: string, resource: string | null): Rock | undefined {
  return (
    rocks.find((r) => r.container === container) ?? rocks.find((r) => resource !== null && r.resource === resource)
  );
}

const extensionName = (origin: string): string => origin.replace('extension:', '');

/** `a`, `b` and `c` as inline code. */
const codeList = (names: readonly string[]): PhrasingContent[] =>
  names.flatMap((s, i) => (i ? [text(', '), code(s)] : [code(s)]));

/**
 * `Pebble services: ...`, each attributed to where it is defined when a Rockcraft extension adds some
 * of them: netbox's rock defines cron-scheduler and netbox-rq-worker itself, the django-framework
 * extension adds django and statsd-exporter.
 */
function servicesSentence(services: readonly string[], rock: Rock | undefined): PhrasingContent[] {
  const added = (name: string): string | undefined => rock?.services.find((s) => s.name === name)?.extension;
  const fromExtension = services.filter((s) => added(s) !== undefined);
  if (!rock || !fromExtension.length) return [text('Pebble services: '), ...codeList(services), text('.')];
  const own = services.filter((s) => added(s) === undefined);
  return [
    text('Pebble services: '),
    ...(own.length ? [...codeList(own), text(', defined in the '), code(rock.name), text(' rock; ')] : []),
    ...codeList(fromExtension),
    text(`, added by the ${added(fromExtension[0]!)!} extension.`),
  ];
}

/** Section 4: one sub-heading per container, what runs in it, the rock that defines it. */
export function charmContainers(ctx: SectionContext): RootContent[] {
  const m = ctx.model;
  const out: RootContent[] = [heading(ctx.headingLevel, 'containers', text('Containers'))];
  if (!m.containers.length) {
    out.push(paragraph(text('This is a machine charm: it declares no workload containers.')));
    out.push(...machineWorkloadParagraph(m, ctx.links, 'Its workload runs on the machine itself: '));
    return out;
  }
  const configuration =
    'Configuration files for the containers can be found in the respective directories that define the rock.';
  out.push(templateBlock(configuration, intro(text(configuration))));
  for (const c of m.containers) {
    out.push(heading(ctx.headingLevel + 1, `container-${slug(c.name)}`, code(c.name)));
    // The same services the charm diagram shows (layers, the rock that feeds it, exporters).
    const services = containerServices(m, c).services.map((s) => s.name);
    const rock = rockFor(m.rocks, c.name, c.resource);
    out.push(
      paragraph(
        ...(services.length
          ? servicesSentence(services, rock)
          : [text('No Pebble service of this container is defined statically in the charm.')]),
        ...(c.origin !== 'charm' ? [text(` The ${extensionName(c.origin)} extension adds this container.`)] : []),
      ),
    );
    if (c.mounts.length)
      out.push(
        paragraph(
          text('Storage: '),
          ...c.mounts.flatMap((mt, i) => [
            ...(i ? [text(', ')] : []),
            code(mt.storage),
            text(' at '),
            code(mt.location),
          ]),
          text('.'),
        ),
      );
    const resource = m.resources.find((r) => r.name === c.resource);
    if (rock) {
      const url = sourceUrl(ctx.links, rock.path);
      out.push(
        paragraph(
          text('The workload that this container is running is defined in the '),
          url ? link(url, code(rock.name), text(' rock')) : code(rock.name),
          ...(url ? [] : [text(' rock ('), code(rock.path), text(')')]),
          text('.'),
        ),
      );
    } else if (resource) {
      out.push(
        paragraph(
          text('Its image comes from the '),
          code(resource.name),
          text(' resource'),
          ...(resource.upstreamSource ? [text(' (default '), code(resource.upstreamSource), text(')')] : []),
          text('.'),
        ),
      );
    }
  }
  return out;
}

export const containersDirective: CharmDirective = {
  name: 'charm-containers',
  attributes: charmAttributes(),
  build: charmContainers,
  checks: ['container'],
  titles: [/^containers$/, /^workload containers$/],
  starter: {
    part: 'page',
    when: isSidecarCharm,
    prose: () => ['TODO: anything about the containers that the charm code does not say (ports, why a sidecar).'],
  },
};
