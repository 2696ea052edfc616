/**
 * The integration map: one node per charm of a family, one edge per possible
 * integration (see family-match.ts).
 *
 * Conventions (shared with the deployment diagram):
 * - Edges point from the REQUIRER to the PROVIDER; optional ones are dotted.
 * - Direction: the narrower of LR and TB, estimated (map-direction.ts).
 * - Full layout: one edge per integration, labelled `requirer-endpoint →
 *   provider-endpoint (interface)`, plus `limit N`, and `1 of 2` when the
 *   requirer could use several providers.
 * - Compact layout (past {@link MAP_COMPACT_THRESHOLD} integrations with
 *   `layout: 'auto'`): one edge per pair of charms, labelled with the
 *   interfaces; the table below the diagram and the text alternative keep
 *   every integration (12 charms, 150 endpoints: 55 integrations, 23 edges).
 * - `observability: 'fold'` (`auto`: with the compact layout): observability
 *   integrations are not drawn; each charm's box says how many it has. They
 *   connect nearly every charm to the observability charms, so drawn they
 *   make most of a large map's edges.
 * - Peers and needs from outside the family are lines inside the charm node,
 *   never boxes of their own.
 * - The map is drawn at its natural size (Mermaid's `useMaxWidth: false`, set
 *   by an init directive in the diagram: YAML front matter would be read as
 *   the directive's options by MyST): a family wider than the page
 *   scrolls sideways instead of shrinking its text below 11 px. Even folded
 *   and compact, 12 densely connected charms need about 1,900 px; shrunk to
 *   a docs column their text would be 4-6 px.
 */
import {normalizeText} from './escape.js';
import {FlowchartWriter, type Direction} from './flowchart.js';
import {narrowerDirection} from './map-direction.js';
import {charmKind} from './deployment-principal.js';
import {
  CONTAINER_SCOPE_LEGEND,
  CONTAINER_SCOPE_NOTE,
  familyCharmTitle,
  familyHasContainerScope,
  integrationLabel,
  integrationSentence,
  type FamilyCharm,
  type FamilyMatch,
  type Integration,
} from './family-match.js';
import type {AltGroup, DiagramResult} from './props.js';

export interface IntegrationMapOptions {
  /** Default: the narrower of the two, estimated (see map-direction.ts). */
  direction?: Direction;
  /** `auto` (default): compact past {@link MAP_COMPACT_THRESHOLD} integrations. */
  layout?: 'auto' | 'full' | 'compact';
  /** `auto` (default): `fold` with the compact layout, else `show`. */
  observability?: 'auto' | 'show' | 'fold';
}

/** More integrations than this switch `layout: 'auto'` to one edge per pair of charms. */
export const MAP_COMPACT_THRESHOLD = 12;
/** Keeps the map at its natural size (fixed text, never charm data). */
export const NATURAL_SIZE_INIT = '%%{init: {"flowchart": {"useMaxWidth": false}}}%%\n';
/** Compact edge labels (the interfaces of a pair) are cut to this many characters; the table has them all. */
export const COMPACT_LABEL_MAX = 24;

interface Edge {
  from: FamilyCharm;
  to: FamilyCharm;
  /** One line, or two when the integration is container-scoped (its own line: a long label is cut at its end). */
  label: string[];
  optional: boolean;
}

/** The second line of a container-scoped integration's edge. */
const scopeLine = (scoped: boolean): string[] => (scoped ? [CONTAINER_SCOPE_NOTE] : []);

/** Group integrations per (requirer, provider) pair, in first-seen order. */
function byPair(integrations: readonly Integration[]): Integration[][] {
  const pairs = new Map<string, Integration[]>();
  for (const i of integrations) {
    const key = `${i.requirer.charm.id}\0${i.provider.charm.id}`;
    pairs.set(key, [...(pairs.get(key) ?? []), i]);
  }
  return [...pairs.values()];
}

function pairEdge(group: Integration[]): Edge {
  const label = normalizeText([...new Set(group.map((i) => i.interface))].join(', '), COMPACT_LABEL_MAX);
  return {
    from: group[0]!.requirer.charm,
    to: group[0]!.provider.charm,
    label: [label, ...scopeLine(group.some((i) => i.containerScoped))],
    optional: group.every((i) => i.optional),
  };
}

function edgesOf(match: FamilyMatch, compact: boolean, fold: boolean): Edge[] {
  const drawn = fold ? match.integrations.filter((i) => !i.observability) : match.integrations;
  if (compact) return byPair(drawn).map(pairEdge);
  return drawn.map((i) => ({
    from: i.requirer.charm,
    to: i.provider.charm,
    label: [integrationLabel(i), ...scopeLine(i.containerScoped)],
    optional: i.optional,
  }));
}

function nodeLines(charm: FamilyCharm, match: FamilyMatch, fold: boolean): string[] {
  const m = charm.model;
  const lines = [familyCharmTitle(charm), charmKind(m)];
  for (const p of m.endpoints.filter((e) => e.role === 'peers')) lines.push(`peer ${p.name} (${p.interface})`);
  const observability = fold
    ? match.integrations.filter((i) => i.observability && (i.requirer.charm === charm || i.provider.charm === charm))
        .length
    : 0;
  if (observability) lines.push(`observability: ${observability}`);
  const needs = match.unmatched.find((u) => u.charm === charm)?.requires ?? [];
  if (needs.length) lines.push(`external needs: ${needs.length}`);
  return lines;
}

export function integrationMapDiagram(match: FamilyMatch, options: IntegrationMapOptions = {}): DiagramResult {
  const layout = options.layout ?? 'auto';
  const compact = layout === 'compact' || (layout === 'auto' && match.integrations.length > MAP_COMPACT_THRESHOLD);
  const title = `Integration map of ${match.charms.length} charm${match.charms.length === 1 ? '' : 's'}`;
  const ambiguous = match.integrations.filter((i) => i.alternatives > 1);
  const description =
    `${match.charms.map(familyCharmTitle).join(', ')}: ${match.integrations.length} possible integration(s)` +
    `${ambiguous.length ? `, of which ${ambiguous.length} are alternatives for the same endpoint` : ''}. Arrows point from the requirer to the provider; dotted arrows are optional integrations.` +
    (familyHasContainerScope(match) ? ` ${CONTAINER_SCOPE_LEGEND}` : '');

  const fold = options.observability === 'fold' || (options.observability !== 'show' && compact);
  const lines = match.charms.map((charm) => nodeLines(charm, match, fold));
  const edges = edgesOf(match, compact, fold);
  const index = new Map(match.charms.map((c, i) => [c, i]));
  const direction =
    options.direction ??
    narrowerDirection(
      lines,
      edges.map((e) => ({from: index.get(e.from)!, to: index.get(e.to)!, label: e.label[0]!})),
    );
  const w = new FlowchartWriter(direction, title, description);
  const ids = match.charms.map((_, i) => w.node(lines[i]!, {classes: ['charm']}));
  for (const e of edges)
    w.edge(
      ids[index.get(e.from)!]!,
      ids[index.get(e.to)!]!,
      e.label.length === 1 ? e.label[0] : e.label,
      e.optional ? 'dotted' : 'solid',
    );

  return {source: NATURAL_SIZE_INIT + w.toString(), title, description, alt: integrationMapAlt(match)};
}

/** The text alternative: every charm, every integration (every alternative too), every unmatched endpoint. */
export function integrationMapAlt(match: FamilyMatch): AltGroup[] {
  const alt: AltGroup[] = [
    {
      label: 'Charms',
      items: match.charms.map(
        (c) => `${familyCharmTitle(c)} (${charmKind(c.model)}, ${c.model.endpoints.length} endpoints)`,
      ),
    },
    {label: 'Integrations (requirer to provider)', items: match.integrations.map(integrationSentence)},
  ];
  const needs = match.unmatched.flatMap((u) =>
    u.requires.map(
      (g) => `${familyCharmTitle(u.charm)} needs ${g.interface}: ${g.endpoints.map((e) => e.name).join(', ')}`,
    ),
  );
  if (needs.length) alt.push({label: 'Needs from outside the family', items: needs});
  const offers = match.unmatched.flatMap((u) =>
    u.provides.map(
      (g) => `${familyCharmTitle(u.charm)} offers ${g.interface}: ${g.endpoints.map((e) => e.name).join(', ')}`,
    ),
  );
  if (offers.length) alt.push({label: 'Offered, but required by no charm of the family', items: offers});
  const peers = match.charms.flatMap((c) =>
    c.model.endpoints
      .filter((e) => e.role === 'peers')
      .map((e) => `${familyCharmTitle(c)} peer ${e.name} (${e.interface})`),
  );
  if (peers.length) alt.push({label: 'Peer relations', items: peers});
  return alt;
}
