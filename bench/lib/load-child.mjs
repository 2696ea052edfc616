// One fresh Node process per cold measurement: `cold` is the first load in a process (cold JIT,
// cold module code), as in a `docusaurus build`.
//   node load-child.mjs model <charmDir> <repeats>   -> first loadCharmCached, cached hits, uncached reloads
//   node load-child.mjs parse <charmDir>             -> @lezer/python parse alone of the .py files the model reads
//   node --expose-gc load-child.mjs heap <dir>...    -> heap kept by the cached models of these charms
//   node load-child.mjs persistent <charmDir> <cacheDir> -> first load in a process with the on-disk cache on
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {median} from './stats.mjs';

const [mode, dir, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 5);
const dist = process.env.BENCH_DIST
  ? new URL(`file://${process.env.BENCH_DIST}/src/model/`)
  : new URL('../../dist/src/model/', import.meta.url);

if (mode === 'model') {
  const {loadCharmCached} = await import(new URL('charm/cache.js', dist));
  const {loadCharm} = await import(new URL('charm/load.js', dist));
  let t = performance.now();
  const model = loadCharmCached(dir);
  const coldMs = performance.now() - t;
  const warm = [];
  for (let i = 0; i < Math.max(20, repeats); i++) {
    t = performance.now();
    loadCharmCached(dir);
    warm.push(performance.now() - t);
  }
  const {clearParsedTexts} = await import(new URL('python/syntax.js', dist));
  const reload = [];
  for (let i = 0; i < repeats; i++) {
    clearParsedTexts(); // a real parse each time, not the remembered trees
    t = performance.now();
    loadCharm(dir);
    reload.push(performance.now() - t);
  }
  const py = model.sources.filter((f) => f.endsWith('.py'));
  const lines = (fs) => fs.reduce((a, f) => a + readFileSync(join(dir, f), 'utf8').split('\n').length - 1, 0);
  process.stdout.write(
    JSON.stringify({
      coldMs,
      warmMs: median(warm),
      reloadMs: median(reload),
      filesRead: model.sources.length,
      pyFilesRead: py.length,
      pyLinesRead: lines(py),
      events: model.events.length,
      layers: model.pebble.length,
      diagnostics: model.diagnostics.length,
    }),
  );
} else if (mode === 'parse') {
  const {loadCharm} = await import(new URL('charm/load.js', dist));
  // The file list comes from a load in a child of this one would be cleaner; a load here would warm the parser.
  const files = JSON.parse(process.env.BENCH_PY_FILES ?? '[]');
  const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  const {parser} = await import('@lezer/python');
  const t = performance.now();
  for (const text of texts) parser.parse(text);
  const coldMs = performance.now() - t;
  const again = [];
  for (let i = 0; i < repeats; i++) {
    const t2 = performance.now();
    for (const text of texts) parser.parse(text);
    again.push(performance.now() - t2);
  }
  void loadCharm;
  process.stdout.write(JSON.stringify({coldMs, warmMs: median(again)}));
} else if (mode === 'heap') {
  // node --expose-gc load-child.mjs heap <charmDir>...: heap kept by the cached models of all charms.
  // The first charm pays for what every load shares (parser tables, module state) and is not counted;
  // the others' retained heap, per charm, times the number of charms.
  const {loadCharmCached} = await import(new URL('charm/cache.js', dist));
  const dirs = process.argv.slice(3);
  loadCharmCached(dirs[0]);
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (const d of dirs.slice(1)) loadCharmCached(d);
  globalThis.gc();
  globalThis.gc();
  const perCharm = (process.memoryUsage().heapUsed - before) / 2 ** 20 / Math.max(1, dirs.length - 1);
  process.stdout.write(
    JSON.stringify({charms: dirs.length, perCharmMiB: perCharm, retainedMiB: perCharm * dirs.length}),
  );
} else if (mode === 'persistent') {
  // What a second `docusaurus build` or CLI run pays for the model: the on-disk cache, then (on a miss) a parse.
  const {loadCharmCached, loadCounts, usePersistentCache} = await import(new URL('charm/cache.js', dist));
  usePersistentCache(repeatsArg, dir);
  const t = performance.now();
  loadCharmCached(dir);
  process.stdout.write(
    JSON.stringify({ms: performance.now() - t, parsed: [...loadCounts.values()].reduce((a, n) => a + n, 0)}),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
