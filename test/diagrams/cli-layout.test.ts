/**
 * `charm-arch render --layout/--direction`: the MyST page gets the same deployment-diagram layouts
 * as the directive attributes, on the busy-k8s fixture (40 endpoints).
 */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {renderCommand} from '../../src/cli/render.js';
import {parseMermaid} from './mermaid-parse.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const busy = 'test/fixtures/remark/busy-charm/charm';

function render(...flags: string[]): {code: number; out: string; err: string} {
  let out = '';
  let err = '';
  const code = renderCommand([busy, '--format', 'myst', '--section', 'deployment-diagram', ...flags], {
    stdout: {write: (c: string) => (out += c)},
    stderr: {write: (c: string) => (err += c)},
    cwd: root,
  });
  return {code, out, err};
}

/** The text of the ```{mermaid} fence. */
function diagram(myst: string): string {
  const m = /```\{mermaid\}\n([\s\S]*?)\n```/.exec(myst);
  expect(m).not.toBeNull();
  return m![1]!;
}

test('--layout full draws one box per endpoint, compact groups them; --direction sets the flow', async () => {
  const full = diagram(render('--layout', 'full', '--direction', 'TB').out);
  const compact = diagram(render('--layout', 'compact', '--direction', 'LR').out);
  expect(full.split('\n')[0]).toBe('flowchart TB');
  expect(full).not.toContain('subgraph sg0["Requires"]');
  expect(full).toContain('-->|"database#58; postgresql#95;client"|');
  expect(compact.split('\n')[0]).toBe('flowchart LR');
  expect(compact).toContain('subgraph sg0["Requires"]');
  // The default for 40 endpoints: the compact grid, top to bottom, the same as the directive's.
  const auto = diagram(render().out);
  expect(auto.split('\n')[0]).toBe('flowchart TB');
  expect(auto).toContain(' ~~~ ');
  await parseMermaid(full);
  await parseMermaid(compact);
});

test('bad values are usage errors (exit 2) that name the allowed values', () => {
  expect(render('--layout', 'huge')).toMatchObject({
    code: 2,
    err: expect.stringMatching(/^charm-arch render: --layout must be auto, full or compact, not huge\n/),
  });
  expect(render('--direction', 'RL')).toMatchObject({
    code: 2,
    err: expect.stringMatching(/^charm-arch render: --direction must be LR or TB, not RL\n/),
  });
});
