/**
 * Live preview and cache freshness, against real Docusaurus processes:
 * - `docusaurus start`: editing the charm's charmcraft.yaml and src/charm.py changes the page without a restart;
 * - `docusaurus build` twice with the persistent cache: the second build after an edit is not stale.
 * Runs on a throwaway copy of a small site and charm inside the repository (packages resolve from the root).
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext} from './browser.js';
import {nextOutput, startDevServer, stopDevServer} from './dev-server.js';
import {BUILD_TIMEOUT, repoRoot, runDocusaurus, writeTempSite, type TempSite} from './temp-site.js';

/** Adds an action to the charm: declared in charmcraft.yaml and observed in src/charm.py. */
function addAction(charmDir: string, name: string): void {
  const yamlPath = join(charmDir, 'charmcraft.yaml');
  writeFileSync(
    yamlPath,
    readFileSync(yamlPath, 'utf8').replace(
      /^actions:\n/m,
      `actions:\n  ${name}:\n    description: Added while the site runs.\n`,
    ),
  );
  const pyPath = join(charmDir, 'src', 'charm.py');
  const attr = name.replace(/-/g, '_');
  const source = readFileSync(pyPath, 'utf8');
  const observe = /^(\s+)[\w.]*observe\(self\.on\.config_changed,.*$/m.exec(source);
  if (!observe) throw new Error('fixture charm has no config_changed observer to anchor the edit');
  writeFileSync(
    pyPath,
    source.replace(
      observe[0],
      `${observe[0]}\n${observe[1]}self.framework.observe(self.on.${attr}_action, self._on_${attr})`,
    ),
  );
}

describe('charm edits reach the page', () => {
  let browser: Browser;
  let site: TempSite;
  beforeAll(async () => {
    site = writeTempSite(
      'live-site',
      join(repoRoot, 'website', 'charms', 'pastebin-k8s'),
      'pastebin',
      '# Live\n\n:::juju-events\n:::\n\n:::charm-actions\n:::\n',
    );
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    site?.remove();
  });

  test(
    'a repeated `docusaurus build` with the persistent cache is never stale',
    async () => {
      const out = join(site.dir, 'build');
      const first = await runDocusaurus(site, ['build', '--out-dir', out]);
      expect({code: first.code, output: first.code ? first.output.slice(-3000) : ''}).toEqual({code: 0, output: ''});
      expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('warm-cache-check');
      addAction(site.charmDir, 'warm-cache-check');
      const second = await runDocusaurus(site, ['build', '--out-dir', out]);
      expect({code: second.code, output: second.code ? second.output.slice(-3000) : ''}).toEqual({code: 0, output: ''});
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      expect(html).toContain('warm-cache-check');
      expect(html).toContain('warm-cache-check-action');
    },
    BUILD_TIMEOUT,
  );

  test(
    '`docusaurus start` re-renders the page after charmcraft.yaml and src/charm.py change',
    async () => {
      const server = await startDevServer(site.dir);
      try {
        const page = await (await newContext(browser)).newPage();
        // The dev server holds the request until its first compilation is done.
        await page.goto(server.url, {timeout: BUILD_TIMEOUT});
        await page.getByRole('heading', {name: 'Juju events'}).waitFor();
        expect(await page.textContent('article')).not.toContain('live-edit-check');
        addAction(site.charmDir, 'live-edit-check');
        // Hot module replacement brings the new action and its observed event; a page that misses it is
        // reloaded each time the server reports more work (its output), never a restart of the server.
        const shown = async (): Promise<boolean> =>
          ((await page.textContent('article').catch(() => '')) ?? '').includes('live-edit-check-action');
        const until = Date.now() + 6 * 60_000;
        while (!(await shown()) && Date.now() < until) {
          const printed = server.log().length;
          await nextOutput(server.child);
          if (server.log().length > printed && !(await shown())) await page.reload().catch(() => undefined);
        }
        if (!(await shown()))
          throw new Error(`the edit never reached the page; server output:\n${server.log().slice(-3000)}`);
        expect(server.child.exitCode).toBeNull();
      } finally {
        await stopDevServer(server.child);
      }
    },
    2 * BUILD_TIMEOUT,
  );
});
