// Where the time of a CPU profile went, by stage of reading a charm. Each sample goes to the
// stage of the innermost frame on its stack that belongs to one (a parse called from the
// evaluator counts as parse; the evaluator's own code as evaluate).

import {readFileSync} from 'node:fs';

/** Stage name -> test on a frame's URL (or function name for V8's own entries). Checked in order. */
export const STAGES = [
  ['garbage collection', (url, fn) => fn === '(garbage collector)'],
  // @lezer/common (tree walking) and syntax.js's helpers count for whoever walks the tree.
  [
    'parse (@lezer/python)',
    (url, fn) =>
      /@lezer\/(python|lr)\//.test(url) ||
      /python\/error-nodes\.js/.test(url) ||
      (/python\/syntax\.js/.test(url) &&
        /^(parseText|parseUncached|parseModule|parseStatements|nestingBeyond|newerSyntax|containsErrorNode|bufferHasError)$/.test(
          fn,
        )),
  ],
  // Paths of both layouts: src/model/*.js, and the staged src/model/{sources,python,charm}/.
  [
    'read (files, line index)',
    (url) => /model\/(sources|sources\/(sources|text|paths|working-tree-file|working-tree-list))\.js/.test(url),
  ],
  [
    'metadata (YAML, rocks, extensions)',
    (url) =>
      /node_modules\/yaml\/|model\/(metadata[\w-]*|yaml|rocks|find-charms)\.js|model\/sources\/(yaml[\w-]*|find-charms)\.js|model\/charm\/(metadata\/[\w-]+|rocks|rock-matching)\.js|model\/extensions\//.test(
        url,
      ),
  ],
  // A library module's statement scan and lazy index (lazy-module.ts, statements.ts) count as indexing.
  [
    'index (modules, classes; lazy library modules)',
    (url) => /python\/(module-index|module-info|project|classes|lazy-module|statements|module-calls)\.js/.test(url),
  ],
  [
    'observe (events)',
    (url) =>
      /(python|charm\/events)\/(observe[\w-]*|construction-sites|describe-event|event-names|library-observers|unhandled-actions)\.js/.test(
        url,
      ),
  ],
  ['Pebble (layers)', (url) => /model\/(charm\/)?pebble\//.test(url)],
  [
    'evaluate (values, charm classes)',
    (url) =>
      /python\/(evaluate|values|dicts|arguments|lookup|member|strings|bindings|reaching|local-assignments|local-functions|calls|chain-bindings|paths|format-strings|python-text|method-order|builtins|comprehensions|conditions|flow)\.js|(python|charm\/events)\/charm-classes\.js/.test(
        url,
      ),
  ],
  ['metrics', (url) => /model\/(charm\/)?(metrics|observability)\.js/.test(url)],
  ['machine workload (snaps, packages, units)', (url) => /model\/charm\/machine\//.test(url)],
  ['model (load, cache, other)', (url) => /model\/([\w-]+\/)*[\w-]+\.js/.test(url)],
  ['output (JSON, Markdown, write)', (url, fn) => /cli\/|sections\/|diagrams\//.test(url) || fn === 'stringify'],
  [
    'start-up (module loading, compile)',
    (url) => /node:internal\/modules|node:internal\/process|node:internal\/bootstrap/.test(url),
  ],
  // Under `docusaurus start`: what the site's own tool chain does with the page.
  [
    'MDX compile (mdx-loader, remark, rehype, recma)',
    (url) =>
      /@mdx-js|micromark|mdast-util|remark|rehype|hast-util|estree|recma|acorn|@docusaurus\/mdx-loader/.test(url),
  ],
  ['babel', (url) => /@babel\//.test(url)],
  ['webpack (rebuild, hashing, HMR)', (url) => /webpack|watchpack|tapable|enhanced-resolve|chokidar/.test(url)],
];

/**
 * Milliseconds per stage (and 'other', 'idle') of a .cpuprofile file, in STAGES order; with `windows`
 * ([from, to] in microseconds of the monotonic clock, as process.hrtime), only the samples inside them.
 */
export function stagesOf(file, windows) {
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
  let at = p.startTime;
  p.samples.forEach((s, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (windows && !windows.some(([a, b]) => at >= a && at <= b)) return;
    const stage = classify(s);
    ms.set(stage, ms.get(stage) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = windows ? windows.reduce((a, [x, y]) => a + (y - x), 0) / 1000 : (p.endTime - p.startTime) / 1000;
  return {totalMs, ms};
}

/** The stage table as Markdown lines. */
export function stagesTable({totalMs, ms}) {
  const lines = ['| stage | ms | share |', '| --- | ---: | ---: |'];
  for (const [stage, t] of ms)
    if (t >= 0.5) lines.push(`| ${stage} | ${t.toFixed(0)} | ${((100 * t) / totalMs).toFixed(0)} % |`);
  lines.push(`| total (profiled) | ${totalMs.toFixed(0)} | 100 % |`);
  return lines;
}
