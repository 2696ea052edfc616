// Loaded into `docusaurus build` with NODE_OPTIONS=--import: counts how many times each charm was
// parsed in that process, and writes the counts to $BENCH_COUNTS_DIR at exit. Two independent counts:
//  - loadCounts of dist/src/model/charm/cache.js, the same module URL the plugin's webpack pre-loader imports
//    (one module instance per URL in Node's ESM loader);
//  - reads of <charm>/charmcraft.yaml: loadCharm reads it exactly once per parse, whichever copy of
//    the plugin's code runs it (Docusaurus loads docusaurus.config through jiti, which evaluates the
//    config's imports, remark half included, as separate transpiled copies). fs.readFileSync is wrapped
//    to count, and otherwise behaves as before.
import fs from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import {join} from 'node:path';
import {threadId} from 'node:worker_threads';

const out = process.env.BENCH_COUNTS_DIR;
if (out) {
  const reads = new Map();
  // Who asked for the model: the remark half or the webpack pre-loader, loaded as native ESM
  // (file:// URL in the stack) or as a transpiled copy (plain path).
  const callers = new Map();
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function countingReadFileSync(path, ...rest) {
    // The on-disk model cache reads the file to check its hash: not a parse.
    if (
      typeof path === 'string' &&
      path.endsWith('/charmcraft.yaml') &&
      !/persistent-cache\.js/.test(new Error().stack ?? '')
    ) {
      const charm = path.slice(0, -'/charmcraft.yaml'.length);
      reads.set(charm, (reads.get(charm) ?? 0) + 1);
      const frame = (new Error().stack ?? '')
        .split('\n')
        .find((l) => /(remark[\\/]index|charm-dependencies-loader)\.js/.test(l));
      const caller = frame
        ? `${/charm-dependencies-loader/.test(frame) ? 'webpack pre-loader' : 'remark half'} (${/file:\/\//.test(frame) ? 'native ESM' : 'transpiled copy'})`
        : 'other';
      callers.set(caller, (callers.get(caller) ?? 0) + 1);
    }
    return readFileSync.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
  const cache = await import(
    process.env.BENCH_DIST
      ? new URL(`file://${process.env.BENCH_DIST}/src/model/charm/cache.js`)
      : new URL('../../dist/src/model/charm/cache.js', import.meta.url)
  );
  process.on('exit', () => {
    fs.mkdirSync(out, {recursive: true});
    fs.writeFileSync(
      join(out, `counts-${process.pid}-${threadId}.json`),
      JSON.stringify({
        pid: process.pid,
        threadId,
        argv: process.argv.slice(1, 3),
        loadCounts: Object.fromEntries(cache.loadCounts),
        charmcraftReads: Object.fromEntries(reads),
        callers: Object.fromEntries(callers),
      }),
    );
  });
}
