/**
 * A real Sphinx project made of pages the CLI writes: several charms' MyST pages, an rst page,
 * and a charm whose every text carries markup (test/sphinx/fixtures/inert-text), as MyST and
 * as rst. conf.py turns on what a charm documentation site may use (colon fences, dollar math,
 * substitutions, an rst_prolog substitution), so markup that leaked would run and show.
 * A `refs` page links every generated label with {ref}; `sphinx-build -W -n` fails on any
 * unresolved or duplicate label.
 */
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {stringify} from 'yaml';
import {HOSTILE_STRINGS} from '../diagrams/hostile.js';
import {runCli} from '../cli/run.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const SPHINX_BUILD = process.env.SPHINX_BUILD ?? 'sphinx-build';

/** One page of the project: which charm, how `charm-arch` wrote it, and its label prefix. */
export interface PageSpec {
  /** Document name (file name without extension). */
  doc: string;
  charmDir: string;
  format: 'myst' | 'rst';
  /** The CLI arguments after the charm directory. */
  args: string[];
  labelPrefix: string;
}

const REFERENCE_SECTIONS = [
  '--section',
  'charm-architecture',
  '--section',
  'charm-config',
  '--section',
  'charm-actions',
  '--section',
  'charm-integrations',
];

export const PAGES: PageSpec[] = [
  {
    doc: 'pastebin',
    charmDir: 'website/charms/pastebin-k8s',
    format: 'myst',
    args: ['init', '--format', 'myst'],
    labelPrefix: 'pastebin-k8s',
  },
  {
    doc: 'logsink',
    charmDir: 'website/charms/logsink',
    format: 'myst',
    args: ['render', '--format', 'myst'],
    labelPrefix: 'logsink',
  },
  {
    doc: 'flask',
    charmDir: 'test/fixtures/charms/flask-app',
    format: 'rst',
    args: ['render', '--format', 'rst'],
    labelPrefix: 'flask-app',
  },
  {
    doc: 'inert-myst',
    charmDir: 'test/sphinx/fixtures/inert-text',
    format: 'myst',
    args: ['render', '--format', 'myst', ...REFERENCE_SECTIONS],
    labelPrefix: 'inert-text',
  },
  {
    doc: 'inert-rst',
    charmDir: 'test/sphinx/fixtures/inert-text',
    format: 'rst',
    args: ['render', '--format', 'rst', '--label-prefix', 'inert-rst', ...REFERENCE_SECTIONS],
    labelPrefix: 'inert-rst',
  },
  // 40 endpoints, 30 events, a multi-line config default linked from its table cell ("see below")
  {
    doc: 'busy-myst',
    charmDir: 'test/fixtures/remark/busy-charm/charm',
    format: 'myst',
    args: ['render', '--format', 'myst', ...REFERENCE_SECTIONS],
    labelPrefix: 'busy-k8s',
  },
  {
    doc: 'busy-rst',
    charmDir: 'test/fixtures/remark/busy-charm/charm',
    format: 'rst',
    args: ['render', '--format', 'rst', '--label-prefix', 'busy-rst', ...REFERENCE_SECTIONS],
    labelPrefix: 'busy-rst',
  },
];

const CONF_PY = `project = 'charm-arch sphinx test'
extensions = ['myst_parser', 'sphinxcontrib.mermaid']
myst_enable_extensions = ['colon_fence', 'dollarmath', 'substitution']
myst_substitutions = {'secret': 'PWNED-MYST-SUBSTITUTION'}
rst_prolog = '.. |secret| replace:: PWNED-RST-SUBSTITUTION'
html_theme = 'basic'
# Quotes stay as written, so the test compares charm text character for character.
smartquotes = False
`;

/** Markup that means something to MyST, rst, Sphinx or MDX, beside the diagrams' hostile strings. */
const SPHINX_HOSTILE: readonly string[] = [
  '```{eval-rst}\n.. raw:: html\n\n   <b class="pwned">x</b>\n```',
  '.. raw:: html\n\n   <i class="pwned">x</i>',
  ':::{raw} html\n<u class="pwned">x</u>\n:::',
  '.. include:: /etc/passwd',
  '{ref}`pwned` :ref:`pwned` :doc:`pwned` |secret| {{ secret }} $x$ $$y$$ {math}`z`',
  '(pwned)=',
  '.. _pwned:',
  '% comment',
  '+++',
  '`x <javascript:alert(1)>`_ and [x](javascript:alert(1)) and x_ and [#]_ and [1]_',
  '1. one\n2. two',
  '- item\n\n  - nested',
  '# heading\n\n===\ntitle\n===',
  'trailing ::',
  '\\ ` `` ** _ < > | : -- .. {#id} {props.x} <Pwned /> import x from "y"\nexport const a = 1',
];

/** A charm whose every config option and action describes itself with one hostile string. */
function writeHostileCharm(dir: string): void {
  const strings = [...HOSTILE_STRINGS, ...SPHINX_HOSTILE];
  mkdirSync(join(dir, 'src'), {recursive: true});
  const charm = {
    name: 'hostile-text',
    type: 'charm',
    summary: 'Every text is markup.',
    description: SPHINX_HOSTILE.join('\n\n'),
    containers: {app: {resource: 'app-image'}},
    resources: {'app-image': {type: 'oci-image', description: strings[4]}},
    config: {
      options: Object.fromEntries(strings.map((d, i) => [`option-${i}`, {type: 'string', default: d, description: d}])),
    },
    actions: Object.fromEntries(strings.map((d, i) => [`action-${i}`, {description: d}])),
  };
  writeFileSync(join(dir, 'charmcraft.yaml'), stringify(charm));
  // JSON string literals are Python string literals too (the docstrings).
  const py = [
    'import ops',
    '',
    'class HostileCharm(ops.CharmBase):',
    '    def __init__(self, framework):',
    '        super().__init__(framework)',
  ];
  py.push(
    '        framework.observe(self.on.config_changed, self._on_config_changed)',
    '        framework.observe(self.on.app_pebble_ready, self._on_ready)',
    '',
  );
  py.push(
    '    def _on_config_changed(self, event):',
    `        ${JSON.stringify(SPHINX_HOSTILE.join(' '))}`,
    '',
    '    def _on_ready(self, event):',
    `        ${JSON.stringify(HOSTILE_STRINGS.join(' '))}`,
    '',
  );
  writeFileSync(join(dir, 'src', 'charm.py'), py.join('\n'));
}

export interface SphinxProject {
  /** Every page: PAGES and the generated hostile charm's MyST and rst pages. */
  pages: PageSpec[];
  /** The temporary folder holding src/ and html/. */
  base: string;
  src: string;
  html: string;
  /** Each page's generated source. */
  sources: Map<string, string>;
  /** Labels in each page's source, in order. */
  labels: Map<string, string[]>;
}

/** Labels a page defines: MyST `(label)=` lines and rst `.. _label:` lines. */
export function labelsIn(source: string, format: 'myst' | 'rst'): string[] {
  const re = format === 'myst' ? /^\(([^()\s]+)\)=$/gm : /^\.\. _([^:\s]+):$/gm;
  return [...source.matchAll(re)].map((m) => m[1]!);
}

async function cli(argv: string[]): Promise<void> {
  const {code, stderr} = await runCli(argv, ROOT);
  if (code !== 0) throw new Error(`charm-arch ${argv.join(' ')} exited ${code}: ${stderr}`);
}

/** Writes the pages with the CLI (in-process), the index, conf.py and the refs page. */
export async function writeProject(): Promise<SphinxProject> {
  const base = mkdtempSync(join(tmpdir(), 'charm-arch-sphinx-'));
  const src = join(base, 'src');
  mkdirSync(src);
  const sources = new Map<string, string>();
  const labels = new Map<string, string[]>();
  const hostile = join(base, 'hostile-text');
  writeHostileCharm(hostile);
  const pages: PageSpec[] = [
    ...PAGES,
    {
      doc: 'hostile-myst',
      charmDir: hostile,
      format: 'myst',
      args: ['render', '--format', 'myst', ...REFERENCE_SECTIONS],
      labelPrefix: 'hostile-text',
    },
    {
      doc: 'hostile-rst',
      charmDir: hostile,
      format: 'rst',
      args: ['render', '--format', 'rst', '--label-prefix', 'hostile-rst', ...REFERENCE_SECTIONS],
      labelPrefix: 'hostile-rst',
    },
  ];
  for (const page of pages) {
    const file = join(src, `${page.doc}.${page.format === 'rst' ? 'rst' : 'md'}`);
    const [command, ...options] = page.args;
    await cli([command!, page.charmDir, ...options, '--out', file]);
    const text = readFileSync(file, 'utf8');
    sources.set(page.doc, text);
    labels.set(page.doc, labelsIn(text, page.format));
  }
  const all = [...labels.values()].flat();
  writeFileSync(join(src, 'conf.py'), CONF_PY);
  writeFileSync(
    join(src, 'index.md'),
    ['# Charms', '', '```{toctree}', ...pages.map((p) => p.doc), 'refs', '```', ''].join('\n'),
  );
  // an explicit title: Sphinx resolves a bare {ref} only for labels placed before a section
  writeFileSync(
    join(src, 'refs.md'),
    ['# Every label', '', ...all.map((l) => `- {ref}\`${l} <${l}>\``), ''].join('\n'),
  );
  return {pages, base, src, html: join(base, 'html'), sources, labels};
}

/** Runs `sphinx-build -W -n --keep-going -b html`; resolves with its exit code and output. */
export function sphinxBuild(project: SphinxProject): Promise<{code: number; output: string}> {
  if (!existsSync('/usr/bin/sphinx-build') && !process.env.SPHINX_BUILD) {
    throw new Error(
      'No sphinx-build. Install it with `apt-get install -y python3-sphinx python3-myst-parser python3-sphinxcontrib-mermaid` (.ci/run does).',
    );
  }
  return new Promise((done) => {
    execFile(
      SPHINX_BUILD,
      ['-W', '-n', '--keep-going', '-q', '-b', 'html', project.src, project.html],
      {maxBuffer: 16 * 1024 * 1024},
      (error, stdout, stderr) => {
        done({code: error ? ((error as {code?: number}).code ?? 1) : 0, output: `${stdout}${stderr}`});
      },
    );
  });
}
