/**
 * One `docusaurus build` of website/ (the demo site, the plugin from dist/) for every end-to-end
 * test that looks at it: built once per test file into test-results/website-build with a private
 * generated-files folder (someone may run `docusaurus start website` meanwhile), served on port 0,
 * looked at with one headless Chromium.
 *
 * Environment:
 *   E2E_WEBPACK_CACHE=1   keep webpack's persistent cache (faster reruns; then MDX that did not
 *                         change is not recompiled, so its build warnings are not seen again)
 *   E2E_SKIP_BUILD=1      reuse an existing test-results/website-build
 */
import {afterAll, beforeAll} from '@jest/globals';
import {existsSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser} from 'playwright-core';
import {launchBrowser} from '../browser.js';
import {serveStatic, type StaticServer} from '../serve.js';
import {BUILD_TIMEOUT, repoRoot, runDocusaurus} from '../temp-site.js';

export const websiteDir = join(repoRoot, 'website');
const BUILD_DIR = join(repoRoot, 'test-results', 'website-build');

export interface BuiltWebsite {
  /** The build's output folder. */
  readonly dir: string;
  /** Everything the build printed (stdout and stderr). */
  readonly output: string;
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * Registers the build (beforeAll) and the clean-up (afterAll) in the calling test file; the
 * returned object answers once beforeAll has run.
 */
export function useBuiltWebsite(): BuiltWebsite {
  const generatedDirName = `.docusaurus-e2e-${process.pid}`;
  let state: {output: string; server: StaticServer; browser: Browser} | undefined;
  const ready = (): NonNullable<typeof state> => {
    if (!state) throw new Error('website/ is not built: useBuiltWebsite() must run at the top of the test file');
    return state;
  };

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'src', 'index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first (npm test does).');
    let output = '(build skipped: E2E_SKIP_BUILD)';
    if (!process.env.E2E_SKIP_BUILD || !existsSync(join(BUILD_DIR, 'index.html'))) {
      const env: NodeJS.ProcessEnv = {DOCUSAURUS_GENERATED_FILES_DIR_NAME: generatedDirName, NO_COLOR: '1'};
      if (!process.env.E2E_WEBPACK_CACHE) env.DOCUSAURUS_NO_PERSISTENT_CACHE = 'true';
      const build = await runDocusaurus({dir: websiteDir}, ['build', '--out-dir', BUILD_DIR], env);
      if (build.code !== 0) throw new Error(`docusaurus build of website/ failed (exit ${build.code}):\n${build.output.slice(-8000)}`);
      output = build.output;
    }
    state = {output, server: await serveStatic(BUILD_DIR), browser: await launchBrowser()};
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await state?.browser.close();
    await state?.server.close();
    rmSync(join(websiteDir, generatedDirName), {recursive: true, force: true});
  });

  return {
    dir: BUILD_DIR,
    get output() {
      return ready().output;
    },
    get server() {
      return ready().server;
    },
    get browser() {
      return ready().browser;
    },
  };
}
