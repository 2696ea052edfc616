/**
 * End to end: build website/ with the real `docusaurus build` (the plugin from dist/),
 * serve the result, open every page in headless Chromium and check what a reader sees.
 *
 * Needs `npm run build` first (npm test does it) and Chromium at /usr/bin/chromium
 * (.ci/run installs it). Screenshots go to test-results/screenshots/.
 *
 * Environment:
 *   E2E_WEBPACK_CACHE=1   keep webpack's persistent cache (faster reruns; then MDX that did not
 *                         change is not recompiled, so its build warnings are not seen again)
 *   E2E_SKIP_BUILD=1      reuse an existing website/build
 *   E2E_PRIVATE_BUILD=1   build into test-results/website-build with a private generated-files
 *                         directory, so that the test can run while someone else builds the site
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, newContext, watchProblems, type ColorMode} from './browser.js';
import {serveStatic, type StaticServer} from './serve.js';
import {contrast} from '../diagrams/contrast.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteDir = join(root, 'website');
const privateBuild = Boolean(process.env.E2E_PRIVATE_BUILD);
const buildDir = privateBuild ? join(root, 'test-results', 'website-build') : join(siteDir, 'build');
const generatedDirName = privateBuild ? `.docusaurus-e2e-${process.pid}` : undefined;
const screenshotDir = join(root, 'test-results', 'screenshots');
const docusaurusBin = join(root, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

const BUILD_TIMEOUT = 10 * 60_000;
const PAGE_TIMEOUT = 45_000;
const JUJU_HOOK_DOCS = 'https://documentation.ubuntu.com/juju/latest/reference/hook/';

interface BuildResult {
  code: number | null;
  output: string;
}

/** `docusaurus build website`, as a user runs it; stdout and stderr captured together. */
function buildSite(): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = {...process.env, FORCE_COLOR: '0', NO_COLOR: '1'};
  // Jest's ESM flag is not for the build.
  delete env.NODE_OPTIONS;
  if (!process.env.E2E_WEBPACK_CACHE) env.DOCUSAURUS_NO_PERSISTENT_CACHE = 'true';
  const args = [docusaurusBin, 'build', 'website'];
  if (generatedDirName) {
    env.DOCUSAURUS_GENERATED_FILES_DIR_NAME = generatedDirName;
    args.push('--out-dir', buildDir);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, output}));
  });
}

/** URL paths of every page in the build: each `index.html`, as `/docs/foo` (no trailing slash). */
function builtPages(dir: string): string[] {
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
function sitemapPaths(dir: string): string[] {
  const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/\/$/, '') || '/').sort();
}

/** Wait until every Mermaid diagram has rendered (or failed visibly). */
async function settleDiagrams(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      if (document.querySelector('[aria-busy="true"]')) return false;
      const containers = Array.from(document.querySelectorAll('.docusaurus-mermaid-container'));
      return containers.every((c) => c.querySelector('svg') !== null);
    },
    undefined,
    {timeout: PAGE_TIMEOUT},
  );
}

interface Visit {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

let browser: Browser;
let server: StaticServer;
let build: BuildResult;

async function visit(path: string, colorMode: ColorMode = 'light'): Promise<Visit> {
  const context = await newContext(browser, colorMode);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const problems = watchProblems(page);
  const response = await page.goto(server.url + path, {waitUntil: 'load'});
  if (!response || response.status() !== 200) problems.errors.push(`HTTP ${response?.status() ?? 'no response'} for ${path}`);
  await page.waitForLoadState('networkidle');
  await settleDiagrams(page);
  return {page, errors: problems.errors, close: () => context.close()};
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, {recursive: true});
  // Let the colour-mode re-render and fonts settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({path: join(screenshotDir, `${name}.png`), fullPage: true});
}

/** Texts of the page's table of contents, by target id. */
async function tocTargets(page: Page): Promise<string[]> {
  return page.$$eval('.table-of-contents a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Inline code texts inside the section that starts at the heading with this id. */
async function sectionText(page: Page, id: string): Promise<string> {
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

async function headingText(page: Page, id: string): Promise<string | null> {
  const h = page.locator(`#${id}`);
  if ((await h.count()) === 0) return null;
  return ((await h.first().innerText()) ?? '').replace(/\u200b/g, '').trim();
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
    throw new Error('dist/src/index.js is missing: run `npm run build` first (npm test does).');
  }
  if (process.env.E2E_SKIP_BUILD && existsSync(join(buildDir, 'index.html'))) {
    build = {code: 0, output: '(build skipped: E2E_SKIP_BUILD)'};
  } else {
    build = await buildSite();
  }
  if (build.code !== 0) {
    throw new Error(`docusaurus build failed (exit ${build.code}):\n${build.output.slice(-8000)}`);
  }
  server = await serveStatic(buildDir);
  browser = await launchBrowser();
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (generatedDirName) rmSync(join(siteDir, generatedDirName), {recursive: true, force: true});
});

describe('docusaurus build of website/', () => {
  test('succeeds without unused-directive warnings or other warnings', () => {
    expect(build.code).toBe(0);
    expect(build.output).not.toMatch(/unused Markdown directives/i);
    const warnings = build.output.split('\n').filter((line) => /\[WARNING\]|\[ERROR\]/.test(line));
    expect(warnings).toEqual([]);
  });

  test('builds every page listed in the sitemap, and the architecture demos', () => {
    const pages = builtPages(buildDir);
    expect(pages).toEqual(expect.arrayContaining(['/', '/docs/architecture/pastebin', '/docs/architecture/logsink', '/docs/directives/juju-events']));
    for (const path of sitemapPaths(buildDir)) expect(pages).toContain(path);
  });
});

describe('every page in Chromium', () => {
  test(
    'loads with no console error, no page error and no failed diagram',
    async () => {
      const failures: string[] = [];
      for (const path of builtPages(buildDir)) {
        let v: Visit | undefined;
        try {
          v = await visit(path);
          const problems = [...v.errors];
          if ((await v.page.locator('h1').count()) === 0) problems.push('no <h1>');
          const broken = await v.page.locator('[role="alert"]').allInnerTexts();
          for (const b of broken) problems.push(`alert on page: ${b.slice(0, 300)}`);
          if (problems.length) failures.push(`${path}:\n  ${problems.join('\n  ')}`);
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`);
        } finally {
          await v?.close();
        }
      }
      expect(failures).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});

describe('architecture demo: pastebin (one :::charm-architecture directive)', () => {
  const path = '/docs/architecture/pastebin';

  test(
    'has the generated sections, TOC, events, containers, endpoints and rendered diagrams',
    async () => {
      const v = await visit(path);
      try {
        const {page} = v;
        expect(v.errors).toEqual([]);
        expect(await page.locator('h1').innerText()).toBe('Pastebin architecture');
        expect(await headingText(page, 'overview')).toBe('Overview');
        expect(await headingText(page, 'deployment-overview')).toMatch(/High-level overview of .* deployment/);
        expect(await headingText(page, 'charm-architecture-diagram')).toBe('Charm architecture');
        expect(await headingText(page, 'containers')).toBe('Containers');
        expect(await headingText(page, 'oci-images')).toBe('OCI images');
        expect(await headingText(page, 'metrics')).toBe('Metrics');
        expect(await headingText(page, 'juju-events')).toBe('Juju events');
        expect(await headingText(page, 'charm-code-overview')).toBe('Charm code overview');

        const toc = await tocTargets(page);
        for (const id of ['overview', 'deployment-overview', 'charm-architecture-diagram', 'oci-images', 'metrics', 'juju-events', 'charm-code-overview']) {
          expect(toc).toContain(`#${id}`);
        }

        const events = await sectionText(page, 'juju-events');
        for (const name of ['config-changed', 'pastebin-pebble-ready', 'nginx-pebble-ready', 'pastebin-exporter-pebble-ready', 'upgrade-charm', 'redis-relation-changed', 'create-admin-action', 'database-created']) {
          expect(events).toContain(name);
        }
        const hookLinks = await page.locator(`#juju-events ~ ol a[href^="${JUJU_HOOK_DOCS}"]`).count();
        expect(hookLinks).toBeGreaterThanOrEqual(5);
        await expect(page.locator(`a[href^="${JUJU_HOOK_DOCS}"]`, {hasText: 'config-changed'}).count()).resolves.toBeGreaterThan(0);

        const containers = await sectionText(page, 'containers');
        for (const name of ['pastebin', 'nginx', 'pastebin-exporter']) expect(containers).toContain(name);
        for (const id of ['container-pastebin', 'container-nginx', 'container-pastebin-exporter']) {
          expect(await page.locator(`#${id}`).count()).toBe(1);
        }

        const article = await page.locator('article').innerText();
        for (const endpoint of ['database', 'redis', 'ingress', 'metrics-endpoint', 'grafana-dashboard', 'pastebin-peers']) {
          expect(article).toContain(endpoint);
        }
        expect(article).toContain('postgresql_client');
        expect(article).toMatch(/4\/4/); // kubectl READY: three workload containers + the charm container

        // Both diagrams (deployment, charm) rendered as SVG with content.
        const svgs = page.locator('.docusaurus-mermaid-container svg');
        expect(await svgs.count()).toBeGreaterThanOrEqual(2);
        const deploymentSvg = await page.locator('.docusaurus-mermaid-container svg').first().innerHTML();
        expect(deploymentSvg).toContain('PostgreSQL');
        expect(await page.locator('[role="alert"]').count()).toBe(0);

        await screenshot(page, 'pastebin-light');
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 3,
  );

  test(
    'renders in dark mode, diagrams included',
    async () => {
      const v = await visit(path, 'dark');
      try {
        expect(v.errors).toEqual([]);
        expect(await v.page.getAttribute('html', 'data-theme')).toBe('dark');
        expect(await v.page.locator('.docusaurus-mermaid-container svg').count()).toBeGreaterThanOrEqual(2);
        await screenshot(v.page, 'pastebin-dark');
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 3,
  );
});

describe('architecture demo: logsink (section directives with author prose)', () => {
  const path = '/docs/architecture/logsink';

  test(
    'has the sections, the author prose and the event notes',
    async () => {
      const v = await visit(path);
      try {
        const {page} = v;
        expect(v.errors).toEqual([]);
        for (const [id, text] of [
          ['overview', 'Overview'],
          ['integrations', 'Integrations'],
          ['metrics', 'Metrics'],
          ['juju-events', 'Juju events'],
          ['charm-code-overview', 'Charm code overview'],
          ['configuration', 'Configuration'],
          ['actions', 'Actions'],
        ] as const) {
          expect(await headingText(page, id)).toBe(text);
        }
        expect(await headingText(page, 'deployment-overview')).toMatch(/High-level overview of .* deployment/);
        const toc = await tocTargets(page);
        for (const id of ['overview', 'deployment-overview', 'integrations', 'juju-events', 'configuration', 'actions']) {
          expect(toc).toContain(`#${id}`);
        }

        // Author prose, kept above the generated content.
        const overview = await sectionText(page, 'overview');
        expect(overview).toContain('runs its receiver as a systemd service');

        const events = await sectionText(page, 'juju-events');
        for (const name of ['install', 'config-changed', 'leader-elected', 'data-storage-attached', 'logs-relation-joined', 'rotate-logs-action', 'certificate-available']) {
          expect(events).toContain(name);
        }
        expect(events).not.toMatch(/\bupdate-status\b/); // excluded
        // Event notes from the page source, attached to their events.
        expect(events).toContain('We install the snap from the configured channel');
        expect(events).toContain('Only the first leader creates the client token');
        expect(await page.locator(`a[href^="${JUJU_HOOK_DOCS}"]`, {hasText: 'install'}).count()).toBeGreaterThan(0);

        const integrations = await sectionText(page, 'integrations');
        for (const endpoint of ['cos-agent', 'certificates', 'logs', 'logsink-replicas', 'cos_agent', 'tls-certificates']) {
          expect(integrations).toContain(endpoint);
        }
        const config = await sectionText(page, 'configuration');
        for (const option of ['listen-port', 'retention-days', 'channel']) expect(config).toContain(option);

        expect(await page.locator('.docusaurus-mermaid-container svg').count()).toBeGreaterThanOrEqual(1);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        await screenshot(page, 'logsink-light');
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 3,
  );

  test(
    'renders in dark mode',
    async () => {
      const v = await visit(path, 'dark');
      try {
        expect(v.errors).toEqual([]);
        expect(await v.page.getAttribute('html', 'data-theme')).toBe('dark');
        await screenshot(v.page, 'logsink-dark');
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 3,
  );
});

describe('directive reference pages', () => {
  test(
    'show the directive source unexpanded and its live output below',
    async () => {
      const v = await visit('/docs/directives/juju-events');
      try {
        const {page} = v;
        expect(v.errors).toEqual([]);
        const source = await page.locator('pre').filter({hasText: ':::juju-events{exclude='}).count();
        expect(source).toBeGreaterThan(0);
        // The page title `:::juju-events` already slugs to `juju-events`: the generated heading gets a suffix.
        const heading = page.locator('article h3', {hasText: 'Juju events'});
        expect(await heading.count()).toBe(1);
        const id = await heading.getAttribute('id');
        expect(id).toMatch(/^juju-events/);
        expect(await tocTargets(page)).toContain(`#${id}`);
        const events = await sectionText(page, id!);
        expect(events).toContain('pastebin-pebble-ready');
        expect(events).not.toMatch(/\bupdate-status\b/);
        expect(events).toContain('Gunicorn is not started until the database relation');
      } finally {
        await v.close();
      }
    },
    PAGE_TIMEOUT * 3,
  );
});

interface DiagramNode {
  text: string;
  fill: string;
  color: string;
}

/** Every node of every diagram on the page: its label, its shape's fill and its text colour as rendered. */
async function diagramNodes(page: Page): Promise<DiagramNode[][]> {
  return page.$$eval('.docusaurus-mermaid-container svg', (svgs) =>
    svgs.map((svg) =>
      [...svg.querySelectorAll('g.node')].map((g) => {
        const shape = g.querySelector('rect, path, polygon, circle, ellipse');
        const label = g.querySelector('.nodeLabel p, .nodeLabel') ?? g;
        return {text: label.textContent ?? '', fill: shape ? getComputedStyle(shape).fill : '', color: getComputedStyle(label).color};
      }),
    ),
  );
}

function lowContrast(diagrams: DiagramNode[][]): Array<{text: string; ratio: number}> {
  return diagrams
    .flat()
    .filter((n) => n.fill && n.fill !== 'none' && n.color && !n.fill.startsWith('url('))
    .map((n) => ({text: n.text, ratio: Math.round(contrast(n.fill, n.color) * 100) / 100}))
    .filter((n) => n.ratio < 4.5);
}

describe('themed diagrams on the demo site', () => {
  const path = '/docs/architecture/pastebin';

  test(
    'show the charm\'s integrations and containers, readable (WCAG AA) in light mode, in dark mode and after a toggle',
    async () => {
      const v = await visit(path, 'light');
      try {
        const {page} = v;
        const light = await diagramNodes(page);
        expect(light).toHaveLength(2);
        const [deployment, charm] = light.map((d) => d.map((n) => n.text).join(' | '));
        for (const label of ['Pastebin', 'PostgreSQL', 'Redis', 'Prometheus', 'Grafana', 'Loki']) expect(deployment).toContain(label);
        for (const label of ['PastebinCharm', 'nginx', 'pastebin-exporter', 'pastebin-image']) expect(charm).toContain(label);
        expect(lowContrast(light)).toEqual([]);

        // The navbar toggle: the diagrams re-render with the dark palette, without a reload.
        await page.locator('button[class*="toggleButton"]').first().click();
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        await settleDiagrams(page);
        await page.waitForFunction(
          (before) => {
            const shape = document.querySelector('.docusaurus-mermaid-container svg g.node rect, .docusaurus-mermaid-container svg g.node path');
            return shape !== null && getComputedStyle(shape).fill !== before;
          },
          light[0]![0]!.fill,
          {timeout: PAGE_TIMEOUT},
        );
        const toggled = await diagramNodes(page);
        expect(toggled.flat().map((n) => n.text)).toEqual(light.flat().map((n) => n.text));
        expect(lowContrast(toggled)).toEqual([]);
        await screenshot(page, 'pastebin-toggled-dark');
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
      const dark = await visit(path, 'dark');
      try {
        expect(lowContrast(await diagramNodes(dark.page))).toEqual([]);
        expect(dark.errors).toEqual([]);
      } finally {
        await dark.close();
      }
    },
    PAGE_TIMEOUT * 4,
  );
});
