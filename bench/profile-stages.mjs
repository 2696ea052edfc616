#!/usr/bin/env node
// Where the cold model load goes, per stage, for one or more builds, profiled in interleaved rounds.
// One profile is noisy on a shared machine; the median of several, taken A B A B ..., says which
// stage a change moved.
//
//   node bench/profile-stages.mjs [--runs 5] [--facts] <dist>[=label]... -- <charmDir>...
//
// Without --facts each profile is one fresh process that imports the model and runs one
// `loadCharm` (as the first load of a build). With --facts it is a whole
// `charm-arch facts --no-cache` process of that build (start-up included); the build's bin/ is
// `<dist>/../bin`. Prints, per charm, a table of median milliseconds per stage and build.

import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join, basename, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {takeOption} from './lib/options.mjs';
import {median} from './lib/stats.mjs';
import {stagesOf} from './lib/stages.mjs';

const args = process.argv.slice(2);
const runs = Number(takeOption(args, 'runs', 5));
const facts = args.includes('--facts');
const rest = args.filter((a) => a !== '--facts');
const split = rest.indexOf('--');
if (split < 1 || split === rest.length - 1) {
  console.error('usage: node bench/profile-stages.mjs [--runs 5] [--facts] <dist>[=label]... -- <charmDir>...');
  process.exit(2);
}
const builds = rest.slice(0, split).map((a) => {
  const [dir, label] = a.split('=');
  return {dist: resolve(dir), label: label ?? dir};
});
const charms = rest.slice(split + 1).map((c) => resolve(c));

/** One profiled process; returns the stage split of its profile. */
function profileOnce(dist, charm) {
  const dir = mkdtempSync(join(tmpdir(), 'charm-arch-prof-'));
  const prof = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '250'];
  const load = pathToFileURL(join(dist, 'src', 'model', 'index.js')).href;
  const argv = facts
    ? [...prof, join(dist, '..', 'bin', 'charm-arch.js'), 'facts', charm, '--no-cache']
    : [
        ...prof,
        '--input-type=module',
        '-e',
        `(await import(${JSON.stringify(load)})).loadCharm(${JSON.stringify(charm)});`,
      ];
  const r = spawnSync(process.execPath, argv, {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']});
  if (r.status !== 0) throw new Error(`profile of ${charm} with ${dist} failed: ${r.stderr.slice(-2000)}`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const stages = stagesOf(join(dir, file));
  rmSync(dir, {recursive: true, force: true});
  return stages;
}

for (const charm of charms) {
  const samples = builds.map(() => []);
  for (let r = 0; r < runs; r++) builds.forEach((b, i) => samples[i].push(profileOnce(b.dist, charm)));
  const stages = [...samples[0][0].ms.keys()];
  const cell = (i, stage) => median(samples[i].map((s) => s.ms.get(stage)));
  console.log(
    `\n${basename(charm)}: ${facts ? 'charm-arch facts --no-cache' : 'cold loadCharm'}, median ms of ${runs} interleaved profiles\n`,
  );
  console.log(`| stage | ${builds.map((b) => b.label).join(' | ')} |`);
  console.log(`| --- | ${builds.map(() => '---:').join(' | ')} |`);
  for (const stage of stages) {
    const row = builds.map((_, i) => cell(i, stage));
    if (row.every((v) => v < 0.5)) continue;
    console.log(`| ${stage} | ${row.map((v) => v.toFixed(0)).join(' | ')} |`);
  }
  const totals = builds.map((_, i) => median(samples[i].map((s) => s.totalMs)).toFixed(0));
  console.log(`| total (profiled) | ${totals.join(' | ')} |`);
}
