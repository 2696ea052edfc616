/**
 * Values the evaluator reads without running the code: pathlib paths, `os.path`, f-strings with
 * conversions and format specs, adjacent f-strings, `+`. Each static value is compared with what
 * CPython itself computes for the same module; a value the evaluator cannot be sure of must stay
 * computed (never a guess), and a string only partly static keeps its computed parts in braces.
 * The charm-level fixture is test/fixtures/charms/static-values (expected model in fixtures.test.ts).
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import {charmContext} from '../../src/model/charm/python-domain.js';
import {lookupModuleName} from '../../src/model/python/lookup.js';
import {PythonProject} from '../../src/model/python/project.js';
import type {Value} from '../../src/model/python/values.js';
import {CharmSources} from '../../src/model/sources/sources.js';
import type {PebbleService} from '../../src/model/types.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

const PRELUDE = [
  'import os',
  'import os.path',
  'import pathlib',
  'from pathlib import Path, PurePath, PurePosixPath',
  'PORT = 8080',
  'WIDTH = 7',
  'NAME = "app"',
  'CONFIG_DIR = PurePath("/etc/config")',
  'S_APOSTROPHE = "it\'s"',
  'S_QUOTES = \'say "hi"\'',
  'S_TAB = "a\\tb"',
];

/** Names whose value CPython prints and the evaluator must give exactly. */
const STATIC: Record<string, string> = {
  P_JOIN: 'str(CONFIG_DIR / "glauth.cfg")',
  P_SEGMENTS: 'str(Path("/a", "b", "c.txt"))',
  P_ABSOLUTE_RESTARTS: 'str(Path("a") / "/abs" / "x")',
  P_NORMALISED: 'str(PurePosixPath("//srv//x/./y/"))',
  P_THREE_SLASHES: 'str(PurePath("///x"))',
  P_EMPTY: 'str(Path())',
  P_STR_LEFT: 'str("/etc" / PurePath("app"))',
  P_MODULE: 'str(pathlib.Path("/var/lib") / "ledger" / "data")',
  P_PARENT: 'str(Path("/etc/app/app.yaml").parent)',
  P_PARENT_OF_ROOT: 'str(Path("/").parent)',
  P_PARENT_RELATIVE: 'str(Path("app").parent)',
  P_NAME: 'Path("/etc/app/app.tar.gz").name',
  P_SUFFIX: 'Path("/etc/app/app.tar.gz").suffix',
  P_STEM: 'Path("/etc/app/app.tar.gz").stem',
  P_DOTFILE_SUFFIX: 'Path("/home/.bashrc").suffix',
  P_JOINPATH: 'str(Path("/x").joinpath("y", "z"))',
  P_WITH_SUFFIX: 'str(Path("/x/a.txt").with_suffix(".yaml"))',
  P_WITH_NAME: 'str(Path("/x/a.txt").with_name("b.txt"))',
  P_AS_POSIX: 'Path("/x/y").as_posix()',
  P_FSPATH: 'os.fspath(CONFIG_DIR)',
  OS_JOIN: 'os.path.join("/var/log", "app", "x.log")',
  OS_JOIN_ABSOLUTE: 'os.path.join("a/", "/b", "c")',
  OS_JOIN_PATH: 'os.path.join(CONFIG_DIR, "x")',
  OS_DIRNAME: 'os.path.dirname("/a/b/c.txt")',
  OS_DIRNAME_ROOT: 'os.path.dirname("/a")',
  OS_BASENAME: 'os.path.basename("/a/b/")',
  F_PATH: 'f"glauth -c {CONFIG_DIR / \'glauth.cfg\'}"',
  F_INT_D: 'f"{PORT:d}"',
  F_FLOAT: 'f"{2.5}s {30.0} {1_000} {0x1f}"',
  F_FLOAT_SUM: 'f"{1.5 + 1.5}"',
  F_FLOAT_REPR: 'f"{1e16} {1e-5} {0.0001} {1e22} {123456.789} {1e15}"',
  F_REPR: 'f"{NAME!r} {NAME!s} {PORT!r} {NAME!a}"',
  F_REPR_QUOTES: 'f"{S_APOSTROPHE!r} {S_QUOTES!r} {S_TAB!r}"',
  F_ALIGN: 'f"{PORT:>6}|{PORT:<6}|{PORT:^7}|{PORT:06}|{NAME:5}|{NAME:*^7}|{NAME:.2}"',
  F_GROUPING: 'f"{1234567:,} {1234567:_} {1234567.0:,}"',
  F_FIXED: 'f"{0.125:.2f} {2.5:.0f} {-0.5:.0f} {3:5.1f} {1.005:.2f} {2:f}"',
  F_BASES: 'f"{255:x} {255:X} {8:o} {5:b} {-5:+d} {5:+d} {5: d} {-5:08}"',
  F_CONSTANTS: 'f"{True} {None} {False!r} {True:>5} {True:d}"',
  F_SELF_DOC: 'f"{PORT=} {NAME = } {PORT=:>6}"',
  F_ESCAPES: 'f"a\\tb{{c}}\\n{PORT}\\x41"',
  F_RAW: 'rf"\\d+{PORT}"',
  F_NESTED_SPEC: 'f"{PORT:{WIDTH}}|{NAME:>{WIDTH}}"',
  F_ADJACENT: '("a " f"{PORT} " "b " f\'{NAME!s:>5}\')',
  F_NESTED: 'f"{f\'{NAME}-{PORT}\'}"',
  F_PLUS: '"x" + f"{PORT}" + "y"',
  F_TRIPLE: 'f"""line {PORT}\nnext {NAME}"""',
};

/** Names the evaluator must leave computed: CPython prints them, but not by a rule read here. */
const COMPUTED: Record<string, string> = {
  C_EXPONENT: 'f"{1.5:e}"',
  C_PERCENT: 'f"{0.5:%}"',
  C_PATH_REPR: 'f"{CONFIG_DIR!r}"',
  C_GENERAL: 'f"{1.5:g}"',
  C_ALTERNATE: 'f"{255:#x}"',
  C_HOME: 'str(Path.home())',
  // The parser reads `:=` in a field as a walrus, not as the `=` alignment.
  C_EQUALS_ALIGN: 'f"{-5:=+8}"',
};

/** Strings only partly static: the static text filled in, each computed part as written. */
const PARTIAL: Record<string, [string, string]> = {
  Q_ENV: ["f\"--home={os.environ.get('HOME', '')} --port={PORT}\"", "--home={os.environ.get('HOME', '')} --port=8080"],
  Q_ADJACENT: [
    'f"{NAME} --config={CONFIG_DIR / \'x.yaml\'} " f"--user={os.getuid()} " "2>&1"',
    'app --config=/etc/config/x.yaml --user={os.getuid()} 2>&1',
  ],
  Q_PLUS: ['"run " + f"{os.getcwd()}/{NAME}"', 'run {os.getcwd()}/app'],
  Q_PLUS_UNKNOWN: ['"run " + os.getcwd() + "/" + NAME', 'run {os.getcwd()}/app'],
  Q_ADJACENT_FIELD_ONLY: ['"a " f"{os.getcwd()}" " b"', 'a {os.getcwd()} b'],
  Q_SPEC_UNREAD: ['f"{PORT:>{os.getuid()}} {NAME}"', '{PORT:>{os.getuid()}} app'],
};

const text = [
  ...PRELUDE,
  ...Object.entries({...STATIC, ...COMPUTED}).map(([k, v]) => `${k} = ${v}`),
  ...Object.entries(PARTIAL).map(([k, [v]]) => `${k} = ${v}`),
  '',
].join('\n');

let dir: string;
const values = new Map<string, Value>();
let python: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'static-values-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'values.py'), text);
  const project = new PythonProject(new CharmSources(dir), [{dir: 'src', origin: 'src'}]);
  const [module] = project.loadSources();
  const ctx = charmContext(project, module!, () => false);
  for (const name of [...Object.keys(STATIC), ...Object.keys(COMPUTED), ...Object.keys(PARTIAL)])
    values.set(name, lookupModuleName(module!, name, ctx));
  // CPython runs the same module and prints every value as text.
  const run = spawnSync(
    'python3',
    [
      '-c',
      'import json, runpy, sys; ns = runpy.run_path(sys.argv[1]); ' +
        'print(json.dumps({k: str(v) for k, v in ns.items() if k.isupper()}))',
      join(dir, 'src', 'values.py'),
    ],
    {encoding: 'utf8'},
  );
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  python = JSON.parse(run.stdout) as Record<string, string>;
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('static values, as CPython computes them', () => {
  test.each(Object.keys(STATIC))('%s', (name) => {
    expect(values.get(name)).toEqual({t: 'str', v: python[name]});
  });
});

describe('values read by no rule here stay computed', () => {
  test.each(Object.keys(COMPUTED))('%s', (name) => {
    expect(python[name]).toBeDefined();
    expect(values.get(name)).toEqual({t: 'unknown', expr: COMPUTED[name]});
  });
});

describe('strings only partly static keep their computed parts in braces', () => {
  test.each(Object.keys(PARTIAL))('%s', (name) => {
    expect(values.get(name)).toEqual({t: 'unknown', expr: PARTIAL[name]![0], partial: PARTIAL[name]![1]});
  });
});

describe('Pebble commands of the static-values fixture charm', () => {
  const model = loadCharm(join(FIXTURE_CHARMS, 'static-values'));
  const service = (name: string): PebbleService => {
    const found = model.pebble.flatMap((l) => l.services).find((s) => s.name === name);
    if (!found) throw new Error(`no service ${name}`);
    return found;
  };

  test('a constant built from a pathlib path joined with `/`, in an f-string, is the literal command', () => {
    const migrate = service('ledger-migrate');
    expect([migrate.command, migrate.computed]).toEqual([
      'ledger migrate -c /etc/ledger/ledger.yaml --data /var/lib/ledger/data --port 8080 --once',
      [],
    ]);
    expect(service('ledger').workingDir).toBe('/etc');
    expect(model.pebble[0]!.checks.map((c) => c.target)).toEqual(['http://localhost:8080/health']);
  });

  test('a function defined in the layer`s method returns its f-string: its locals and the enclosing method`s read, static parts filled in, the rest in braces', () => {
    const worker = service('worker');
    expect([worker.command, worker.computed]).toEqual([
      "ledger-worker --queue {self._queue_size} --threads 4 --timeout=2.5s --replicas=3.0 --name='ledger' --log /var/log/ledger/server.log --log-level=info",
      ['command'],
    ]);
  });

  test('a command reassigned in an `if` branch may be either value: computed, shown as written', () => {
    const ledger = service('ledger');
    expect([ledger.command, ledger.computed]).toEqual(['command', ['command']]);
  });
});
