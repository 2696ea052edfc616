/** Reading the built website/: its pages on disk, and a page's headings, sections and table of contents in Chromium. */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import type {Page} from 'playwright-core';

/** URL paths of every page in the build: each `index.html`, as `/docs/foo` (no trailing slash). */
export function builtPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'assets') walk(path);
      } else if (entry === 'index.html') {
        const rel = relative(dir, d).split(sep).join('/');
        pages.push(rel ? `/${rel}` : '/');
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Paths listed in sitemap.xml. */
export function sitemapPaths(dir: string): string[] {
  const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/\/$/, '') || '/').sort();
}

/** Texts of the page's table of contents, by target id. */
export async function tocTargets(page: Page): Promise<string[]> {
  return page.$$eval('.table-of-contents a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** The text of the section that starts at the heading with this id. */
export async function sectionText(page: Page, id: string): Promise<string> {
  return page.evaluate((headingId) => {
    const heading = document.getElementById(headingId);
    if (!heading) return '';
    const level = Number(heading.tagName.slice(1));
    let text = '';
    for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      const m = /^H([1-6])$/.exec(node.tagName);
      if (m && Number(m[1]) <= level) break;
      text += `${(node as HTMLElement).innerText}\n`;
    }
    return text;
  }, id);
}

/** A heading's text without the zero-width spaces Docusaurus adds, or null when the page has no such id. */
export async function headingText(page: Page, id: string): Promise<string | null> {
  const h = page.locator(`#${id}`);
  if ((await h.count()) === 0) return null;
  return ((await h.first().innerText()) ?? '').replace(/\u200b/g, '').trim();
}
