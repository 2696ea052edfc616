/**
 * `charm-arch check`: false findings once reported, each with the page or charm that showed it,
 * usage and --json errors, and the property that `render`'s own output (md, MyST, rst) of every
 * fixture and demo charm checks in sync with its charm.
 */
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {checkPage} from '../../src/cli/check.js';
import {renderPage, RENDER_FORMATS} from '../../src/cli/render.js';
import {runCli, type CliRun} from './run.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const TMP = mkdtempSync(join(tmpdir(), 'charm-arch-check-regressions-'));
afterAll(() => rmSync(TMP, {recursive: true, force: true}));

const run = (...argv: string[]): Promise<CliRun> => runCli(argv, ROOT);

const NOTES = 'test/fixtures/check/notes-k8s';
const rows = (page: string, format: 'md' | 'myst'): Array<[string, string, string, number]> =>
  checkPage(join(ROOT, page), join(ROOT, NOTES), {format}).findings.map((f) => [f.kind, f.category, f.name, f.line]);

describe('check: false findings that were reported, with their regression page', () => {
  test('a heading naming the charm ("Notes K8s"), a rock in words, a descriptive container heading, generic pebble-ready names, table cells in words', () => {
    expect(rows('test/fixtures/check/pages/false-findings.md', 'md')).toEqual([]);
  });

  test('with --format myst, a {note} admonition is read like other text (its `stop` is stale)', () => {
    expect(rows('test/fixtures/check/pages/false-findings.md', 'myst')).toEqual([['stale', 'event', 'stop', 44]]);
  });

  test('a rock in a folder with underscores (test_async_flask_rock) is not read as a stale rock `flask`', () => {
    for (const format of RENDER_FORMATS) {
      const page = join(TMP, `async-flask.${format}`);
      writeFileSync(
        page,
        renderPage(join(ROOT, 'test/fixtures/check/async-flask'), {format, sections: ['oci-images'], headingLevel: 2}),
      );
      expect(checkPage(page, join(ROOT, 'test/fixtures/check/async-flask'), {format}).findings).toEqual([]);
    }
  });

  test('action parameters and values in a table row are not stale actions', () => {
    const page = join(TMP, 'actions.md');
    writeFileSync(
      page,
      '# X\n\n## Actions\n\n| Action | Parameters |\n| --- | --- |\n| `add-admin` | `send-email`, `dry-run`, since `2025-01-31` |\n| `rotate-key` | – |\n',
    );
    expect(checkPage(page, join(ROOT, NOTES)).findings).toEqual([]);
  });
});

describe('check: usage and --json errors', () => {
  test('--ignore with an unknown category is a usage error (exit 2), not a rule that never matches', async () => {
    const r = await run('check', 'test/fixtures/check/pages/in-sync.md', NOTES, '--ignore', 'bogus:install');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^charm-arch check: --ignore `bogus:install`: `bogus` is not missing, stale or a category \(event, container, rock, endpoint, action\)\n/,
    );
    expect(
      (await run('check', 'test/fixtures/check/pages/in-sync.md', NOTES, '--ignore', 'stale:events:install')).code,
    ).toBe(0);
  });

  test('with --json, errors are JSON on stdout too', async () => {
    const missing = await run('check', 'no/such/page.md', NOTES, '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: expect.objectContaining({
        severity: 'error',
        code: 'doc-not-found',
        file: 'no/such/page.md',
        line: 1,
        column: 1,
      }),
    });
    const usage = await run('check', 'test/fixtures/check/pages/in-sync.md', NOTES, '--json', '--ignore', 'bogus:x');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: {
        severity: 'error',
        code: 'usage',
        message:
          '--ignore `bogus:x`: `bogus` is not missing, stale or a category (event, container, rock, endpoint, action)',
      },
    });
    const charm = await run('check', 'test/fixtures/check/pages/in-sync.md', 'no/such/charm', '--json');
    expect(charm.code).toBe(2);
    expect((JSON.parse(charm.stdout) as {error: {severity: string}}).error.severity).toBe('error');
  });
});

/** Every charm the project ships as a fixture or demo (broken/ and bad-inputs/ are meant to fail): folders with charm metadata. */
function charms(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    const entries = readdirSync(join(ROOT, dir), {withFileTypes: true});
    if (entries.some((e) => e.name === 'charmcraft.yaml' || e.name === 'metadata.yaml')) found.push(dir);
    else if (depth > 0)
      for (const e of entries)
        if (e.isDirectory() && !['broken', 'bad-inputs', 'node_modules'].includes(e.name))
          walk(`${dir}/${e.name}`, depth - 1);
  };
  for (const base of ['website/charms', 'test/fixtures', 'test/git-ref/fixture', 'test/sphinx/fixtures']) walk(base, 4);
  return found;
}

describe('property: check on render output reports nothing', () => {
  test.each(charms())('%s, in md, MyST and rst', (charm) => {
    for (const format of RENDER_FORMATS) {
      const page = join(TMP, `${charm.replace(/\W+/g, '-')}.${format}`);
      writeFileSync(
        page,
        renderPage(join(ROOT, charm), {
          format,
          sections: ['charm-architecture', 'charm-integrations', 'charm-actions', 'charm-config'],
          headingLevel: 2,
          title: true,
        }),
      );
      const result = checkPage(page, join(ROOT, charm), {format});
      expect(result.findings.map((f) => `${format}: ${f.message}`)).toEqual([]);
      expect(result.sections.filter((s) => s.status === 'compared').map((s) => s.category)).toEqual(
        expect.arrayContaining(['event']),
      );
    }
  });
});
