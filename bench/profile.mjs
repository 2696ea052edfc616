#!/usr/bin/env node
// Profiles one part of the benchmark with the V8 CPU profiler and prints where the time goes.
// Run `npm run bench` (or --quick) first: it generates the charms under bench/out/charms/.
//
//   node bench/profile.mjs load [charmDir]                 one cold loadCharm in this process
//   node bench/profile.mjs directive <name> [charmDir]     the remark transformer on one directive, 200 times
//   node bench/profile.mjs reload [charmDir]               10 reloads after the first (what an edit under `docusaurus start` pays)
//   node bench/profile.mjs reload --parse-all              the same, every file parsed again (as before parses were remembered)
//   node bench/profile.mjs facts [charmDir]                a whole `charm-arch facts --no-cache` process
//   node bench/profile.mjs summary <file.cpuprofile>       the summary of an existing profile
// Each summary ends with the time per stage (read, parse, index, evaluate, observe, Pebble, output).
// Options: --dist <dir> (a build of the plugin other than ./dist, to compare a fix), --top <n>.
// The .cpuprofile is written to bench/out/profiles/ (open it in Chrome DevTools for the flame chart).

import {mkdirSync, readFileSync, readdirSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {takeOption} from './lib/options.mjs';
import {stagesOf, stagesTable} from './lib/stages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => takeOption(args, name, fallback);
const dist = resolve(opt('dist', join(here, '..', 'dist')));
const top = Number(opt('top', 30));
const [mode, a, b] = args.filter((x) => x !== '--parse-all');
const defaultCharm = join(here, 'out', 'charms', 'ledger-k8s');

/** Self and inclusive time per function (recursion counted once), from a .cpuprofile. */
export function summarise(file, n = top) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const dt = new Map();
  p.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const key = (x) =>
    `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url.replace(/^.*\/(node_modules|dist|bench)\//, '$1/')}:${x.callFrame.lineNumber + 1}`;
  const self = new Map();
  const total = new Map();
  for (const x of p.nodes) {
    const t = dt.get(x.id) ?? 0;
    if (!t) continue;
    self.set(key(x), (self.get(key(x)) ?? 0) + t);
    const seen = new Set();
    for (let cur = x.id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + t);
    }
  }
  const show = (m) =>
    [...m]
      .filter(([k]) => !k.startsWith('(root)') && !k.includes('node:internal'))
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(8)} ms  ${k}`)
      .join('\n');
  console.log(`self time:\n${show(self)}\n\ninclusive time:\n${show(total)}`);
  console.log(`\nby stage:\n${stagesTable(stagesOf(file)).join('\n')}`);
}

if (mode === 'summary') {
  summarise(a);
} else if (mode === 'facts') {
  const outDir = join(here, 'out', 'profiles');
  mkdirSync(outDir, {recursive: true});
  const before = new Set(readdirSync(outDir));
  const cli = join(dist, '..', 'bin', 'charm-arch.js');
  const res = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${outDir}`,
      '--cpu-prof-interval',
      '250',
      cli,
      'facts',
      resolve(a ?? defaultCharm),
      '--no-cache',
    ],
    {cwd: join(here, '..'), stdio: ['ignore', 'ignore', 'inherit']},
  );
  if (res.status !== 0) process.exit(res.status ?? 1);
  const file = readdirSync(outDir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
  console.log(`profile: bench/out/profiles/${file}\n`);
  summarise(join(outDir, file));
} else if (mode === 'load' || mode === 'directive' || mode === 'reload') {
  const outDir = join(here, 'out', 'profiles');
  mkdirSync(outDir, {recursive: true});
  const before = new Set(readdirSync(outDir));
  const charm = resolve((mode === 'directive' ? b : a) ?? defaultCharm);
  const code =
    mode === 'reload'
      ? // Profiled from inside, after the first load: only the reloads are in the profile.
        `const {loadCharm} = await import(${JSON.stringify(pathToFileURL(join(dist, 'src', 'model', 'charm', 'load.js')).href)});
         const {Session} = await import('node:inspector/promises');
         const {writeFileSync} = await import('node:fs');
         loadCharm(${JSON.stringify(charm)});
         const session = new Session(); session.connect();
         await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', {interval: 250}); await session.post('Profiler.start');
         const t = performance.now();
         const {clearParsedTexts} = await import(${JSON.stringify(pathToFileURL(join(dist, 'src', 'model', 'python', 'syntax.js')).href)});
         for (let i = 0; i < 10; i++) {
           if (${JSON.stringify(mode === 'reload' && args.includes('--parse-all'))}) clearParsedTexts();
           loadCharm(${JSON.stringify(charm)});
         }
         console.log('reload (remembered parses)', ((performance.now() - t) / 10).toFixed(1), 'ms each');
         const {profile} = await session.post('Profiler.stop');
         writeFileSync(${JSON.stringify(outDir)} + '/reload-' + process.pid + '.cpuprofile', JSON.stringify(profile));`
      : mode === 'load'
        ? `const {loadCharm} = await import(${JSON.stringify(pathToFileURL(join(dist, 'src', 'model', 'charm', 'load.js')).href)});
         const t = performance.now(); loadCharm(${JSON.stringify(charm)}); console.log('cold loadCharm', (performance.now() - t).toFixed(1), 'ms');`
        : `const {fromMarkdown} = await import('mdast-util-from-markdown');
         const {directiveFromMarkdown} = await import('mdast-util-directive');
         const {directive} = await import('micromark-extension-directive');
         const {VFile} = await import('vfile');
         const {charmArchitecture} = await import(${JSON.stringify(pathToFileURL(join(dist, 'src', 'index.js')).href)});
         const c = charmArchitecture({charms: {c: {path: ${JSON.stringify(charm)}, repository: 'https://github.com/example/x', branch: 'main'}}, defaultCharm: 'c'});
         c.plugin[0]({siteDir: ${JSON.stringify(here)}, siteConfig: {presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [c.remarkPlugin]}}]]}}, c.plugin[1]);
         const transform = c.remarkPlugin[0](c.remarkPlugin[1]);
         const src = '# Page\\n\\n:::${a}\\n:::\\n';
         const once = () => { const tree = fromMarkdown(src, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]}); const t = performance.now(); transform(tree, new VFile({path: 'page.md', value: src})); return performance.now() - t; };
         console.log('first (model load included)', once().toFixed(1), 'ms');
         const times = []; for (let i = 0; i < 200; i++) times.push(once());
         times.sort((x, y) => x - y); console.log('median of 200', times[100].toFixed(3), 'ms');`;
  const res = spawnSync(
    process.execPath,
    [...(mode === 'reload' ? [] : ['--cpu-prof', `--cpu-prof-dir=${outDir}`]), '--input-type=module', '-e', code],
    {cwd: join(here, '..'), stdio: 'inherit'},
  );
  if (res.status !== 0) process.exit(res.status ?? 1);
  const file = readdirSync(outDir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
  console.log(`\nprofile: bench/out/profiles/${file}\n`);
  summarise(join(outDir, file));
} else {
  console.log(
    'node bench/profile.mjs load [charmDir] | directive <name> [charmDir] | summary <file> [--dist dir] [--top n]',
  );
}
