/**
 * The loop and library-object patterns of test/fixtures/charms/library-loops/EXPECTED.md, one
 * assertion each (the whole reviewed model is test/fixtures/expected/library-loops.json).
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/index.js';
import type {CharmModel} from '../../src/model/index.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

let model: CharmModel;
beforeAll(() => {
  model = loadCharm(join(FIXTURE_CHARMS, 'library-loops'));
});

/** Name, handler and handling class of the events observed at one line. */
const at = (file: string, line: number): Array<[string | null, string | null, string | undefined]> =>
  model.events.filter((e) => e.file === file && e.line === line).map((e) => [e.name, e.handler, e.handledBy?.class]);

describe('library-loops fixture', () => {
  test('a loop over self.model.relations observes every endpoint the metadata declares, in its order', () => {
    expect(at('src/lifecycle.py', 18)).toEqual(
      ['database', 'certificates', 'logging', 'metrics-endpoint', 'self-metrics-endpoint', 'cluster', 'upgrade'].map(
        (e) => [`${e}-relation-departed`, '_on_departed', undefined],
      ),
    );
  });

  test('a branch whose condition is false for every endpoint observes nothing', () => {
    expect(at('src/lifecycle.py', 16)).toEqual([]);
  });

  test('events passed as a list, and the library default when none are passed', () => {
    expect(at('lib/charms/acme_metrics/v0/scrape.py', 29)).toEqual([
      ['config-changed', '_set_jobs', 'MetricsProvider'],
      ['leader-elected', '_set_jobs', 'MetricsProvider'],
      ['update-status', '_set_jobs', 'MetricsProvider'],
    ]);
    expect(at('lib/charms/acme_metrics/v0/scrape.py', 19)).toEqual([
      ['metrics-endpoint-relation-joined', '_set_jobs', 'MetricsProvider'],
      ['self-metrics-endpoint-relation-joined', '_set_jobs', 'MetricsProvider'],
    ]);
  });

  test('one event passed alone is a list of one', () => {
    expect(at('lib/charms/acme_logs/v0/forwarder.py', 20)).toEqual([
      ['upgrade-charm', '_update_logging', 'LogForwarder'],
    ]);
  });

  test('getattr over the containers the metadata declares, with an f-string or str.format', () => {
    expect(at('lib/charms/acme_logs/v0/forwarder.py', 23)).toEqual([
      ['web-pebble-ready', '_on_pebble_ready', 'LogForwarder'],
      ['sidecar-proxy-pebble-ready', '_on_pebble_ready', 'LogForwarder'],
    ]);
    expect(at('lib/charms/acme_logs/v0/forwarder.py', 29)).toEqual([
      ['web-pebble-custom-notice', '_on_notice', 'LogForwarder'],
      ['sidecar-proxy-pebble-custom-notice', '_on_notice', 'LogForwarder'],
    ]);
  });

  test('a library object built by another library object handles its events', () => {
    expect(at('lib/charms/acme_certs/v0/certs.py', 25)).toEqual([
      ['certificates-relation-changed', '_on_relation_changed', 'CertRequires'],
    ]);
    expect(at('lib/charms/acme_certs/v0/certs.py', 26)).toEqual([
      ['secret-expired', '_on_secret_expired', 'CertRequires'],
    ]);
    expect(at('lib/charms/acme_certs/v0/wrapper.py', 20)).toEqual([]);
  });

  test('the relation named through the object`s relation data, bases initialised by Base.__init__(self, ...)', () => {
    expect(at('lib/charms/acme_db/v0/database.py', 35)).toEqual([
      ['database-relation-changed', '_on_relation_changed', 'DatabaseRequires'],
    ]);
    expect(at('lib/charms/acme_db/v0/database.py', 36)).toEqual([
      ['database-relation-created', '_on_relation_created', 'DatabaseRequires'],
    ]);
  });

  test('`**kwargs` passed on: a keyword the charm gave reaches the library base, one it did not keeps its default', () => {
    expect(at('lib/charms/acme_upgrade/v0/upgrade.py', 17)).toEqual([
      ['upgrade-relation-changed', '_on_upgrade_changed', 'LoopsUpgrade'],
    ]);
    expect(at('lib/charms/acme_upgrade/v0/upgrade.py', 19)).toEqual([
      ['resume-upgrade-action', '_on_resume_upgrade_action', 'LoopsUpgrade'],
    ]);
  });

  test('a set comprehension over the policies the charm passes: one event per distinct relation', () => {
    expect(at('lib/charms/acme_mesh/v0/mesh.py', 30)).toEqual([
      ['database-relation-broken', '_on_relation_broken', 'MeshConsumer'],
      ['logging-relation-broken', '_on_relation_broken', 'MeshConsumer'],
    ]);
  });

  test('the charm`s own observer stays the charm`s, and nothing is left unnamed', () => {
    expect(at('src/charm.py', 28)).toEqual([['web-pebble-ready', '_on_web_pebble_ready', undefined]]);
    expect(model.events.filter((e) => !e.resolved)).toEqual([]);
    expect(model.diagnostics).toEqual([]);
  });
});

describe('one-container fixture', () => {
  test('no refresh event passed: the library default is the only container`s pebble-ready (no `series`, one container)', () => {
    const probe = loadCharm(join(FIXTURE_CHARMS, 'one-container'));
    expect(probe.events.map((e) => [e.file, e.line, e.name, e.container, e.handledBy?.class])).toEqual([
      ['lib/charms/acme_probes/v0/probes.py', 25, 'probe-agent-pebble-ready', 'probe-agent', 'ProbesProvider'],
    ]);
  });
});
