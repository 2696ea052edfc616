/**
 * A headless Chromium page for rendering generated diagrams for real: Debian's chromium, Infima's
 * CSS, the browser build of mermaid 11, and one `#host` element the diagram's SVG is placed in.
 */
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Browser, Page} from 'playwright-core';
import {CHARM_DIAGRAM_THEME_CSS} from '../../theme/CharmDiagram/themeCss.js';
import {CHROMIUM_PATH, launchBrowser} from '../e2e/browser.js';

const require = createRequire(import.meta.url);
/** Browser tests skip (rather than fail) where there is no chromium to run. */
export const hasBrowser = existsSync(CHROMIUM_PATH);

/** Launches the browser and opens a 1280x800 page ready for {@link renderDiagram}. */
export async function openDiagramPage(): Promise<{browser: Browser; page: Page}> {
  const browser = await launchBrowser();
  const page = await browser.newPage({viewport: {width: 1280, height: 800}});
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="host"></div></body></html>',
  );
  await page.addStyleTag({content: readFileSync(require.resolve('infima/dist/css/default/default.css'), 'utf8')});
  await page.addScriptTag({path: require.resolve('mermaid/dist/mermaid.min.js')});
  return {browser, page};
}

/**
 * One page for the tests of the calling `describe` block: opened before them, its browser closed
 * after them. Call it in the block's body; the returned getter gives the page inside a test.
 */
export function diagramPageForTests(): () => Page {
  let opened: {browser: Browser; page: Page} | undefined;
  beforeAll(async () => {
    opened = await openDiagramPage();
  }, 60_000);
  afterAll(async () => {
    await opened?.browser.close();
  });
  return () => opened!.page;
}

/** Renders Mermaid `source` into `#host` in light or dark mode, themed as the Docusaurus component themes it. */
export async function renderDiagram(
  page: Page,
  source: string,
  dark: boolean,
  css = CHARM_DIAGRAM_THEME_CSS,
): Promise<void> {
  await page.evaluate(
    async ({source, css, dark}) => {
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
      const m = (
        window as unknown as {
          mermaid: {initialize(c: object): void; render(id: string, s: string): Promise<{svg: string}>};
        }
      ).mermaid;
      m.initialize({startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', themeCSS: css});
      document.getElementById('host')!.innerHTML = (await m.render(`d${Math.floor(Math.random() * 1e9)}`, source)).svg;
    },
    {source, css, dark},
  );
}
