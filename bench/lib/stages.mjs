// Where the time of a CPU profile went, by stage of reading a charm. Each sample goes to the
// stage of the innermost frame on its stack that belongs to one (a parse called from the
// evaluator counts as parse; the evaluator's own code as evaluate).

import {readFileSync} from 'node:fs';

/** Stage name -> test on a frame's URL (or function name for V8's own entries). Checked in order. */
export const STAGES = [
  ['garbage collection', (url, fn) => fn === '(garbage collector)'],
  ['parse (@lezer/python)', (url) => /@lezer\/(python|lr|common)|python\/syntax\.js/.test(url)],
  ['read (files, line index)', (url) => /model\/sources\.js/.test(url)],
  ['metadata (YAML, rocks, extensions)', (url) => /node_modules\/yaml\/|model\/(metadata[\w-]*|yaml|rocks|find-charms)\.js|model\/extensions\//.test(url)],
  ['index (modules, classes)', (url) => /python\/(module-index|project|classes)\.js/.test(url)],
  ['observe (events)', (url) => /python\/(observe|describe-event|event-names)\.js/.test(url)],
  ['Pebble (layers)', (url) => /model\/pebble\//.test(url)],
  ['evaluate (values, charm classes)', (url) => /python\/(evaluate|values|dicts|arguments|charm-classes)\.js/.test(url)],
  ['metrics', (url) => /model\/(metrics|observability)\.js/.test(url)],
  ['model (load, cache, other)', (url) => /model\/[\w-]+\.js/.test(url)],
  ['output (JSON, Markdown, write)', (url, fn) => /cli\/|sections\/|diagrams\//.test(url) || fn === 'stringify'],
  ['start-up (module loading, compile)', (url) => /node:internal\/modules|node:internal\/process|node:internal\/bootstrap/.test(url)],
];

/** Milliseconds per stage (and 'other', 'idle') of a .cpuprofile file, in STAGES order. */
export function stagesOf(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const stageOfNode = new Map();
  const classify = (id) => {
    if (stageOfNode.has(id)) return stageOfNode.get(id);
    const {url, functionName} = byId.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return 'idle / V8 (program)';
    let stage = STAGES.find(([, test]) => test(url, functionName))?.[0];
    if (!stage) stage = parent.has(id) ? classify(parent.get(id)) : 'other';
    stageOfNode.set(id, stage);
    return stage;
  };
  const ms = new Map([...STAGES.map(([s]) => [s, 0]), ['idle / V8 (program)', 0], ['other', 0]]);
  p.samples.forEach((s, i) => {
    const stage = classify(s);
    ms.set(stage, ms.get(stage) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return {totalMs: (p.endTime - p.startTime) / 1000, ms};
}

/** The stage table as Markdown lines. */
export function stagesTable({totalMs, ms}) {
  const lines = ['| stage | ms | share |', '| --- | ---: | ---: |'];
  for (const [stage, t] of ms) if (t >= 0.5) lines.push(`| ${stage} | ${t.toFixed(0)} | ${((100 * t) / totalMs).toFixed(0)} % |`);
  lines.push(`| total (profiled) | ${totalMs.toFixed(0)} | 100 % |`);
  return lines;
}
