/**
 * The pre-loader's dependencies for the family directives: a map or catalog page depends on every
 * configured charm, and a catalog page on its content folder too (a page gaining or losing a
 * charm's directives changes the catalog's links), so neither live preview nor webpack's
 * persistent cache serves a stale page.
 */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import charmDependenciesLoader, {type LoaderOptions} from '../../src/webpack/charm-dependencies-loader.js';

const FAMILY = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'families', 'two-providers');
const SITE = '/site';

function dependencies(page: string, source: string): {files: string[]; dirs: string[]} {
  const files: string[] = [];
  const dirs: string[] = [];
  const options: LoaderOptions = {
    charms: {webshop: join(FAMILY, 'webshop'), postgresql: join(FAMILY, 'postgresql')},
    defaultCharm: 'webshop',
    maxFileBytes: 2 * 1024 * 1024,
    siteDir: SITE,
  };
  const context = {
    getOptions: () => options,
    addDependency: (f: string) => void files.push(f),
    addContextDependency: (d: string) => void dirs.push(d),
    addMissingDependency: () => undefined,
    resourcePath: join(SITE, page),
  };
  expect(charmDependenciesLoader.call(context, source)).toBe(source);
  return {files, dirs};
}

test('a map page depends on every configured charm, not on other pages', () => {
  const {files, dirs} = dependencies('docs/family/map.md', ':::integration-map{charms="postgresql"}\n:::\n');
  // Only the folders a charm's model reads from (its entry point's folder), never the charm folder itself.
  expect(dirs).toEqual([join(FAMILY, 'webshop', 'src'), join(FAMILY, 'postgresql', 'src')]);
  expect(files).toEqual(
    expect.arrayContaining([join(FAMILY, 'webshop', 'charmcraft.yaml'), join(FAMILY, 'postgresql', 'charmcraft.yaml')]),
  );
});

test('a catalog page also depends on its content folder', () => {
  expect(dependencies('docs/family/catalog.md', ':::charm-catalog\n:::\n').dirs).toEqual([
    join(SITE, 'docs'),
    join(FAMILY, 'webshop', 'src'),
    join(FAMILY, 'postgresql', 'src'),
  ]);
  expect(dependencies('versioned_docs/version-1.0/catalog.md', ':::charm-catalog\n:::\n').dirs[0]).toBe(
    join(SITE, 'versioned_docs', 'version-1.0'),
  );
});
