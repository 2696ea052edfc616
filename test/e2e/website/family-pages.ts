/**
 * The demo family on website/ in Chromium, light and dark: the integration map (three charms, both
 * integrations, readable, every edge in its text version), a 12-charm map rendered into the same
 * page's column, and the catalog linked to the pages that document its charms. Screenshots go to
 * test-results/screenshots/family-*.png.
 */
import {describe, expect, test} from '@jest/globals';
import {createRequire} from 'node:module';
import {STEP_TIMEOUT, type ColorMode} from '../browser.js';
import {matchFamily} from '../../../src/diagrams/family-match.js';
import {integrationMapDiagram} from '../../../src/diagrams/integration-map.js';
import {contrast} from '../../diagrams/contrast.js';
import {MIN_TEXT_PX, measureInPage} from '../../family/readability.js';
import {largeFamily} from '../../family/synthetic-family.js';
import type {BuiltWebsite} from './built.js';
import {diagramNodes, screenshot, visit, type Visit} from './visit.js';

const require = createRequire(import.meta.url);

export function describeFamilyPages(site: BuiltWebsite): void {
  /** The page once its diagrams have re-rendered in the stored colour mode: every one with its nodes. */
  async function openFamilyPage(path: string, mode: ColorMode): Promise<Visit> {
    const v = await visit(site, path, mode);
    await v.page.waitForFunction(() => [...document.querySelectorAll('.docusaurus-mermaid-container')].every((c) => c.querySelector('svg g.node')), undefined, {timeout: STEP_TIMEOUT});
    return v;
  }

  describe.each(['light', 'dark'] as const)('in %s mode', (mode) => {
    test(
      'the integration map shows the three charms and both integrations, readable, with every edge in its text version',
      async () => {
        const v = await openFamilyPage('/docs/family/integration-map', mode);
        try {
          const nodes = (await diagramNodes(v.page)).flat();
          expect(nodes.map((n) => n.text.split(/Kubernetes charm|machine charm/)[0])).toEqual(['Pastebin', 'Logsink', 'Log relay']);
          for (const n of nodes) expect({node: n.text, readable: contrast(n.fill, n.color) >= 4.5}).toEqual({node: n.text, readable: true});
          const edges = await v.page.$$eval('.docusaurus-mermaid-container svg g.edgeLabel', (ls) => ls.map((l) => l.textContent ?? '').filter(Boolean));
          expect(edges.sort()).toEqual(['logging → logging (loki_push_api)', 'syslog → logs (syslog), limit 1']);
          const size = await v.page.evaluate(measureInPage, '.docusaurus-mermaid-container svg');
          expect(size.minNodePx).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          expect(size.minEdgePx).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          // Drawn top to bottom (the narrower for a chain), it fits the column: no sideways scroll.
          const column = await v.page.$eval('.docusaurus-mermaid-container', (c) => c.clientWidth);
          expect(size.width).toBeLessThanOrEqual(column);
          await v.page.locator('summary', {hasText: 'Text version of this diagram'}).click();
          const alt = await v.page.locator('details:has(> summary:text("Text version of this diagram"))').innerText();
          expect(alt).toContain('Pastebin logging requires Log relay logging, interface loki_push_api, optional');
          expect(alt).toContain('Log relay syslog requires Logsink logs, interface syslog, limit 1');
          const rows = await v.page.$$eval('article table', (tables) => (tables[0] as HTMLTableElement).tBodies[0]!.rows.length);
          expect(rows).toBe(2);
          expect(await v.page.locator('#unmatched-endpoints').count()).toBe(1);
          await screenshot(v.page, `family-map-${mode}`);
          expect(v.errors).toEqual([]);
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );

    test(
      'a 12-charm, 150-endpoint map in the same page keeps 11 px text and scrolls sideways from its left edge',
      async () => {
        const v = await openFamilyPage('/docs/family/integration-map', mode);
        try {
          const source = integrationMapDiagram(matchFamily(largeFamily())).source;
          await v.page.addScriptTag({path: require.resolve('mermaid/dist/mermaid.min.js')});
          // Rendered into a copy of the real diagram container: the site's CSS, the docs column's width.
          const box = await v.page.evaluate(
            async ({source, dark}) => {
              const real = document.querySelector('.docusaurus-mermaid-container')!;
              const copy = real.cloneNode(false) as HTMLElement;
              copy.id = 'large-map';
              real.parentElement!.appendChild(copy);
              const m = (window as unknown as {mermaid: {initialize(c: object): void; render(id: string, s: string): Promise<{svg: string}>}}).mermaid;
              m.initialize({startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral'});
              copy.innerHTML = (await m.render('large-map-svg', source)).svg;
              const svg = copy.querySelector('svg')!.getBoundingClientRect();
              const c = copy.getBoundingClientRect();
              return {column: Math.round(copy.clientWidth), scrollWidth: copy.scrollWidth, svgLeft: svg.left, copyLeft: c.left};
            },
            {source, dark: mode === 'dark'},
          );
          const size = await v.page.evaluate(measureInPage, '#large-map svg');
          console.log(`family e2e (${mode}): docs diagram column ${box.column} px; 12-charm map ${size.width} px wide, node text ${size.minNodePx} px`);
          expect(size.nodes).toBe(12);
          expect(size.minNodePx).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          expect(size.width).toBeGreaterThan(box.column);
          expect(box.scrollWidth).toBeGreaterThanOrEqual(size.width);
          expect(box.svgLeft).toBeGreaterThanOrEqual(box.copyLeft - 1);
          expect(v.errors).toEqual([]);
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );

    test(
      'the catalog lists the three charms, linked to the pages that document them',
      async () => {
        const v = await openFamilyPage('/docs/family/catalog', mode);
        try {
          // The first table is the catalog (the second lists the directive's attributes).
          const rows = await v.page.$$eval('article table', (tables) =>
            [...(tables[0] as HTMLTableElement).tBodies[0]!.rows].map((tr) => {
              const a = tr.querySelector('td a');
              return {text: (tr.children[0] as HTMLElement).innerText, href: a ? new URL((a as HTMLAnchorElement).href).pathname : null, substrate: (tr.children[2] as HTMLElement).innerText};
            }),
          );
          expect(rows).toEqual([
            {text: 'Pastebin (pastebin-k8s)', href: '/docs/architecture/pastebin', substrate: 'Kubernetes'},
            {text: 'Logsink (logsink)', href: '/docs/architecture/logsink', substrate: 'machine'},
            {text: 'Log relay (log-relay-k8s)', href: null, substrate: 'Kubernetes'},
          ]);
          await v.page.locator('article table a', {hasText: 'Logsink'}).click();
          await v.page.waitForURL(/\/docs\/architecture\/logsink$/);
          // A client-side navigation: the address changes before the new page renders; wait for its heading.
          await v.page.locator('article h1', {hasText: 'Logsink architecture'}).waitFor();
          expect(await v.page.locator('article h1').innerText()).toBe('Logsink architecture');
          await v.page.goBack();
          await screenshot(v.page, `family-catalog-${mode}`);
          expect(v.errors).toEqual([]);
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 2,
    );
  });
}
