import type {PhrasingContent, RootContent} from 'mdast';
import {machineWorkloadParagraph} from './machine-workload.js';
import {IMPLICIT_INTERFACE, principalEndpoints} from '../diagrams/index.js';
import type {CharmModel} from '../model/index.js';
import {charmTitle, type SectionContext} from './context.js';
import {charmMarkdown} from './charm-markdown.js';
import {code, codeBlock, heading, link, list, paragraph, text} from './mdast.js';
import {charmAttributes, type CharmDirective} from './directive.js';

const SIDECAR_URL =
  'https://kubernetes.io/blog/2015/06/the-distributed-system-toolkit-patterns/#example-1-sidecar-containers';
const PEBBLE_URL = 'https://documentation.ubuntu.com/juju/latest/reference/pebble/';
const LAYER_URL = 'https://github.com/canonical/pebble#layer-specification';
const SUBORDINATE_URL = 'https://documentation.ubuntu.com/ops/latest/explanation/subordinate-charms/';

/** Text compared as a reader sees it: case, spacing and a closing full stop do not matter. */
const comparable = (value: string): string => value.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();

/**
 * The summary and the description, each once: many charms write the same sentence in both, or a
 * description that starts by repeating its summary. The longer one then says all there is.
 */
export function blurbs(summary: string | undefined, description: string | undefined): string[] {
  const texts = [summary, description].filter((t): t is string => !!t && t.trim() !== '');
  if (texts.length < 2) return texts;
  const [a, b] = texts.map(comparable) as [string, string];
  if (b.includes(a)) return [description!];
  if (a.includes(b)) return [summary!];
  return texts;
}

/**
 * A subordinate charm has no machine of its own (Juju creates no unit when it is deployed): its
 * units run beside the principal's, created by an integration through a container-scoped endpoint.
 */
function subordinateParagraph(m: CharmModel, title: string): RootContent {
  const endpoints = principalEndpoints(m);
  const through: PhrasingContent[] = endpoints.length
    ? [
        text(' through its container-scoped '),
        ...endpoints.flatMap((e, i) => [
          ...(i ? [text(i === endpoints.length - 1 ? ' or ' : ', ')] : []),
          code(e.name),
          text(' ('),
          code(e.interface),
          text(')'),
        ]),
        text(endpoints.length === 1 ? ' endpoint' : ' endpoints'),
      ]
    : [];
  const anyPrincipal = endpoints.some((e) => e.role === 'requires' && e.interface === IMPLICIT_INTERFACE);
  return paragraph(
    text(`The ${title} charm is a `),
    link(SUBORDINATE_URL, text('subordinate')),
    text(
      ' machine charm: deploying it creates no units. Juju adds a unit of it on the machine (or LXD container) of each unit of the principal application it is integrated with',
    ),
    ...through,
    text(
      `, and the charm installs and manages the workload there, beside the principal's. Adding or removing a principal unit adds or removes a ${title} unit with it.`,
    ),
    ...(anyPrincipal
      ? [text(' Every charm provides '), code(IMPLICIT_INTERFACE), text(', so any application can be the principal.')]
      : []),
  );
}

/** Section 1: what the workload is, the sidecar pattern and Pebble, and the pod listing. */
export function charmOverview(ctx: SectionContext): RootContent[] {
  const m = ctx.model;
  const title = charmTitle(m);
  const out: RootContent[] = [heading(ctx.headingLevel, 'overview', text('Overview'))];
  for (const blurb of blurbs(m.summary, m.description)) out.push(...charmMarkdown(blurb, ctx.links));
  if (m.kind === 'machine') {
    out.push(
      m.subordinate
        ? subordinateParagraph(m, title)
        : paragraph(
            text(
              `The ${title} charm is a machine charm: Juju deploys each unit to its own machine (or LXD container), where the charm installs and manages the workload directly.`,
            ),
          ),
    );
    out.push(...machineWorkloadParagraph(m, ctx.links, 'On each machine, the charm installs and manages '));
    const services = m.pebble.flatMap((l) => l.services.map((s) => s.name));
    if (services.length)
      out.push(
        paragraph(
          text('It manages these services: '),
          ...services.flatMap((s, i) => (i ? [text(', '), code(s)] : [code(s)])),
          text('.'),
        ),
      );
    return out;
  }
  out.push(
    paragraph(
      text('The charm design leverages the '),
      link(SIDECAR_URL, text('sidecar')),
      text(' pattern to allow multiple containers in each pod with '),
      link(PEBBLE_URL, text('Pebble')),
      text(" running as the workload container's entrypoint."),
    ),
    paragraph(
      text(
        'Pebble is a lightweight, API-driven process supervisor that is responsible for configuring processes to run in a container and controlling those processes throughout the workload lifecycle.',
      ),
    ),
    paragraph(
      text('Pebble '),
      code('services'),
      text(' are configured through '),
      link(LAYER_URL, text('layers')),
      text(', and the following containers each represent a layer forming the effective Pebble configuration, or '),
      code('plan'),
      text(':'),
    ),
  );
  out.push(
    list(
      true,
      m.containers.map((c) => {
        const services = m.pebble.filter((l) => l.container === c.name).flatMap((l) => l.services.map((s) => s.name));
        const unique = [...new Set(services)];
        return [
          code(c.name),
          text(unique.length ? ', which runs ' : ', a workload container'),
          ...unique.flatMap((s, i) => (i ? [text(', '), code(s)] : [code(s)])),
          ...(c.resource ? [text(' (image from the '), code(c.resource), text(' resource).')] : [text('.')]),
        ];
      }),
    ),
  );
  const ready = m.containers.length + 1;
  out.push(
    paragraph(
      text('As a result, if you run a '),
      code('kubectl get pods'),
      text(
        ` on a namespace named for the Juju model you've deployed the ${title} charm into, you'll see something like the following:`,
      ),
    ),
  );
  const podName = `${m.name}-0`;
  out.push(
    codeBlock(
      `NAME${' '.repeat(Math.max(3, podName.length - 1))}READY   STATUS    RESTARTS   AGE\n${podName}${' '.repeat(3)}${ready}/${ready}     Running   0          6h4m`,
      'bash',
    ),
  );
  out.push(
    paragraph(
      text(
        `This shows there are ${ready} containers: the ${m.containers.length} workload container${m.containers.length === 1 ? '' : 's'} listed above and the charm container, which runs the charm code and the Juju agent.`,
      ),
    ),
  );
  return out;
}

export const overviewDirective: CharmDirective = {
  name: 'charm-overview',
  attributes: charmAttributes(),
  build: charmOverview,
  checks: [],
  titles: [/^overview$/],
  starter: {
    part: 'page',
    prose: (model) => [`TODO: what ${model.name} is for, and the design choices a new maintainer should know.`],
  },
};
