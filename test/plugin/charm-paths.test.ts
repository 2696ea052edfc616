/**
 * Issue #18, items 3, 5 and 9: which charm a directive means, and which files a page depends on.
 * - a charm path that is not a charm directory (`/`, `../../..`) stops the plugin at start;
 * - the webpack pre-loader declares only the files the charm model read, the metadata files and
 *   the entry point's folder: never the charm path or anything above it;
 * - charm ids equal to Object.prototype names are plain ids; `charm=""` says it is empty.
 */
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext} from '@docusaurus/types';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {directive} from 'micromark-extension-directive';
import {VFile} from 'vfile';
import {charmArchitecture, type Options} from '../../src/index.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {normalizeOptions} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {stateFor} from '../../src/state.js';
import charmDependenciesLoader, {type LoaderOptions} from '../../src/webpack/charm-dependencies-loader.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const website = join(root, 'website');
const pastebin = join(website, 'charms', 'pastebin-k8s');

function startPlugin(options: Options): void {
  const charms = charmArchitecture(options);
  const [pluginFn, pluginOptions] = charms.plugin as unknown as [(c: LoadContext, o: unknown) => unknown, unknown];
  const siteConfig = {
    presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]}}]],
    plugins: [charms.plugin],
  };
  pluginFn({siteDir: website, siteConfig} as unknown as LoadContext, pluginOptions);
}

describe('a charm path that is not a charm directory', () => {
  test.each([
    ['/', 'is not a charm directory: it holds no charmcraft.yaml or metadata.yaml'],
    ['../../..', 'is not a charm directory: it holds no charmcraft.yaml or metadata.yaml'],
    ['./charms', 'is not a charm directory: it holds no charmcraft.yaml or metadata.yaml'],
    ['./charms/no-such-charm', 'does not exist'],
    ['./docusaurus.config.ts', 'is not a directory'],
  ])('path %s stops the plugin at start: %s', (path, problem) => {
    expect(() => startPlugin({charms: {web: {path}}})).toThrow(`the path of charm \`web\` (${path}, that is `);
    expect(() => startPlugin({charms: {web: {path}}})).toThrow(problem);
  });

  test('a real charm directory starts', () => {
    expect(() => startPlugin({charms: {web: {path: './charms/pastebin-k8s'}}})).not.toThrow();
  });
});

describe('the pre-loader declares only what the model read', () => {
  function declared(
    page: string,
    charms: Record<string, string>,
    defaultCharm?: string,
  ): {files: string[]; folders: string[]} {
    const files: string[] = [];
    const folders: string[] = [];
    const options: LoaderOptions = {charms, maxFileBytes: 2 * 1024 * 1024, ...(defaultCharm ? {defaultCharm} : {})};
    const missing = (f: string): never => {
      throw new Error(`no missing dependency is declared for a charm read from its folder (${f})`);
    };
    const context = {
      getOptions: () => options,
      addDependency: (f: string) => files.push(f),
      addContextDependency: (d: string) => folders.push(d),
      addMissingDependency: missing,
      resourcePath: join(website, 'docs', 'page.md'),
    };
    expect(charmDependenciesLoader.call(context, page)).toBe(page);
    return {files: files.map((f) => relative(root, f)).sort(), folders: folders.map((d) => relative(root, d)).sort()};
  }

  test('a real charm: the files it was read from, its metadata file names and its src/ folder', () => {
    const model = loadCharm(pastebin);
    const {files, folders} = declared(':::juju-events\n:::\n', {pastebin});
    const metadata = ['charmcraft.yaml', 'metadata.yaml', 'config.yaml', 'actions.yaml'];
    expect(files).toEqual(
      [...new Set([...model.sources, ...metadata].map((f) => relative(root, join(pastebin, f))))].sort(),
    );
    expect(folders).toEqual(['website/charms/pastebin-k8s/src']);
  });

  test('a path of `/`: the metadata file names there and nothing else, no folder', () => {
    expect(declared(':::juju-events\n:::\n', {root: '/'})).toEqual({
      files: ['/actions.yaml', '/charmcraft.yaml', '/config.yaml', '/metadata.yaml']
        .map((f) => relative(root, f))
        .sort(),
      folders: [],
    });
  });

  test('a directive shown inside a code fence reads no charm: nothing declared', () => {
    expect(declared('```md\n:::juju-events\n:::\n```\n', {pastebin})).toEqual({files: [], folders: []});
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', ''])(
    'charm="%s" names no configured charm: nothing declared, no crash',
    (id) => {
      expect(declared(`:::charm-config{charm="${id}"}\n:::\n`, {pastebin}, 'pastebin')).toEqual({
        files: [],
        folders: [],
      });
    },
  );
});

describe('charm ids in directives', () => {
  /** The transformer's error for a page, or 'expanded'. */
  function transform(page: string, options: Options): string {
    const normalized = normalizeOptions(options);
    stateFor(normalized).siteDir = website;
    const tree = fromMarkdown(page, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
    try {
      remarkCharmDirectives(normalized)(tree, new VFile({path: join(website, 'docs', 'page.md'), value: page}));
      return 'expanded';
    } catch (error) {
      return (error as Error).message;
    }
  }

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'charm="%s" is an unknown charm, with the configured ones',
    (id) => {
      expect(
        transform(`:::charm-config{charm="${id}"}\n:::\n`, {
          charms: {pastebin: {path: './charms/pastebin-k8s'}, logsink: {path: './charms/logsink'}},
        }),
      ).toBe(
        `website/docs/page.md:1:1: unknown-charm: Unknown charm \`${id}\` on :::charm-config. Configured charms: pastebin, logsink. Add it to the plugin's \`charms\` option.`,
      );
    },
  );

  test('a charm configured under the id `constructor` is found', () => {
    expect(
      transform(':::charm-config{charm="constructor"}\n:::\n', {
        charms: {constructor: {path: './charms/pastebin-k8s'}},
      }),
    ).toBe('expanded');
    expect(
      transform(':::charm-config\n:::\n', {
        charms: {constructor: {path: './charms/pastebin-k8s'}, logsink: {path: './charms/logsink'}},
        defaultCharm: 'constructor',
      }),
    ).toBe('expanded');
  });

  test('defaultCharm `toString` that is not configured is an options error', () => {
    expect(() =>
      normalizeOptions({charms: {pastebin: {path: './charms/pastebin-k8s'}}, defaultCharm: 'toString'}),
    ).toThrow('defaultCharm "toString" is not one of the configured charms (pastebin)');
  });

  test('charm="" says the attribute is empty and names the default charm', () => {
    expect(
      transform(':::charm-config{charm=""}\n:::\n', {
        charms: {pastebin: {path: './charms/pastebin-k8s'}, logsink: {path: './charms/logsink'}},
        defaultCharm: 'pastebin',
      }),
    ).toBe(
      'website/docs/page.md:1:1: empty-charm: :::charm-config has an empty `charm` attribute. Name a charm (one of: pastebin, logsink), or leave `charm` out to use the default charm `pastebin`.',
    );
  });
});
