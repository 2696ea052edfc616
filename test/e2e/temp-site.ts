/**
 * A throwaway Docusaurus site inside the repository (packages resolve from the root
 * node_modules), using the built plugin from dist/ on one charm. Commands run from the
 * site directory, as a user runs them (Babel then finds the site's browserslist).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {cpSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const docusaurusBin = join(repoRoot, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

export interface TempSite {
  dir: string;
  charmDir: string;
  remove(): void;
}

/** Writes the site: `charm/` copied from `charmSource`, docs/index.md with `page` at the site root. */
export function writeTempSite(name: string, charmSource: string, charmId: string, page: string): TempSite {
  const dir = join(repoRoot, 'test-results', `${name}-${process.pid}`);
  const charmDir = join(dir, 'charm');
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(join(dir, 'docs'), {recursive: true});
  cpSync(charmSource, charmDir, {recursive: true});
  writeFileSync(join(dir, 'package.json'), JSON.stringify({name, private: true, browserslist: {production: ['last 1 chrome version'], development: ['last 1 chrome version']}}));
  writeFileSync(
    join(dir, 'docusaurus.config.mjs'),
    `import {charmArchitecture} from ${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))};
const charms = charmArchitecture({charms: {${JSON.stringify(charmId)}: {path: './charm'}}});
export default {
  title: ${JSON.stringify(name)}, url: 'http://localhost', baseUrl: '/', onBrokenLinks: 'throw',
  markdown: {mermaid: true}, themes: ['@docusaurus/theme-mermaid'], plugins: [charms.plugin],
  presets: [['classic', {docs: {routeBasePath: '/', beforeDefaultRemarkPlugins: [charms.remarkPlugin]}, blog: false, pages: false}]],
};
`,
  );
  writeFileSync(join(dir, 'docs', 'index.md'), page);
  return {dir, charmDir, remove: () => rmSync(dir, {recursive: true, force: true})};
}

/** Runs `docusaurus <args>` in the site; resolves with the exit code and all output. */
export function runDocusaurus(site: TempSite, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number | null; output: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [docusaurusBin, ...args], {cwd: site.dir, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', ...env}});
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({code, output}));
  });
}

/** A port the system just gave out: listen on 0, read it back, close. */
function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const port = (s.address() as {port: number}).port;
        s.close(() => resolve(port));
      });
  });
}

export interface DevServer {
  child: ChildProcess;
  url: string;
  log(): string;
}

/** Resolves on the server's next output (it prints while it compiles or exits), or after a second at the latest. */
export function nextOutput(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', done);
      child.stderr?.off('data', done);
      child.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    child.stdout?.on('data', done);
    child.stderr?.on('data', done);
    child.on('close', done);
  });
}

/**
 * `docusaurus start` refuses port 0, so it gets a port the system just gave out; when another
 * process took it in between, Docusaurus says so and exits, and the next try gets another port.
 * Resolves once the server answers (Docusaurus prints its URL before webpack listens).
 */
export async function startDevServer(siteDir: string): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await systemPort();
    const child = spawn(process.execPath, [docusaurusBin, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'], {cwd: siteDir, env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0'}});
    let log = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    const url = `http://127.0.0.1:${port}/`;
    for (;;) {
      const answered = await fetch(url).then((r) => r.ok, () => false);
      if (answered) return {child, url, log: () => log};
      if (child.exitCode !== null) break;
      await nextOutput(child);
    }
    if (attempt >= 5 || !/already running on port/.test(log)) throw new Error(`docusaurus start failed:\n${log.slice(-3000)}`);
  }
}
