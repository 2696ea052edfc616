// Whole-process measurements, each against a floor measured in the same run, interleaved (A B A B
// ...) so that load on a shared machine hits both sides alike; reported as medians and ratios.
//  - CLI start-up: `charm-arch --help` against `node -e 0`;
//  - `charm-arch facts` (on-disk cache off) against CPython's `ast.parse` of exactly the Python files
//    the model read, on the largest charm and its scaled copies;
//  - the model load of a second process with the on-disk cache (hit, and after editing one file).

import {spawnSync, execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {median} from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Wall time (ms) of one process; throws when it fails, so a broken CLI stops the bench. */
function timeProcess([cmd, ...args], env) {
  const t = performance.now();
  const r = spawnSync(cmd, args, {
    env: {...process.env, ...env},
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}: ${String(r.stderr).slice(-2000)}`);
  return ms;
}

/** Runs the commands in turn, `runs` rounds; per command its times, and per round the ratio of each to the first. */
export function interleaved(commands, runs, env = {}) {
  const times = commands.map(() => []);
  for (let r = 0; r < runs; r++) commands.forEach((c, i) => times[i].push(timeProcess(c, env)));
  const ratios = times.map((ts) => ts.map((t, r) => t / times[0][r]));
  return times.map((ts, i) => ({ms: median(ts), ratio: median(ratios[i]), all: ts}));
}

/** `charm-arch --help` against `node -e 0`. */
export function cliStartup({cli, runs}) {
  const [floor, help] = interleaved(
    [
      [process.execPath, '-e', '0'],
      [process.execPath, cli, '--help'],
    ],
    runs,
  );
  return {nodeMs: floor.ms, helpMs: help.ms, ratio: help.ratio};
}

/**
 * `charm-arch facts <dir>` (cache off) against `python3 -c ast.parse(...)` of the Python files the model
 * read, and `facts` again with a filled on-disk cache. `pyFiles` are charm-relative paths.
 */
export function factsAgainstAst({cli, dir, pyFiles, runs, work}) {
  mkdirSync(work, {recursive: true});
  const list = join(work, 'files.txt');
  writeFileSync(list, pyFiles.map((f) => join(dir, f)).join('\n'));
  const bytes = pyFiles.reduce((a, f) => a + readFileSync(join(dir, f)).length, 0);
  const cacheDir = join(work, 'model-cache');
  rmSync(cacheDir, {recursive: true, force: true});
  const python = [
    'python3',
    '-c',
    `import ast\nfor f in open(${JSON.stringify(list)}).read().splitlines(): ast.parse(open(f, 'rb').read())`,
  ];
  const lezer = [process.execPath, join(here, 'lib', 'parse-only.mjs'), list];
  // What `facts` pays before any work of its own: Node, the model's modules, and src/ parsed whole.
  const srcList = join(work, 'src-files.txt');
  writeFileSync(
    srcList,
    pyFiles
      .filter((f) => f.startsWith('src/'))
      .map((f) => join(dir, f))
      .join('\n'),
  );
  const modelFloor = [
    process.execPath,
    join(here, 'lib', 'parse-after-import.mjs'),
    join(dirname(cli), '..', 'dist'),
    srcList,
  ];
  const cold = [process.execPath, cli, 'facts', dir, '--no-cache'];
  const hit = [process.execPath, cli, 'facts', dir];
  timeProcess(hit, {CHARM_ARCH_CACHE_DIR: cacheDir}); // fills the cache
  const [ast, facts, cached, parseOnly, beforeModel] = interleaved([python, cold, hit, lezer, modelFloor], runs, {
    CHARM_ARCH_CACHE_DIR: cacheDir,
  });
  return {
    files: pyFiles.length,
    bytes,
    astMs: ast.ms,
    factsMs: facts.ms,
    ratio: facts.ratio,
    cachedMs: cached.ms,
    cachedRatio: cached.ratio,
    lezerMs: parseOnly.ms,
    lezerRatio: parseOnly.ratio,
    modelFloorMs: beforeModel.ms,
    modelFloorRatio: beforeModel.ratio,
  };
}

/**
 * The model load of a new process with the on-disk cache: unchanged charm (hit), then after one file of
 * a copy of the charm is edited (miss: that charm is read again). Medians over `runs` processes each.
 */
export function persistentLoad({loadChild, dir, editFile, edit, runs, work}) {
  const copy = join(work, 'persistent-charm');
  const cacheDir = join(work, 'persistent-cache');
  rmSync(copy, {recursive: true, force: true});
  rmSync(cacheDir, {recursive: true, force: true});
  cpSync(dir, copy, {recursive: true});
  const load = () =>
    JSON.parse(execFileSync(process.execPath, [loadChild, 'persistent', copy, cacheDir], {encoding: 'utf8'}));
  const fill = load();
  const hits = Array.from({length: runs}, load);
  const path = join(copy, editFile);
  const original = readFileSync(path, 'utf8');
  const misses = [];
  for (let r = 0; r < runs; r++) {
    writeFileSync(path, edit(original, r));
    misses.push(load());
  }
  return {
    fillMs: fill.ms,
    hitMs: median(hits.map((h) => h.ms)),
    hitParses: Math.max(...hits.map((h) => h.parsed)),
    editMs: median(misses.map((h) => h.ms)),
    editParses: Math.min(...misses.map((h) => h.parsed)),
  };
}
