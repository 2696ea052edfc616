/**
 * The deployment diagram: this charm and the applications it integrates with.
 *
 * Conventions:
 * - This charm is the centre node (class `charm`).
 * - One node per endpoint (its counterpart: the concrete application is not
 *   known, so it is named after a well-known interface, e.g. `PostgreSQL`,
 *   else after the endpoint), class `external`.
 * - Edges point from the REQUIRER to the PROVIDER: a `requires` endpoint is an
 *   edge from this charm to the counterpart, a `provides` endpoint an edge from
 *   the counterpart to this charm. Each edge is labelled `endpoint: interface`.
 * - Optional endpoints: dotted edge, counterpart also gets class `optional`.
 * - Peer endpoints: an extra line `peer endpoint: interface` inside the charm
 *   node (a self-loop's label collides with other edge labels in dagre).
 * - Observability endpoints (interfaces in {@link OBSERVABILITY_INTERFACES} or
 *   named in `model.metrics.endpoints`) sit in subgraphs (class
 *   `observability`): one for those this charm provides ("Observability: reads
 *   from this charm") and one for those it requires ("Observability: this charm
 *   sends to"), so each box stays on its side of the charm.
 * - Past {@link COMPACT_THRESHOLD} non-peer endpoints (`layout: 'auto'`), or
 *   with `layout: 'compact'`, counterparts are grouped by role in subgraphs
 *   "Requires" / "Provides" (observability ones marked by class) with one edge
 *   per group, each counterpart's label carrying `endpoint: interface`, and each
 *   group wraps into rows of {@link COMPACT_COLUMNS} (top to bottom).
 * - Subordinate charms: the principal application and this charm share one
 *   box (class `unit`, the machine), joined by the container-scoped endpoints
 *   (deployment-principal.ts); the other endpoints are drawn as above.
 * - Direction: top to bottom by default (`full` layout: left to right).
 */
import type {CharmModel, Endpoint} from '../model/index.js';
import {FlowchartWriter, type Direction} from './flowchart.js';
import type {AltGroup, DiagramResult} from './props.js';
import {altItem, counterpartLabels, edgeLabel, isObservability} from './deployment-labels.js';
import {charmKind, principalEndpoints, subordinateLegend, writeSharedMachine} from './deployment-principal.js';

export interface DeploymentDiagramOptions {
  direction?: Direction;
  /** `auto` (default): compact past {@link COMPACT_THRESHOLD} endpoints. */
  layout?: 'auto' | 'full' | 'compact';
}

/**
 * More non-peer endpoints than this switch `layout: 'auto'` to the compact form. Measured in Chromium
 * on a 1280 px page (a doc column of about 680 px): one box per endpoint with labelled edges stays at
 * 16 px text up to 3 endpoints, and a left-to-right chart of 7 (pastebin-k8s) is already 1194 px wide,
 * scaled to 9 px text; the compact grid keeps 40 endpoints (busy-k8s) at 12.8 px.
 */
export const COMPACT_THRESHOLD = 3;

/**
 * How to read the deployment diagram, in both layouts: the diagram's description and the prose
 * the section writes above it say the same. Optional endpoints are a dotted arrow and a dashed box
 * (full layout) or a dashed box marked `(optional)` (compact); the dash is a `classDef` (types.ts
 * PORTABLE_CLASS_STYLES), so it shows in Markdown and MyST output too.
 */
export const DEPLOYMENT_LEGEND =
  'Arrows point from the requirer to the provider; optional integrations are drawn with dashed lines.';

/** Subgraph titles of the observability groups (full layout). */
export const OBSERVABILITY_PROVIDES_TITLE = 'Observability: reads from this charm';
export const OBSERVABILITY_REQUIRES_TITLE = 'Observability: this charm sends to';

// One list of observability interfaces for the model and the diagrams.
import {OBSERVABILITY_INTERFACES} from '../model/index.js';
export {OBSERVABILITY_INTERFACES};

/**
 * The charm's display name on one line: a `title: |` block keeps its trailing newline, and a
 * title spread over lines would break a heading or front matter.
 */
export function charmTitle(model: CharmModel): string {
  const title = (model.displayName ?? '').replace(/\s+/g, ' ').trim();
  return title || model.name;
}

/**
 * Boxes per row of a compact group (top-to-bottom layout). Measured in Chromium: a 1280 px wide page's
 * doc column shows three compact boxes side by side with labels of at least 11 CSS px.
 */
export const COMPACT_COLUMNS = 3;

/**
 * The invisible links (`a ~~~ b`: b one rank below a) that lay `count` boxes out in rows of `columns`,
 * as pairs of indexes. Each box links to the one `columns` later, so every column is a chain. A column
 * that ends one row short (the last row is not full) also links its bottom box to the last box:
 * otherwise its chain is shorter than the group, dagre may rank it one row down, and the first row
 * starts with a hole (seen on indico: 8 boxes in rows of 2, 3, 3).
 */
export function gridLinks(count: number, columns: number): Array<[number, number]> {
  const links: Array<[number, number]> = [];
  if (count <= columns) return links;
  for (let i = 0; i + columns < count; i++) links.push([i, i + columns]);
  const rows = Math.ceil(count / columns);
  const lastRowStart = (rows - 1) * columns;
  for (let column = count - lastRowStart; column < columns; column++)
    links.push([lastRowStart - columns + column, count - 1]);
  return links;
}

export function deploymentDiagram(model: CharmModel, options: DeploymentDiagramOptions = {}): DiagramResult {
  const layout = options.layout ?? 'auto';
  const name = charmTitle(model);
  const peers = model.endpoints.filter((e) => e.role === 'peers');
  const others = model.endpoints.filter((e) => e.role !== 'peers');
  // A subordinate's container-scoped endpoints lead to its principal, drawn beside it: not one box each.
  const principal = principalEndpoints(model);
  const outside = others.filter((e) => !principal.includes(e));
  const observability = outside.filter((e) => isObservability(model, e));
  const requires = outside.filter((e) => e.role === 'requires' && !isObservability(model, e));
  const provides = outside.filter((e) => e.role === 'provides' && !isObservability(model, e));
  const compact = layout === 'compact' || (layout === 'auto' && outside.length > COMPACT_THRESHOLD);
  // Top to bottom unless asked otherwise: a left-to-right chart of many integrations is so wide that
  // the column scales its text below reading size. `layout: 'full'` keeps its left-to-right default.
  const direction = options.direction ?? (layout === 'full' ? 'LR' : 'TB');
  const labels = counterpartLabels(outside);

  const title = `Deployment of the ${name} charm`;
  const requiresAll = others.filter((e) => e.role === 'requires').length;
  const providesAll = others.filter((e) => e.role === 'provides').length;
  const optional = others.filter((e) => e.optional).length;
  // The counts are those of the arrows: one per endpoint (full layout) or `requires N` / `provides N`
  // on the group arrows (compact), observability endpoints included in both.
  const description =
    others.length === 0
      ? `The ${name} charm with no integrations${peers.length ? `, and ${peers.length} peer relation(s)` : ''}.`
      : `The ${name} charm requires ${requiresAll} and provides ${providesAll} integration(s) ` +
        `(${observability.length} for observability, ${optional} optional) and has ${peers.length} peer relation(s). ` +
        DEPLOYMENT_LEGEND +
        (principal.length ? ` ${subordinateLegend(name)}` : '');

  const w = new FlowchartWriter(direction, title, description);
  const charmLabel = [name, charmKind(model), ...peers.map((p) => `peer ${edgeLabel(p)}`)];
  const writeCharm = (): string => w.node(charmLabel, {classes: ['charm']});
  const shared = principal.length ? writeSharedMachine(w, name, principal, writeCharm) : null;
  const charm = shared ? shared.charm : writeCharm();

  // Edges are written after all nodes and subgraphs: an edge written inside a
  // subgraph block would pull the charm node into that subgraph.
  const pendingEdges: Array<() => void> = [];
  const edgeTo = (id: string, e: Endpoint): void => {
    const style = e.optional ? 'dotted' : 'solid';
    if (e.role === 'requires') pendingEdges.push(() => w.edge(charm, id, edgeLabel(e), style));
    else pendingEdges.push(() => w.edge(id, charm, edgeLabel(e), style));
  };
  if (shared) for (const e of principal) edgeTo(shared.principal, e);
  const full = (e: Endpoint): void => {
    const id = w.node(labels.get(e)!, {shape: 'round', classes: e.optional ? ['external', 'optional'] : ['external']});
    edgeTo(id, e);
    if (isObservability(model, e)) w.addClass(id, 'observability');
  };

  const compactNode = (e: Endpoint): string => {
    const id = w.node([labels.get(e)!, edgeLabel(e) + (e.optional ? ' (optional)' : '')], {
      shape: 'round',
      classes: e.optional ? ['external', 'optional'] : ['external'],
    });
    if (isObservability(model, e)) w.addClass(id, 'observability');
    return id;
  };

  if (!compact) {
    for (const e of requires) full(e);
    for (const e of provides) full(e);
    // One box per side of the charm: a single box holding both would be laid
    // out around the charm itself.
    const obsGroups: Array<[string, Endpoint[]]> = [
      [OBSERVABILITY_PROVIDES_TITLE, observability.filter((e) => e.role === 'provides')],
      [OBSERVABILITY_REQUIRES_TITLE, observability.filter((e) => e.role === 'requires')],
    ];
    for (const [t, eps] of obsGroups) {
      if (eps.length === 0) continue;
      w.subgraph(t, {classes: ['observability']});
      for (const e of eps) full(e);
      w.end();
    }
  } else {
    const group = (title: string, eps: Endpoint[], cls: 'external' | 'observability'): string | null => {
      if (eps.length === 0) return null;
      // Mermaid lays a subgraph without a direction out across its parent's: say it.
      const sg = w.subgraph(title, {classes: [cls], direction});
      const ids = eps.map(compactNode);
      // Top to bottom: rows of COMPACT_COLUMNS (gridLinks). Left to right, boxes of one rank already stack into a column.
      if (direction === 'TB')
        for (const [from, to] of gridLinks(ids.length, COMPACT_COLUMNS)) w.layoutLink(ids[from]!, ids[to]!);
      w.end();
      return sg;
    };
    // Observability counterparts join their role's group (marked by class): a third group would sit
    // beside another one and double the chart's width.
    const allRequires = [...requires, ...observability.filter((e) => e.role === 'requires')];
    const allProvides = [...provides, ...observability.filter((e) => e.role === 'provides')];
    const req = group('Requires', allRequires, 'external');
    if (req) w.edge(charm, req, `requires ${allRequires.length}`);
    const prov = group('Provides', allProvides, 'external');
    if (prov) w.edge(prov, charm, `provides ${allProvides.length}`);
  }
  for (const edge of pendingEdges) edge();

  const alt: AltGroup[] = [{label: 'This charm', items: [`${name} (${charmKind(model)})`]}];
  if (principal.length)
    alt.push({
      label: 'Principal (same machine, container scope)',
      items: principal.map((e) => altItem(e, 'the principal application')),
    });
  const addGroup = (label: string, eps: Endpoint[]): void => {
    if (eps.length > 0) alt.push({label, items: eps.map((e) => altItem(e, labels.get(e) ?? e.name))});
  };
  addGroup('Requires (this charm points at the provider)', requires);
  addGroup('Provides (the requirer points at this charm)', provides);
  addGroup('Observability', observability);
  addGroup('Peer relations', peers);

  return {source: w.toString(), title, description, alt};
}
