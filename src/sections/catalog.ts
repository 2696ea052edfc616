import type {Link, PhrasingContent, RootContent} from 'mdast';
import {familyCharmTitle, type FamilyCharm} from '../diagrams/family-match.js';
import {architectureDirective} from './architecture.js';
import {familyAttributes, type FamilyDirective} from './directive.js';
import type {FamilySectionContext} from './family.js';
import {charmInline} from './charm-markdown.js';
import {code, heading, paragraph, table, text} from './mdast.js';
import {dash} from './reference-tables.js';

function nameCell(charm: FamilyCharm, page: string | undefined): PhrasingContent[] {
  const title = text(familyCharmTitle(charm));
  // `page` is a path to a page of this site found by the adapter, never charm text: a plain link
  // (link() admits only the absolute URLs charm text may carry).
  return [
    page ? ({type: 'link', url: page, children: [title]} satisfies Link) : title,
    text(' ('),
    code(charm.model.name),
    text(')'),
  ];
}

const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** `2 requires, 1 provides, 1 peer; 3 actions; 6 options`: one cell that wraps, so the table fits a docs column. */
function sizeCell(charm: FamilyCharm): string {
  const count = (role: string): number => charm.model.endpoints.filter((e) => e.role === role).length;
  return [
    `${count('requires')} requires, ${count('provides')} provides, ${counted(count('peers'), 'peer')}`,
    counted(charm.model.actions.length, 'action'),
    counted(charm.model.config.length, 'option'),
  ].join('; ');
}

/**
 * One row per charm of the family. A charm's name links to the page that
 * documents it (its whole-page directive, or most of its section directives) when the
 * adapter found one (`ctx.pages`).
 */
export function charmCatalog(ctx: FamilySectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'charm-catalog', text('Charm catalog'))];
  out.push(
    table(
      ['Charm', 'Summary', 'Substrate', 'Containers', 'Endpoints, actions, options'],
      ctx.charms.map((c) => [
        nameCell(c, ctx.pages?.get(c.id)),
        c.model.summary ? charmInline(c.model.summary) : [dash()],
        [
          text(
            c.model.kind === 'kubernetes' ? 'Kubernetes' : c.model.subordinate ? 'machine (subordinate)' : 'machine',
          ),
        ],
        c.model.containers.length
          ? c.model.containers.flatMap((k, n) => [...(n ? [text(', ')] : []), code(k.name)])
          : [dash()],
        [text(sizeCell(c))],
      ]),
    ),
  );
  const linked = ctx.charms.filter((c) => ctx.pages?.has(c.id)).length;
  if (ctx.pages && linked < ctx.charms.length) {
    out.push(
      paragraph(
        text('A charm without a link has no page of its own on this site yet (a page with its '),
        code(`:::${architectureDirective.name}`),
        text(' or its section directives).'),
      ),
    );
  }
  return out;
}

export const catalogDirective: FamilyDirective = {
  name: 'charm-catalog',
  family: true,
  attributes: familyAttributes(),
  build: charmCatalog,
  checks: [],
  readsSitePages: true,
  renderMap: {flag: '--catalog', rank: 0},
  titles: [/^(charm )?catalog$/, /^charms$/, /^(the )?charms (in|of) (this|the) family$/],
};
