/**
 * A site written the template's way (issue #12), built twice (the second build served from webpack's
 * persistent cache) and looked at in Chromium at 1280 px: what a charm team publishes as it comes
 * out. The biggest fixture, busy-k8s (40 endpoints, 30 events), and pastebin-k8s (the widest tables).
 */
import {describe, expect, test} from '@jest/globals';
import {waitForMermaid} from '../browser.js';
import {usePage, type FixtureSite} from './site.js';

/** A page as the template is written: the author's headings, each followed by its directive. */
const BUSY_PAGE = `---
title: Busy Server
---

# Busy Server charm architecture

## High-level overview of Busy Server deployment

:::deployment-diagram
:::

## Configuration

:::charm-config
:::

## Juju events

:::juju-events{toc="event"}
- config-changed: reconciles everything.
- database-relation-joined: never observed by this charm.
:::
`;

const GROUPED_PAGE = '# Busy events, grouped\n\n## Juju events\n\n:::juju-events\n:::\n';
const PASTEBIN_PAGE =
  '# Pastebin reference\n\n## Pebble layers\n\n:::pebble-layers{charm="pastebin"}\n:::\n\n## Integrations\n\n:::charm-integrations{charm="pastebin"}\n:::\n\n## Configuration\n\n:::charm-config{charm="pastebin"}\n:::\n';

const DRIFT =
  /docs\/index\.md:21:1: event-not-observed: Drift: the page annotates `database-relation-joined`, which the charm busy-k8s does not observe\./;
const CHARM_WARNING = /busy\/charmcraft\.yaml:\d+:1: unknown-key: Unknown top-level key `colour`/;

/** The pages of this group, by path in the fixture site. */
export const TEMPLATE_PAGES: Record<string, string> = {
  'docs/index.md': BUSY_PAGE,
  'docs/grouped.md': GROUPED_PAGE,
  'docs/pastebin.md': PASTEBIN_PAGE,
};

export function describeTemplatePages(site: FixtureSite): void {
  describe("a site written the template's way", () => {
    const view = usePage(site);

    test("drift and the charm's warnings are in the log of both builds, the second one served from the persistent cache", () => {
      for (const output of site.outputs) {
        expect(output).toMatch(DRIFT);
        expect(output).toMatch(CHARM_WARNING);
        expect(output.match(new RegExp(DRIFT.source, 'g'))).toHaveLength(1);
      }
    });

    test("no repeated heading; the author's headings keep their own anchors; every event is in the default TOC", async () => {
      await view.page.goto(`${site.warm.server.url}/`);
      const headings = await view.page
        .locator('article h2')
        .evaluateAll((hs) => hs.map((h) => [h.id, h.textContent?.replace(/\u200b/g, '').trim()]));
      expect(headings).toEqual([
        ['high-level-overview-of-busy-server-deployment', 'High-level overview of Busy Server deployment'],
        ['configuration', 'Configuration'],
        ['juju-events', 'Juju events'],
      ]);
      const toc = await view.page
        .locator('.table-of-contents a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(toc.slice(0, 4)).toEqual([
        '#high-level-overview-of-busy-server-deployment',
        '#configuration',
        '#default-of-nginx-snippet', // the multi-line default, which the table links to
        '#juju-events',
      ]);
      // after the sections, one entry per event
      expect(toc.slice(toc.indexOf('#juju-events') + 1)).toHaveLength(30);
      expect(toc).toContain('#config-changed');
    });

    test('above 25 events, by default, the TOC has one entry per event group and each event keeps its anchor', async () => {
      await view.page.goto(`${site.warm.server.url}/grouped`);
      const toc = await view.page
        .locator('.table-of-contents a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(toc).toEqual([
        '#juju-events',
        '#lifecycle-events',
        '#workload-events',
        '#relation-events',
        '#actions',
        '#secret-events',
      ]);
      expect(await view.page.locator('article h4[id="config-changed"]').count()).toBe(1);
    });

    test('deployment diagram of 40 endpoints: node labels at least 11 CSS px at 100% on a 1280 px viewport', async () => {
      await view.page.goto(`${site.warm.server.url}/`);
      await waitForMermaid(view.page, {count: 1});
      const sizes = await view.page
        .locator('article .docusaurus-mermaid-container svg')
        .first()
        .evaluate((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return Array.from(svg.querySelectorAll('.nodeLabel')).map(
            (l) => parseFloat(getComputedStyle(l).fontSize) * scale,
          );
        });
      expect(sizes.length).toBeGreaterThanOrEqual(38);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    });

    test('reference sections read at 100% in the docs column: config in two columns that fit, descriptions most of the width; Pebble services without a table, no command past the column', async () => {
      await view.page.goto(`${site.warm.server.url}/pastebin`);
      const seen = await view.page.evaluate(() => {
        const article = document.querySelector('article')!.getBoundingClientRect();
        const section = (id: string): Element[] => {
          const out: Element[] = [];
          for (
            let n = document.getElementById(id)?.nextElementSibling;
            n && n.tagName !== 'H2';
            n = n.nextElementSibling
          )
            out.push(n);
          return out;
        };
        const config = section('configuration').find((n) => n.tagName === 'TABLE')!;
        const pebble = section('pebble-layers');
        return {
          column: article.width,
          configHeaders: [...config.querySelectorAll('thead th')].map((th) => th.textContent),
          configFits:
            config.scrollWidth <= config.clientWidth + 1 && config.getBoundingClientRect().right <= article.right + 1,
          descriptionWidths: [...config.querySelectorAll('tbody td:last-child')].map(
            (td) => td.getBoundingClientRect().width,
          ),
          pebbleTables: pebble.filter((n) => n.tagName === 'TABLE' || n.querySelector('table')).length,
          commands: pebble.flatMap((n) => [...n.querySelectorAll('li code')]).length,
          pastColumn: pebble
            .flatMap((n) => [...n.querySelectorAll('code')])
            .filter((c) => c.getBoundingClientRect().right > article.right + 1)
            .map((c) => c.textContent),
        };
      });
      expect(seen.column).toBeLessThan(760);
      expect(seen.configHeaders).toEqual(['Option', 'Description']);
      expect(seen.configFits).toBe(true);
      expect(seen.descriptionWidths.length).toBeGreaterThan(3);
      for (const w of seen.descriptionWidths) expect(w).toBeGreaterThan(seen.column * 0.55);
      expect(seen.pebbleTables).toBe(0);
      expect(seen.commands).toBeGreaterThan(5);
      expect(seen.pastColumn).toEqual([]);
    });

    test('tables never clip: each fits the column or scrolls sideways', async () => {
      for (const path of ['/', '/pastebin']) {
        await view.page.goto(`${site.warm.server.url}${path}`);
        const tables = await view.page.locator('article table').evaluateAll((ts) =>
          ts.map((t) => {
            const article = t.closest('article')!.getBoundingClientRect();
            let scroller: Element | null = t;
            while (
              scroller &&
              scroller.tagName !== 'ARTICLE' &&
              !/(auto|scroll)/.test(getComputedStyle(scroller).overflowX)
            )
              scroller = scroller.parentElement;
            const box = scroller && scroller.tagName !== 'ARTICLE' ? scroller : t;
            return {
              fits:
                t.scrollWidth <= t.getBoundingClientRect().width + 1 &&
                t.getBoundingClientRect().right <= article.right + 1,
              overflows: t.scrollWidth > t.clientWidth + 1,
              scrolls: box !== t || /(auto|scroll)/.test(getComputedStyle(t).overflowX),
              boxRight: box.getBoundingClientRect().right,
              articleRight: article.right,
            };
          }),
        );
        expect(tables.length).toBeGreaterThan(0);
        // busy-k8s's config table holds a 120-character URL default: in four columns it overflowed and had to
        // scroll; in two, the URL wraps inside the description column and the table fits.
        if (path === '/') expect(tables.map((t) => t.fits)).toEqual(tables.map(() => true));
        for (const t of tables) {
          expect(t.fits || t.scrolls).toBe(true);
          expect(t.boxRight).toBeLessThanOrEqual(t.articleRight + 1);
        }
      }
    });
  });
}
