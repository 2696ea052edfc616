/**
 * test/e2e/browser.ts's waitForMermaid on hand-made pages in Chromium (no site build): it must not
 * pass before the page has hydrated, while a placeholder is loading or a container is empty, and
 * with `count` it must see exactly that many drawn diagrams.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, mermaidCounts, newContext, waitForMermaid} from './browser.js';

const DRAWN = '<div class="docusaurus-mermaid-container"><svg><g class="node"><rect></rect></g></svg></div>';
const PLACEHOLDER = '<div aria-busy="true">Loading diagram…</div>';

/** Two animation frames: waitForFunction (polling on frames) has looked at the page since. */
const frames = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
/** What Docusaurus does once React has hydrated the page. */
const hydrate = (page: Page): Promise<void> =>
  page.evaluate(() => void (document.documentElement.dataset['hasHydrated'] = 'true'));

describe('waitForMermaid', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('waits for hydration, then while a placeholder is loading; passes once every diagram is drawn', async () => {
    // The server HTML: one <CharmDiagram> placeholder, and no container yet for the other diagram.
    await page.setContent(`<figure id="f1">${PLACEHOLDER}</figure><figure id="f2"></figure>`);
    let passed = false;
    const waiting = waitForMermaid(page, {count: 2, timeout: 20_000}).then(() => {
      passed = true;
    });
    await frames(page);
    expect(passed).toBe(false);
    await hydrate(page);
    await page.evaluate((drawn) => document.getElementById('f2')!.insertAdjacentHTML('beforeend', drawn), DRAWN);
    await frames(page);
    expect(passed).toBe(false); // f1 still loading
    await page.evaluate((drawn) => {
      document.getElementById('f1')!.innerHTML = drawn;
    }, DRAWN);
    await waiting;
    expect(await mermaidCounts(page)).toEqual({containers: 2, rendered: 2, loading: 0, hydrated: true});
  }, 60_000);

  test('before hydration a page with no container does not pass (it used to, at once)', async () => {
    await page.setContent('<p>Server HTML, diagrams not created yet.</p>');
    await expect(waitForMermaid(page, {timeout: 300})).rejects.toThrow(
      /"containers":0,"rendered":0,"loading":0,"hydrated":false/,
    );
  });

  test('count: passes at that number of drawn diagrams only; an empty container holds the wait', async () => {
    await page.setContent(DRAWN + DRAWN);
    await hydrate(page);
    await waitForMermaid(page, {count: 2});
    await expect(waitForMermaid(page, {count: 3, timeout: 300})).rejects.toThrow(
      /expected a hydrated page, 3 drawn diagram\(s\).*"rendered":2/,
    );
    await page.setContent(DRAWN + DRAWN + '<div class="docusaurus-mermaid-container"><svg></svg></div>');
    await hydrate(page);
    await expect(waitForMermaid(page, {timeout: 300})).rejects.toThrow(/"containers":3,"rendered":2/);
  });
});
