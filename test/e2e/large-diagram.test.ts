/**
 * Diagram size in a real build and Chromium (issue #18 item 7). A charm of 400 endpoints gives a
 * deployment diagram of some 65,000 characters, past Mermaid's default `maxTextSize` (50,000):
 * it must render, as CharmDiagram raises the limit. A charm of 4,000 endpoints passes even the
 * raised limit: the page must show the plugin's error box, never Mermaid's own message.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {deploymentDiagram} from '../../src/diagrams/index.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {launchBrowser, newContext, watchProblems, type PageProblems} from './browser.js';
import {serveStatic, type StaticServer} from './serve.js';
import {runDocusaurus, writeTempSite, type TempSite} from './temp-site.js';

/** A charm with `count` endpoints, half required (optional), half provided. */
function writeCharm(dir: string, count: number): void {
  const lines = ['name: many-endpoints', 'type: charm', 'title: Many endpoints', 'summary: A charm with many endpoints.', 'description: Generated for the diagram size test.', 'base: ubuntu@22.04', 'platforms:', '  amd64:', 'requires:'];
  for (let i = 0; i < count / 2; i++) lines.push(`  backend-database-service-${i}:`, `    interface: backend_database_interface_${i}`, '    optional: true');
  lines.push('provides:');
  for (let i = 0; i < count / 2; i++) lines.push(`  frontend-gateway-service-${i}:`, `    interface: frontend_gateway_interface_${i}`);
  mkdirSync(join(dir, 'src'), {recursive: true});
  writeFileSync(join(dir, 'charmcraft.yaml'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'src', 'charm.py'), 'import ops\n\n\nclass ManyCharm(ops.CharmBase):\n    pass\n\n\nif __name__ == "__main__":\n    ops.main(ManyCharm)\n');
}

/** theme/CharmDiagram/MermaidView.tsx CHARM_MAX_TEXT_SIZE (that module needs a browser to import). */
const CHARM_MAX_TEXT_SIZE = 500_000;

describe('large diagrams', () => {
  const work = mkdtempSync(join(tmpdir(), 'charm-arch-large-'));
  let site: TempSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    writeCharm(join(work, 'many'), 400);
    writeCharm(join(work, 'huge'), 4000);
    // The premise, measured with the plugin's own builder: one source past each limit.
    const length = (dir: string): number => deploymentDiagram(loadCharm(join(work, dir))).source.length;
    expect(length('many')).toBeGreaterThan(50_000);
    expect(length('many')).toBeLessThan(CHARM_MAX_TEXT_SIZE);
    expect(length('huge')).toBeGreaterThan(CHARM_MAX_TEXT_SIZE);
    site = writeTempSite('large-diagram-site', join(work, 'many'), 'many', '# Many\n\n:::deployment-diagram{charm="many"}\n:::\n');
    // A second charm in the same site, for the page over the raised limit.
    cpSync(join(work, 'huge'), join(site.dir, 'huge'), {recursive: true});
    const configPath = join(site.dir, 'docusaurus.config.mjs');
    writeFileSync(configPath, readFileSync(configPath, 'utf8').replace(`{"many": {path: './charm'}}`, `{"many": {path: './charm'}, "huge": {path: './huge'}}`));
    writeFileSync(join(site.dir, 'docs', 'huge.md'), '# Huge\n\n:::deployment-diagram{charm="huge"}\n:::\n');
    const result = await runDocusaurus(site, ['build', '--out-dir', join(site.dir, 'build')], {DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'});
    if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-3000)}`);
    server = await serveStatic(join(site.dir, 'build'));
    browser = await launchBrowser();
  }, 10 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
    rmSync(work, {recursive: true, force: true});
  });

  async function open(path: string): Promise<{page: Page; problems: PageProblems}> {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}${path}`);
    return {page, problems};
  }

  test('400 endpoints (about 65,000 characters of Mermaid) render as a diagram', async () => {
    const {page, problems} = await open('/');
    const svg = page.locator('figure .docusaurus-mermaid-container svg');
    await svg.waitFor({timeout: 180_000});
    expect(await svg.locator('text=frontend-gateway-service-199').count()).toBe(1);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.textContent('article')).not.toContain('Maximum text size');
    // The throwaway site has no favicon; the browser asks for one anyway.
    expect(problems.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
  }, 240_000);

  test('4,000 endpoints (past the raised limit) show the plugin error box, not Mermaid\'s message', async () => {
    const {page} = await open('/huge');
    const alert = page.locator('figure [role="alert"]');
    await alert.waitFor({timeout: 60_000});
    expect(await alert.locator('p').textContent()).toBe('This diagram could not be rendered.');
    expect(await alert.locator('pre').first().textContent()).toMatch(new RegExp(`^The Mermaid source has \\d{6,} characters, more than the ${CHARM_MAX_TEXT_SIZE} that Mermaid accepts \\(maxTextSize\\)\\.$`));
    expect(await page.locator('figure svg').count()).toBe(0);
    expect(await page.textContent('article')).not.toContain('Maximum text size');
  }, 120_000);
});
