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

/** How many diagrams a page shows, as {@link waitForMermaid} counts them. */
export interface MermaidCounts {
  /** Mermaid containers (`.docusaurus-mermaid-container`), rendered or not. */
  containers: number;
  /** Containers holding an SVG with at least one node or cluster drawn. */
  rendered: number;
  /** `<CharmDiagram>` placeholders still waiting for Mermaid (`aria-busy="true"`, in the server HTML). */
  loading: number;
  /** Docusaurus has hydrated the page (`data-has-hydrated`): before, no diagram container exists. */
  hydrated: boolean;
}

export interface WaitForMermaidOptions {
  /** The number of drawn diagrams the page must show; without it, whatever number the page has, none pending. */
  count?: number;
  timeout?: number;
}

/**
 * Waits until the page's diagrams are drawn: the page has hydrated (Docusaurus then sets
 * `data-has-hydrated`; diagrams render on the client only, so before it there is no container and
 * "every container" held at once), no `<CharmDiagram>` placeholder is loading, every Mermaid
 * container holds a drawn SVG (a node or a cluster, not an empty one), and, with `count`, exactly
 * that many are drawn: a test that knows its page passes it, so a diagram that never appears fails
 * here with the counts seen rather than later. A bare number is the timeout.
 */
export async function waitForMermaid(page: Page, options: number | WaitForMermaidOptions = {}): Promise<void> {
  const {count, timeout = STEP_TIMEOUT} = typeof options === 'number' ? {timeout: options} : options;
  const done = `(() => {
    const c = (${countDiagrams.toString()})();
    const expected = ${JSON.stringify(count ?? null)};
    return c.hydrated && c.loading === 0 && c.rendered === c.containers && (expected === null || c.rendered === expected);
  })()`;
  try {
    await page.waitForFunction(done, undefined, {timeout});
  } catch (error) {
    const seen = await mermaidCounts(page).catch(() => null);
    const want = count === undefined ? 'every diagram drawn' : `${count} drawn diagram(s)`;
    throw new Error(
      `waitForMermaid: expected a hydrated page, ${want}, none loading; the page has ${seen ? JSON.stringify(seen) : 'no readable state'} (${(error as Error).message.split('\n')[0]})`,
      {cause: error},
    );
  }
}

/** Runs in the page (self-contained: it is serialised there): the page's diagram counts. */
function countDiagrams(): MermaidCounts {
  const containers = Array.from(document.querySelectorAll('.docusaurus-mermaid-container'));
  return {
    containers: containers.length,
    rendered: containers.filter((c) => c.querySelector('svg g.node, svg g.cluster') !== null).length,
    loading: document.querySelectorAll('[aria-busy="true"]').length,
    hydrated: document.documentElement.dataset['hasHydrated'] === 'true',
  };
}

/** The page's diagram counts now (see {@link MermaidCounts}). */
export async function mermaidCounts(page: Page): Promise<MermaidCounts> {
  return page.evaluate(countDiagrams);
}

/**
 * Waits until the page has loaded and the browser has painted two frames since: scripts that the
 * load started (hydration, effects, a planted onload) have had their turn. A condition, not a sleep.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}
