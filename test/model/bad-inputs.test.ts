/**
 * Bad input: every case of test/fixtures/bad-inputs/cases.ts is written into a temporary directory
 * and loaded. loadCharm must throw a CharmArchError / CharmLoadError (never another exception),
 * or warn, with the exact stable code, file, line and column. A few cases also go through the CLI
 * (`charm-arch facts`), which must exit 2 with `file:line:column: code: message` lines and no stack
 * trace (needs dist/: `npm test` builds first).
 *
 * No test here reads a clock: a busy machine makes any time limit flaky. The cases that exist to
 * prove a size costs bounded work (the ones with `budgetMs`) also run the CLI in a child process
 * that the harness kills after HANG_MS or when it outgrows HANG_HEAP_MB: a generous bound that
 * only a hang or a blow-up reaches.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {CharmArchError, CharmLoadError} from '../../src/errors.js';
import {loadCharm} from '../../src/model/charm/load.js';
import type {CharmModel} from '../../src/model/types.js';
import {CASES, type BadInput} from '../fixtures/bad-inputs/cases.js';
import {FIXTURE_CHARMS, REPO_ROOT, schemaErrors} from './model-helpers.js';

/** Bounds for the child processes: far above any honest load, reached only by a hang or a blow-up. */
const HANG_MS = 120_000;
const HANG_HEAP_MB = 1024;

const TMP = mkdtempSync(join(tmpdir(), 'charm-arch-bad-'));
afterAll(() => rmSync(TMP, {recursive: true, force: true}));

let counter = 0;

/** Writes a case's files and links; returns the directory to load. */
function materialise(c: BadInput): string {
  if (c.fixture) return join(FIXTURE_CHARMS, c.fixture);
  const root = join(TMP, String(++counter));
  const charmDir = join(root, 'charm');
  mkdirSync(charmDir, {recursive: true});
  for (const [path, content] of Object.entries(c.files ?? {})) {
    const abs = join(charmDir, path);
    mkdirSync(dirname(abs), {recursive: true});
    writeFileSync(abs, content);
  }
  for (const [link, target] of Object.entries(c.symlinks ?? {})) {
    const abs = join(charmDir, link);
    mkdirSync(dirname(abs), {recursive: true});
    symlinkSync(target, abs);
  }
  return join(root, c.dir ?? 'charm');
}

type Outcome = {kind: 'model'; model: CharmModel} | {kind: 'error'; error: unknown};

function run(c: BadInput): {dir: string; outcome: Outcome} {
  const dir = materialise(c);
  let outcome: Outcome;
  try {
    outcome = {kind: 'model', model: loadCharm(dir, c.maxFileBytes ? {maxFileBytes: c.maxFileBytes} : {})};
  } catch (error) {
    outcome = {kind: 'error', error};
  }
  return {dir, outcome};
}

function describeOutcome(o: Outcome): string {
  if (o.kind === 'model')
    return `loaded; diagnostics: ${JSON.stringify(o.model.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`))}`;
  const e = o.error as Error;
  return e instanceof CharmArchError
    ? `threw ${e.name}: ${e.format()}`
    : `threw ${e?.constructor?.name}: ${e?.message}\n${e?.stack}`;
}

describe('bad inputs: loadCharm', () => {
  test('the corpus has at least 40 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  const check = (c: BadInput): void => {
    const {dir, outcome} = run(c);
    const context = describeOutcome(outcome);

    if (c.expect === 'ok') {
      if (outcome.kind !== 'model') throw new Error(`expected the charm to load; ${context}`);
      expect(outcome.model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(schemaErrors(JSON.parse(JSON.stringify(outcome.model)))).toEqual([]);
      const text = JSON.stringify(outcome.model);
      for (const s of c.absent ?? []) expect(text).not.toContain(s);
      return;
    }

    const want = {...c.expect, file: c.expect.file === '<dir>' ? dir : c.expect.file};
    if (want.severity === 'warning') {
      if (outcome.kind !== 'model') throw new Error(`expected a warning, not an error; ${context}`);
      const found = outcome.model.diagnostics.find((d) => d.code === want.code && d.severity === 'warning');
      expect({
        context,
        found: found && {
          code: found.code,
          file: found.file,
          line: found.line,
          column: found.column,
          severity: found.severity,
        },
      }).toEqual({context, found: want});
      expect(schemaErrors(JSON.parse(JSON.stringify(outcome.model)))).toEqual([]);
      return;
    }

    if (outcome.kind !== 'error') throw new Error(`expected ${want.code}; ${context}`);
    const error = outcome.error;
    // Never another exception type (TypeError, RangeError, a raw fs error, a YAMLParseError...).
    if (!(error instanceof CharmArchError)) throw new Error(`not a CharmArchError: ${context}`);
    expect({
      context,
      got: {code: error.code, file: error.file, line: error.line, column: error.column, severity: 'error'},
    }).toEqual({context, got: want});
    // One `file:line:column: code: message` line per problem, no stack trace.
    const lines = error
      .format()
      .split('\n')
      .filter((l) => /^\S.*:\d+:\d+: /.test(l));
    expect(lines[0]!.startsWith(`${want.file}:${want.line}:${want.column}: ${want.code}: `)).toBe(true);
    expect(error.format()).not.toMatch(/^\s+at /m);
    if (error instanceof CharmLoadError) {
      for (const d of error.diagnostics) {
        expect(d.severity).toBe('error');
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    }
  };

  const cases = (known: boolean): Array<readonly [string, BadInput]> =>
    CASES.filter((c) => Boolean(c.knownBug) === known).map((c) => [c.name, c] as const);
  test.each(cases(false))('%s', (_name, c) => check(c), 30_000);
  // Known bugs in files owned elsewhere: these fail today; once fixed, drop `knownBug` from the case.
  if (cases(true).length) test.failing.each(cases(true))('known bug: %s', (_name, c) => check(c), 30_000);
});

describe('bad inputs: charm-arch facts', () => {
  const CLI = join(REPO_ROOT, 'bin/charm-arch.js');
  const built = existsSync(join(REPO_ROOT, 'dist/src/cli/index.js'));

  /** `charm-arch facts <dir>` in a child process that the harness kills after HANG_MS or beyond HANG_HEAP_MB. */
  function facts(dir: string): {status: number | null; stdout: string; stderr: string; killed: string | null} {
    if (!built) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HANG_HEAP_MB}`, CLI, 'facts', dir], {
      encoding: 'utf8',
      timeout: HANG_MS,
      maxBuffer: 256 * 1024 * 1024,
      env: {...process.env, NODE_OPTIONS: ''},
    });
    const killed =
      r.signal === 'SIGTERM'
        ? `killed after ${HANG_MS / 1000} s: a hang`
        : r.signal || /heap out of memory/i.test(r.stderr)
          ? `died (${r.signal ?? r.status}) beyond ${HANG_HEAP_MB} MB of heap: a blow-up`
          : null;
    return {status: r.status, stdout: r.stdout, stderr: r.stderr, killed};
  }

  // The size cases: their work must stay bounded. The child is given far more than they need.
  const sizeCases = CASES.filter((c) => c.budgetMs !== undefined && !c.knownBug).map((c) => [c.name, c] as const);
  test.each(sizeCases)(
    '%s: the CLI finishes inside the hang bound',
    (_name, c) => {
      const r = facts(materialise(c));
      expect({killed: r.killed, status: r.status}).toEqual({killed: null, status: c.expect === 'ok' ? 0 : 2});
    },
    HANG_MS + 30_000,
  );

  const byName = (name: string): BadInput => {
    const c = CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case ${name}`);
    return c;
  };

  test.each([
    'committed fixture: broken/containers-list',
    'committed fixture: broken/yaml-syntax',
    'committed fixture: broken/alias-bomb',
    'committed fixture: broken/empty',
    'charm directory missing',
    'charmcraft.yaml with NUL bytes',
    'charmcraft.yaml links to itself (loop)',
    'YAML: 10,000 nested flow lists',
    'several wrong types: the first in the file is reported',
    'CRLF: wrong type position',
  ])('%s: exit 2, positioned lines, no stack trace', (name) => {
    const c = byName(name);
    const dir = materialise(c);
    const r = facts(dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const want = c.expect as Exclude<BadInput['expect'], 'ok'>;
    const file = want.file === '<dir>' ? dir : want.file;
    const first = r.stderr.split('\n')[0]!;
    expect(first.startsWith(`${file}:${want.line}:${want.column}: ${want.code}: `)).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toContain('internal error');
    // Every problem is one `file:line:column: code: message` line; only hint examples continue, indented.
    for (const line of r.stderr.split('\n').filter((l) => l && !l.startsWith('    ')))
      expect(line).toMatch(/^.+:\d+:\d+: [a-z][a-z0-9-]*: \S/);
  });

  test('a charm with warnings only: exit 0 and the model on stdout', () => {
    const r = facts(materialise(byName('committed fixture: broken/unknown-key')));
    expect(r.status).toBe(0);
    const model = JSON.parse(r.stdout) as CharmModel;
    expect(model.diagnostics).toEqual([expect.objectContaining({code: 'unknown-key', line: 8, column: 1})]);
  });
});
