/**
 * Hostile charm text in a real Docusaurus build, looked at in Chromium: MDX, HTML, <script>,
 * javascript: links, Markdown headings and fences, Mermaid syntax and secrets from
 * test/fixtures/charms/hostile must come out as inert, literal text.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {BrowserContext, Page} from 'playwright-core';
import {newContext, settled, STEP_TIMEOUT, waitForMermaid} from '../browser.js';
import type {FixtureSite} from './site.js';

export function describeHostileText(site: FixtureSite): void {
  describe('hostile charm text renders inert', () => {
    let context: BrowserContext;
    let page: Page;
    const dialogs: string[] = [];
    const errors: string[] = [];
    let html = '';

    beforeAll(async () => {
      html = readFileSync(join(site.cold.dir, 'hostile', 'index.html'), 'utf8');
      context = await newContext(site.browser);
      page = await context.newPage();
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.cold.server.url}/hostile`);
      await waitForMermaid(page, {count: 2}); // :::charm-architecture: deployment and charm diagrams
    }, 3 * STEP_TIMEOUT);
    afterAll(() => context?.close());

    test('no script from the charm runs and no dialog opens', async () => {
      // Whatever the page would run has run: the load event has fired, every diagram is drawn
      // (beforeAll), and the browser has painted twice since (conditions, not a sleep).
      await settled(page);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(
        await page.locator('article script, article iframe, article img, article [onerror], article [onclick]').count(),
      ).toBe(0);
    });

    test('no javascript: link and no element from charm markup', async () => {
      const hrefs = await page.locator('article a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
      expect(await page.locator('article tabs, article tabitem, article admonition, article component').count()).toBe(
        0,
      );
    });

    test('markup from the charm is shown as literal text', async () => {
      const text = (await page.textContent('article')) ?? '';
      expect(text).toContain('<script>alert(document.cookie)</script>');
      expect(text).toContain('{process.env.SECRET}');
      expect(text).toContain('<Tabs><TabItem value="x">x</TabItem></Tabs>');
    });

    test('headings in a description do not become page headings', async () => {
      const headings = await page
        .locator('article h1, article h2, article h3, article h4, article h5, article h6')
        .allTextContents();
      expect(headings.some((h) => /Injected heading|Another heading/.test(h))).toBe(false);
    });

    test('a ```mermaid fence in a description is not rendered as a diagram; generated diagrams render', async () => {
      // The two generated diagrams (deployment, charm) and nothing else.
      expect(await page.locator('article svg[id^="mermaid"], article .docusaurus-mermaid-container svg').count()).toBe(
        2,
      );
      expect(await page.locator('article [role="alert"]').count()).toBe(0);
    });

    test('secrets never reach the page', () => {
      expect(html).not.toContain('should-never-appear');
    });
  });
}
