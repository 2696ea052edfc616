/**
 * Which page documents which charm, for `:::charm-catalog` links.
 *
 * Pages compile in no fixed order, so the catalog cannot wait for the other
 * pages' directives to be expanded. Instead it reads the Markdown sources of
 * its own content folder (e.g. `docs/`, or `versioned_docs/version-x/`) and
 * finds the page that documents each charm: the one with its
 * `:::charm-architecture`, else the one with the most of its section
 * directives (a page written section by section), first in path order on a
 * tie. Pages are parsed as Markdown, so an example inside a code fence does
 * not count. The link is written to the
 * source file (`../architecture/pastebin.md`): Docusaurus' own Markdown-link
 * resolution turns it into the page's URL, and `onBrokenMarkdownLinks`
 * reports it if that ever fails.
 */
import {readFileSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import type {Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {directiveFromMarkdown, type ContainerDirective, type LeafDirective} from 'mdast-util-directive';
import {directive} from 'micromark-extension-directive';
import {visit} from 'unist-util-visit';
import {SECTIONS} from '../sections/index.js';
import {sitePages} from '../site-pages.js';

/** The directive of a charm's whole page: a page holding it documents that charm before any other. */
export const ARCHITECTURE_DIRECTIVE = 'charm-architecture';
const ARCHITECTURE_WEIGHT = 1000;

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
  // Only pages with a directive are parsed: most pages have none.
  if (!/^\s*::/m.test(source)) return scores;
  const tree: Root = fromMarkdown(source, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const d = node as ContainerDirective | LeafDirective;
    const id = Object.hasOwn(SECTIONS, d.name) ? (d.attributes?.['charm'] ?? defaultCharm) : undefined;
    if (id) scores.set(id, (scores.get(id) ?? 0) + (d.name === ARCHITECTURE_DIRECTIVE ? ARCHITECTURE_WEIGHT : 1));
  });
  return scores;
}

/**
 * Charm id -> relative link from `page` to the page of its content folder that documents it
 * (see above). The catalog page itself never counts.
 */
export function charmPages(siteDir: string, page: string, ids: readonly string[], defaultCharm: string | undefined): Map<string, string> {
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
