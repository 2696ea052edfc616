#!/usr/bin/env node
// node bench/git-ref.mjs [--runs R=7] [--scale K=1]       (after npm run build)
//
// Reading a charm at a git ref against reading the same files from the working tree: one large
// generated charm (bench/generate.mjs) committed to a throw-away repository under bench/out/, then
// R cold loads of each (a fresh Node process per load, alternating, so neither side keeps a warm
// cache), timed inside the process around loadCharm / loadCharmAtRef only. Prints the medians and
// the ratio; the target is at most 1.3x. Exit 1 when the ratio is over the target.

import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {generateCharm} from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'src', 'model');
if (!existsSync(join(dist, 'charm', 'load.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
const argv = process.argv.slice(2);
const option = (name, fallback) =>
  argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback;
const RUNS = option('runs', 7);
const SCALE = option('scale', 1);
const TARGET = 1.3;

const dir = join(here, 'out', 'git-ref', 'charm');
rmSync(dirname(dir), {recursive: true, force: true});
mkdirSync(dir, {recursive: true});
generateCharm(dir, 0, {scale: SCALE});
const git = (...args) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
git('init', '--quiet');
git('add', '-A');
git('commit', '--quiet', '-m', 'bench charm');
// Packed, as a clone's objects are: reading loose objects one zlib file each is not what users have.
git('gc', '--quiet');

/** One cold load in a fresh process; returns milliseconds. */
function coldLoad(kind) {
  const script =
    kind === 'tree'
      ? `const {loadCharm} = await import(${JSON.stringify(pathToFileURL(join(dist, 'charm', 'load.js')).href)});
         const t = performance.now(); const m = loadCharm(${JSON.stringify(dir)}); const ms = performance.now() - t;`
      : `const {loadCharmAtRef} = await import(${JSON.stringify(pathToFileURL(join(dist, 'charm', 'load-at-ref.js')).href)});
         const t = performance.now(); const {model: m} = loadCharmAtRef(${JSON.stringify(dir)}, 'HEAD'); const ms = performance.now() - t;`;
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `${script} console.log(JSON.stringify({ms, events: m.events.length, sources: m.sources.length}));`,
    ],
    {encoding: 'utf8', env: {...process.env, NODE_OPTIONS: ''}},
  );
  return JSON.parse(out);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const times = {tree: [], ref: []};
let shape;
for (let i = 0; i < RUNS; i++) {
  for (const kind of i % 2 ? ['ref', 'tree'] : ['tree', 'ref']) {
    const r = coldLoad(kind);
    times[kind].push(r.ms);
    shape ??= r;
    if (r.events !== shape.events || r.sources !== shape.sources)
      throw new Error(`the ${kind} load read a different charm: ${JSON.stringify(r)} vs ${JSON.stringify(shape)}`);
  }
}
const tree = median(times.tree);
const ref = median(times.ref);
const ratio = ref / tree;
console.log(
  `charm: ${shape.sources} files read, ${shape.events} events (bench/generate.mjs scale ${SCALE}); ${RUNS} cold loads each`,
);
console.log(`working tree  median ${tree.toFixed(1)} ms  (${times.tree.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`git ref HEAD  median ${ref.toFixed(1)} ms  (${times.ref.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`ratio ${ratio.toFixed(2)}x (target at most ${TARGET}x): ${ratio <= TARGET ? 'ok' : 'MISSED'}`);
process.exit(ratio <= TARGET ? 0 : 1);
