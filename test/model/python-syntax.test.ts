/**
 * No `python-syntax` diagnostic for valid Python: every form of python-syntax/valid-forms.ts is first
 * compiled by CPython (`compile(..., 'exec')`, what `python -m py_compile` runs), the referee, with the
 * newest interpreter on this machine that has the form's version; then parsed by the model's parser.
 */
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {CharmLoadError} from '../../src/errors.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {normalizeOptions} from '../../src/options.js';
import {stateFor} from '../../src/state.js';
import {root, run} from '../remark/harness.js';
import {LineCounter} from 'yaml';
import {parseModule} from '../../src/model/python/syntax.js';
import {VALID_FORMS, type SyntaxForm} from './python-syntax/valid-forms.js';

const INTERPRETERS = ['python3.13', 'python3.12', 'python3.11', 'python3.10', 'python3'];

/** `[command, version]` of each Python interpreter found, newest first. */
function interpreters(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const cmd of INTERPRETERS) {
    try {
      const v = execFileSync(cmd, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
        encoding: 'utf8',
      }).trim();
      if (!out.some(([, seen]) => seen === v)) out.push([cmd, v]);
    } catch {
      // not installed
    }
  }
  return out;
}

const newer = (a: string, b: string): boolean => {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am! > bm! || (am === bm && an! >= bn!);
};

/** CPython's verdict on each form: null when it compiles, else its error. */
function referee(cmd: string, forms: SyntaxForm[]): Array<string | null> {
  const script =
    'import json, sys\nout = []\nfor src in json.load(sys.stdin):\n    try:\n        compile(src, "<form>", "exec")\n        out.append(None)\n    except SyntaxError as e:\n        out.append("%s (line %s)" % (e.msg, e.lineno))\nprint(json.dumps(out))\n';
  return JSON.parse(
    execFileSync(cmd, ['-c', script], {input: JSON.stringify(forms.map((f) => f.code)), encoding: 'utf8'}),
  ) as Array<string | null>;
}

const found = interpreters();
const byForm = VALID_FORMS.map((form) => ({form, python: found.find(([, v]) => newer(v, form.since))}));

describe('valid Python 3.8-3.13 syntax gives no python-syntax diagnostic', () => {
  test('an interpreter is available to referee the forms', () => {
    expect(found.length).toBeGreaterThan(0);
  });

  const refereed = byForm.filter((f) => f.python);
  test.each(refereed.map((f) => [f.form.name, f.form.since, f.python![0]] as const))(
    'CPython accepts: %s (%s, %s)',
    (name, _since, cmd) => {
      const form = VALID_FORMS.find((f) => f.name === name)!;
      expect(referee(cmd, [form])).toEqual([null]);
    },
  );

  test.each(VALID_FORMS.map((f) => [f.name, f.since] as const))(
    'the model parses without a syntax error: %s (%s)',
    (name) => {
      const form = VALID_FORMS.find((f) => f.name === name)!;
      const lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = form.code.indexOf('\n'); i !== -1; i = form.code.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
      const module = parseModule({path: 'src/form.py', text: form.code, lines}, 'form');
      expect(module.syntaxError).toBeUndefined();
    },
  );
});

describe('a module that does not parse (test/fixtures/charms/broken/python-syntax, `if port = 0:` at src/charm.py:31)', () => {
  const charms = {pysyntax: {path: 'test/fixtures/charms/broken/python-syntax'}};
  const throwing = normalizeOptions({charms, defaultCharm: 'pysyntax'});
  const warning = normalizeOptions({charms, defaultCharm: 'pysyntax', onError: 'warn'});
  stateFor(throwing).siteDir = root;
  stateFor(warning).siteDir = root;

  test('loadCharm fails with the file, line and column and what to do', () => {
    let error: unknown;
    try {
      loadCharm(join(root, 'test/fixtures/charms/broken/python-syntax'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CharmLoadError);
    expect((error as CharmLoadError).diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'python-syntax',
        file: 'src/charm.py',
        line: 31,
        column: 17,
        hint: expect.stringContaining('python3 -m py_compile src/charm.py'),
      }),
    ]);
  });

  test('onError throw (the default): the page build fails, naming the page and the position', () => {
    expect(() => run(':::juju-events\n:::\n', throwing)).toThrow(
      /page\.md:1:1: the charm could not be read:\nsrc\/charm\.py:31:17: python-syntax/,
    );
  });

  test('onError warn: a warning admonition where the events would be, never a shorter event list', () => {
    const {tree, file, output} = run(':::juju-events\n:::\n', warning);
    expect(tree.children[0]).toMatchObject({type: 'containerDirective', name: 'warning'});
    expect(output).toContain('src/charm.py:31:17');
    expect(output).not.toContain('For this charm, the following Juju events are observed');
    expect(file.messages[0]?.reason).toMatch(/python-syntax/);
  });
});

describe('match a, b: heads (read as match (a, b):)', () => {
  test('the code after the match block stays in its class: both methods are found, line numbers unchanged', () => {
    const form = VALID_FORMS.find((f) => f.name.startsWith('match on an unparenthesised tuple of attributes'))!;
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let i = form.code.indexOf('\n'); i !== -1; i = form.code.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const module = parseModule({path: 'src/form.py', text: form.code, lines}, 'form');
    const methods: string[] = [];
    module.tree.iterate({
      enter(n) {
        if (n.name === 'FunctionDefinition' && n.node.parent?.parent?.name === 'ClassDefinition')
          methods.push(module.file.text.slice(n.from, n.to).split('(')[0]!);
      },
    });
    expect(methods).toEqual(['def f', 'def g']);
    expect(module.file.text.split('\n')[2]).toBe('        match (self.a.b, self.c):');
    expect(module.file.text.split('\n').length).toBe(form.code.split('\n').length);
  });
});
