/**
 * Throwaway Docusaurus sites inside the repository (packages resolve from the root node_modules),
 * using the built plugin from dist/. Commands run from the site directory, as a user runs them
 * (Babel then finds the site's browserslist).
 */
import {spawn} from 'node:child_process';
import {cpSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const docusaurusBin = join(repoRoot, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
/** For a beforeAll that builds a site (a cold build took about 3 minutes on 2 busy cores), or a test that builds twice. */
export const BUILD_TIMEOUT = 15 * 60_000;

export interface TempSite {
  dir: string;
  charmDir: string;
  remove(): void;
}

/** What a throwaway site holds besides its package.json and docusaurus.config.mjs. */
export interface SiteSpec {
  /** The plugin's options (charms, defaultCharm, versions, ...): plain JSON. */
  plugin: Record<string, unknown>;
  /** Options of the classic preset's docs plugin besides routeBasePath (`/`) and the remark plugin. */
  docs?: Record<string, unknown>;
  /** A stylesheet for the classic theme (customCss), written as theme.css. */
  css?: string;
  /** The site's other files by path (docs/index.md, versions.json, ...). */
  files: Record<string, string>;
}

/** The site's docusaurus.config.mjs: one plugin object for the plugin and the docs' remark plugin. */
export function siteConfig(title: string, spec: Pick<SiteSpec, 'plugin' | 'docs' | 'css'>): string {
  const docs = JSON.stringify({routeBasePath: '/', ...spec.docs});
  const theme = spec.css === undefined ? '' : `, theme: {customCss: './theme.css'}`;
  return `import {charmArchitecture} from ${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))};
const charms = charmArchitecture(${JSON.stringify(spec.plugin)});
export default {
  title: ${JSON.stringify(title)}, url: 'http://localhost', baseUrl: '/', onBrokenLinks: 'throw',
  markdown: {mermaid: true}, themes: ['@docusaurus/theme-mermaid'], plugins: [charms.plugin],
  presets: [['classic', {docs: {...${docs}, beforeDefaultRemarkPlugins: [charms.remarkPlugin]}, blog: false, pages: false${theme}}]],
};
`;
}

/** Writes the site into test-results/<name>-<pid>/ (emptied first). */
export function writeSite(name: string, spec: SiteSpec): {dir: string; remove(): void} {
  const dir = join(repoRoot, 'test-results', `${name}-${process.pid}`);
  rmSync(dir, {recursive: true, force: true});
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name,
      private: true,
      browserslist: {production: ['last 1 chrome version'], development: ['last 1 chrome version']},
    }),
    'docusaurus.config.mjs': siteConfig(name, spec),
    ...(spec.css === undefined ? {} : {'theme.css': spec.css}),
    ...spec.files,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})};
}

/** A site of one charm: `charm/` copied from `charmSource`, docs/index.md with `page` at the site root. */
export function writeTempSite(name: string, charmSource: string, charmId: string, page: string): TempSite {
  const site = writeSite(name, {plugin: {charms: {[charmId]: {path: './charm'}}}, files: {'docs/index.md': page}});
  const charmDir = join(site.dir, 'charm');
  cpSync(charmSource, charmDir, {recursive: true});
  return {...site, charmDir};
}

/** Runs `docusaurus <args>` in the site; resolves with the exit code and all output. */
export function runDocusaurus(
  site: {dir: string},
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    // Jest's ESM flag is not for Docusaurus.
    const child = spawn(process.execPath, [docusaurusBin, ...args], {
      cwd: site.dir,
      env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', ...env},
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, output}));
  });
}
