/**
 * The integration map of a large family (12 charms, 150 endpoints) rendered for real in headless
 * Chromium (mermaid 11's browser build, Infima, the theme's themeCSS) at 100% zoom in a column as
 * wide as a docs page's content column on a 1280 px viewport (scrolling sideways, as the
 * CharmDiagram component does): node text must be at least 11 CSS px as a reader sees it (font
 * size times the SVG's scale), in light and dark mode, with readable contrast. The same
 * measurement on the demo site's real page is in test/e2e/website/family-pages.ts.
 * Skipped without Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {chromium, type Browser, type Page} from 'playwright-core';
import {matchFamily} from '../../src/diagrams/family-match.js';
import {integrationMapDiagram} from '../../src/diagrams/integration-map.js';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../e2e/browser.js';
import {renderDiagram} from '../diagrams/browser-page.js';
import {contrast} from '../diagrams/contrast.js';
import {DOCS_DIAGRAM_WIDTH, MIN_TEXT_PX, measureInPage} from './readability.js';
import {LARGE_FAMILY_CHARMS, LARGE_FAMILY_ENDPOINTS, largeFamily} from './synthetic-family.js';

const require = createRequire(import.meta.url);
const maybe = existsSync(CHROMIUM_PATH) ? describe : describe.skip;

maybe('integration map of 12 charms and 150 endpoints in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
    page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.setContent(
      `<!doctype html><html data-theme="light"><head><meta charset="utf-8"></head><body><div id="host" style="width:${DOCS_DIAGRAM_WIDTH}px;overflow-x:auto"></div></body></html>`,
    );
    await page.addStyleTag({content: readFileSync(require.resolve('infima/dist/css/default/default.css'), 'utf8')});
    await page.addScriptTag({path: require.resolve('mermaid/dist/mermaid.min.js')});
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('the fixture is the size the issue names', () => {
    const family = largeFamily();
    expect(family).toHaveLength(LARGE_FAMILY_CHARMS);
    expect(family.reduce((n, c) => n + c.model.endpoints.length, 0)).toBe(LARGE_FAMILY_ENDPOINTS);
  });

  test.each(['light', 'dark'] as const)(
    'node text is at least 11 CSS px and readable in %s mode',
    async (mode) => {
      const match = matchFamily(largeFamily());
      const diagram = integrationMapDiagram(match);
      await renderDiagram(page, diagram.source, mode === 'dark');
      const fill = await page.evaluate(() =>
        [...document.querySelectorAll('#host g.node')].map((g) => {
          const shape = g.querySelector('rect, path, polygon');
          const label = g.querySelector('.nodeLabel p, .nodeLabel') ?? g;
          return {
            text: label.textContent ?? '',
            fill: shape ? getComputedStyle(shape).fill : '',
            color: getComputedStyle(label).color,
          };
        }),
      );
      const r = await page.evaluate(measureInPage, '#host svg');
      console.log(
        `integration map, 12 charms / 150 endpoints / ${match.integrations.length} integrations, ${mode}: ${JSON.stringify(r)}`,
      );
      expect(r.nodes).toBe(LARGE_FAMILY_CHARMS);
      expect(r.minNodePx).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      // Wider than the column: every part of it can be scrolled to.
      expect(r.width).toBeGreaterThan(DOCS_DIAGRAM_WIDTH);
      expect(await page.evaluate(() => document.getElementById('host')!.scrollWidth)).toBeGreaterThanOrEqual(r.width);
      expect(
        fill.filter((n) => n.fill && n.fill !== 'none' && contrast(n.fill, n.color) < 4.5).map((n) => n.text),
      ).toEqual([]);
    },
    60_000,
  );
});
