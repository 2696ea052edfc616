/**
 * The on-disk model cache: a new process (simulated by clearing the in-memory cache) takes an
 * unchanged charm's model from disk without parsing; an edit, a new module, another code version
 * or a damaged or foreign entry means a fresh read, and the entry is written again.
 */
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from '@jest/globals';
import {clearCharmCache, loadCharmCached, loadCounts, usePersistentCache} from '../../src/model/charm/cache.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {
  CACHE_DIR_ENV,
  NO_CACHE_ENV,
  PACKAGE_NAME,
  PersistentModelCache,
  modelCodeRoot,
  persistentCacheDirectory,
} from '../../src/model/charm/persistent-cache.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

const HANDLER_DOC = 'Push config files and Pebble layers to both containers and replan.';

let work: string;
let charm: string;
let cacheDir: string;

/** What a second process sees: nothing in memory, the cache folder on disk. */
function newProcess(): void {
  clearCharmCache();
  usePersistentCache(cacheDir, work);
}

const parses = (): number => loadCounts.get(charm) ?? 0;
const entryFiles = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
const entryOf = (): string => join(cacheDir, entryFiles()[0]!);
const handlerDocs = (model: ReturnType<typeof loadCharm>): string[] => model.events.map((e) => e.handlerDoc ?? '');

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'charm-arch-cache-'));
  charm = join(work, 'charm');
  cacheDir = join(work, 'cache');
  cpSync(join(FIXTURE_CHARMS, 'helpers-and-loops'), charm, {recursive: true});
  newProcess();
});

afterEach(() => {
  usePersistentCache(false, work);
  clearCharmCache();
  rmSync(work, {recursive: true, force: true});
});

describe('persistent model cache', () => {
  test('hit: a second process gets the same model without parsing the charm', () => {
    const first = loadCharmCached(charm);
    expect(parses()).toBe(1);
    expect(entryFiles()).toHaveLength(1);
    newProcess();
    const second = loadCharmCached(charm);
    expect(parses()).toBe(0);
    expect(second).toEqual(first);
    expect(second).toEqual(loadCharm(charm));
  });

  test('miss after an edit: the changed handler docstring is read, and the entry is replaced', () => {
    loadCharmCached(charm);
    const before = readFileSync(entryOf(), 'utf8');
    const file = join(charm, 'src', 'charm.py');
    writeFileSync(file, readFileSync(file, 'utf8').replace(HANDLER_DOC, 'Edited docstring.'));
    newProcess();
    const model = loadCharmCached(charm);
    expect(parses()).toBe(1);
    expect(handlerDocs(model)).toContain('Edited docstring.');
    expect(handlerDocs(model)).not.toContain(HANDLER_DOC);
    expect(readFileSync(entryOf(), 'utf8')).not.toBe(before);
    newProcess();
    expect(handlerDocs(loadCharmCached(charm))).toContain('Edited docstring.');
    expect(parses()).toBe(0);
  });

  test('miss when a module is added to a folder the model scanned', () => {
    loadCharmCached(charm);
    writeFileSync(join(charm, 'src', 'extra.py'), 'X = 1\n');
    newProcess();
    loadCharmCached(charm);
    expect(parses()).toBe(1);
  });

  test('the code version covers every model stage, so an edit to the Python reader invalidates cached models', () => {
    const stages = readdirSync(modelCodeRoot());
    expect(stages).toEqual(expect.arrayContaining(['charm', 'python', 'sources', 'extensions']));
  });

  test('version change: an entry written by other code is ignored and rewritten', () => {
    const old = new PersistentModelCache(cacheDir, '0.0.1+oldcode');
    const key = `${charm}\0`;
    old.set(charm, key, loadCharm(charm));
    expect((JSON.parse(readFileSync(entryOf(), 'utf8')) as {codeVersion: string}).codeVersion).toBe('0.0.1+oldcode');
    expect(old.get(charm, key)).toBeDefined();
    newProcess();
    loadCharmCached(charm);
    expect(parses()).toBe(1);
    const rewritten = JSON.parse(readFileSync(entryOf(), 'utf8')) as {codeVersion: string};
    expect(rewritten.codeVersion).not.toBe('0.0.1+oldcode');
    expect(old.get(charm, key)).toBeUndefined();
  });

  const damage: Array<[string, (text: string) => string]> = [
    ['cut short', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['not JSON', () => 'this is not a cache entry'],
    ['model edited in place', (t) => t.replace(HANDLER_DOC, 'Injected <b>text</b>.')],
    [
      'another charm directory',
      (t) => t.replace(JSON.stringify(`${charm}\u0000`), JSON.stringify('/elsewhere/charm\u0000')),
    ],
    ['another package', (t) => t.replace(`"package":"${PACKAGE_NAME}"`, '"package":"someone-else"')],
  ];
  test.each(damage)('an entry %s is never trusted, and is rewritten', (_, change) => {
    loadCharmCached(charm);
    const good = readFileSync(entryOf(), 'utf8');
    const bad = change(good);
    expect(bad).not.toBe(good);
    writeFileSync(entryOf(), bad);
    newProcess();
    const model = loadCharmCached(charm);
    expect(parses()).toBe(1);
    expect(handlerDocs(model)).toContain(HANDLER_DOC);
    expect(JSON.stringify(model)).not.toContain('Injected');
    expect(JSON.parse(readFileSync(entryOf(), 'utf8'))).toEqual(JSON.parse(good));
  });

  test('off: nothing is written, every process parses', () => {
    usePersistentCache(false, work);
    loadCharmCached(charm);
    clearCharmCache();
    loadCharmCached(charm);
    expect(parses()).toBe(1);
    expect(() => readdirSync(cacheDir)).toThrow();
  });
});

describe('where the cache lives', () => {
  test('the environment turns it off, then the option; a directory in the environment wins over the option', () => {
    expect(persistentCacheDirectory(true, '/site', {[NO_CACHE_ENV]: '1'})).toBeUndefined();
    expect(persistentCacheDirectory('cache', '/site', {[NO_CACHE_ENV]: 'true'})).toBeUndefined();
    expect(persistentCacheDirectory(false, '/site', {})).toBeUndefined();
    expect(persistentCacheDirectory(true, '/site', {[CACHE_DIR_ENV]: '/tmp/models'})).toBe('/tmp/models');
    expect(persistentCacheDirectory('.models', '/site', {})).toBe('/site/.models');
    expect(persistentCacheDirectory(true, '/site', {[NO_CACHE_ENV]: '0', [CACHE_DIR_ENV]: 'rel'})).toBe('/site/rel');
  });

  test('by default, node_modules/.cache/<package>/ of the nearest folder with node_modules', () => {
    const site = join(work, 'repo', 'website');
    mkdirSync(join(work, 'repo', 'node_modules'), {recursive: true});
    mkdirSync(site, {recursive: true});
    expect(persistentCacheDirectory(true, site, {})).toBe(join(work, 'repo', 'node_modules', '.cache', PACKAGE_NAME));
    mkdirSync(join(site, 'node_modules'));
    expect(persistentCacheDirectory(undefined, site, {})).toBe(join(site, 'node_modules', '.cache', PACKAGE_NAME));
  });

  test("for a site, always beside webpack's cache in the site, so the first build and the next use one folder", () => {
    const site = join(work, 'repo', 'website');
    mkdirSync(join(work, 'repo', 'node_modules'), {recursive: true});
    mkdirSync(site, {recursive: true});
    expect(persistentCacheDirectory(true, site, {}, true)).toBe(join(site, 'node_modules', '.cache', PACKAGE_NAME));
    expect(persistentCacheDirectory(true, site, {[CACHE_DIR_ENV]: '/tmp/models'}, true)).toBe('/tmp/models');
    expect(persistentCacheDirectory(true, site, {[NO_CACHE_ENV]: 'yes'}, true)).toBeUndefined();
  });
});
