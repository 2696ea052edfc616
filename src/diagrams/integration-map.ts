/**
 * The integration map: one node per charm of a family, one edge per possible
 * integration (see family-match.ts).
 *
 * Conventions (shared with the deployment diagram):
 * - Edges point from the REQUIRER to the PROVIDER; optional ones are dotted.
 * - Full layout: one edge per integration, labelled `requirer-endpoint →
 *   provider-endpoint (interface)`, plus `limit N` and `alternative` when the
 *   requirer could use several providers.
 * - Compact layout (past {@link MAP_COMPACT_THRESHOLD} integrations with
 *   `layout: 'auto'`): one edge per pair of charms, labelled with the
 *   interfaces; the table below the diagram and the text alternative keep
 *   every integration. This keeps 12 charms with 150 endpoints readable at
 *   100% (checked in Chromium: node text >= 11 CSS px at 1280 px).
 * - `observability: 'fold'`: a pair's observability integrations become one
 *   dotted edge `observability (N)`.
 * - Peers and needs from outside the family are lines inside the charm node,
 *   never boxes of their own.
 */
import {FlowchartWriter, type Direction} from './flowchart.js';
import {familyCharmTitle, integrationLabel, integrationSentence, OBSERVABILITY_GROUP, type FamilyCharm, type FamilyMatch, type Integration} from './family-match.js';
import type {AltGroup, DiagramResult} from './types.js';

export interface IntegrationMapOptions {
  /** Default: LR up to {@link MAP_LR_MAX_CHARMS} charms, TB beyond. */
  direction?: Direction;
  /** `auto` (default): compact past {@link MAP_COMPACT_THRESHOLD} integrations. */
  layout?: 'auto' | 'full' | 'compact';
  /** `show` (default): observability integrations drawn like the others; `fold`: one edge per pair. */
  observability?: 'show' | 'fold';
}

/** More integrations than this switch `layout: 'auto'` to one edge per pair of charms. */
export const MAP_COMPACT_THRESHOLD = 12;
/** Up to this many charms the map runs left to right; beyond, top to bottom (narrower at 100%). */
export const MAP_LR_MAX_CHARMS = 4;

interface Edge {
  from: FamilyCharm;
  to: FamilyCharm;
  label: string;
  optional: boolean;
}

/** Group integrations per (requirer, provider) pair, in first-seen order. */
function byPair(integrations: readonly Integration[]): Integration[][] {
  const pairs = new Map<string, Integration[]>();
  for (const i of integrations) {
    const key = `${i.requirer.charm.id}\0${i.provider.charm.id}`;
    pairs.set(key, [...(pairs.get(key) ?? []), i]);
  }
  return [...pairs.values()];
}

function pairEdge(group: Integration[], label: string): Edge {
  return {from: group[0]!.requirer.charm, to: group[0]!.provider.charm, label, optional: group.every((i) => i.optional)};
}

function edgesOf(match: FamilyMatch, compact: boolean, fold: boolean): Edge[] {
  const drawn = fold ? match.integrations.filter((i) => !i.observability) : match.integrations;
  const edges: Edge[] = compact
    ? byPair(drawn).map((g) => pairEdge(g, [...new Set(g.map((i) => i.interface))].join(', ')))
    : drawn.map((i) => ({from: i.requirer.charm, to: i.provider.charm, label: integrationLabel(i), optional: i.optional}));
  if (fold) {
    for (const g of byPair(match.integrations.filter((i) => i.observability))) edges.push(pairEdge(g, `${OBSERVABILITY_GROUP} (${g.length})`));
  }
  return edges;
}

function nodeLines(charm: FamilyCharm, match: FamilyMatch): string[] {
  const m = charm.model;
  const lines = [familyCharmTitle(charm), m.kind === 'kubernetes' ? 'Kubernetes charm' : 'machine charm'];
  for (const p of m.endpoints.filter((e) => e.role === 'peers')) lines.push(`peer ${p.name} (${p.interface})`);
  const needs = match.unmatched.find((u) => u.charm === charm)?.requires ?? [];
  if (needs.length) lines.push(`needs from outside: ${needs.length} interface${needs.length === 1 ? '' : 's'}`);
  return lines;
}

export function integrationMapDiagram(match: FamilyMatch, options: IntegrationMapOptions = {}): DiagramResult {
  const layout = options.layout ?? 'auto';
  const compact = layout === 'compact' || (layout === 'auto' && match.integrations.length > MAP_COMPACT_THRESHOLD);
  const direction = options.direction ?? (match.charms.length <= MAP_LR_MAX_CHARMS ? 'LR' : 'TB');
  const title = `Integration map of ${match.charms.length} charm${match.charms.length === 1 ? '' : 's'}`;
  const ambiguous = match.integrations.filter((i) => i.alternatives > 1);
  const description =
    `${match.charms.map(familyCharmTitle).join(', ')}: ${match.integrations.length} possible integration(s)` +
    `${ambiguous.length ? `, of which ${ambiguous.length} are alternatives for the same endpoint` : ''}. Arrows point from the requirer to the provider; dotted arrows are optional integrations.`;

  const w = new FlowchartWriter(direction, title, description);
  const ids = new Map<FamilyCharm, string>();
  for (const charm of match.charms) ids.set(charm, w.node(nodeLines(charm, match), {classes: ['charm']}));
  for (const e of edgesOf(match, compact, options.observability === 'fold')) w.edge(ids.get(e.from)!, ids.get(e.to)!, e.label, e.optional ? 'dotted' : 'solid');

  return {source: w.toString(), title, description, alt: integrationMapAlt(match)};
}

/** The text alternative: every charm, every integration (every alternative too), every unmatched endpoint. */
export function integrationMapAlt(match: FamilyMatch): AltGroup[] {
  const alt: AltGroup[] = [
    {label: 'Charms', items: match.charms.map((c) => `${familyCharmTitle(c)} (${c.model.kind === 'kubernetes' ? 'Kubernetes' : 'machine'} charm, ${c.model.endpoints.length} endpoints)`)},
    {label: 'Integrations (requirer to provider)', items: match.integrations.map(integrationSentence)},
  ];
  const needs = match.unmatched.flatMap((u) => u.requires.map((g) => `${familyCharmTitle(u.charm)} needs ${g.interface}: ${g.endpoints.map((e) => e.name).join(', ')}`));
  if (needs.length) alt.push({label: 'Needs from outside the family', items: needs});
  const offers = match.unmatched.flatMap((u) => u.provides.map((g) => `${familyCharmTitle(u.charm)} offers ${g.interface}: ${g.endpoints.map((e) => e.name).join(', ')}`));
  if (offers.length) alt.push({label: 'Offered, but required by no charm of the family', items: offers});
  const peers = match.charms.flatMap((c) => c.model.endpoints.filter((e) => e.role === 'peers').map((e) => `${familyCharmTitle(c)} peer ${e.name} (${e.interface})`));
  if (peers.length) alt.push({label: 'Peer relations', items: peers});
  return alt;
}
