import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext} from '@docusaurus/types';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {directive} from 'micromark-extension-directive';
import {VFile} from 'vfile';
import pluginCharmArchitecture, {charmArchitecture} from '../../src/index.js';
import {normalizeOptions} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function context(siteConfig: Record<string, unknown>): LoadContext {
  return {siteDir: join(root, 'website'), siteConfig} as unknown as LoadContext;
}

describe('the two halves', () => {
  const charms = charmArchitecture({charms: {pastebin: {path: './charms/pastebin-k8s'}}});
  const [pluginFn, pluginOptions] = charms.plugin as unknown as [
    (c: LoadContext, o: unknown) => {name: string; configureWebpack: () => unknown},
    unknown,
  ];

  test('with the remark half in beforeDefaultRemarkPlugins, the plugin loads and adds the dependency loader', () => {
    const plugin = pluginFn(
      context({
        presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]}}]],
        plugins: [charms.plugin],
      }),
      pluginOptions,
    );
    expect(plugin.name).toBe('docusaurus-plugin-charm-architecture');
    const webpack = plugin.configureWebpack() as {
      module: {
        rules: Array<{enforce: string; use: Array<{loader: string; options: {charms: Record<string, string>}}>}>;
      };
    };
    const rule = webpack.module.rules[0]!;
    expect(rule.enforce).toBe('pre');
    expect(rule.use[0]!.loader).toMatch(/charm-dependencies-loader\.js$/);
    expect(rule.use[0]!.options.charms['pastebin']).toBe(join(root, 'website', 'charms', 'pastebin-k8s'));
  });

  test('a missing remark half is a startup error that says where to add it', () => {
    expect(() =>
      pluginFn(context({presets: [['classic', {docs: {}}]], plugins: [charms.plugin]}), pluginOptions),
    ).toThrow(/remark half is missing.*beforeDefaultRemarkPlugins/);
  });

  test('the remark half in remarkPlugins (too late for heading ids) is an error that says to move it', () => {
    expect(() =>
      pluginFn(context({presets: [['classic', {docs: {remarkPlugins: [charms.remarkPlugin]}}]]}), pluginOptions),
    ).toThrow(/move it to `beforeDefaultRemarkPlugins`/);
  });

  test('the remark half without the plugin half fails on the first directive with the page position', () => {
    const options = normalizeOptions({id: 'remark-only', charms: {pastebin: {path: './charms/pastebin-k8s'}}});
    const tree = fromMarkdown('intro\n\n:::juju-events\n:::\n', {
      extensions: [directive()],
      mdastExtensions: [directiveFromMarkdown()],
    });
    expect(() => remarkCharmDirectives(options)(tree, new VFile({path: join(root, 'page.md')}))).toThrow(
      /page\.md:3:1: plugin-missing: .*Add `charms\.plugin`/,
    );
  });

  test('invalid options fail with the option named', () => {
    expect(() => charmArchitecture({charms: {}})).toThrow(/`charms` must name at least one charm/);
    expect(() => charmArchitecture({charms: {a: {path: 'x'}}, defaultCharm: 'b'})).toThrow(
      /defaultCharm "b" is not one of the configured charms \(a\)/,
    );
    expect(() => charmArchitecture({charms: {a: {path: 'x'}}, onError: 'ignore' as never})).toThrow(/onError/);
  });

  test('the default export is the plugin', () => {
    expect(typeof pluginCharmArchitecture).toBe('function');
  });
});
