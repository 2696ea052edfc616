#!/usr/bin/env node
// npm run bench [-- --charms N --pages M --runs R --quick --skip-build --skip-warm]
//
// Generates N realistic charms and an M-page Docusaurus site under bench/out/ (gitignored), then
// measures, in one run: model load (cold, warm, growth with source size), directive expansion
// through the real mdx-loader pipeline, `docusaurus build` time and peak memory against the same
// site with every directive already expanded (static), parses per charm in one build, and a warm
// rebuild after editing one charm file against a no-change rebuild. Medians of R runs.
// Prints a Markdown report and writes bench/out/results.json and bench/out/results.md.

import {spawn, execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, freemem, loadavg, totalmem} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {generateCharm, productOf} from './generate.mjs';
import {liveLatency} from './live-preview.mjs';
import {median} from './lib/stats.mjs';
import {cliStartup, factsAgainstAst, persistentLoad} from './processes.mjs';
import {speedReport} from './report-speed.mjs';
import {pageSource, staticBody, writeSite} from './site.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const OUT = join(here, 'out');
const docusaurusBin = join(root, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

// ------------------------------------------------------------------------------------------ args
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
if (flag('help')) {
  console.log(
    'node bench/run.mjs [--charms N=20] [--pages M=200] [--runs R=3] [--quick] [--smoke] [--skip-build] [--skip-warm] [--skip-live] [--dist DIR]',
  );
  process.exit(0);
}
// --smoke (CI): every measurement that needs no `docusaurus build`/`start`, on a small workload. It
// fails when the bench cannot run (an exception, a failing CLI, a page MDX cannot compile), never
// because a target is missed.
const smoke = flag('smoke');
const quick = flag('quick') || smoke;
const N = value('charms', smoke ? 2 : quick ? 4 : 20);
const M = value('pages', smoke ? 8 : quick ? 24 : 200);
const R = value('runs', quick ? 1 : 3);
const LOAD_RUNS = Math.max(R, quick ? 3 : 7);
const PROCESS_RUNS = smoke ? 3 : quick ? 7 : 11;
const SCALES = smoke ? [1, 2] : [1, 2, 4, 8];
const skipBuild = flag('skip-build') || smoke;
const skipLive = flag('skip-live') || smoke;
// The plugin build under test, copied once (dist/ and theme/, the layout the plugin expects), so a
// rebuild of dist/ while the benchmark runs cannot mix two versions into one report.
const distArg = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : undefined;
const sourceDist = distArg ? join(process.cwd(), distArg) : join(root, 'dist');
if (!existsSync(join(sourceDist, 'src', 'index.js')))
  throw new Error(`${sourceDist} has no src/index.js: run \`npm run build\` first (npm run bench does).`);
const pkgDir = join(OUT, 'pkg');
rmSync(pkgDir, {recursive: true, force: true});
mkdirSync(pkgDir, {recursive: true});
cpSync(sourceDist, join(pkgDir, 'dist'), {recursive: true});
cpSync(join(root, 'theme'), join(pkgDir, 'theme'), {recursive: true});
cpSync(join(root, 'bin'), join(pkgDir, 'bin'), {recursive: true});
writeFileSync(
  join(pkgDir, 'package.json'),
  JSON.stringify({name: 'docusaurus-plugin-charm-architecture', private: true, type: 'module'}) + '\n',
);
const dist = join(pkgDir, 'dist');
process.env.BENCH_DIST = dist;
const distIndex = join(dist, 'src', 'index.js');
const cli = join(pkgDir, 'bin', 'charm-arch.js');

// ------------------------------------------------------------------------------------------ helpers
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const started = Date.now();

function node(args, {env = {}} = {}) {
  return execFileSync(process.execPath, args, {
    cwd: root,
    env: {...process.env, ...env},
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const hasTime = existsSync('/usr/bin/time');

/** Runs `docusaurus build` in a child process: wall time, peak RSS (KiB), exit code, output tail. */
function build(siteDir, {persistentCache = false, countsDir} = {}) {
  const outDir = join(siteDir, 'build');
  rmSync(outDir, {recursive: true, force: true});
  rmSync(join(siteDir, '.docusaurus'), {recursive: true, force: true});
  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    NODE_OPTIONS: `--import ${pathToFileURL(join(here, 'lib', 'count-hook.mjs')).href}`,
  };
  if (countsDir) env.BENCH_COUNTS_DIR = countsDir;
  else delete env.BENCH_COUNTS_DIR;
  // Both caches or neither: webpack's and the plugin's own models on disk.
  if (persistentCache) {
    delete env.DOCUSAURUS_NO_PERSISTENT_CACHE;
    delete env.CHARM_ARCH_NO_CACHE;
  } else {
    env.DOCUSAURUS_NO_PERSISTENT_CACHE = 'true';
    env.CHARM_ARCH_NO_CACHE = '1';
  }
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const args = [...(hasTime ? ['-v', process.execPath] : []), docusaurusBin, 'build', siteDir, '--out-dir', outDir];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    let peakKb = 0;
    // Without /usr/bin/time: sample the build process's high-water mark.
    const sampler = hasTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) peakKb = Math.max(peakKb, Number(m[1]));
          } catch {
            // The process has exited between two samples: its peak is the last one read.
          }
        }, 50);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (sampler) clearInterval(sampler);
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
      if (m) peakKb = Number(m[1]);
      if (code !== 0) {
        reject(new Error(`docusaurus build ${siteDir} exited with ${code}:\n${output.slice(-4000)}`));
        return;
      }
      resolve({wallMs, peakKb, output});
    });
  });
}

function readCounts(dir) {
  const counts = {loadCounts: {}, charmcraftReads: {}, callers: {}, processes: 0};
  if (!existsSync(dir)) return counts;
  for (const f of readdirSync(dir)) {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    counts.processes++;
    for (const k of ['loadCounts', 'charmcraftReads', 'callers'])
      for (const [root, n] of Object.entries(c[k] ?? {})) counts[k][root] = (counts[k][root] ?? 0) + n;
  }
  return counts;
}

// ------------------------------------------------------------------------------------------ machine
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
  if (execFileSync('git', ['status', '--porcelain', '--', 'src'], {cwd: root, encoding: 'utf8'}).trim())
    commit += ' (src/ modified)';
  if (distArg) commit += `, plugin from ${distArg}`;
} catch {
  // Not a git checkout (an unpacked tarball): the commit stays unknown.
}
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: totalmem() / 2 ** 30,
  freeGiB: freemem() / 2 ** 30,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadStart: loadavg()
    .map((x) => x.toFixed(2))
    .join(' '),
  commit,
};
log(
  `machine: ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, load ${machine.loadStart}`,
);
log(`workload: ${N} charms, ${M} pages, ${R} runs${quick ? ' (quick)' : ''}`);

// ------------------------------------------------------------------------------------------ 1. generate
mkdirSync(OUT, {recursive: true});
const charmsDir = join(OUT, 'charms');
rmSync(charmsDir, {recursive: true, force: true});
const charms = [];
for (let i = 0; i < N; i++) {
  const info = generateCharm(join(charmsDir, `${productOf(i)}-k8s`), i);
  charms.push({...info, id: info.product, dir: join(charmsDir, `${productOf(i)}-k8s`)});
}
const scalingDir = join(OUT, 'scaling');
const scaled = SCALES.map((k) => ({
  k,
  dir: join(scalingDir, `x${k}`),
  ...generateCharm(join(scalingDir, `x${k}`), 0, {scale: k}),
}));
const largest = [...charms].sort((a, b) => b.srcLines + b.libLines - (a.srcLines + a.libLines))[0];
log(
  `generated ${N} charms (largest ${largest.name}: ${largest.srcFiles} src modules, ${largest.srcLines} src lines, ${largest.libFiles} libs, ${largest.libLines} lib lines)`,
);

// ------------------------------------------------------------------------------------------ 2. model load
function loadRuns(dir, runs, repeats = 5) {
  const res = [];
  for (let r = 0; r < runs; r++)
    res.push(JSON.parse(node([join(here, 'lib', 'load-child.mjs'), 'model', dir, String(repeats)])));
  return res;
}
const {loadCharm} = await import(pathToFileURL(join(dist, 'src', 'model', 'charm', 'load.js')).href);
const pyFilesOf = (dir) => loadCharm(dir).sources.filter((f) => f.endsWith('.py'));
function parseRuns(dir, runs) {
  const env = {BENCH_PY_FILES: JSON.stringify(pyFilesOf(dir))};
  const res = [];
  for (let r = 0; r < runs; r++)
    res.push(JSON.parse(node([join(here, 'lib', 'load-child.mjs'), 'parse', dir, '5'], {env})));
  return res;
}
log(`model load: ${LOAD_RUNS} fresh processes on ${largest.name}`);
const load = loadRuns(largest.dir, LOAD_RUNS);
const parseFloor = parseRuns(largest.dir, LOAD_RUNS);
const modelLoad = {
  charm: largest.name,
  coldMs: median(load.map((x) => x.coldMs)),
  warmMs: median(load.map((x) => x.warmMs)),
  reloadMs: median(load.map((x) => x.reloadMs)),
  parseColdMs: median(parseFloor.map((x) => x.coldMs)),
  parseWarmMs: median(parseFloor.map((x) => x.warmMs)),
  pyFilesRead: load[0].pyFilesRead,
  pyLinesRead: load[0].pyLinesRead,
  events: load[0].events,
  layers: load[0].layers,
  coldAll: load.map((x) => x.coldMs),
};
log(
  `model load: cold ${f1(modelLoad.coldMs)} ms, warm ${f3(modelLoad.warmMs)} ms, uncached reload ${f1(modelLoad.reloadMs)} ms`,
);

// Heap the cached models keep: all N charms loaded through loadCharmCached, after a full GC.
const heap = JSON.parse(
  execFileSync(
    process.execPath,
    ['--expose-gc', join(here, 'lib', 'load-child.mjs'), 'heap', ...charms.map((c) => c.dir)],
    {cwd: root, encoding: 'utf8', env: process.env},
  ),
);
log(`models of ${N} charms keep ${f1(heap.retainedMiB)} MiB of heap`);

const scaling = [];
for (const s of scaled) {
  log(`scaling x${s.k}: ${s.srcLines + s.libLines} lines`);
  const runs = loadRuns(s.dir, 3, 3);
  scaling.push({
    k: s.k,
    lines: s.srcLines + s.libLines,
    linesRead: runs[0].pyLinesRead,
    coldMs: median(runs.map((x) => x.coldMs)),
    reloadMs: median(runs.map((x) => x.reloadMs)),
  });
}
// Linearity: least squares of time against lines read, and each scale's time ratio over its line ratio.
function fit(points) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const sxy = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((a, p) => a + (p[1] - my) ** 2, 0);
  const ssRes = points.reduce((a, p) => a + (p[1] - (intercept + slope * p[0])) ** 2, 0);
  return {slope, intercept, r2: 1 - ssRes / ssTot};
}
const fitReload = fit(scaling.map((s) => [s.linesRead, s.reloadMs]));
const fitCold = fit(scaling.map((s) => [s.linesRead, s.coldMs]));

// ------------------------------------------------------------------------------------------ 2b. whole processes
log(`processes: CLI start-up, facts against ast.parse (${PROCESS_RUNS} interleaved rounds), on-disk cache`);
const startup = cliStartup({cli, runs: PROCESS_RUNS});
const facts = [{k: 1, dir: largest.dir}, ...scaled.filter((s) => s.k === 2 || s.k === 4)].map((s) => ({
  k: s.k,
  ...factsAgainstAst({cli, dir: s.dir, pyFiles: pyFilesOf(s.dir), runs: PROCESS_RUNS, work: join(OUT, 'processes')}),
}));
const persistent = persistentLoad({
  loadChild: join(here, 'lib', 'load-child.mjs'),
  dir: largest.dir,
  editFile: 'src/charm.py',
  edit: (text, r) =>
    text.replace('"""Apply new configuration to all containers."""', `"""Apply new configuration (edit ${r})."""`),
  runs: PROCESS_RUNS,
  work: join(OUT, 'processes'),
});
log(
  `processes: --help ${f3(startup.ratio)}x node -e 0; facts ${facts.map((x) => f2(x.ratio)).join(', ')}x ast.parse; cache hit ${f1(persistent.hitMs)} ms`,
);

// ------------------------------------------------------------------------------------------ 3. sites
const siteDir = join(OUT, 'site');
const staticDir = join(OUT, 'site-static');
const charmOption = Object.fromEntries(
  charms.map((c) => [
    c.id,
    {path: c.dir, repository: `https://github.com/example/${c.product}-k8s-operator`, branch: 'main'},
  ]),
);
const products = Object.fromEntries(charms.map((c) => [c.id, c.product[0].toUpperCase() + c.product.slice(1)]));
const {charmArchitecture} = await import(pathToFileURL(distIndex).href);
const arch = charmArchitecture({charms: charmOption, defaultCharm: charms[0].id, onError: 'throw'});
// The plugin half tells the remark half where the site is (absolute charm paths make it moot).
arch.plugin[0](
  {siteDir, siteConfig: {presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [arch.remarkPlugin]}}]]}},
  arch.plugin[1],
);
const dynamicPages = {};
const staticPages = {};
const pageInfo = [];
for (let j = 0; j < M; j++) {
  const name = `page-${String(j).padStart(3, '0')}.md`;
  const p = pageSource(
    j,
    charms.map((c) => c.id),
    products,
  );
  dynamicPages[name] = p.front + p.body;
  staticPages[name] = p.front + staticBody(p.body, arch.remarkPlugin, join(siteDir, 'docs', name));
  pageInfo.push({name, directives: p.directives, charms: p.charms});
}
writeSite(siteDir, {
  distIndex,
  charms: charmOption,
  defaultCharm: charms[0].id,
  pages: dynamicPages,
  title: 'Charm architecture bench',
});
writeSite(staticDir, {
  distIndex,
  charms: charmOption,
  defaultCharm: charms[0].id,
  pages: staticPages,
  title: 'Charm architecture bench',
});
const totalDirectives = pageInfo.reduce((a, p) => a + p.directives, 0);
const staticBytes = Object.values(staticPages).reduce((a, s) => a + s.length, 0);
log(`sites: ${M} pages, ${totalDirectives} directives; static twin ${(staticBytes / 1e6).toFixed(1)} MB of Markdown`);

// ------------------------------------------------------------------------------------------ 4. expansion
const expandCfg = join(OUT, 'expand.json');
writeFileSync(
  expandCfg,
  JSON.stringify({siteDir, staticDir, pages: pageInfo, charms: charmOption, defaultCharm: charms[0].id, runs: R}),
);
log(`expansion: ${M} pages x ${R} passes through mdx-loader (directive page and static twin)`);
const exp = JSON.parse(node([join(here, 'lib', 'expand-child.mjs'), expandCfg]));
// The static baseline is only a baseline when it says the same as the directive pages.
if (exp.sameStrings !== exp.pages)
  throw new Error(
    `static twin differs from its directive page on ${exp.pages - exp.sameStrings} of ${exp.pages} pages (first difference above): fix bench/site.mjs staticBody, or the comparison in bench/lib/expand-child.mjs for output Markdown cannot write`,
  );
const perDirective = exp.perPage.map((p) => (p.dirMs - p.staticMs) / p.directives);
const transformPerDirective = exp.perPage.map((p) => p.transformMs / p.directives);
const expansion = {
  pages: exp.pages,
  directives: exp.directives,
  identical: exp.identical,
  sameStrings: exp.sameStrings,
  firstPageMs: exp.firstPageMs,
  pageMs: median(exp.perPage.map((p) => p.dirMs)),
  staticPageMs: median(exp.perPage.map((p) => p.staticMs)),
  deltaPerDirectiveMs: median(perDirective),
  deltaPerDirectiveP90: quantile(perDirective, 0.9),
  transformPerDirectiveMs: median(transformPerDirective),
  transformPerDirectiveP90: quantile(transformPerDirective, 0.9),
  transformPerDirectiveMax: Math.max(...transformPerDirective),
  totalDeltaMs: exp.perPage.reduce((a, p) => a + p.dirMs - p.staticMs, 0),
  totalTransformMs: exp.perPage.reduce((a, p) => a + p.transformMs, 0),
};
log(
  `expansion: page ${f1(expansion.pageMs)} ms vs static ${f1(expansion.staticPageMs)} ms; transformer ${f3(expansion.transformPerDirectiveMs)} ms/directive; ${exp.identical}/${exp.pages} identical, ${exp.sameStrings}/${exp.pages} same strings`,
);

// ------------------------------------------------------------------------------------------ 5. builds
let builds;
let warm;
if (!skipBuild) {
  builds = {directive: [], static: []};
  for (let r = 0; r < R; r++) {
    for (const [kind, dir] of [
      ['directive', siteDir],
      ['static', staticDir],
    ]) {
      const countsDir = join(OUT, 'counts', `${kind}-${r}`);
      rmSync(countsDir, {recursive: true, force: true});
      const res = await build(dir, {countsDir});
      builds[kind].push({wallMs: res.wallMs, peakKb: res.peakKb, counts: readCounts(countsDir)});
      log(`build ${kind} #${r + 1}: ${f1(res.wallMs / 1000)} s, peak ${f1(res.peakKb / 1024)} MiB`);
    }
  }

  // ---------------------------------------------------------------------------------------- 6. warm rebuilds
  if (!flag('skip-warm')) {
    warm = {noChange: [], edit: [], noChangeCounts: [], editCounts: [], editVisible: []};
    rmSync(join(siteDir, 'node_modules', '.cache'), {recursive: true, force: true});
    const first = await build(siteDir, {persistentCache: true});
    warm.populateMs = first.wallMs;
    log(`warm: cache populated in ${f1(first.wallMs / 1000)} s`);
    const edited = join(charms[0].dir, 'src', 'charm.py');
    const original = readFileSync(edited, 'utf8');
    const ORIGINAL_DOC = '"""Apply new configuration to all containers."""';
    if (!original.includes(ORIGINAL_DOC)) throw new Error('edit target not found in charm.py');
    const editedPages = pageInfo.filter((p) => p.charms.includes(charms[0].id)).length;
    for (let r = 0; r < R; r++) {
      let countsDir = join(OUT, 'counts', `nochange-${r}`);
      rmSync(countsDir, {recursive: true, force: true});
      const a = await build(siteDir, {persistentCache: true, countsDir});
      warm.noChange.push(a.wallMs);
      warm.noChangeCounts.push(readCounts(countsDir));
      const marker = `Apply new configuration to all containers (bench edit ${Date.now()}).`;
      writeFileSync(edited, original.replace(ORIGINAL_DOC, `"""${marker}"""`));
      countsDir = join(OUT, 'counts', `edit-${r}`);
      rmSync(countsDir, {recursive: true, force: true});
      const b = await build(siteDir, {persistentCache: true, countsDir});
      warm.edit.push(b.wallMs);
      warm.editCounts.push(readCounts(countsDir));
      // The edited docstring must reach the built page (juju-events of charm 0 on page-000).
      const html = readFileSync(join(siteDir, 'build', 'docs', 'page-000', 'index.html'), 'utf8');
      warm.editVisible.push(html.includes(marker.replace(/\.$/, '')));
      log(`warm #${r + 1}: no change ${f1(a.wallMs / 1000)} s, one charm file edited ${f1(b.wallMs / 1000)} s`);
    }
    writeFileSync(edited, original);
    warm.editedPages = editedPages;
  }
}

// ------------------------------------------------------------------------------------------ 7. live preview
let live;
if (!skipLive) {
  log(`live preview: docusaurus start, ${Math.max(R, 3)} edits of src/charm.py and of charmcraft.yaml`);
  live = await liveLatency({docusaurusBin, distIndex, charm: charms[0], out: OUT, runs: Math.max(R, 3)});
  log(
    `live preview: ${Object.entries(live)
      .map(([f, x]) => `${f} ${f1(x.ms)} ms`)
      .join(', ')}`,
  );
}

// ------------------------------------------------------------------------------------------ report
const loadEnd = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
const mark = (ok) => (ok ? 'met' : '**missed**');
lines.push(`### Run`, ``);
lines.push(
  `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB RAM, ${machine.platform}, Node ${machine.node}`,
);
lines.push(`- Load average at start / end: ${machine.loadStart} / ${loadEnd}`);
lines.push(
  `- Commit: ${machine.commit}; command: \`npm run bench -- ${argv.join(' ')}\`; took ${((Date.now() - started) / 60000).toFixed(1)} min`,
);
lines.push(
  `- Workload: ${N} charms (each ${largest.srcFiles} src modules / ${largest.srcLines} lines, ${largest.libFiles} libs / ${largest.libLines} lines, 3 containers, 15 endpoints, 3 rocks), ${M} pages with ${totalDirectives} directives; medians of ${R} runs (model load: ${LOAD_RUNS} processes)`,
);
lines.push(
  ``,
  `### Model load (${modelLoad.charm}: ${modelLoad.pyFilesRead} Python files, ${modelLoad.pyLinesRead} lines read; ${modelLoad.events} events, ${modelLoad.layers} layers)`,
  ``,
);
row('measure', 'median', 'target', '');
row('---', '---:', '---:', '---');
row('cold: first load in a fresh process', `${f1(modelLoad.coldMs)} ms`, '<= 100 ms', mark(modelLoad.coldMs <= 100));
row('warm: cached (stat of every file read)', `${f3(modelLoad.warmMs)} ms`, '<= 5 ms', mark(modelLoad.warmMs <= 5));
row('uncached reload, same process (JIT warm)', `${f1(modelLoad.reloadMs)} ms`, '', '');
row('floor: @lezer/python parse alone of the same files, cold', `${f1(modelLoad.parseColdMs)} ms`, '', '');
row('floor: @lezer/python parse alone of the same files, warm', `${f1(modelLoad.parseWarmMs)} ms`, '', '');
lines.push(``, `### Growth with source size (charm 0 with every Python file scaled)`, ``);
row(
  'scale',
  'lines (all / read)',
  'cold',
  'reload (JIT warm)',
  'reload ms per 1k lines read',
  'time ratio / line ratio',
);
row('---', '---:', '---:', '---:', '---:', '---:');
for (const s of scaling) {
  const base = scaling[0];
  row(
    `${s.k}x`,
    `${s.lines} / ${s.linesRead}`,
    `${f1(s.coldMs)} ms`,
    `${f1(s.reloadMs)} ms`,
    f2((s.reloadMs / s.linesRead) * 1000),
    f2(s.reloadMs / base.reloadMs / (s.linesRead / base.linesRead)),
  );
}
lines.push(
  ``,
  `Least squares, reload time against lines read: ${f3(fitReload.slope * 1000)} ms per 1k lines + ${f1(fitReload.intercept)} ms, R² = ${f3(fitReload.r2)} (cold: ${f3(fitCold.slope * 1000)} ms per 1k lines + ${f1(fitCold.intercept)} ms, R² = ${f3(fitCold.r2)}).`,
);
lines.push(...speedReport({startup, facts, persistent, live, runs: PROCESS_RUNS, charmName: largest.name}));
lines.push(
  ``,
  `### Directive expansion through @docusaurus/mdx-loader (warm models; ${expansion.pages} pages, ${expansion.directives} directives)`,
  ``,
);
row('measure', 'median', 'p90', 'target', '');
row('---', '---:', '---:', '---:', '---');
row(
  'remark transformer per directive (timed inside the pipeline)',
  `${f3(expansion.transformPerDirectiveMs)} ms`,
  `${f3(expansion.transformPerDirectiveP90)} ms`,
  '<= 2 ms',
  mark(expansion.transformPerDirectiveMs <= 2),
);
row(
  'page compile minus its static twin, per directive',
  `${f3(expansion.deltaPerDirectiveMs)} ms`,
  `${f3(expansion.deltaPerDirectiveP90)} ms`,
  '<= 2 ms',
  mark(expansion.deltaPerDirectiveMs <= 2),
);
row('page compile (pre-loader + mdx-loader), directive page', `${f1(expansion.pageMs)} ms`, '', '', '');
row('page compile, static twin', `${f1(expansion.staticPageMs)} ms`, '', '', '');
row('first page of the process (cold models and JIT)', `${f1(expansion.firstPageMs)} ms`, '', '', '');
lines.push(
  ``,
  `Static twin check: compiled output identical for ${expansion.identical} / ${expansion.pages} pages; same text, links, heading ids and diagram sources (every string literal of the compiled page, in order) for ${expansion.sameStrings} / ${expansion.pages} (not compared: list tightness and the \`id\` of event list items, which Markdown cannot write).`,
);
lines.push(
  ``,
  `Each directive alone (remark transformer on a one-directive tree, warm models, median over up to 5 charms of 15 repetitions):`,
  ``,
);
row('directive', 'ms', 'target', '');
row('---', '---:', '---:', '---');
for (const [name, ms] of Object.entries(exp.byDirective)) row(`\`:::${name}\``, f3(ms), '<= 2 ms', mark(ms <= 2));
if (builds) {
  const med = (kind, key) => median(builds[kind].map((b) => b[key]));
  const wallD = med('directive', 'wallMs');
  const wallS = med('static', 'wallMs');
  const memD = med('directive', 'peakKb') / 1024;
  const memS = med('static', 'peakKb') / 1024;
  const ratios = builds.directive.map((b, i) => b.wallMs / builds.static[i].wallMs);
  const memDiffs = builds.directive.map((b, i) => (b.peakKb - builds.static[i].peakKb) / 1024);
  const ratio = median(ratios);
  const memDiff = median(memDiffs);
  lines.push(``, `### \`docusaurus build\` (no persistent cache; ${R} interleaved runs of each site)`, ``);
  lines.push(
    `Ratio and difference are medians over the runs of (directive build / static build that followed it); the other columns are medians of each site on its own.`,
    ``,
  );
  row('measure', 'directives', 'static baseline', 'ratio / difference (per run)', 'target', '');
  row('---', '---:', '---:', '---:', '---:', '---');
  row(
    'wall time',
    `${f1(wallD / 1000)} s`,
    `${f1(wallS / 1000)} s`,
    `${f3(ratio)} (${ratios.map(f3).join(', ')})`,
    '<= 1.05',
    mark(ratio <= 1.05),
  );
  row(
    'peak RSS',
    `${f1(memD)} MiB`,
    `${f1(memS)} MiB`,
    `${memDiff >= 0 ? '+' : ''}${f1(memDiff)} MiB (${memDiffs.map((d) => (d >= 0 ? '+' : '') + f1(d)).join(', ')})`,
    '<= +50 MB',
    mark(memDiff * 1.048576 <= 50),
  );
  if (heap)
    row(
      `heap kept by the models of all ${N} charms (one cache)`,
      `${f1(heap.retainedMiB)} MiB`,
      '',
      `${f2(heap.retainedMiB / N)} MiB per charm`,
      '',
      '',
    );
  const counts = builds.directive.map((b) => b.counts);
  const perCharm = (c, key) => charms.map((ch) => c[key][ch.dir] ?? 0);
  const reads = counts.map((c) => perCharm(c, 'charmcraftReads'));
  const native = counts.map((c) => perCharm(c, 'loadCounts'));
  const range = (xss) => {
    const all = xss.flat();
    return Math.min(...all) === Math.max(...all) ? `${all[0]}` : `${Math.min(...all)} to ${Math.max(...all)}`;
  };
  lines.push(``, `### Parses per charm in one build`, ``);
  row('count', 'per charm, every build', 'target', '');
  row('---', '---:', '---:', '---');
  row(
    'loadCharm runs (reads of charmcraft.yaml, every copy of the plugin code)',
    range(reads),
    '1',
    mark(reads.flat().every((n) => n === 1)),
  );
  row("loadCounts of dist/src/model/charm/cache.js (the pre-loader's module instance)", range(native), '', '');
  lines.push(
    ``,
    `Who parsed (all charms, first build): ${Object.entries(counts[0].callers)
      .map(([k, n]) => `${k}: ${n}`)
      .join('; ')}.`,
  );
  if (warm) {
    const nc = median(warm.noChange);
    const ed = median(warm.edit);
    const editReads = warm.editCounts.map((c) => perCharm(c, 'charmcraftReads'));
    const noChangeReads = warm.noChangeCounts.map((c) => perCharm(c, 'charmcraftReads'));
    lines.push(
      ``,
      `### Warm rebuilds (persistent cache; one charm file edited, ${warm.editedPages} of ${M} pages use that charm)`,
      ``,
    );
    row('measure', 'median', 'ratio', '');
    row('---', '---:', '---:', '---');
    row('no-change rebuild', `${f1(nc / 1000)} s`, '1.000', `charms parsed: ${range(noChangeReads)} per charm`);
    row(
      `rebuild after editing ${charms[0].name}/src/charm.py`,
      `${f1(ed / 1000)} s`,
      f3(ed / nc),
      `edited charm parsed ${range(editReads.map((r) => [r[0]]))}x, others ${range(editReads.map((r) => r.slice(1)))}x; edit visible in built page: ${warm.editVisible.every(Boolean) ? 'yes' : 'NO'}`,
    );
    row('first build filling the cache', `${f1(warm.populateMs / 1000)} s`, '', '');
  }
}
const md = lines.join('\n') + '\n';
writeFileSync(join(OUT, 'results.md'), md);
writeFileSync(
  join(OUT, 'results.json'),
  JSON.stringify(
    {
      machine,
      N,
      M,
      R,
      quick,
      charms: charms.map(({dir, ...c}) => c),
      modelLoad,
      startup,
      facts,
      persistent,
      live,
      heap,
      scaling,
      fitReload,
      fitCold,
      expansion,
      expansionPerPage: exp.perPage,
      builds:
        builds &&
        Object.fromEntries(
          Object.entries(builds).map(([k, v]) => [
            k,
            v.map((b) => ({wallMs: b.wallMs, peakKb: b.peakKb, counts: b.counts})),
          ]),
        ),
      warm,
    },
    null,
    2,
  ),
);
process.stdout.write(md);
log(`done in ${((Date.now() - started) / 60000).toFixed(1)} min; bench/out/results.md and results.json`);
