/**
 * Library modules parsed as their names are used (src/model/python/lazy-module.ts): the statement scan
 * splits modules where Python does, a lazy module parses only what is asked for, and what it
 * answers is what a whole-module parse answers (every charm library of the fixtures and the demo
 * site, and every form of the valid-syntax corpus).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {LineCounter} from 'yaml';
import type {SourceFile} from '../../src/model/sources/text.js';
import {lazyModule} from '../../src/model/python/lazy-module.js';
import {indexModule} from '../../src/model/python/module-index.js';
import type {ClassInfo, FunctionInfo, ModuleInfo} from '../../src/model/python/module-info.js';
import {topLevelStatements} from '../../src/model/python/statements.js';
import {parseModule} from '../../src/model/python/syntax.js';
import {VALID_FORMS} from './python-syntax/valid-forms.js';

const repo = join(import.meta.dirname, '..', '..');

function fileOf(text: string, path = 'lib/charms/x/v0/x.py'): SourceFile {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return {path, text, lines};
}

/** kind:name of each statement, and the first characters of its text. */
function split(text: string): string[] | null {
  const statements = topLevelStatements(text);
  return (
    statements?.map(
      (s) => `${s.kind}${s.name ? `:${s.name}` : ''} ${JSON.stringify(text.slice(s.from, s.from + 12))}`,
    ) ?? null
  );
}

describe('top-level statements, found by a scan of the text', () => {
  it('splits where Python starts a statement, and nowhere inside strings, brackets or continuations', () => {
    const text = [
      '"""Library docs.',
      '',
      'class NotAClass:  (in the docstring)',
      '"""',
      'import os  # a comment',
      '# a comment at column 0',
      'X = (1,',
      '2)',
      'Y = 1 + \\',
      '2',
      '@decorator(',
      '    arg,',
      ')',
      '@other',
      'class A(',
      '    Base,',
      '):',
      '    s = """',
      'def not_a_function():',
      '"""',
      '# a comment at column 0 inside the class',
      '    def m(self):',
      "        return 'x'",
      '',
      'async def f():',
      '    pass',
      'if TYPE_CHECKING:',
      '    import y',
      'else:',
      '    y = None',
      'try:',
      '    import z',
      'except ImportError:',
      '    z = None',
      'finally:',
      '    pass',
      "r'''raw ''' ; b = 2",
      '',
    ].join('\n');
    expect(split(text)).toEqual([
      'string "\\"\\"\\"Library d"',
      'other "import os  #"',
      'other "X = (1,\\n2)\\nY"',
      'other "Y = 1 + \\\\\\n2\\n"',
      'class:A "@decorator(\\n"',
      'def:f "async def f("',
      'other "if TYPE_CHEC"',
      'other "try:\\n    imp"',
      "other \"r'''raw ''' \"",
    ]);
    expect(topLevelStatements(text)!.find((s) => s.name === 'A')!.head).toBe('(\n    Base,\n)');
  });

  it('gives no answer when the text ends inside a string or a bracket, or nests brackets past 200', () => {
    expect(topLevelStatements('x = (1,\n\nclass A:\n    pass\n')).toBeNull();
    expect(topLevelStatements('x = """never closed\nclass A:\n    pass\n')).toBeNull();
    expect(topLevelStatements("x = 'one line\nclass A:\n    pass\n")).toBeNull();
    expect(topLevelStatements(`x = ${'['.repeat(201)}${']'.repeat(201)}\n`)).toBeNull();
    expect(topLevelStatements(`x = ${'['.repeat(200)}${']'.repeat(200)}\n`)).toHaveLength(1);
  });
});

const LIBRARY = `"""A library."""
from ops.framework import Object
NAME = "db"

class Events(ObjectEvents):
    ready = EventSource(ReadyEvent)

class Requires(Object):
    on = Events()

    def __init__(self, charm, relation_name=NAME):
        super().__init__(charm, relation_name)
        self.relation_name = relation_name
        self.framework.observe(charm.on[relation_name].relation_joined, self._on_joined)

    def _on_joined(self, event):
        """Sends our data."""

def helper():
    return 1

class Broken:
    def f(self):
        return (1 +
`;

describe('a library module parsed as its names are used', () => {
  it('parses the definitions looked up, and no other', () => {
    const module = lazyModule(fileOf(`${LIBRARY}    2)\n`), 'charms.x.v0.x', 'lib')!;
    expect([...module.imports.keys()]).toEqual(['Object']);
    expect([...module.assigns.keys()]).toEqual(['NAME']);
    expect(module.lazy!.parsedClasses()).toEqual([]);
    const requires = module.classes.get('Requires')!;
    expect([...requires.methods.keys()]).toEqual(['__init__', '_on_joined']);
    expect([...requires.selfAssignments.keys()]).toEqual(['relation_name']);
    expect(requires.methods.get('_on_joined')!.doc).toBe('Sends our data.');
    expect(module.lazy!.parsedClasses().map((c) => c.name)).toEqual(['Requires']);
    expect(module.functions.has('helper')).toBe(true);
    expect(module.classes.get('Missing')).toBeUndefined();
    expect(module.lazy!.parsedClasses().map((c) => c.name)).toEqual(['Requires']);
  });

  it('reports a syntax error in a definition when that definition is parsed, and the first of the file once it is read whole', () => {
    const text = `${LIBRARY}\nclass Later:\n    x = (\n`;
    // The text ends inside a bracket: the scan refuses it, and the module is parsed whole (eagerly).
    expect(lazyModule(fileOf(text), 'charms.x.v0.x', 'lib')).toBeUndefined();
    const broken = `${LIBRARY}    2\n\nclass After:\n    pass\n`.replace('return (1 +\n    2', 'return (1 +)\n');
    const module = lazyModule(fileOf(broken), 'charms.x.v0.x', 'lib')!;
    module.classes.get('Requires');
    expect(module.py.syntaxError).toBeUndefined();
    module.classes.get('Broken');
    const whole = parseModule(fileOf(broken), 'charms.x.v0.x');
    expect(module.py.syntaxError).toEqual(whole.syntaxError);
    expect(whole.syntaxError).toBeDefined();
  });

  it('walking the module (its tree, every class) reads it whole, in the order of the file', () => {
    const text = `${LIBRARY}    2)\n`;
    const module = lazyModule(fileOf(text), 'charms.x.v0.x', 'lib')!;
    module.classes.get('Requires');
    expect([...module.classes.keys()]).toEqual(['Events', 'Requires', 'Broken']);
    expect(module.py.tree.length).toBe(text.length);
  });
});

/** Every charm library of the fixture charms and the demo site. */
function libraryFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.py') && path.includes('/lib/')) out.push(path);
    }
  };
  walk(join(repo, 'test', 'fixtures', 'charms'));
  walk(join(repo, 'website', 'charms'));
  return out.sort();
}

/** What an index says about one class or function, by position and names. */
function shape(entry: ClassInfo | FunctionInfo): unknown {
  if ('methods' in entry) {
    return {
      at: [entry.node.from, entry.node.to],
      bases: entry.bases,
      methods: [...entry.methods.values()].map(shape),
      attrs: [...entry.attrs.keys()],
      self: [...entry.selfAssignments.keys()],
      nested: [...entry.nested.keys()],
    };
  }
  return {at: [entry.node.from, entry.node.to], params: entry.params.map((p) => p.name), doc: entry.doc};
}

/** The lazy module's answers, looked up name by name (as the model does), then the whole index. */
function compare(text: string, where: string): void {
  const file = fileOf(text);
  const eager = indexModule(parseModule(file, 'm'), 'lib');
  const lazy: ModuleInfo | undefined = lazyModule(file, 'm', 'lib');
  if (!lazy) return;
  for (const name of [...eager.classes.keys(), ...eager.functions.keys()].reverse()) {
    expect({
      where,
      name,
      cls: lazy.classes.get(name) && shape(lazy.classes.get(name)!),
      fn: lazy.functions.get(name) && shape(lazy.functions.get(name)!),
    }).toEqual({
      where,
      name,
      cls: eager.classes.get(name) && shape(eager.classes.get(name)!),
      fn: eager.functions.get(name) && shape(eager.functions.get(name)!),
    });
  }
  expect({where, imports: [...lazy.imports], assigns: [...lazy.assigns.keys()]}).toEqual({
    where,
    imports: [...eager.imports],
    assigns: [...eager.assigns.keys()],
  });
  expect({
    where,
    classes: [...lazy.classes.keys()],
    functions: [...lazy.functions.keys()],
    error: lazy.py.syntaxError,
  }).toEqual({
    where,
    classes: [...eager.classes.keys()],
    functions: [...eager.functions.keys()],
    error: eager.py.syntaxError,
  });
}

describe('a lazy module answers what a whole-module parse answers', () => {
  it.each(libraryFiles().map((f) => [relative(repo, f), f]))('%s', (_name, path) => {
    compare(readFileSync(path, 'utf8'), path);
  });

  it('for every form of the valid-syntax corpus, inside a library module', () => {
    for (const form of VALID_FORMS) {
      compare(
        `"""Docs."""\nimport os\n\n${form.code}\n\nclass After(Base):\n    def m(self):\n        self.x = 1\n`,
        form.name,
      );
    }
  });
});
