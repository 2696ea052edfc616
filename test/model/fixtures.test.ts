/**
 * Every fixture charm, loaded and compared with a reviewed model in test/fixtures/expected/<case>.json,
 * and checked against schema/charm-model.schema.json.
 *
 * Regenerate with `UPDATE_EXPECTED=1`. The expected files were reviewed by hand against the
 * fixture sources (and helpers-and-loops/EXPECTED.md); where the model is known to be wrong,
 * KNOWN_BUGS below holds the correct value: it is written into the expected file (so the wrong
 * value is never baked in), left out of the whole-model comparison, and asserted by a
 * `test.failing` that starts to fail, on purpose, once the bug is fixed (then delete the entry).
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {findCharms} from '../../src/model/sources/find-charms.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {CharmSources} from '../../src/model/sources/sources.js';
import type {CharmModel, ObservedEvent, PebbleLayer} from '../../src/model/types.js';
import {
  clone,
  EXPECTED_DIR,
  FIXTURE_CHARMS,
  normaliseModel,
  REPO_ROOT,
  schemaErrors,
  WEBSITE_CHARMS,
} from './model-helpers.js';

const UPDATE = process.env['UPDATE_EXPECTED'] === '1';

interface Case {
  name: string;
  dir: string;
}

const CASES: Case[] = [
  {name: 'flask-app', dir: join(FIXTURE_CHARMS, 'flask-app')},
  {name: 'helpers-and-loops', dir: join(FIXTURE_CHARMS, 'helpers-and-loops')},
  {name: 'hostile', dir: join(FIXTURE_CHARMS, 'hostile')},
  {name: 'legacy-split', dir: join(FIXTURE_CHARMS, 'legacy-split')},
  {name: 'reactive', dir: join(FIXTURE_CHARMS, 'reactive')},
  {name: 'two-charms-backend', dir: join(FIXTURE_CHARMS, 'two-charms/charms/backend')},
  {name: 'two-charms-frontend', dir: join(FIXTURE_CHARMS, 'two-charms/charms/frontend')},
  {name: 'twelve-factor', dir: join(FIXTURE_CHARMS, 'twelve-factor/charm')},
  {name: 'patterns', dir: join(FIXTURE_CHARMS, 'patterns')},
  {name: 'factories', dir: join(FIXTURE_CHARMS, 'factories')},
  {name: 'library-loops', dir: join(FIXTURE_CHARMS, 'library-loops')},
  {name: 'returned-names', dir: join(FIXTURE_CHARMS, 'returned-names')},
  {name: 'shared-substrate', dir: join(FIXTURE_CHARMS, 'shared-substrate')},
  {name: 'rock-choice', dir: join(FIXTURE_CHARMS, 'rock-choice/charm')},
  {name: 'plain-rock', dir: join(FIXTURE_CHARMS, 'plain-rock/charm')},
  {name: 'one-container', dir: join(FIXTURE_CHARMS, 'one-container')},
  {name: 'layer-helpers', dir: join(FIXTURE_CHARMS, 'layer-helpers')},
  {name: 'branch-locals', dir: join(FIXTURE_CHARMS, 'branch-locals')},
  // A machine subordinate: `subordinate: true` and container-scoped endpoints reach the model.
  {name: 'subordinate', dir: join(FIXTURE_CHARMS, 'subordinate')},
  {name: 'machine-shared-workload', dir: join(FIXTURE_CHARMS, 'machine-shared-workload')},
  {name: 'overridden-handlers', dir: join(FIXTURE_CHARMS, 'overridden-handlers')},
  {name: 'static-values', dir: join(FIXTURE_CHARMS, 'static-values')},
  // A machine charm's snaps, apt packages and systemd units, read from its calls of the Linux libraries.
  {name: 'machine-workload', dir: join(FIXTURE_CHARMS, 'machine-workload')},
  // Broken charms that still load, with a warning diagnostic.
  {name: 'broken-unknown-key', dir: join(FIXTURE_CHARMS, 'broken/unknown-key')},
  {name: 'website-pastebin-k8s', dir: join(WEBSITE_CHARMS, 'pastebin-k8s')},
  {name: 'website-logsink', dir: join(WEBSITE_CHARMS, 'logsink')},
  {name: 'website-log-relay-k8s', dir: join(WEBSITE_CHARMS, 'log-relay-k8s')},
];

/** Broken fixture charms that must not load: covered by bad-inputs.test.ts. */
const THROWING_FIXTURES = [
  'broken/alias-bomb',
  'broken/containers-list',
  'broken/empty',
  'broken/python-syntax',
  'broken/yaml-syntax',
];

// ---------------------------------------------------------------------------------------------
// Known model bugs (files owned by the lead). `fix` sets the reviewed, correct value.

interface KnownBug {
  case: string;
  what: string;
  fix(model: CharmModel): void;
}

function layerAt(model: CharmModel, file: string, line: number): PebbleLayer {
  const layer = model.pebble.find((l) => l.file === file && l.line === line);
  if (!layer) throw new Error(`no Pebble layer at ${file}:${line}`);
  return layer;
}

function eventAt(model: CharmModel, file: string, line: number): ObservedEvent {
  const event = model.events.find((e) => e.file === file && e.line === line);
  if (!event) throw new Error(`no event at ${file}:${line}`);
  return event;
}

const KNOWN_BUGS: KnownBug[] = [];

/** The reviewed model: the loaded one with every known bug corrected. */
function reviewed(name: string, model: CharmModel): CharmModel {
  const out = clone(model);
  for (const bug of KNOWN_BUGS.filter((b) => b.case === name)) bug.fix(out);
  return out;
}

const models = new Map<string, CharmModel>();
function modelOf(c: Case): CharmModel {
  let m = models.get(c.name);
  if (!m) {
    m = normaliseModel(loadCharm(c.dir), c.dir);
    models.set(c.name, m);
  }
  return m;
}
const byName = (name: string): CharmModel => modelOf(CASES.find((c) => c.name === name)!);

// ---------------------------------------------------------------------------------------------

describe('fixture charms: schema and reviewed models', () => {
  test('every fixture charm is covered', () => {
    const found = [
      ...findCharms(FIXTURE_CHARMS, 6).map((p) => join(FIXTURE_CHARMS, p)),
      ...findCharms(WEBSITE_CHARMS).map((p) => join(WEBSITE_CHARMS, p)),
    ].map((p) => relative(REPO_ROOT, p));
    const covered = [
      ...CASES.map((c) => relative(REPO_ROOT, c.dir)),
      ...THROWING_FIXTURES.map((p) => relative(REPO_ROOT, join(FIXTURE_CHARMS, p))),
    ];
    expect(found.sort()).toEqual(covered.sort());
  });

  describe.each(CASES)('$name', (c) => {
    test('validates against the schema', () => {
      expect(schemaErrors(modelOf(c))).toEqual([]);
    });

    test('has no absolute path left after normalisation', () => {
      const text = JSON.stringify(modelOf(c));
      expect(text).not.toContain(REPO_ROOT);
    });

    test('matches the reviewed model', () => {
      const file = join(EXPECTED_DIR, `${c.name}.json`);
      const actual = reviewed(c.name, modelOf(c));
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`${file} is missing: run with UPDATE_EXPECTED=1 and review it`);
        mkdirSync(EXPECTED_DIR, {recursive: true});
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      }
      const expected = JSON.parse(readFileSync(file, 'utf8')) as CharmModel;
      expect(schemaErrors(expected)).toEqual([]);
      expect(actual).toEqual(expected);
    });
  });

  describe('known model bugs (test.failing until fixed; then remove the KNOWN_BUGS entry)', () => {
    for (const bug of KNOWN_BUGS) {
      test.failing(`${bug.case}: ${bug.what}`, () => {
        const model = byName(bug.case);
        expect(model).toEqual(reviewed(bug.case, model));
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('helpers-and-loops (EXPECTED.md)', () => {
  const model = (): CharmModel => byName('helpers-and-loops');
  const rows: Array<[string, number, string | null, string | null, Partial<ObservedEvent>?]> = [
    ['src/charm.py', 45, 'add-admin-action', '_on_add_admin', {kind: 'action', action: 'add-admin'}],
    [
      'src/charm.py',
      46,
      'cluster-relation-changed',
      '_on_peer_relation_changed',
      {kind: 'relation', endpoint: 'cluster'},
    ],
    ['src/charm.py', 47, 'app-pebble-ready', '_on_app_pebble_ready', {kind: 'workload', container: 'app'}],
    ['src/charm.py', 48, 'worker-pebble-ready', '_on_worker_pebble_ready', {kind: 'workload', container: 'worker'}],
    ['src/charm.py', 51, 'config-changed', '_reconcile', {expression: 'event'}],
    ['src/charm.py', 51, 'upgrade-charm', '_reconcile', {expression: 'event'}],
    ['src/charm.py', 51, 'leader-elected', '_reconcile', {expression: 'event'}],
    ['src/charm.py', 54, 'db-relation-broken', '_on_relation_broken', {endpoint: 'db'}],
    ['src/charm.py', 54, 'cache-relation-broken', '_on_relation_broken', {endpoint: 'cache'}],
    ['src/charm.py', 56, 'update-status', '_on_update_status', {expression: 'on.update_status'}],
    ['src/charm.py', 57, 'update-status', '_refresh_workload_version', {expression: 'on.update_status'}],
    ['src/charm.py', 59, 'app_peer-relation-created', '_on_app_peer_created', {endpoint: 'app_peer'}],
    ['src/charm.py', 60, 'restarted', '_on_restarted', {kind: 'custom'}],
    ['src/charm.py', 61, 'collect-unit-status', '_on_collect_unit_status', {kind: 'status'}],
    ['src/charm.py', 62, 'secret-changed', '_on_secret_changed', {kind: 'secret'}],
    [
      'src/saml.py',
      19,
      'saml-relation-changed',
      '_on_saml_relation_changed',
      {observer: 'SamlObserver', endpoint: 'saml'},
    ],
    [
      'src/saml.py',
      22,
      'saml-data-available',
      '_on_saml_data_available',
      {
        kind: 'library',
        observer: 'SamlObserver',
        emitter: {
          expression: 'self._saml',
          class: 'SamlRequires',
          library: 'charms.saml_integrator.v0.saml',
          relation: 'saml',
        },
      },
    ],
  ];

  test.each(rows)('%s:%d %s -> %s', (file, line, name, handler, extra) => {
    const matches = model().events.filter(
      (e) => e.file === file && e.line === line && e.name === name && e.handler === handler,
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({resolved: true, inherited: false, ...(extra ?? {})});
  });

  test('exactly the events of EXPECTED.md, in order; from lib/ only the charm event the library object observes', () => {
    const listed = model().events.map((e) => `${e.file}:${e.line} ${e.name}`);
    expect(listed).toEqual([
      ...rows.map(([f, l, n]) => `${f}:${l} ${n}`).slice(0, 15),
      'src/charm.py:68 null',
      ...rows.slice(15).map(([f, l, n]) => `${f}:${l} ${n}`),
      'lib/charms/saml_integrator/v0/saml.py:45 saml-relation-changed',
    ]);
    // The library's own custom event (`saml_data_available`, emitted inside the library) is not a Juju event.
    expect(
      model()
        .events.filter((e) => e.file.startsWith('lib/'))
        .map((e) => e.kind),
    ).toEqual(['relation']);
  });

  test('the relation event SamlRequires observes in its own code is handled by the library', () => {
    expect(eventAt(model(), 'lib/charms/saml_integrator/v0/saml.py', 45)).toMatchObject({
      name: 'saml-relation-changed',
      endpoint: 'saml',
      handler: '_on_changed',
      observer: 'SamlRequires',
      inherited: false,
      handledBy: {library: 'charms.saml_integrator.v0.saml', class: 'SamlRequires'},
    });
  });

  test('the reset action, observed only through getattr, gets a positioned no-handler warning naming the unresolved call', () => {
    const d = model().diagnostics.find((x) => x.code === 'action-no-handler');
    expect(d).toMatchObject({severity: 'warning', file: 'charmcraft.yaml', line: 78, column: 1});
    expect(d!.message).toContain('`reset`');
    expect(d!.message).toContain('src/charm.py:68');
  });

  test('the getattr(self.on, name) observe stays unresolved', () => {
    expect(eventAt(model(), 'src/charm.py', 68)).toMatchObject({
      name: null,
      resolved: false,
      kind: 'unknown',
      handlerExpression: 'handler',
    });
  });

  test('the getattr(self.on, name) observe has handler null (handler is not a method reference)', () => {
    expect(eventAt(model(), 'src/charm.py', 68).handler).toBeNull();
  });

  test('Pebble layers of EXPECTED.md', () => {
    const m = model();
    expect(layerAt(m, 'src/layers/app.yaml', 1)).toMatchObject({origin: 'yaml', container: 'app', computed: false});
    expect(layerAt(m, 'src/layers/app.yaml', 1).services.map((s) => s.name)).toEqual(['app']);
    expect(layerAt(m, 'src/layers/app.yaml', 1).checks).toMatchObject([{name: 'app-http', type: 'http'}]);
    const logrotate = layerAt(m, 'src/charm.py', 74);
    expect(logrotate).toMatchObject({origin: 'python', container: 'app', computed: false});
    expect(logrotate.services).toMatchObject([{name: 'logrotate', after: ['app']}]);
    const worker = layerAt(m, 'src/pebble_layers.py', 16);
    expect(worker).toMatchObject({container: 'worker'});
    expect(worker.services).toMatchObject([{name: 'worker', computed: ['command']}]);
    expect(worker.checks).toMatchObject([{name: 'worker-alive', type: 'exec'}]);
    const exporter = layerAt(m, 'src/pebble_layers.py', 40);
    expect(exporter).toMatchObject({container: 'worker', computed: true});
    expect(exporter.services.map((s) => s.name)).toEqual(['exporter']);
    expect(exporter.services[0]!.command).toBe('/usr/bin/worker-exporter --listen :9300');
  });

  test('Traefik and HAProxy dicts are not Pebble layers', () => {
    const names = model().pebble.flatMap((l) => l.services.map((s) => s.name));
    expect(names).not.toContain('app-service');
    expect(names).not.toContain('metrics');
    expect(
      model()
        .pebble.map((l) => `${l.file}:${l.line}`)
        .sort(),
    ).toEqual(['src/charm.py:74', 'src/layers/app.yaml:1', 'src/pebble_layers.py:16', 'src/pebble_layers.py:40']);
  });
});

describe('flask-app (flask-framework extension)', () => {
  const model = (): CharmModel => byName('flask-app');

  test('container and resource come from the extension', () => {
    expect(model().extensions).toEqual([
      {name: 'flask-framework', framework: 'flask', charmBaseClass: 'paas_charm.flask.Charm'},
    ]);
    expect(model().containers).toEqual([
      expect.objectContaining({name: 'flask-app', resource: 'flask-app-image', origin: 'extension:flask-framework'}),
    ]);
    expect(model().resources).toEqual([
      expect.objectContaining({name: 'flask-app-image', type: 'oci-image', origin: 'extension:flask-framework'}),
    ]);
    expect(model().kind).toBe('kubernetes');
  });

  test("the charm's own declarations keep origin charm", () => {
    expect(model().endpoints.find((e) => e.name === 'postgresql')).toMatchObject({origin: 'charm', line: 20});
    expect(model().config.find((o) => o.name === 'greeting')).toMatchObject({
      origin: 'charm',
      default: 'Hello, world!',
    });
  });

  test('every event is inherited from paas-charm, marked so', () => {
    const events = model().events;
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(e).toMatchObject({inherited: true, resolved: true});
      expect(e.inheritedFrom).toMatch(/^paas-charm /);
    }
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'config-changed',
        'flask-app-pebble-ready',
        'rotate-secret-key-action',
        'postgresql-relation-broken',
        'database-created',
      ]),
    );
    expect(events.find((e) => e.name === 'flask-app-pebble-ready')).toMatchObject({
      container: 'flask-app',
      kind: 'workload',
    });
  });

  test('the secret option of the extension has no default', () => {
    expect(model().config.find((o) => o.type === 'secret')).not.toHaveProperty('default');
  });
});

describe('legacy-split layout', () => {
  const model = (): CharmModel => byName('legacy-split');

  test('metadata.yaml holds the metadata; config.yaml and actions.yaml the config and actions', () => {
    const m = model();
    expect(m.layout).toBe('legacy');
    expect(m.name).toBe('wiki-k8s');
    expect(m.displayName).toBe('Wiki');
    expect(m.config.map((o) => o.name)).toEqual([
      'site-title',
      'search-enabled',
      'page-cache-seconds',
      'admin-password',
    ]);
    expect(m.config.find((o) => o.name === 'admin-password')).not.toHaveProperty('default');
    expect(m.actions.map((a) => a.name)).toEqual(['reindex', 'export-pages']);
    expect(m.actions[1]!.params).toEqual([expect.objectContaining({name: 'path', required: true})]);
    expect(m.sources).toEqual(
      expect.arrayContaining(['metadata.yaml', 'config.yaml', 'actions.yaml', 'charmcraft.yaml']),
    );
  });

  test('bases come from the build-only charmcraft.yaml', () => {
    expect(model().bases).toEqual([{name: 'ubuntu@22.04', architectures: ['amd64', 'arm64']}]);
  });

  test('links from the legacy top-level keys', () => {
    expect(model().links).toEqual({
      website: ['https://wiki.example.org'],
      source: ['https://github.com/example/wiki-k8s-operator'],
      issues: ['https://github.com/example/wiki-k8s-operator/issues'],
      documentation: 'https://discourse.charmhub.io/t/wiki-k8s-docs/77777',
      contact: ['Wiki Team <wiki@example.org>'],
    });
  });
});

describe('two-charms monorepo', () => {
  const root = join(FIXTURE_CHARMS, 'two-charms');

  test('findCharms finds both charms', () => {
    expect(findCharms(root)).toEqual(['charms/backend', 'charms/frontend']);
  });

  test("scanning backend does not include the frontend's files (and vice versa)", () => {
    const backend = byName('two-charms-backend');
    const frontend = byName('two-charms-frontend');
    expect(backend.sources.some((s) => s.includes('frontend'))).toBe(false);
    expect(frontend.sources.some((s) => s.includes('backend'))).toBe(false);
    expect(backend.events.every((e) => !e.file.includes('frontend'))).toBe(true);
  });

  test('a charm listing the repository root does not descend into a sibling charm', () => {
    const sources = new CharmSources(root);
    const py = sources.list('', (n) => n.endsWith('.py'));
    // The repository root is not a charm: both charms are other charms' directories.
    expect(py).toEqual([]);
    const backendPy = new CharmSources(join(root, 'charms/backend')).list('', (n) => n.endsWith('.py'));
    expect(backendPy).toEqual(['src/charm.py']);
  });

  test('a listing told when it has its answer stops there, in walk order (rocks: "more than one charm here?")', () => {
    const sources = new CharmSources(root);
    const isCharmFile = (n: string): boolean => n === 'charmcraft.yaml' || n === 'metadata.yaml';
    const all = sources.list('', isCharmFile, {maxDepth: 4, stopAtCharms: false});
    expect(all.length).toBeGreaterThan(1);
    const first = sources.list('', isCharmFile, {maxDepth: 4, stopAtCharms: false, until: (found) => found.length > 0});
    expect(first).toEqual(all.slice(0, 1));
  });

  test('the rock at rocks/backend is matched to the backend container, not to the frontend', () => {
    expect(byName('two-charms-backend').rocks).toEqual([
      expect.objectContaining({
        name: 'shop-backend',
        path: '../../rocks/backend/rockcraft.yaml',
        container: 'backend',
        resource: 'backend-image',
      }),
    ]);
    expect(byName('two-charms-frontend').rocks).toEqual([]);
  });
});

describe('reactive charm', () => {
  test('framework reactive, no events, no Python facts', () => {
    const m = byName('reactive');
    expect(m.framework).toBe('reactive');
    expect(m.events).toEqual([]);
    expect(m.charmClasses).toEqual([]);
    expect(m.pebble).toEqual([]);
    expect(m.sources.some((s) => s.endsWith('.py'))).toBe(false);
    expect(m.endpoints.map((e) => e.name).sort()).toEqual(['cluster', 'db', 'website']);
  });
});

describe('hostile charm', () => {
  const SECRETS = [
    'hunter2',
    'hunter2-should-never-appear',
    'tok_live_should-never-appear',
    's3cr3t-should-never-appear',
    'secret:hunter2-secret-default-should-never-appear',
    'should-never-appear',
  ];

  test('environment values and secret defaults never appear anywhere in the model', () => {
    const text = JSON.stringify(loadCharm(join(FIXTURE_CHARMS, 'hostile')));
    for (const s of SECRETS) expect(text).not.toContain(s);
  });

  test('environment variable names are kept', () => {
    const env = byName('hostile').pebble.flatMap((l) => l.services.flatMap((s) => s.environment));
    expect(env.sort()).toEqual(['API_TOKEN', 'DB_PASSWORD', 'GREETING', 'SECRET_KEY']);
  });

  test('the secret option is listed without its default', () => {
    const option = byName('hostile').config.find((o) => o.name === 'admin-password');
    expect(option).toMatchObject({type: 'secret'});
    expect(option).not.toHaveProperty('default');
  });
});
