// Report lines (Markdown) for the whole-process measurements (processes.mjs) and live preview (live-preview.mjs).

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const mark = (ok) => (ok ? 'met' : '**missed**');

/** Markdown lines for the start-up, facts and on-disk cache tables, and live preview when measured. */
export function speedReport({startup, facts, persistent, live, runs, charmName}) {
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(``, `### Whole processes (${runs} interleaved rounds; ratio = median of per-round ratios)`, ``);
  row('process', 'median', 'floor (same rounds)', 'ratio', 'target', '');
  row('---', '---:', '---:', '---:', '---:', '---');
  row(
    '`charm-arch --help`',
    `${f1(startup.helpMs)} ms`,
    `\`node -e 0\`: ${f1(startup.nodeMs)} ms`,
    f2(startup.ratio),
    '<= 1.3',
    mark(startup.ratio <= 1.3),
  );
  for (const x of facts) {
    const what = `${x.k}x ${charmName}: ${x.files} files, ${f1(x.bytes / 1024)} KiB`;
    row(
      `\`charm-arch facts --no-cache\`, ${what}`,
      `${f1(x.factsMs)} ms`,
      `\`ast.parse\`: ${f1(x.astMs)} ms`,
      f2(x.ratio),
      '<= 1.5',
      mark(x.ratio <= 1.5),
    );
    row(
      `\`charm-arch facts\`, on-disk cache filled, ${x.k}x`,
      `${f1(x.cachedMs)} ms`,
      `\`ast.parse\`: ${f1(x.astMs)} ms`,
      f2(x.cachedRatio),
      '',
      '',
    );
    row(
      `floor: \`node\` + @lezer/python parse only, same files, ${x.k}x`,
      `${f1(x.lezerMs)} ms`,
      `\`ast.parse\`: ${f1(x.astMs)} ms`,
      f2(x.lezerRatio),
      '',
      '',
    );
    row(
      `floor: \`node\` + the model's modules + \`src/\` parsed whole (no model work), ${x.k}x`,
      `${f1(x.modelFloorMs)} ms`,
      `\`ast.parse\`: ${f1(x.astMs)} ms`,
      f2(x.modelFloorRatio),
      '',
      '',
    );
  }
  lines.push(``, `### Model load in a new process with the on-disk cache (${charmName})`, ``);
  row('case', 'median', 'charm parsed', 'target', '');
  row('---', '---:', '---:', '---:', '---');
  row('first process (cache empty: parse, then write)', `${f1(persistent.fillMs)} ms`, '1', '', '');
  row(
    'unchanged charm (hit)',
    `${f1(persistent.hitMs)} ms`,
    String(persistent.hitParses),
    '<= 30 ms',
    mark(persistent.hitMs <= 30 && persistent.hitParses === 0),
  );
  row('after editing src/charm.py (miss)', `${f1(persistent.editMs)} ms`, String(persistent.editParses), '', '');
  if (live) {
    lines.push(
      ``,
      `### Live preview (\`docusaurus start\`, page open in Chromium; edit written -> new text on the page)`,
      ``,
    );
    row('edit', 'median', 'of which until the browser asks for the update', 'runs', 'target (idle machine)', '');
    row('---', '---:', '---:', '---', '---:', '---');
    for (const [file, x] of Object.entries(live))
      row(
        `\`${file}\``,
        `${f1(x.ms)} ms`,
        `${f1(x.serverMs)} ms`,
        x.all.map((t) => f1(t)).join(', '),
        '<= 1500 ms',
        mark(x.ms <= 1500),
      );
  }
  return lines;
}
