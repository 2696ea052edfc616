/**
 * `charm-arch render --format md` output pasted into a Docusaurus .md page and an .mdx page, beside
 * the page of the same directives: the three have the same anchors, in the same order, and every
 * in-page link on them lands on an element. The hostile charm's whole page is pasted into an .mdx
 * page too: its text (`{`, `<`, `import` lines, `:directives`) must compile as text, or the
 * site's build fails. The MyST side is test/sphinx/sphinx-build.test.ts.
 */
import {describe, expect, test} from '@jest/globals';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {renderPage} from '../../../src/cli/render.js';
import {repoRoot} from '../temp-site.js';
import {usePage, type FixtureSite} from './site.js';

/** Sections of busy-k8s: grouped events (30), a multi-line config default linked from its table, containers. */
const SECTIONS = ['charm-overview', 'charm-containers', 'oci-images', 'charm-config', 'juju-events', 'charm-actions'];
const TITLE = '# Busy sections\n\n';

const DIRECTIVES = TITLE + SECTIONS.map((s) => `:::${s}{charm="busy"}\n:::\n`).join('\n');
const busy = join(repoRoot, 'test', 'fixtures', 'remark', 'busy-charm', 'charm');
const PASTED = TITLE + renderPage(busy, {format: 'md', sections: SECTIONS, headingLevel: 2});
const HOSTILE_PASTED = renderPage(join(repoRoot, 'test', 'fixtures', 'charms', 'hostile'), {
  format: 'md',
  sections: ['charm-architecture', 'charm-config', 'charm-actions', 'charm-integrations'],
  headingLevel: 2,
  title: true,
});

/** The pages of this group, by path in the fixture site. */
export const PASTED_PAGES: Record<string, string> = {
  'docs/sections-directives.md': DIRECTIVES,
  'docs/sections-pasted.md': PASTED,
  'docs/sections-pasted-mdx.mdx': PASTED,
  'docs/hostile-pasted.mdx': HOSTILE_PASTED,
};

interface Anchors {
  headings: string[];
  toc: string[];
  /** In-page links whose target is not on the page. */
  dangling: string[];
}

async function anchorsOf(page: Page, url: string): Promise<Anchors> {
  await page.goto(url);
  return page.evaluate(() => {
    const article = document.querySelector('article')!;
    const headings = [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.id);
    const toc = [...document.querySelectorAll('.table-of-contents a')].map((a) => a.getAttribute('href') ?? '');
    const dangling = [...article.querySelectorAll('a[href^="#"]')]
      .map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1)))
      .filter((id) => id && !document.getElementById(id));
    return {headings, toc, dangling};
  });
}

export function describePastedOutput(site: FixtureSite): void {
  describe('charm-arch render output pasted into Docusaurus pages', () => {
    const view = usePage(site);

    test('a pasted .md page and a pasted .mdx page have the anchors of the directive page, and no in-page link dangles', async () => {
      const directives = await anchorsOf(view.page, `${site.warm.server.url}/sections-directives`);
      expect(directives.headings).toEqual(
        expect.arrayContaining(['juju-events', 'lifecycle-events', 'config-changed', 'default-of-nginx-snippet']),
      );
      expect(directives.headings.length).toBeGreaterThan(40);
      expect(directives.dangling).toEqual([]);
      for (const pasted of ['sections-pasted', 'sections-pasted-mdx']) {
        const seen = await anchorsOf(view.page, `${site.warm.server.url}/${pasted}`);
        expect(seen.headings).toEqual(directives.headings);
        expect(seen.toc).toEqual(directives.toc);
        expect(seen.dangling).toEqual([]);
      }
    });

    test("the hostile charm's page pasted into an .mdx page compiles, its text shown as text", async () => {
      await view.page.goto(`${site.warm.server.url}/hostile-pasted`);
      const article = view.page.locator('article');
      expect(await article.locator('h1').textContent()).toContain('charm architecture');
      const shown = (await article.textContent()) ?? '';
      expect(shown).toContain('<script>alert(document.cookie)</script>');
      expect(shown).toContain('{process.env.SECRET}');
      expect(shown).toContain('<Tabs><TabItem value="x">x</TabItem></Tabs>');
      expect(await article.locator('script, iframe, img, [onerror], [onclick], tabs, tabitem').count()).toBe(0);
      expect((await anchorsOf(view.page, `${site.warm.server.url}/hostile-pasted`)).dangling).toEqual([]);
    });
  });
}
