/**
 * `charm-arch render-map --format myst` in a real Sphinx build (Debian's python3-sphinx,
 * python3-myst-parser, python3-sphinxcontrib-mermaid; SPHINX_PYTHON picks another Python):
 * the page builds with warnings as errors, the headings get their `(label)=` targets, the
 * tables are tables and the map reaches sphinxcontrib-mermaid as a diagram.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {renderMap} from '../../src/cli/render-map.js';

const FAMILY = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'families', 'two-providers');
const PYTHON = process.env['SPHINX_PYTHON'] ?? '/usr/bin/python3';
const WORK = mkdtempSync(join(tmpdir(), 'charm-map-sphinx-'));
afterAll(() => rmSync(WORK, {recursive: true, force: true}));

test('the MyST map and catalog build in Sphinx with no warning', () => {
  const probe = spawnSync(PYTHON, ['-c', 'import sphinx, myst_parser, sphinxcontrib.mermaid'], {encoding: 'utf8'});
  if (probe.status !== 0) {
    throw new Error(
      `${PYTHON} lacks Sphinx, MyST or sphinxcontrib-mermaid: apt-get install python3-sphinx python3-myst-parser python3-sphinxcontrib-mermaid\n${probe.stderr}`,
    );
  }
  const src = join(WORK, 'src');
  mkdirSync(src, {recursive: true});
  writeFileSync(join(src, 'conf.py'), "project = 'family'\nextensions = ['myst_parser', 'sphinxcontrib.mermaid']\n");
  const body = renderMap(
    ['webshop', 'postgresql', 'pgbouncer'].map((d) => join(FAMILY, d)),
    {format: 'myst', headingLevel: 2, flags: ['--catalog']},
  );
  writeFileSync(join(src, 'index.md'), `# The shop family\n\n${body}`);
  const out = join(WORK, 'html');
  const build = spawnSync(PYTHON, ['-m', 'sphinx', '-b', 'html', '-W', '--keep-going', '-q', '-E', src, out], {
    encoding: 'utf8',
    env: {...process.env, PYTHONDONTWRITEBYTECODE: '1'},
  });
  expect({status: build.status, stderr: build.stderr}).toEqual({status: 0, stderr: ''});
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  for (const id of [
    'charm-catalog',
    'integration-map',
    'integration-map-integrations',
    'integration-map-alternatives',
    'integration-map-unmatched',
  ])
    expect(html).toMatch(new RegExp(`id="${id}"`));
  // sphinxcontrib-mermaid writes the diagram text, HTML-escaped, into a mermaid block for mermaid.js.
  const diagram = /<(?:div|pre) class="mermaid"[^>]*>([\s\S]*?)<\/(?:div|pre)>/.exec(html)?.[1] ?? '';
  expect(diagram).toContain('%%{init: {&quot;flowchart&quot;: {&quot;useMaxWidth&quot;: false}}}%%');
  expect(diagram).toMatch(/^flowchart (LR|TB)$/m);
  expect((html.match(/<table/g) ?? []).length).toBe(2);
  expect(html).toContain(
    '<code class="docutils literal notranslate"><span class="pre">postgresql_client</span></code>',
  );
}, 120_000);
