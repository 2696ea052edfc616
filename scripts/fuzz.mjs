#!/usr/bin/env node
// The long fuzz run (issue §4): the properties of test/fuzz/core.mjs against the built package
// (dist/: run `npm run build` first), in worker threads, with a watchdog for hangs.
//
//   node scripts/fuzz.mjs                      # 100,000 cases, one worker per core
//   node scripts/fuzz.mjs --runs 5000 --seed 42 --workers 2
//   node scripts/fuzz.mjs --property pages --seed 1234 --path 17 --workers 1   # replay one case
//
// Options: --runs N (total cases, default 100000), --seed S (worker i uses S+i; default random),
// --workers W (default: available cores), --property charms|mutated|pages|all (default all; shares
// as in jest: 22.5% / 30% / 47.5%), --case-ms MS (per-case bound, default 2000), --hang-ms MS (a case
// running longer is a hang: the worker is stopped, default 30000), --known-bugs (also generate the
// inputs of bugs already reported), --thorough (every section and every diagram variant on its
// own, slower), --path P (fast-check replay path, with --seed and one property), --keep DIR (where
// failing inputs are written, default a new folder in the temp directory), --inject-hang N (case N
// of worker 0 loops forever: checks the watchdog).
//
// Prints a summary; exits 1 on a failure (with the seed, the replay path and the minimal
// counterexample, whose files are written out) and 2 on bad usage or a missing build.
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SHARES = {charms: 0.225, mutated: 0.3, pages: 0.475};

function parseArgs(argv) {
  const opts = {
    runs: 100_000,
    seed: null,
    workers: availableParallelism(),
    property: 'all',
    caseMs: 2000,
    hangMs: 30_000,
    knownBugs: true,
    thorough: false,
    path: null,
    keep: null,
    injectHang: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(next());
      if (!Number.isFinite(v) || v < 0) usage(`${a} needs a number`);
      return v;
    };
    if (a === '--runs') opts.runs = num();
    else if (a === '--seed') opts.seed = num();
    else if (a === '--workers') opts.workers = Math.max(1, num());
    else if (a === '--property') opts.property = next();
    else if (a === '--case-ms') opts.caseMs = num();
    else if (a === '--hang-ms') opts.hangMs = num();
    else if (a === '--known-bugs') opts.knownBugs = true;
    else if (a === '--thorough') opts.thorough = true;
    else if (a === '--path') opts.path = next();
    else if (a === '--keep') opts.keep = next();
    else if (a === '--inject-hang') opts.injectHang = num();
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!['all', ...Object.keys(SHARES)].includes(opts.property))
    usage(`--property must be one of all, ${Object.keys(SHARES).join(', ')}`);
  if (opts.path !== null && (opts.seed === null || opts.property === 'all'))
    usage('--path needs --seed and one --property');
  return opts;
}

function usage(problem) {
  if (problem) process.stderr.write(`fuzz: ${problem}\n`);
  process.stderr.write(
    'usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--workers W] [--property charms|mutated|pages|all] [--case-ms MS] [--hang-ms MS] [--known-bugs] [--thorough] [--path P] [--keep DIR]\n',
  );
  process.exit(problem ? 2 : 0);
}

/** The newest mtime below a folder (to warn about a stale dist/). */
function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = statSync(abs);
    t = Math.max(t, st.isDirectory() ? newest(abs) : st.mtimeMs);
  }
  return t;
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist/src/model/charm/load.js'))) {
    process.stderr.write('fuzz: dist/ is missing; run `npm run build` first.\n');
    process.exit(2);
  }
  if (newest(join(ROOT, 'src')) > newest(join(ROOT, 'dist/src')))
    process.stderr.write('fuzz: warning: src/ is newer than dist/; run `npm run build` to fuzz the current code.\n');
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const properties = opts.property === 'all' ? Object.keys(SHARES) : [opts.property];
  const workers = opts.path !== null ? 1 : Math.min(opts.workers, opts.runs || 1);
  const share = (p) => (opts.property === 'all' ? SHARES[p] : 1);
  // Worker i runs its part of every property with seed + i.
  const plan = Array.from({length: workers}, (_, i) => ({
    index: i,
    seed: seed + i,
    runs: Object.fromEntries(
      properties.map((p) => [
        p,
        Math.floor((opts.runs * share(p)) / workers) + (i < Math.round(opts.runs * share(p)) % workers ? 1 : 0),
      ]),
    ),
  }));
  const keep = opts.keep ?? mkdtempSync(join(tmpdir(), 'charm-arch-fuzz-failures-'));
  const total = opts.path !== null ? 1 : plan.reduce((n, w) => n + Object.values(w.runs).reduce((a, b) => a + b, 0), 0);
  console.log(
    `fuzz: ${total} cases (${properties.join(', ')}), seed ${seed}, ${workers} worker(s), ${opts.caseMs} ms per case at most${opts.knownBugs ? ', known bugs included' : ''}${opts.thorough ? ', thorough' : ''}`,
  );

  const start = Date.now();
  // Per worker: [cases started, property index] in shared memory, for progress and the watchdog.
  const shared = new Int32Array(new SharedArrayBuffer(4 * 2 * workers));
  const results = [];
  const failures = [];
  const running = new Set();
  await new Promise((resolveAll) => {
    const finished = () => {
      if (running.size === 0) resolveAll();
    };
    const lastSeen = plan.map(() => ({count: -1, at: Date.now()}));
    const watchdog = setInterval(
      () => {
        const now = Date.now();
        for (const w of running) {
          const count = Atomics.load(shared, w.plan.index * 2);
          const seen = lastSeen[w.plan.index];
          if (count !== seen.count) {
            seen.count = count;
            seen.at = now;
          } else if (now - seen.at > opts.hangMs) {
            const property = properties[Atomics.load(shared, w.plan.index * 2 + 1)];
            const caseIndex = count - 1 - w.doneBefore(property);
            const dir = join(keep, `hang-${property}-seed${w.plan.seed}-case${caseIndex}`);
            // The hanging case's files are still in the worker's directory.
            cpSync(join(w.workDir, 'site'), dir, {recursive: true});
            failures.push({
              kind: 'hang',
              property,
              seed: w.plan.seed,
              path: String(caseIndex),
              message: `case ${caseIndex} of ${property} ran for more than ${opts.hangMs} ms (no progress); its input is in ${dir}`,
              dir,
            });
            w.worker.terminate();
          }
        }
      },
      Math.min(1000, Math.max(50, opts.hangMs / 4)),
    );
    let lastReport = Date.now();
    const progress = setInterval(() => {
      const done = plan.reduce((n, w) => n + Atomics.load(shared, w.index * 2), 0);
      if (Date.now() - lastReport >= 30_000) {
        lastReport = Date.now();
        const s = (Date.now() - start) / 1000;
        console.log(
          `fuzz: ${done}/${total} cases, ${(done / s).toFixed(0)}/s, ${Math.round(s)} s${done ? `, about ${Math.round((s / done) * (total - done))} s to go` : ''}`,
        );
      }
    }, 1000);
    for (const p of plan) {
      const workDir = mkdtempSync(join(tmpdir(), `charm-arch-fuzz-w${p.index}-`));
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: {plan: p, properties, opts, workDir, keep, shared},
        stdout: false,
        stderr: false,
      });
      const entry = {
        worker,
        plan: p,
        workDir,
        doneBefore: (property) => properties.slice(0, properties.indexOf(property)).reduce((n, q) => n + p.runs[q], 0),
      };
      running.add(entry);
      worker.on('message', (m) => {
        if (m.type === 'result') results.push(m);
        if (m.type === 'failure') {
          failures.push(m);
          // First failure: stop the others (the report is what matters now).
          for (const other of running) if (other !== entry) other.worker.terminate();
        }
      });
      worker.on('error', (error) =>
        failures.push({
          kind: 'crash',
          property: '?',
          seed: p.seed,
          message: `worker crashed: ${error?.stack ?? error}`,
        }),
      );
      worker.on('exit', () => {
        running.delete(entry);
        rmSync(workDir, {recursive: true, force: true});
        if (running.size === 0) {
          clearInterval(watchdog);
          clearInterval(progress);
        }
        finished();
      });
    }
  });

  const seconds = (Date.now() - start) / 1000;
  printSummary(results, seconds);
  if (failures.length) {
    for (const f of failures) {
      console.log(
        `\nFAILED (${f.kind ?? 'property'}) ${f.property}: seed ${f.seed}${f.path ? `, path ${f.path}` : ''}`,
      );
      if (f.path)
        console.log(
          `replay: node scripts/fuzz.mjs --property ${f.property} --seed ${f.seed} --path ${f.path}${opts.knownBugs ? ' --known-bugs' : ''}${opts.thorough ? ' --thorough' : ''}`,
        );
      console.log(f.message);
      if (f.counterexample) console.log(`minimal counterexample:\n${f.counterexample}`);
      if (f.dir) console.log(`input files: ${f.dir}`);
    }
    process.exit(1);
  }
  rmSync(keep, {recursive: true, force: true});
  console.log('fuzz: no failure');
}

function printSummary(results, seconds) {
  const by = {};
  for (const r of results) {
    const s = (by[r.property] ??= {
      cases: 0,
      loaded: 0,
      loadErrors: 0,
      sections: 0,
      diagrams: 0,
      pages: 0,
      pageErrors: 0,
      slowest: 0,
      errorCodes: {},
      knownBugHits: {},
      ms: 0,
    });
    for (const k of ['cases', 'loaded', 'loadErrors', 'sections', 'diagrams', 'pages', 'pageErrors'])
      s[k] += r.stats[k];
    s.slowest = Math.max(s.slowest, r.stats.slowest);
    s.ms = Math.max(s.ms, r.ms);
    for (const [c, n] of r.stats.errorCodes) s.errorCodes[c] = (s.errorCodes[c] ?? 0) + n;
    for (const [c, n] of r.stats.knownBugHits) s.knownBugHits[c] = (s.knownBugHits[c] ?? 0) + n;
  }
  console.log(`\nfuzz summary (${seconds.toFixed(1)} s):`);
  for (const [p, s] of Object.entries(by)) {
    const codes = Object.entries(s.errorCodes)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    const known = Object.entries(s.knownBugHits)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    console.log(`  ${p}: ${s.cases} cases in ${(s.ms / 1000).toFixed(1)} s, slowest case ${Math.round(s.slowest)} ms`);
    if (p !== 'pages')
      console.log(
        `    loaded ${s.loaded}, positioned load errors ${s.loadErrors}${codes ? ` (${codes})` : ''}; sections built ${s.sections}; diagrams parsed ${s.diagrams}`,
      );
    else console.log(`    pages ${s.pages}: expanded ${s.pages - s.pageErrors}, positioned errors ${s.pageErrors}`);
    if (known) console.log(`    known bugs met (not counted as failures): ${known}`);
  }
}

// ---------------------------------------------------------------------------------------- worker

async function worker() {
  const {plan, properties, opts, workDir, keep, shared} = workerData;
  // Mermaid's DOMPurify binds to a global window when imported: give it one (jsdom), first.
  const {createRequire} = await import('node:module');
  const require = createRequire(join(ROOT, 'package.json'));
  const {JSDOM} = require('jsdom');
  globalThis.window = new JSDOM('<!doctype html><html><body></body></html>').window;
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  // Drift notes and onError 'warn' messages go to the console; a warning from the yaml library
  // about collection keys is expected on mutated input.
  console.warn = () => {};
  console.error = () => {};
  const log = console.log;
  console.log = () => {};
  process.removeAllListeners('warning');
  process.on('warning', () => {});

  const dist = (p) => import(join(ROOT, 'dist/src', p));
  const api = {
    ...(await dist('model/index.js')),
    ...(await dist('sections/index.js')),
    ...(await dist('diagrams/index.js')),
    ...(await dist('remark/index.js')),
    ...(await dist('options.js')),
    ...(await dist('state.js')),
    ...(await dist('cli/print/markdown.js')),
  };
  const fc = (await import('fast-check')).default;
  const core = await import('../test/fuzz/core.mjs');
  core.generatorOptions.includeKnownBugs = opts.knownBugs;
  // The first parse loads Mermaid's flowchart grammar, the first load compiles the loader: not a case's time.
  await mermaid.parse('flowchart LR\n  a["x"] --> b');
  api.loadCharm(join(ROOT, 'website/charms/pastebin-k8s'));

  for (const [i, property] of properties.entries()) {
    const numRuns = opts.path !== null ? 1 : plan.runs[property];
    if (!numRuns) continue;
    Atomics.store(shared, plan.index * 2 + 1, i);
    const fuzzer = core.createFuzzer({
      api,
      parseMermaid: (s) => mermaid.parse(s),
      schemaPath: join(ROOT, 'schema/charm-model.schema.json'),
      workDir,
      caseMs: opts.caseMs,
      thorough: opts.thorough,
    });
    const tick = () => {
      const started = Atomics.add(shared, plan.index * 2, 1);
      if (opts.injectHang !== null && plan.index === 0 && started === opts.injectHang) for (;;);
    };
    const prop =
      property === 'pages'
        ? fc.asyncProperty(core.remarkCaseArb, (c) => (tick(), fuzzer.checkPage(c)))
        : fc.asyncProperty(
            property === 'charms' ? core.charmArb : core.mutatedCharmArb,
            core.sectionOptionsArb,
            (c, o) => (tick(), fuzzer.checkCharm(c, o)),
          );
    const start = Date.now();
    const details = await fc.check(prop, {numRuns, seed: plan.seed, ...(opts.path !== null ? {path: opts.path} : {})});
    parentPort.postMessage({type: 'result', property, stats: fuzzer.stats, ms: Date.now() - start});
    if (details.failed) {
      const example = details.counterexample ?? [];
      // Write the minimal counterexample's files where they can be looked at and loaded again.
      const dir = join(keep, `${property}-seed${plan.seed}`);
      const input = property === 'pages' ? example[0]?.charm : example[0];
      if (input) {
        const {files} = core.buildCharm(input.spec, input.mutations);
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, 'charm', path)), {recursive: true});
          writeFileSync(join(dir, 'charm', path), content);
        }
        if (property === 'pages') writeFileSync(join(dir, 'page.md'), example[0].page);
      }
      const error = details.errorInstance ?? details.error;
      parentPort.postMessage({
        type: 'failure',
        property,
        seed: plan.seed,
        path: details.counterexamplePath,
        message: `${details.numRuns} cases and ${details.numShrinks} shrinks; ${String(error?.message ?? error)}`,
        counterexample: fc.stringify(example),
        dir,
      });
      log(`worker ${plan.index}: ${property} failed`);
      return;
    }
  }
}

if (isMainThread) await main();
else await worker();
