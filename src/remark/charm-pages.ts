/**
 * Which page documents which charm, for the catalog's links (a family directive that `readsSitePages`).
 *
 * Pages compile in no fixed order, so the catalog cannot wait for the other
 * pages' directives to be expanded. Instead it reads the Markdown sources of
 * its own content folder (e.g. `docs/`, or `versioned_docs/version-x/`) and
 * finds the page that documents each charm: the one with its whole-page
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
import {PAGE_DIRECTIVE} from '../sections/registry.js';
import {sitePages} from '../site-pages.js';
import {pageDirectives} from './page-directives.js';

/** A page holding the whole-page directive of a charm documents that charm before any other. */
const PAGE_WEIGHT = 1000;

/** The content folder a page belongs to: the top folder under the site, or `versioned_docs/<version>`. */
export function contentRoot(siteDir: string, page: string): string {
  const parts = relative(siteDir, page).split(sep);
  const depth = parts[0] === 'versioned_docs' || parts[0] === 'i18n' ? 2 : 1;
  if (parts.length <= depth || parts[0] === '..') return dirname(page);
  return join(siteDir, ...parts.slice(0, depth));
}

/** How much a page documents each charm: its per-charm directives (`charm` attribute, else the default charm). */
function documentedCharms(source: string, defaultCharm: string | undefined): Map<string, number> {
  const scores = new Map<string, number>();
  for (const {directive, node} of pageDirectives(source)) {
    const id = directive.family ? undefined : (node.attributes?.['charm'] ?? defaultCharm);
    if (id) scores.set(id, (scores.get(id) ?? 0) + (directive === PAGE_DIRECTIVE ? PAGE_WEIGHT : 1));
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
  defaultCharm: string | undefined,
): Map<string, string> {
  const best = new Map<string, {file: string; score: number}>();
  for (const file of sitePages(contentRoot(siteDir, page))) {
    if (file === page) continue;
    for (const [id, score] of documentedCharms(readFileSync(file, 'utf8'), defaultCharm)) {
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
