/**
 * Hostile charm text in a real Docusaurus build, looked at in Chromium: MDX, HTML, <script>,
 * javascript: links, Markdown headings and fences, Mermaid syntax and secrets from
 * test/fixtures/charms/hostile must come out as inert, literal text.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawn} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, newContext, waitForMermaid} from './browser.js';
import {serveStatic, type StaticServer} from './serve.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteDir = join(root, 'test-results', `hostile-site-${process.pid}`);
const docusaurusBin = join(root, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

function writeSite(): void {
  rmSync(siteDir, {recursive: true, force: true});
  mkdirSync(join(siteDir, 'docs'), {recursive: true});
  cpSync(join(root, 'test', 'fixtures', 'charms', 'hostile'), join(siteDir, 'charm'), {recursive: true});
  writeFileSync(join(siteDir, 'package.json'), JSON.stringify({name: 'hostile-site', private: true, browserslist: {production: ['last 1 chrome version'], development: ['last 1 chrome version']}}));
  writeFileSync(
    join(siteDir, 'docusaurus.config.mjs'),
    `import {charmArchitecture} from ${JSON.stringify(join(root, 'dist', 'src', 'index.js'))};
const charms = charmArchitecture({charms: {hostile: {path: './charm'}}});
export default {
  title: 'Hostile', url: 'http://localhost', baseUrl: '/', onBrokenLinks: 'throw',
  markdown: {mermaid: true}, themes: ['@docusaurus/theme-mermaid'], plugins: [charms.plugin],
  presets: [['classic', {docs: {routeBasePath: '/', beforeDefaultRemarkPlugins: [charms.remarkPlugin]}, blog: false, pages: false}]],
};
`,
  );
  writeFileSync(
    join(siteDir, 'docs', 'index.md'),
    '# Hostile\n\n:::charm-architecture\n:::\n\n## Reference\n\n:::pebble-layers\n:::\n\n:::charm-integrations\n:::\n\n:::charm-config\n:::\n\n:::charm-actions\n:::\n',
  );
}

function build(): Promise<{code: number | null; output: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [docusaurusBin, 'build', '--out-dir', join(siteDir, 'build')], {cwd: siteDir, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'}});
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({code, output}));
  });
}

describe('hostile charm text renders inert', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  const dialogs: string[] = [];
  const errors: string[] = [];
  let html = '';

  beforeAll(async () => {
    writeSite();
    const result = await build();
    if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-3000)}`);
    html = readFileSync(join(siteDir, 'build', 'index.html'), 'utf8');
    server = await serveStatic(join(siteDir, 'build'));
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await waitForMermaid(page);
  }, 8 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(siteDir, {recursive: true, force: true});
  });

  test('no script from the charm runs and no dialog opens', async () => {
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('article script, article iframe, article img, article [onerror], article [onclick]').count()).toBe(0);
  });

  test('no javascript: link and no element from charm markup', async () => {
    const hrefs = await page.locator('article a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    expect(await page.locator('article tabs, article tabitem, article admonition, article component').count()).toBe(0);
  });

  test('markup from the charm is shown as literal text', async () => {
    const text = (await page.textContent('article')) ?? '';
    expect(text).toContain('<script>alert(document.cookie)</script>');
    expect(text).toContain('{process.env.SECRET}');
    expect(text).toContain('<Tabs><TabItem value="x">x</TabItem></Tabs>');
  });

  test('headings in a description do not become page headings', async () => {
    const headings = await page.locator('article h1, article h2, article h3, article h4, article h5, article h6').allTextContents();
    expect(headings.some((h) => /Injected heading|Another heading/.test(h))).toBe(false);
  });

  test('a ```mermaid fence in a description is not rendered as a diagram; generated diagrams render', async () => {
    // The two generated diagrams (deployment, charm) and nothing else.
    expect(await page.locator('article svg[id^="mermaid"], article .docusaurus-mermaid-container svg').count()).toBe(2);
    expect(await page.locator('article [role="alert"]').count()).toBe(0);
  });

  test('secrets never reach the page', () => {
    expect(html).not.toContain('should-never-appear');
  });
});
