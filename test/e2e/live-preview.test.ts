/**
 * Live preview and cache freshness, against real Docusaurus processes:
 * - `docusaurus start`: editing the charm's charmcraft.yaml and src/charm.py changes the page without a restart;
 * - `docusaurus build` twice with the persistent cache: the second build after an edit is not stale.
 * Runs on a throwaway copy of a small site and charm inside the repository (packages resolve from the root).
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawn, type ChildProcess} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Browser} from 'playwright-core';
import {launchBrowser, newContext} from './browser.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteDir = join(root, 'test-results', `live-site-${process.pid}`);
const charmDir = join(siteDir, 'charm');
const docusaurusBin = join(root, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

function writeSite(): void {
  rmSync(siteDir, {recursive: true, force: true});
  mkdirSync(join(siteDir, 'docs'), {recursive: true});
  cpSync(join(root, 'website', 'charms', 'pastebin-k8s'), charmDir, {recursive: true});
  writeFileSync(join(siteDir, 'package.json'), JSON.stringify({name: 'live-site', private: true, browserslist: {production: ['last 1 chrome version'], development: ['last 1 chrome version']}}));
  writeFileSync(
    join(siteDir, 'docusaurus.config.mjs'),
    `import {charmArchitecture} from ${JSON.stringify(join(root, 'dist', 'src', 'index.js'))};
const charms = charmArchitecture({charms: {pastebin: {path: './charm'}}});
export default {
  title: 'Live', url: 'http://localhost', baseUrl: '/', onBrokenLinks: 'throw',
  markdown: {mermaid: true}, themes: ['@docusaurus/theme-mermaid'], plugins: [charms.plugin],
  presets: [['classic', {docs: {routeBasePath: '/', beforeDefaultRemarkPlugins: [charms.remarkPlugin]}, blog: false, pages: false}]],
};
`,
  );
  writeFileSync(join(siteDir, 'docs', 'index.md'), '# Live\n\n:::juju-events\n:::\n\n:::charm-actions\n:::\n');
}

/** Adds an action to the charm: declared in charmcraft.yaml and observed in src/charm.py. */
function addAction(name: string): void {
  const yamlPath = join(charmDir, 'charmcraft.yaml');
  writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^actions:\n/m, `actions:\n  ${name}:\n    description: Added while the site runs.\n`));
  const pyPath = join(charmDir, 'src', 'charm.py');
  const attr = name.replace(/-/g, '_');
  const source = readFileSync(pyPath, 'utf8');
  const observe = /^(\s+)[\w.]*observe\(self\.on\.config_changed,.*$/m.exec(source);
  if (!observe) throw new Error('fixture charm has no config_changed observer to anchor the edit');
  writeFileSync(pyPath, source.replace(observe[0], `${observe[0]}\n${observe[1]}self.framework.observe(self.on.${attr}_action, self._on_${attr})`));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as {port: number}).port;
      s.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number | null; output: string}> {
  return new Promise((resolve) => {
    // Run from the site directory, as a user does: Babel then finds the site's browserslist.
    const child = spawn(process.execPath, [docusaurusBin, ...args], {cwd: siteDir, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', ...env}});
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({code, output}));
  });
}

describe('charm edits reach the page', () => {
  let browser: Browser;
  beforeAll(async () => {
    writeSite();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(siteDir, {recursive: true, force: true});
  });

  test('a repeated `docusaurus build` with the persistent cache is never stale', async () => {
    const out = join(siteDir, 'build');
    const first = await run(['build', '--out-dir', out]);
    expect({code: first.code, output: first.code ? first.output.slice(-3000) : ""}).toEqual({code: 0, output: ""});
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('warm-cache-check');
    addAction('warm-cache-check');
    const second = await run(['build', '--out-dir', out]);
    expect({code: second.code, output: second.code ? second.output.slice(-3000) : ""}).toEqual({code: 0, output: ""});
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('warm-cache-check');
    expect(html).toContain('warm-cache-check-action');
  }, 8 * 60_000);

  test('`docusaurus start` re-renders the page after charmcraft.yaml and src/charm.py change', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [docusaurusBin, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'], {cwd: siteDir, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0'}});
    let log = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    try {
      const page = await (await newContext(browser)).newPage();
      const deadline = Date.now() + 4 * 60_000;
      for (;;) {
        try {
          await page.goto(`http://127.0.0.1:${port}/`, {timeout: 10_000});
          await page.getByRole('heading', {name: 'Juju events'}).waitFor({timeout: 10_000});
          break;
        } catch (error) {
          if (Date.now() > deadline) throw new Error(`dev server did not serve the page:\n${log.slice(-2000)}`);
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
      expect(await page.textContent('article')).not.toContain('live-edit-check');
      addAction('live-edit-check');
      // Hot reload, or a reload once webpack has recompiled: no restart of the server.
      await expect(
        (async () => {
          const until = Date.now() + 90_000;
          for (;;) {
            const text = (await page.textContent('article').catch(() => '')) ?? '';
            if (text.includes('live-edit-check-action')) return true;
            if (Date.now() > until) return false;
            await new Promise((r) => setTimeout(r, 1500));
            if (!text.includes('live-edit-check')) await page.reload().catch(() => undefined);
          }
        })(),
      ).resolves.toBe(true);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
  }, 8 * 60_000);
});
