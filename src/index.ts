// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- kept in the emitted .d.ts (preserve): a site that imports the plugin sees `@theme/CharmDiagram`
/// <reference path="../theme/theme-charm-architecture.d.ts" preserve="true" />
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext, Plugin, PluginConfig, SwizzleConfig} from '@docusaurus/types';
import {docVersionsIn, recordDocVersions} from './doc-versions.js';
import {normalizeOptions, validateOptions, type Options, type PluginOptions} from './options.js';
import {remarkCharmDirectives} from './remark/index.js';
import {collectBuildWarnings} from './build-warnings.js';
import {DriftError, reportOnce, startReport} from './report.js';
import {usePersistentCache} from './model/index.js';
import {logger} from '@docusaurus/logger';
import {charmDirProblem} from './model/index.js';
import {findRemarkHalf} from './site-config.js';
import {stateFor} from './state.js';

export {validateOptions, DEFAULT_OPTIONS, type Options, type PluginOptions, type CharmSource} from './options.js';
export {remarkCharmDirectives, DIRECTIVE_NAMES} from './remark/index.js';
export {loadCharm, loadCharmCached, findCharms, CharmArchError, CharmLoadError} from './model/index.js';
export type {CharmModel, ObservedEvent, PebbleLayer, Diagnostic, ErrorCode} from './model/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/src -> package root */
const packageRoot = resolve(here, '..', '..');

/**
 * `docusaurus swizzle docusaurus-plugin-charm-architecture CharmDiagram --wrap`: wrapping is safe
 * (the props are the contract the remark half writes); ejecting copies internals that change.
 */
export function getSwizzleConfig(): SwizzleConfig {
  return {
    components: {
      CharmDiagram: {
        actions: {wrap: 'safe', eject: 'unsafe'},
        description: 'A charm diagram: Mermaid themed to the site, toolbar, text alternative, error box.',
      },
    },
  };
}

/** The Docusaurus plugin half: site directory for the remark half, theme components, live-reload dependencies. */
export default function pluginCharmArchitecture(context: LoadContext, options: PluginOptions): Plugin {
  const state = stateFor(options);
  state.siteDir = context.siteDir;
  const usage = findRemarkHalf(context.siteConfig, remarkCharmDirectives);
  if (!usage.before) {
    throw new Error(
      usage.after
        ? 'docusaurus-plugin-charm-architecture: the remark plugin is in `remarkPlugins`; move it to `beforeDefaultRemarkPlugins` (docs, blog and pages options), so generated headings get ids, reach the table of contents and diagrams render.'
        : 'docusaurus-plugin-charm-architecture: the remark half is missing. Add `charms.remarkPlugin` (from charmArchitecture()) to `beforeDefaultRemarkPlugins` of the docs (and pages/blog) options.',
    );
  }
  // Both halves and the pre-loader run in this process and share the model cache (model/cache.ts).
  usePersistentCache(options.persistentCache, context.siteDir, true);
  const charmDirs = Object.fromEntries(
    Object.entries(options.charms).map(([id, c]) => [
      id,
      isAbsolute(c.path) ? c.path : resolve(context.siteDir, c.path),
    ]),
  );
  for (const [id, dir] of Object.entries(charmDirs)) {
    const problem = charmDirProblem(dir);
    if (!problem) continue;
    const message = `docusaurus-plugin-charm-architecture: the path of charm \`${id}\` (${options.charms[id]!.path}, that is ${dir}) ${problem}. Point \`path\` at the folder that holds the charm's charmcraft.yaml (or metadata.yaml), relative to the site directory.`;
    // Stops before webpack starts: nothing of the path is read or watched.
    if (options.onError !== 'warn') throw new Error(message);
    logger.warn(message);
  }
  return {
    name: 'docusaurus-plugin-charm-architecture',
    // Runs on every build, also one whose pages all come from webpack's persistent cache, where
    // the remark half never runs: drift and the charms' warnings are printed (or fail the build) here.
    loadContent() {
      startReport(state);
    },
    // After every plugin's loadContent: each doc's version as the docs plugin loaded it, for
    // `versions` (the remark half reads it by page path), so a versioned page's drift is
    // checked against the charm at its version's ref.
    allContentLoaded({allContent}) {
      recordDocVersions(options.id, docVersionsIn(allContent, context.siteDir));
      const warnings = collectBuildWarnings(context.siteDir, options, charmDirs);
      if (warnings.drift.length && options.onDrift === 'throw') {
        throw new DriftError(
          `docusaurus-plugin-charm-architecture: pages annotate events their charm does not observe (onDrift: 'throw'):\n${warnings.drift.join('\n')}`,
        );
      }
      for (const line of [...warnings.charm, ...warnings.drift]) reportOnce(state, line);
    },
    getThemePath() {
      return join(packageRoot, 'dist', 'theme');
    },
    getTypeScriptThemePath() {
      return join(packageRoot, 'theme');
    },
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              // A function, not a RegExp: Docusaurus's MDX fallback rule collects the `include`
              // of every RegExp rule matching .mdx, and this rule has none.
              test: (path: string) => /\.mdx?$/i.test(path),
              enforce: 'pre',
              use: [
                {
                  loader: join(here, 'webpack', 'charm-dependencies-loader.js'),
                  options: {
                    charms: charmDirs,
                    ...(options.defaultCharm ? {defaultCharm: options.defaultCharm} : {}),
                    maxFileBytes: options.maxFileBytes,
                    refs: Object.fromEntries(
                      Object.entries(options.charms).flatMap(([id, c]) => (c.ref ? [[id, c.ref]] : [])),
                    ),
                    ...(options.versions ? {versions: options.versions} : {}),
                    ...(options.id ? {pluginId: options.id} : {}),
                    siteDir: context.siteDir,
                  },
                },
              ],
            },
          ],
        },
      };
    },
  };
}

/**
 * Configure the charms once; use the one object in both places Docusaurus needs it:
 * `plugins: [charms.plugin]` and `beforeDefaultRemarkPlugins: [charms.remarkPlugin]`.
 */
export function charmArchitecture(options: Options): {
  plugin: PluginConfig;
  remarkPlugin: [typeof remarkCharmDirectives, PluginOptions];
  options: PluginOptions;
} {
  const normalized = normalizeOptions(options);
  const plugin = Object.assign((context: LoadContext, opts: PluginOptions) => pluginCharmArchitecture(context, opts), {
    validateOptions,
    getSwizzleConfig,
  });
  return {
    plugin: [plugin, normalized] as unknown as PluginConfig,
    remarkPlugin: [remarkCharmDirectives, normalized],
    options: normalized,
  };
}
