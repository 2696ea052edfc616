/**
 * Which page documents which charm, for `:::charm-catalog` links.
 *
 * Pages compile in no fixed order, so the catalog cannot wait for the other
 * pages' directives to be expanded. Instead it reads the Markdown sources of
 * its own content folder (e.g. `docs/`, or `versioned_docs/version-x/`) and
 * finds each `:::charm-architecture` directive (parsed as Markdown, so an
 * example inside a code fence does not count). The link is written to the
 * source file (`../architecture/pastebin.md`): Docusaurus' own Markdown-link
 * resolution turns it into the page's URL, and `onBrokenMarkdownLinks`
 * reports it if that ever fails.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import type {Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {directiveFromMarkdown, type ContainerDirective, type LeafDirective} from 'mdast-util-directive';
import {directive} from 'micromark-extension-directive';
import {visit} from 'unist-util-visit';

/** The directive whose page a charm's catalog row links to. */
export const ARCHITECTURE_DIRECTIVE = 'charm-architecture';

/** Folders never holding pages. */
const SKIPPED = new Set(['node_modules', 'build', 'static']);

/** The content folder a page belongs to: the top folder under the site, or `versioned_docs/<version>`. */
export function contentRoot(siteDir: string, page: string): string {
  const parts = relative(siteDir, page).split(sep);
  const depth = parts[0] === 'versioned_docs' || parts[0] === 'i18n' ? 2 : 1;
  if (parts.length <= depth || parts[0] === '..') return dirname(page);
  return join(siteDir, ...parts.slice(0, depth));
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.') || entry.startsWith('_') || SKIPPED.has(entry)) continue;
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) markdownFiles(path, out);
    else if (/\.mdx?$/i.test(entry)) out.push(path);
  }
  return out;
}

/** Charm ids documented by `:::charm-architecture` in one page (its `charm` attribute, else the default charm). */
function documentedCharms(source: string, defaultCharm: string | undefined): string[] {
  // Only pages that mention the directive are parsed: most pages are not.
  if (!source.includes(ARCHITECTURE_DIRECTIVE)) return [];
  const tree: Root = fromMarkdown(source, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
  const ids: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const d = node as ContainerDirective | LeafDirective;
    const id = d.name === ARCHITECTURE_DIRECTIVE ? (d.attributes?.['charm'] ?? defaultCharm) : undefined;
    if (id) ids.push(id);
  });
  return ids;
}

/**
 * Charm id -> relative link from `page` to the first page (in path order) of its content folder
 * holding that charm's `:::charm-architecture`. The catalog page itself never counts.
 */
export function charmPages(siteDir: string, page: string, ids: readonly string[], defaultCharm: string | undefined): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of markdownFiles(contentRoot(siteDir, page))) {
    if (file === page) continue;
    for (const id of documentedCharms(readFileSync(file, 'utf8'), defaultCharm)) {
      if (!ids.includes(id) || pages.has(id)) continue;
      const rel = relative(dirname(page), file).split(sep).map(encodeURIComponent).join('/');
      pages.set(id, rel.startsWith('../') ? rel : `./${rel}`);
    }
  }
  return pages;
}
