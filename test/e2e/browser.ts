/**
 * Headless Chromium for the end-to-end tests: the system's /usr/bin/chromium driven by
 * playwright-core. Never downloads a browser.
 */
import {existsSync} from 'node:fs';
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(.ci/run does), or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
}

export type ColorMode = 'light' | 'dark';

/**
 * How long one browser step (a navigation, a wait for a condition) may take: generous, as a busy
 * 2-core machine that also runs a Docusaurus build renders a page slowly; a step that never
 * happens still fails, after this long.
 */
export const STEP_TIMEOUT = 90_000;

/**
 * A browser context in the given colour mode: the OS preference (Docusaurus respects
 * it with `respectPrefersColorScheme`) and the stored choice both say so.
 */
export async function newContext(browser: Browser, colorMode: ColorMode = 'light'): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: {width: 1280, height: 900},
    colorScheme: colorMode,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  await context.addInitScript((mode: string) => {
    try {
      window.localStorage.setItem('theme', mode);
    } catch {
      // storage may be unavailable on error pages
    }
  }, colorMode);
  return context;
}

/** Console errors and uncaught page errors seen on a page. */
export interface PageProblems {
  errors: string[];
}

/** Record console errors and page errors (uncaught exceptions) from now on. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = {errors: []};
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.errors.push(`console.error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => {
    problems.errors.push(`page error: ${error.stack ?? error.message}`);
  });
  page.on('requestfailed', (request) => {
    // Only the site's own requests: the browser is offline for anything else.
    if (request.url().startsWith('http://127.0.0.1')) {
      problems.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
    }
  });
  return problems;
}

/**
 * Waits until the page has hydrated (Docusaurus then sets `data-has-hydrated`), no diagram is
 * loading and every Mermaid container holds an SVG. Diagrams render on the client only: before
 * hydration a page has no container at all, and "every container" would hold at once.
 */
export async function waitForMermaid(page: Page, timeout = STEP_TIMEOUT): Promise<void> {
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.hasHydrated === 'true' &&
      !document.querySelector('[aria-busy="true"]') &&
      [...document.querySelectorAll('.docusaurus-mermaid-container')].every((c) => c.querySelector('svg') !== null),
    undefined,
    {timeout},
  );
}

/**
 * Waits until the page has loaded and the browser has painted two frames since: scripts that the
 * load started (hydration, effects, a planted onload) have had their turn. A condition, not a sleep.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
