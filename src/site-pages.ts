import {readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';

/** Folders of a site that hold no pages (hidden folders are skipped too). */
const NOT_PAGES = new Set(['node_modules', 'build', 'static']);

export interface SitePagesOptions {
  /** Folders not to enter (the charm directories inside a site). */
  skip?: ReadonlySet<string>;
  /** Larger files are left out, as the charm reader refuses them. */
  maxFileBytes?: number;
  /** `_`-prefixed files and folders: partials Docusaurus compiles only where a page imports them. */
  partials?: boolean;
}

/** The Markdown and MDX files under `dir`, in path order: one walk for every reader of the site's pages. */
export function sitePages(dir: string, options: SitePagesOptions = {}, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    if (entry.name.startsWith('.') || (!options.partials && entry.name.startsWith('_'))) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_PAGES.has(entry.name) && !options.skip?.has(resolve(path))) sitePages(path, options, out);
    } else if (
      entry.isFile() &&
      /\.mdx?$/i.test(entry.name) &&
      (options.maxFileBytes === undefined || statSync(path).size <= options.maxFileBytes)
    ) {
      out.push(path);
    }
  }
  return out;
}
