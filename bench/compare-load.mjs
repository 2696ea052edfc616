#!/usr/bin/env node
// Cold model load of two builds of the plugin, interleaved on the same charms: is a change within
// its budget (issue #11: at most 10% over the build before library following)?
//
//   node bench/compare-load.mjs --baseline <dist> [--dist <dist>] [--runs 7] <charmDir>...
//
// Each round runs one fresh process per build and charm (A B A B ...): the first `loadCharm` of the
// process, as a build pays it (cold JIT, module code compiled). It reports wall time and CPU time
// (user + system of the process during the load: less sensitive than wall time to other work on a
// shared machine), medians, and the median of the per-round ratios candidate / baseline.

import {spawnSync} from 'node:child_process';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {takeOption} from './lib/options.mjs';
import {median} from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => takeOption(args, name, fallback);
const baseline = opt('baseline');
const candidate = resolve(opt('dist', join(here, '..', 'dist')));
const runs = Number(opt('runs', 7));
const charms = args.map((a) => resolve(a));
if (!baseline || !charms.length) {
  console.error('usage: node bench/compare-load.mjs --baseline <dist> [--dist <dist>] [--runs 7] <charmDir>...');
  process.exit(2);
}

/** One cold load in a fresh process: {wallMs, cpuMs}. */
function coldLoad(dist, charm) {
  const load = pathToFileURL(join(resolve(dist), 'src', 'model', 'index.js')).href;
  const code = `const {loadCharm} = await import(${JSON.stringify(load)});
    const cpu = process.cpuUsage(); const t = performance.now();
    loadCharm(${JSON.stringify(charm)});
    const wallMs = performance.now() - t; const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({wallMs, cpuMs: (used.user + used.system) / 1000}));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`cold load of ${charm} with ${dist} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}

const rows = [];
for (const charm of charms) {
  const base = [];
  const cand = [];
  for (let r = 0; r < runs; r++) {
    base.push(coldLoad(baseline, charm));
    cand.push(coldLoad(candidate, charm));
  }
  const ratio = (k) => median(cand.map((c, i) => c[k] / base[i][k]));
  const med = (xs, k) => median(xs.map((x) => x[k]));
  rows.push(
    `| ${basename(charm)} | ${med(base, 'wallMs').toFixed(0)} | ${med(cand, 'wallMs').toFixed(0)} | ${ratio('wallMs').toFixed(2)} | ${med(base, 'cpuMs').toFixed(0)} | ${med(cand, 'cpuMs').toFixed(0)} | ${ratio('cpuMs').toFixed(2)} |`,
  );
  console.error(rows[rows.length - 1]);
}
console.log(`Cold loadCharm, ${runs} interleaved rounds (baseline ${baseline}, candidate ${candidate}):\n`);
console.log('| charm | baseline wall ms | candidate wall ms | ratio | baseline CPU ms | candidate CPU ms | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
