/**
 * `charm-arch check` and `charm-arch init`, run in-process through `main()` with captured output.
 * The fixture charm is test/fixtures/check/notes-k8s (containers `notes` and `nginx`, rocks `notes`
 * and `notes-nginx`, a library `ready` event, two actions); the pages under
 * test/fixtures/check/pages are written the ways real architecture pages are written.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {runCli, type CliRun} from './run.js';
import {renderPage} from '../../src/cli/render.js';
import {categoryOf, didYouMean, eventForms} from '../../src/cli/doc-reader/compare.js';
import {readDoc} from '../../src/cli/doc-reader/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '..', 'fixtures', 'check');
const CHARM = 'notes-k8s';
const TMP = mkdtempSync(join(tmpdir(), 'charm-arch-check-'));
afterAll(() => rmSync(TMP, {recursive: true, force: true}));

const run = (argv: string[], cwd = FIXTURES): Promise<CliRun> => runCli(argv, cwd);

type Row = [kind: string, category: string, name: string, line: number];

async function findings(
  page: string,
  ...extra: string[]
): Promise<{code: number; rows: Row[]; json: Record<string, unknown>}> {
  const r = await run(['check', `pages/${page}`, CHARM, '--json', ...extra]);
  const json = JSON.parse(r.stdout) as {
    findings: Array<{kind: string; category: string; name: string; line: number; file: string}>;
  };
  for (const f of json.findings) expect(f.file).toBe(`pages/${page}`);
  return {code: r.code, rows: json.findings.map((f) => [f.kind, f.category, f.name, f.line]), json};
}

describe('charm-arch check', () => {
  test('an in-sync Markdown page: exit 0, every category compared', async () => {
    const r = await run(['check', 'pages/in-sync.md', CHARM]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'pages/in-sync.md: in sync with notes-k8s (compared events (line 42), containers (line 9), rocks (line 23), endpoints (line 28), actions (line 58))\n',
    );
  });

  test('a drifted page: missing, stale and renamed events, a removed container, rock, endpoint and action', async () => {
    const {code, rows, json} = await findings('drifted.md');
    expect(code).toBe(1);
    expect(rows).toEqual([
      ['missing', 'container', 'nginx', 3],
      ['stale', 'container', 'Redis', 9],
      ['missing', 'rock', 'notes-nginx', 13],
      ['stale', 'rock', 'redis', 16],
      ['missing', 'endpoint', 'metrics-endpoint', 18],
      ['stale', 'endpoint', 'redis', 21],
      ['missing', 'event', 'database-relation-broken', 24],
      ['missing', 'event', 'database-relation-changed', 24],
      ['missing', 'event', 'leader-elected', 24],
      ['missing', 'event', 'nginx-pebble-ready', 24],
      ['missing', 'event', 'notes-peers-relation-changed', 24],
      ['missing', 'event', 'ready', 24],
      ['missing', 'event', 'rotate-key-action', 24],
      ['missing', 'event', 'upgrade-charm', 24],
      ['missing', 'event', 'uploads-storage-attached', 24],
      ['stale', 'event', 'redis_pebble_ready', 28],
      ['stale', 'event', 'database_relation_joined', 29],
      ['stale', 'event', 'start', 30],
      ['stale', 'event', 'rotate_secret_action', 32],
      ['missing', 'action', 'rotate-key', 34],
      ['stale', 'action', 'purge', 37],
    ]);
    expect(json.inSync).toBe(false);
    expect(json.summary).toEqual({missing: 13, stale: 8, ignored: 0});
    const messages = (json.findings as Array<{name: string; message: string}>).map((f) => f.message);
    expect(messages).toContain('missing event `upgrade-charm` (observed at src/charm.py:15)');
    expect(messages).toContain(
      'stale event `rotate_secret_action`: documented, but the charm does not observe it (renamed? did you mean `rotate-key-action`)',
    );
    expect(messages).toContain(
      'stale event `database_relation_joined`: documented, but the charm does not observe it (renamed? did you mean `database-relation-changed`)',
    );
    expect(messages).toContain('missing container `nginx` (declared in charmcraft.yaml:19)');
  });

  test('human output: one file:line line per finding, then a summary', async () => {
    const r = await run(['check', 'pages/drifted.md', CHARM]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('pages/drifted.md:3: missing container `nginx` (declared in charmcraft.yaml:19)');
    expect(lines[15]).toBe(
      'pages/drifted.md:28: stale event `redis_pebble_ready`: documented, but the charm does not observe it',
    );
    expect(lines[21]).toBe(
      'pages/drifted.md: drift from notes-k8s: 13 missing, 8 stale (events: 9 missing, 4 stale; containers: 1 missing, 1 stale; rocks: 1 missing, 1 stale; endpoints: 1 missing, 1 stale; actions: 1 missing, 1 stale) (compared events (line 24), containers (line 3), rocks (line 13), endpoints (line 18), actions (line 34))',
    );
  });

  test('MyST: {ref} roles, placeholders, actions without _action, library events with their emitter; fences and comments are not read', async () => {
    const {code, rows, json} = await findings('myst.md');
    expect(code).toBe(1);
    expect(rows).toEqual([
      ['missing', 'event', 'leader-elected', 5],
      ['stale', 'event', 'update-status', 21],
    ]);
    expect(json.format).toBe('myst');
  });

  test('headings (`### Event x`, `### \\`x\\``), plain list items, `on_` prefixes and prose placeholders', async () => {
    const {code, rows} = await findings('headings.md');
    expect(code).toBe(1);
    expect(rows).toEqual([
      ['missing', 'event', 'ready', 3],
      ['stale', 'event', 'secret_changed', 6],
      ['stale', 'event', 'on_install', 23],
    ]);
  });

  test('reStructuredText: list-table rows, :ref: roles with escapes, ``literals``, `links`_, literal blocks and comments skipped', async () => {
    const {code, rows, json} = await findings('events.rst');
    expect(code).toBe(1);
    expect(rows).toEqual([
      ['missing', 'event', 'notes-peers-relation-changed', 7],
      ['stale', 'event', 'collect_unit_status', 30],
      ['missing', 'container', 'nginx', 38],
      ['stale', 'container', 'redis', 46],
    ]);
    expect(json.format).toBe('rst');
  });

  test('--ignore and --ignore-file accept differences; all ignored is in sync', async () => {
    const some = await findings(
      'drifted.md',
      '--ignore',
      'event:start',
      '--ignore',
      'container:*',
      '--ignore=stale:rock:redis',
    );
    expect(
      some.rows.filter((r) => r[1] === 'container' || r[2] === 'start' || (r[1] === 'rock' && r[0] === 'stale')),
    ).toEqual([]);
    expect((some.json.summary as {ignored: number}).ignored).toBe(4);
    const list = join(TMP, 'ignore.txt');
    writeFileSync(
      list,
      '# accepted\nnotes-peers-relation-changed\ncontainer:*   # redis is documented on purpose\ncollect_unit_status\n',
    );
    const all = await run(['check', 'pages/events.rst', CHARM, '--ignore-file', list]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^pages\/events\.rst: in sync with notes-k8s \(.*; 4 ignored\)\n$/);
    // an action event can be ignored by the action's name
    const action = await findings('drifted.md', '--ignore', 'rotate-key', '--only', 'event');
    expect(action.rows.map((r) => r[2])).not.toContain('rotate-key-action');
  });

  test('--only limits the categories compared', async () => {
    const {rows, json} = await findings('drifted.md', '--only', 'containers,rock');
    expect(rows.map((r) => r[1])).toEqual(['container', 'container', 'rock', 'rock']);
    expect((json.sections as Array<{category: string}>).map((s) => s.category)).toEqual(['container', 'rock']);
  });

  test('a page rendered by `charm-arch render` is in sync with its charm (md and MyST)', async () => {
    for (const format of ['md', 'myst'] as const) {
      const page = join(TMP, `rendered-${format}.md`);
      writeFileSync(
        page,
        renderPage(join(FIXTURES, CHARM), {
          format,
          sections: ['charm-architecture', 'charm-integrations', 'charm-actions'],
          headingLevel: 2,
        }),
      );
      const r = await run(['check', page, join(FIXTURES, CHARM)]);
      expect(r.stdout).toMatch(
        /in sync with notes-k8s \(compared events \(line \d+\), containers \(line \d+\), rocks \(line \d+\)/,
      );
      expect(r.code).toBe(0);
    }
  });

  test('a Docusaurus page made of directives: the generated categories are not compared', async () => {
    const page = join(TMP, 'directives.md');
    writeFileSync(page, '# Notes\n\n:::charm-architecture\n:::\n\n## Actions\n\n- `add-admin`\n');
    const r = await run(['check', page, join(FIXTURES, CHARM), '--json']);
    const json = JSON.parse(r.stdout) as {
      sections: Array<{category: string; status: string}>;
      findings: Array<{name: string}>;
    };
    expect(json.sections.filter((s) => s.status === 'generated').map((s) => s.category)).toEqual([
      'event',
      'container',
      'rock',
    ]);
    expect(json.findings.map((f) => f.name)).toEqual(['rotate-key']);
    expect(r.code).toBe(1);
  });

  test('a section that only points elsewhere is not compared', async () => {
    const page = join(TMP, 'delegated.md');
    writeFileSync(
      page,
      '# Notes\n\n## Integrations\n\nSee [Integrations](https://charmhub.io/notes-k8s/integrations).\n',
    );
    const r = await run(['check', page, join(FIXTURES, CHARM)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not compared, the page points elsewhere: endpoints');
  });

  test('errors: exit 2 with file:line:column: code: message', async () => {
    const missing = await run(['check', 'pages/nope.md', CHARM]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^pages\/nope\.md:1:1: doc-not-found: Page not found: pages\/nope\.md\. /);
    const charm = await run(['check', 'pages/in-sync.md', 'no-such-charm']);
    expect(charm.code).toBe(2);
    expect(charm.stderr).toMatch(/:1:1: charm-not-found: /);
    expect((await run(['check', 'pages/in-sync.md'])).code).toBe(2);
    expect((await run(['check', 'pages/in-sync.md', CHARM, '--bogus'])).stderr).toContain('unknown option --bogus');
    expect((await run(['check', 'pages/in-sync.md', CHARM, '--format', 'adoc'])).code).toBe(2);
    expect((await run(['check', 'pages/in-sync.md', CHARM, '--ignore-file', 'nope.txt'])).stderr).toMatch(
      /^nope\.txt:1:1: ignore-file-not-found: /,
    );
  });
});

describe('reading event names', () => {
  test.each([
    ['config_changed', false, ['config-changed']],
    ['config-changed', false, ['config-changed']],
    ['`config_changed`', false, ['config-changed']],
    ['Event jenkins_pebble_ready', false, ['jenkins-pebble-ready']],
    ['<container name>_pebble_ready', true, ['*-pebble-ready']],
    ['\\<container name\\>_pebble_ready', true, ['*-pebble-ready']],
    ['pebble_ready', true, ['*-pebble-ready']],
    ['<relation name>_relation_joined', true, ['*-relation-joined']],
    ['on_install', false, ['install']],
    ['self.on.config_changed', true, ['config-changed']],
    ['ConfigChangedEvent', true, ['config-changed']],
    ['start event', false, ['start']],
    ['ingress data_provided', true, ['ingress-data-provided', 'data-provided']],
    ['_on_config_changed', true, []],
    ["charm's life documentation", false, []],
    ['metadata.yaml', true, ['yaml']],
  ])('%s', (raw, code, forms) => {
    expect(eventForms(raw, code)).toEqual(forms);
  });

  test('did you mean: only for similar names', () => {
    expect(didYouMean('redis_relation_changed', ['redis-relation-updated', 'config-changed'])).toBe(
      'redis-relation-updated',
    );
    expect(didYouMean('add_admin_user_action', ['anonymize-user-action'])).toBeUndefined();
  });

  test('section headings', () => {
    expect(
      [
        'Juju events',
        'Events',
        'Containers',
        'Container',
        'OCI images',
        'OCI image',
        'Integrations',
        'Relations',
        'Actions',
        'Charm architecture diagram',
        'Event x_y',
      ].map(categoryOf),
    ).toEqual([
      'event',
      'event',
      'container',
      'container',
      'rock',
      'rock',
      'endpoint',
      'endpoint',
      'action',
      null,
      null,
    ]);
  });

  test('reStructuredText headings: levels by adornment order, overlines, line of the title', () => {
    const outline = readDoc('x.rst', '=====\nTitle\n=====\n\nIntro.\n\nSection\n-------\n\nSub\n~~~\n\ntext ``x``\n');
    const [top] = outline.sections;
    expect(top).toMatchObject({title: 'Title', level: 1, line: 2});
    expect(top!.children[0]).toMatchObject({title: 'Section', level: 2, line: 7});
    expect(top!.children[0]!.children[0]).toMatchObject({title: 'Sub', level: 3, line: 10});
  });
});

describe('charm-arch init', () => {
  test('docusaurus: front matter and one directive per section, with TODO prose, on stdout', async () => {
    const r = await run(['init', CHARM, '--charm-id', 'notes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: "Notes charm architecture"\n/);
    for (const d of [
      'charm-overview',
      'deployment-diagram',
      'charm-diagram',
      'charm-containers',
      'oci-images',
      'charm-metrics',
      'juju-events',
      'charm-code-overview',
      'charm-integrations',
      'charm-config',
      'charm-actions',
    ]) {
      expect(r.stdout).toContain(`:::${d}{charm="notes"}\n`);
    }
    expect(r.stdout).toContain('- config-changed: TODO:');
    // a page of directives is in sync by construction
    const page = join(TMP, 'init-docusaurus.md');
    writeFileSync(page, r.stdout);
    expect((await run(['check', page, join(FIXTURES, CHARM)])).code).toBe(0);
  });

  test('myst: the rendered sections under a generated-by note; checks in sync; refuses to overwrite without --force', async () => {
    const out = join(TMP, 'docs', 'arch.md');
    const first = await run(['init', CHARM, '--format', 'myst', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('wrote');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(
      /^<!--\nGenerated by `charm-arch init --format myst` from the notes-k8s charm \(notes-k8s\)\./,
    );
    expect(text).toContain(`npx charm-arch check ${out} notes-k8s`);
    expect(text).toContain('\n# Notes charm architecture\n');
    expect(text).toContain('(notes-k8s-juju-events)=\n\n## Juju events');
    expect((await run(['check', out, CHARM])).code).toBe(0);

    writeFileSync(out, 'hand-written\n');
    const again = await run(['init', CHARM, '--format', 'myst', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/: out-exists: .* already exists; not overwriting it\. Pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('hand-written\n');
    expect((await run(['init', CHARM, '--format', 'myst', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('## Juju events');
  });

  test('usage errors exit 2', async () => {
    expect((await run(['init'])).code).toBe(2);
    expect((await run(['init', CHARM, '--format', 'html'])).code).toBe(2);
    expect((await run(['init', CHARM, '--charm-id', 'a"b'])).code).toBe(2);
    expect(existsSync(join(FIXTURES, 'charm-architecture.md'))).toBe(false);
  });
});
