/**
 * Opening a page of the built website/ in Chromium and reading what a reader sees: the page once
 * every diagram has rendered (or failed visibly), its diagrams' nodes with their colours, and
 * screenshots for review.
 */
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {contrast} from '../../diagrams/contrast.js';
import {newContext, waitForMermaid, watchProblems, type ColorMode} from '../browser.js';
import {repoRoot} from '../temp-site.js';
import type {BuiltWebsite} from './built.js';

const SCREENSHOT_DIR = join(repoRoot, 'test-results', 'screenshots');

export interface Visit {
  page: Page;
  /** Console errors, page errors, failed requests and a status other than 200. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens `path` in a fresh context in the given colour mode, once the theme is applied and the diagrams are drawn. */
export async function visit(site: BuiltWebsite, path: string, colorMode: ColorMode = 'light'): Promise<Visit> {
  const context = await newContext(site.browser, colorMode);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const response = await page.goto(site.server.url + path, {waitUntil: 'load'});
  if (response?.status() !== 200) problems.errors.push(`HTTP ${response?.status() ?? 'no response'} for ${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction((mode) => document.documentElement.dataset.theme === mode, colorMode);
  await waitForMermaid(page);
  return {page, errors: problems.errors, close: () => context.close()};
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, {recursive: true});
  // Fonts settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true});
}

export interface DiagramNode {
  text: string;
  fill: string;
  color: string;
}

/** Every node of every diagram on the page: its label, its shape's fill and its text colour as rendered. */
export async function diagramNodes(page: Page): Promise<DiagramNode[][]> {
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

/** Nodes whose text is below WCAG AA contrast (4.5) against their shape. */
export function lowContrast(diagrams: DiagramNode[][]): Array<{text: string; ratio: number}> {
  return diagrams
    .flat()
    .filter((n) => n.fill && n.fill !== 'none' && n.color && !n.fill.startsWith('url('))
    .map((n) => ({text: n.text, ratio: Math.round(contrast(n.fill, n.color) * 100) / 100}))
    .filter((n) => n.ratio < 4.5);
}
