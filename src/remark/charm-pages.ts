/**
 * Which page documents which charm, for the catalog's links (a family directive that `readsSitePages`).
 *
 * Pages compile in no fixed order, so the catalog cannot wait for the other
 * pages' directives to be expanded. Instead it reads the Markdown sources of
 * its own content folder (e.g. `docs/`, or `versioned_docs/version-x/`) and
 * finds the page that documents each charm (a directive without `charm=` means the default
 * charm, or the only one, as everywhere): the one with its whole-page
 * directive (`PAGE_DIRECTIVE`), else the one with the most of its section
 * directives (a page written section by section), first in path order on a
 * tie. Pages are parsed as Markdown, so an example inside a code fence does
 * not count. The link is written to the
 * source file (`../architecture/pastebin.md`): Docusaurus' own Markdown-link
 * resolution turns it into the page's URL, and `onBrokenMarkdownLinks`
 * reports it if that ever fails.
 */
import {readFileSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {resolvedCharmId} from '../options.js';
import {PAGE_DIRECTIVE} from '../sections/registry.js';
import {sitePages} from '../site-pages.js';
import {pageDirectives} from './page-directives.js';

/** What decides the charm of a directive without `charm=`: the default charm, else the only one. */
type CharmChoiceOptions = Parameters<typeof resolvedCharmId>[1];

/** A page holding the whole-page directive of a charm documents that charm before any other. */
const PAGE_WEIGHT = 1000;

/** The content folder a page belongs to: the top folder under the site, or `versioned_docs/<version>`. */
export function contentRoot(siteDir: string, page: string): string {
  const parts = relative(siteDir, page).split(sep);
  const depth = parts[0] === 'versioned_docs' || parts[0] === 'i18n' ? 2 : 1;
  if (parts.length <= depth || parts[0] === '..') return dirname(page);
  return join(siteDir, ...parts.slice(0, depth));
}

/** A per-charm directive on a page: the charm it names (`charm` attribute), and whether it is the whole page. */
interface CharmMention {
  charm: string | undefined;
  page: boolean;
}

/**
 * Each page's per-charm directives, by file, with the source they were read from. A catalog reads
 * every page of its content folder, and a site may hold several catalogs (each version, each
 * family page): parsing each page once, and again only when its text changed (`docusaurus start`),
 * makes a catalog cost a walk and a read of the folder instead of a Markdown parse of every page.
 */
const mentionsByFile = new Map<string, {source: string; mentions: CharmMention[]}>();

function mentionsOf(file: string): CharmMention[] {
  const source = readFileSync(file, 'utf8');
  const cached = mentionsByFile.get(file);
  if (cached?.source === source) return cached.mentions;
  const mentions = pageDirectives(source).flatMap(({directive, node}) =>
    directive.family ? [] : [{charm: node.attributes?.['charm'] ?? undefined, page: directive === PAGE_DIRECTIVE}],
  );
  mentionsByFile.set(file, {source, mentions});
  return mentions;
}

/** How much a page documents each charm: its per-charm directives, each naming its charm by the directives' one rule. */
function documentedCharms(file: string, options: CharmChoiceOptions): Map<string, number> {
  const scores = new Map<string, number>();
  for (const {charm, page} of mentionsOf(file)) {
    const id = resolvedCharmId(charm === undefined ? {} : {charm}, options);
    if (id) scores.set(id, (scores.get(id) ?? 0) + (page ? PAGE_WEIGHT : 1));
  }
  return scores;
}

/**
 * Charm id -> relative link from `page` to the page of its content folder that documents it
 * (see above). The catalog page itself never counts.
 */
export function charmPages(
  siteDir: string,
  page: string,
  ids: readonly string[],
  options: CharmChoiceOptions,
): Map<string, string> {
  const best = new Map<string, {file: string; score: number}>();
  for (const file of sitePages(contentRoot(siteDir, page))) {
    if (file === page) continue;
    for (const [id, score] of documentedCharms(file, options)) {
      if (ids.includes(id) && score > (best.get(id)?.score ?? 0)) best.set(id, {file, score});
    }
  }
  const pages = new Map<string, string>();
  for (const id of ids) {
    const found = best.get(id);
    if (!found) continue;
    const rel = relative(dirname(page), found.file).split(sep).map(encodeURIComponent).join('/');
    pages.set(id, rel.startsWith('../') ? rel : `./${rel}`);
  }
  return pages;
}
