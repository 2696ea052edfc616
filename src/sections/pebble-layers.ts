import type {BlockContent, PhrasingContent, RootContent} from 'mdast';
import type {PebbleLayer, PebbleService} from '../model/index.js';
import {sourceUrl, type SectionContext} from './context.js';
import {code, emphasis, heading, link, list, looseList, paragraph, slug, text} from './mdast.js';
import {anyText, charmAttributes, type CharmDirective} from './directive.js';

const dash = (): PhrasingContent => text('–');

function value(service: PebbleService, field: string, v: string | undefined | null): PhrasingContent[] {
  if (v === undefined || v === null || v === '') return [dash()];
  return service.computed.includes(field) ? [code(v), text(' '), emphasis(text('(computed)'))] : [code(v)];
}

/** Layers grouped by container (null container last). */
export function layersByContainer(layers: PebbleLayer[], only?: string): Array<[string | null, PebbleLayer[]]> {
  const groups = new Map<string | null, PebbleLayer[]>();
  for (const l of layers) {
    if (only && l.container !== only) continue;
    groups.set(l.container, [...(groups.get(l.container) ?? []), l]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}

export function pebbleLayers(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'pebble-layers', text('Pebble layers'))];
  const groups = layersByContainer(ctx.model.pebble, ctx.attributes['container']);
  if (!groups.length) {
    out.push(
      paragraph(
        text(
          ctx.model.kind === 'machine'
            ? 'This is a machine charm: it defines no Pebble layers.'
            : "No Pebble layer was found in the charm's files.",
        ),
      ),
    );
    return out;
  }
  for (const [container, layers] of groups) {
    out.push(
      heading(
        ctx.headingLevel + 1,
        `pebble-${slug(container ?? 'unknown-container')}`,
        container ? code(container) : text('Container not resolved statically'),
      ),
    );
    for (const layer of layers) out.push(...layerBlocks(layer, ctx));
  }
  return out;
}

function layerBlocks(layer: PebbleLayer, ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [];
  const where = sourceUrl(ctx.links, layer.file, layer.line);
  const origin =
    layer.origin === 'rockcraft' ? "the rock's rockcraft.yaml" : layer.origin === 'yaml' ? 'a layer file' : 'Python';
  const location = code(`${layer.file}:${layer.line}`);
  const label = layer.label
    ? [text('Layer '), code(layer.label), text(` defined in ${origin} at `)]
    : [text(`Layer defined in ${origin} at `)];
  out.push(
    paragraph(
      ...label,
      where ? link(where, location) : location,
      text(layer.computed ? ' (partly computed at runtime).' : '.'),
    ),
  );
  // One item per service, its command on a line of its own: a six-column table did not fit a docs column.
  if (layer.services.length) out.push(looseList(false, layer.services.map(serviceBlocks)));
  if (layer.checks.length) {
    out.push(paragraph(text('Checks:')));
    out.push(
      list(
        false,
        layer.checks.map((c) => [
          code(c.name),
          text(`: ${c.type}${c.level ? `, level ${c.level}` : ''}`),
          ...(c.target
            ? [
                text(', '),
                code(c.target),
                ...(c.computed.includes('target') ? [text(' '), emphasis(text('(computed)'))] : []),
              ]
            : []),
        ]),
      ),
    );
  }
  if (layer.logTargets.length) {
    out.push(paragraph(text('Log targets:')));
    out.push(
      list(
        false,
        layer.logTargets.map((t) => [
          code(t.name),
          text(`: ${t.type ?? 'unknown type'}`),
          ...(t.services.length
            ? [text(', services '), ...t.services.flatMap((s, i) => (i ? [text(', '), code(s)] : [code(s)]))]
            : []),
        ]),
      ),
    );
  }
  return out;
}

/** A service: name with startup and override, then its command, then environment and dependencies. */
function serviceBlocks(s: PebbleService): BlockContent[] {
  const name: PhrasingContent[] = s.computed.includes('name')
    ? [code(s.name), text(' '), emphasis(text('(computed)'))]
    : [code(s.name)];
  const how = (['startup', 'override'] as const)
    .filter((f) => s[f])
    .flatMap((f, i) => [text(`${i ? ', ' : ': '}${f} `), ...value(s, f, s[f])]);
  const blocks: BlockContent[] = [
    paragraph(...name, ...how, ...(how.length ? [text('.')] : [])),
    paragraph(text('Command: '), ...value(s, 'command', s.command?.replace(/\s*\n\s*/g, ' '))),
  ];
  const more: PhrasingContent[] = [];
  if (s.environment.length || s.computed.includes('environment'))
    more.push(text('Environment: '), ...environment(s), text('.'));
  const dependencies = deps(s);
  if (dependencies.length)
    more.push(text(more.length ? ' Dependencies: ' : 'Dependencies: '), ...dependencies, text('.'));
  if (more.length) blocks.push(paragraph(...more));
  return blocks;
}

/** Variable names only: values are never shown. */
function environment(s: PebbleService): PhrasingContent[] {
  const computed = s.computed.includes('environment');
  if (!s.environment.length) return computed ? [emphasis(text('computed'))] : [dash()];
  const names: PhrasingContent[] = s.environment.flatMap((e, i): PhrasingContent[] =>
    i ? [text(', '), code(e)] : [code(e)],
  );
  return computed ? [...names, text(' '), emphasis(text('(computed)'))] : names;
}

/** `after \`a\`; requires \`b\``, or nothing when the service names no other. */
function deps(s: PebbleService): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  for (const [label, names] of [
    ['after', s.after],
    ['before', s.before],
    ['requires', s.requires],
  ] as const) {
    if (!names.length) continue;
    if (parts.length) parts.push(text('; '));
    parts.push(text(`${label} `), ...names.flatMap((n, i) => (i ? [text(', '), code(n)] : [code(n)])));
  }
  return parts;
}

export const pebbleLayersDirective: CharmDirective = {
  name: 'pebble-layers',
  // `container` is checked against the charm's containers by the adapter (an unknown one is an error there).
  attributes: charmAttributes({container: anyText()}),
  build: pebbleLayers,
  checks: [],
  titles: [/^pebble layers$/, /^pebble services$/],
};
