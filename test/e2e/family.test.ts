/**
 * End to end, the demo family: website/ built with the real `docusaurus build` (the plugin from
 * dist/) into a private folder, served, and its integration-map and catalog pages opened in
 * headless Chromium in light and dark mode.
 *
 * Needs `npm run build` first and Chromium at /usr/bin/chromium. Screenshots go to
 * test-results/screenshots/family-*.png. E2E_WEBPACK_CACHE=1 keeps webpack's persistent cache.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {matchFamily} from '../../src/diagrams/family-match.js';
import {integrationMapDiagram} from '../../src/diagrams/integration-map.js';
import {contrast} from '../diagrams/contrast.js';
import {MIN_TEXT_PX, measureInPage} from '../family/readability.js';
import {largeFamily} from '../family/synthetic-family.js';
import {launchBrowser, newContext, watchProblems, waitForMermaid, type ColorMode} from './browser.js';
import {serveStatic, type StaticServer} from './serve.js';
import {repoRoot, runDocusaurus} from './temp-site.js';

const require = createRequire(import.meta.url);
const siteDir = join(repoRoot, 'website');
const buildDir = join(repoRoot, 'test-results', `family-build-${process.pid}`);
const generatedDirName = `.docusaurus-family-${process.pid}`;
const screenshotDir = join(repoRoot, 'test-results', 'screenshots');
const BUILD_TIMEOUT = 15 * 60_000;
const PAGE_TIMEOUT = 60_000;

let browser: Browser;
let server: StaticServer;
let build: {code: number | null; output: string};

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'src', 'index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first.');
  const env: NodeJS.ProcessEnv = {DOCUSAURUS_GENERATED_FILES_DIR_NAME: generatedDirName, NO_COLOR: '1'};
  if (!process.env.E2E_WEBPACK_CACHE) env.DOCUSAURUS_NO_PERSISTENT_CACHE = 'true';
  build = await runDocusaurus({dir: siteDir, charmDir: '', remove: () => undefined}, ['build', '--out-dir', buildDir], env);
  if (build.code !== 0) throw new Error(`docusaurus build failed (exit ${build.code}):\n${build.output.slice(-8000)}`);
  server = await serveStatic(buildDir);
  browser = await launchBrowser();
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(siteDir, generatedDirName), {recursive: true, force: true});
  rmSync(buildDir, {recursive: true, force: true});
});

async function open(path: string, mode: ColorMode): Promise<{page: Page; errors: string[]; close(): Promise<void>}> {
  const context = await newContext(browser, mode);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const problems = watchProblems(page);
  const response = await page.goto(server.url + path, {waitUntil: 'load'});
  expect(response?.status()).toBe(200);
  await page.waitForFunction((m) => document.documentElement.dataset.theme === m, mode);
  await waitForMermaid(page, PAGE_TIMEOUT);
  // The diagrams re-render once the stored colour mode is applied: wait until none is loading.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && [...document.querySelectorAll('.docusaurus-mermaid-container')].every((c) => c.querySelector('svg g.node')), undefined, {timeout: PAGE_TIMEOUT});
  return {page, errors: problems.errors, close: () => context.close()};
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, {recursive: true});
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({path: join(screenshotDir, `family-${name}.png`), fullPage: true});
}

/** Node labels of the page's first diagram, with their fill and text colour. */
async function mapNodes(page: Page): Promise<Array<{text: string; fill: string; color: string}>> {
  return page.$$eval('.docusaurus-mermaid-container svg g.node', (nodes) =>
    nodes.map((g) => {
      const label = g.querySelector('.nodeLabel p, .nodeLabel') ?? g;
      const shape = g.querySelector('rect, path, polygon');
      return {text: label.textContent ?? '', fill: shape ? getComputedStyle(shape).fill : '', color: getComputedStyle(label).color};
    }),
  );
}

test('the build succeeds with no warning', () => {
  expect(build.code).toBe(0);
  expect(build.output.split('\n').filter((l) => /\[WARNING\]|\[ERROR\]/.test(l))).toEqual([]);
});

describe.each(['light', 'dark'] as const)('in %s mode', (mode) => {
  test(
    'the integration map shows the three charms and both integrations, readable, with every edge in its text version',
    async () => {
      const v = await open('/docs/family/integration-map', mode);
      try {
        const nodes = await mapNodes(v.page);
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
        expect(await v.page.locator('#integration-map-unmatched').count()).toBe(1);
        await screenshot(v.page, `map-${mode}`);
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 3,
  );

  test(
    'a 12-charm, 150-endpoint map in the same page keeps 11 px text and scrolls sideways from its left edge',
    async () => {
      const v = await open('/docs/family/integration-map', mode);
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
    PAGE_TIMEOUT * 3,
  );

  test(
    'the catalog lists the three charms, linked to the pages that document them',
    async () => {
      const v = await open('/docs/family/catalog', mode);
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
        expect(await v.page.locator('article h1').innerText()).toBe('Logsink architecture');
        await v.page.goBack();
        await screenshot(v.page, `catalog-${mode}`);
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 2,
  );
});
