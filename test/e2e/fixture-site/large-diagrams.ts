/**
 * Diagram size in a real build and Chromium (issue #18 item 7). A charm of 400 endpoints gives a
 * deployment diagram of some 65,000 characters, past Mermaid's default `maxTextSize` (50,000):
 * it must render, as CharmDiagram raises the limit. A charm of 4,000 endpoints passes even the
 * raised limit: the page must show the plugin's error box, never Mermaid's own message.
 */
import {afterAll, describe, expect, test} from '@jest/globals';
import {join} from 'node:path';
import type {BrowserContext, Page} from 'playwright-core';
import {deploymentDiagram} from '../../../src/diagrams/index.js';
import {loadCharm} from '../../../src/model/charm/load.js';
import {newContext, STEP_TIMEOUT, watchProblems, type PageProblems} from '../browser.js';
import type {FixtureSite} from './site.js';

/** theme/CharmDiagram/MermaidView.tsx CHARM_MAX_TEXT_SIZE (that module needs a browser to import). */
const CHARM_MAX_TEXT_SIZE = 500_000;

export function describeLargeDiagrams(site: FixtureSite): void {
  describe('large diagrams', () => {
    const contexts: BrowserContext[] = [];
    afterAll(async () => {
      for (const c of contexts) await c.close();
    });

    async function open(path: string): Promise<{page: Page; problems: PageProblems}> {
      const context = await newContext(site.browser);
      contexts.push(context);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${site.cold.server.url}${path}`);
      return {page, problems};
    }

    test("the premise, measured with the plugin's own builder: one source past each limit", () => {
      const length = (charm: string): number => deploymentDiagram(loadCharm(join(site.dir, charm))).source.length;
      expect(length('many')).toBeGreaterThan(50_000);
      expect(length('many')).toBeLessThan(CHARM_MAX_TEXT_SIZE);
      expect(length('huge')).toBeGreaterThan(CHARM_MAX_TEXT_SIZE);
    });

    test(
      '400 endpoints (about 65,000 characters of Mermaid) render as a diagram',
      async () => {
        const {page, problems} = await open('/many');
        const svg = page.locator('figure .docusaurus-mermaid-container svg');
        await svg.waitFor({timeout: 2 * STEP_TIMEOUT});
        expect(await svg.locator('text=frontend-gateway-service-199').count()).toBe(1);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        expect(await page.textContent('article')).not.toContain('Maximum text size');
        // The throwaway site has no favicon; the browser asks for one anyway.
        expect(problems.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
      },
      4 * STEP_TIMEOUT,
    );

    test(
      "4,000 endpoints (past the raised limit) show the plugin error box, not Mermaid's message",
      async () => {
        const {page} = await open('/huge');
        const alert = page.locator('figure [role="alert"]');
        await alert.waitFor();
        expect(await alert.locator('p').textContent()).toBe('This diagram could not be rendered.');
        expect(await alert.locator('pre').first().textContent()).toMatch(
          new RegExp(
            `^The Mermaid source has \\d{6,} characters, more than the ${CHARM_MAX_TEXT_SIZE} that Mermaid accepts \\(maxTextSize\\)\\.$`,
          ),
        );
        expect(await page.locator('figure svg').count()).toBe(0);
        expect(await page.textContent('article')).not.toContain('Maximum text size');
      },
      3 * STEP_TIMEOUT,
    );
  });
}
