import type {PhrasingContent, RootContent} from 'mdast';
import {
  CONTAINER_SCOPE_LEGEND,
  CONTAINER_SCOPE_NOTE,
  familyCharmTitle,
  familyHasContainerScope,
  integrationNotes,
  matchFamily,
  OBSERVABILITY_GROUP,
  type FamilyMatch,
  type Integration,
  type UnmatchedGroup,
} from '../diagrams/family-match.js';
import {integrationMapDiagram, type IntegrationMapOptions} from '../diagrams/integration-map.js';
import {DIRECTIONS, LAYOUTS} from './deployment-diagram.js';
import {diagramNode} from './diagrams.js';
import {familyAttributes, oneOf, type FamilyDirective} from './directive.js';
import type {FamilySectionContext} from './family.js';
import {code, heading, list, paragraph, strong, table, text} from './mdast.js';
import {dash} from './reference-tables.js';

/** Directive attributes -> diagram options (values are validated by the adapter). */
function diagramOptions(attributes: Readonly<Record<string, string>>): IntegrationMapOptions {
  const {layout, direction, observability} = attributes;
  return {
    ...(layout === 'full' || layout === 'compact' || layout === 'auto' ? {layout} : {}),
    ...(direction === 'LR' || direction === 'TB' ? {direction} : {}),
    ...(observability === 'auto' || observability === 'show' || observability === 'fold' ? {observability} : {}),
  };
}

/** `container scope; optional; alternative ...`: how it is scoped, whether the requirer may go without it, the matcher's notes. */
function note(i: Integration): PhrasingContent[] {
  const notes = [
    ...(i.containerScoped ? [CONTAINER_SCOPE_NOTE] : []),
    ...(i.optional ? ['optional'] : []),
    ...integrationNotes(i, 'alternative '),
  ];
  return notes.length ? [text(notes.join('; '))] : [dash()];
}

/** `Glauth` `pg-database`: a charm and its endpoint in one cell, so the table fits a docs column. */
const side = (title: string, endpoint: string): PhrasingContent[] => [text(`${title} `), code(endpoint)];

function integrationsTable(match: FamilyMatch): RootContent {
  return table(
    ['Requirer', 'Provider', 'Interface', 'Note'],
    match.integrations.map((i) => [
      side(familyCharmTitle(i.requirer.charm), i.requirer.endpoint.name),
      side(familyCharmTitle(i.provider.charm), i.provider.endpoint.name),
      [code(i.interface)],
      note(i),
    ]),
  );
}

/** One requirer endpoint, several providers: list them all, pick none. */
function ambiguousList(match: FamilyMatch): RootContent[] {
  const byRequirer = new Map<string, Integration[]>();
  for (const i of match.integrations.filter((x) => x.alternatives > 1)) {
    const key = `${i.requirer.charm.id}\0${i.requirer.endpoint.name}`;
    byRequirer.set(key, [...(byRequirer.get(key) ?? []), i]);
  }
  if (!byRequirer.size) return [];
  const items = [...byRequirer.values()].map((group): PhrasingContent[] => {
    const r = group[0]!.requirer;
    const out: PhrasingContent[] = [
      strong(text(familyCharmTitle(r.charm))),
      text(' '),
      code(r.endpoint.name),
      text(' ('),
      code(group[0]!.interface),
      text(') can use any one of: '),
    ];
    group.forEach((i, n) =>
      out.push(
        ...(n ? [text(', ')] : []),
        strong(text(familyCharmTitle(i.provider.charm))),
        text(' '),
        code(i.provider.endpoint.name),
      ),
    );
    out.push(text('. Choose one when you deploy.'));
    return out;
  });
  return [
    paragraph(
      text(
        'Where one endpoint could integrate with several charms of the family, every candidate is listed; the map picks none.',
      ),
    ),
    list(false, items),
  ];
}

/** `needs s3: media (optional)`; the folded observability group names each endpoint's interface. */
function groupItem(verb: string, g: UnmatchedGroup): PhrasingContent[] {
  const folded = g.interface === OBSERVABILITY_GROUP;
  const out: PhrasingContent[] = [text(`${verb} `), folded ? text('observability') : code(g.interface), text(': ')];
  g.endpoints.forEach((e, n) => {
    const notes = [
      ...(folded ? [code(e.interface)] : []),
      ...(e.scope === 'container' ? [text(CONTAINER_SCOPE_NOTE)] : []),
      ...(e.optional ? [text('optional')] : []),
    ];
    out.push(...(n ? [text(', ')] : []), code(e.name));
    if (notes.length) out.push(text(' ('), ...notes.flatMap((x, k) => (k ? [text(', '), x] : [x])), text(')'));
  });
  return out;
}

function unmatchedList(match: FamilyMatch): RootContent[] {
  const items = match.unmatched
    .filter((u) => u.requires.length || u.provides.length)
    .map((u) => [
      paragraph(strong(text(familyCharmTitle(u.charm)))),
      list(false, [...u.requires.map((g) => groupItem('needs', g)), ...u.provides.map((g) => groupItem('offers', g))]),
    ]);
  if (!items.length) return [paragraph(text('Every endpoint of every charm is served within the family.'))];
  return [
    paragraph(
      text(
        'Endpoints no charm of the family serves: what each charm needs from outside the family, and what it offers that no charm of the family requires, grouped by interface.',
      ),
    ),
    list(false, items),
  ];
}

/** The family's diagram, its integrations, ambiguous matches and unmatched endpoints. */
export function integrationMap(ctx: FamilySectionContext): RootContent[] {
  const match = matchFamily(ctx.charms);
  const level = ctx.headingLevel;
  const out: RootContent[] = [
    heading(level, 'integration-map', text('Integration map')),
    paragraph(
      text(
        `How the ${ctx.charms.length} charms of this family integrate: one box per charm, one arrow per possible integration, from the requirer to the provider (dotted when the requirer's endpoint is optional). A charm's peers and what it needs from outside the family are listed in its box.` +
          (familyHasContainerScope(match) ? ` ${CONTAINER_SCOPE_LEGEND}` : ''),
      ),
    ),
    diagramNode(integrationMapDiagram(match, diagramOptions(ctx.attributes))),
    heading(level + 1, 'integration-map-integrations', text('Integrations')),
  ];
  out.push(
    match.integrations.length
      ? integrationsTable(match)
      : paragraph(
          text('No two charms of this family share an interface with one requiring and the other providing it.'),
        ),
  );
  const ambiguous = ambiguousList(match);
  if (ambiguous.length)
    out.push(heading(level + 1, 'integration-map-alternatives', text('Alternatives')), ...ambiguous);
  out.push(heading(level + 1, 'integration-map-unmatched', text('Unmatched endpoints')), ...unmatchedList(match));
  return out;
}

export const integrationMapDirective: FamilyDirective = {
  name: 'integration-map',
  family: true,
  attributes: familyAttributes({
    layout: oneOf(...LAYOUTS),
    direction: oneOf(...DIRECTIONS),
    observability: oneOf('auto', 'show', 'fold'),
  }),
  build: integrationMap,
  checks: [],
  renderMap: {rank: 1},
  titles: [/^integration map$/, /^integrations map$/, /^how the charms integrate$/],
};
