/**
 * The observe and layer patterns of test/fixtures/charms/patterns/EXPECTED.md, one assertion each
 * (the whole reviewed model is test/fixtures/expected/patterns.json, checked by fixtures.test.ts).
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import type {CharmModel, ObservedEvent} from '../../src/model/types.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

let model: CharmModel;
beforeAll(() => {
  model = loadCharm(join(FIXTURE_CHARMS, 'patterns'));
});

const at = (file: string, line: number): ObservedEvent[] =>
  model.events.filter((e) => e.file === file && e.line === line);
const layer = (file: string, line: number) => model.pebble.find((l) => l.file === file && l.line === line);

describe('patterns fixture', () => {
  test('a module bound by `import s3_backup`: its class is the emitter, its constant the relation', () => {
    expect(at('src/charm.py', 24)).toEqual([
      expect.objectContaining({
        name: 'credentials-changed',
        kind: 'custom',
        emitter: {expression: 'self.backup', class: 'BackupRequirer', library: 's3_backup', relation: 'backup'},
      }),
    ]);
    expect(at('src/charm.py', 25)).toEqual([
      expect.objectContaining({name: 'backup-relation-broken', kind: 'relation', endpoint: 'backup'}),
    ]);
  });

  test('an EventSource attribute with a leading underscore has no leading hyphen', () => {
    expect(at('src/charm.py', 26).map((e) => e.name)).toEqual(['restore-done']);
  });

  test('a CapWords string constant from a charm library names the relation', () => {
    expect(at('src/charm.py', 28)).toEqual([
      expect.objectContaining({name: 'cluster-relation-changed', endpoint: 'cluster', resolved: true}),
    ]);
  });

  test('one observe call over two library objects: two entries, each with its emitter and the relation bound to relationship_name', () => {
    expect(at('src/charm.py', 33).map((e) => [e.name, e.emitter?.expression, e.emitter?.relation])).toEqual([
      ['certificate-available', 'self.peer_certs', 'certificates'],
      ['certificate-available', 'self.client_certs', 'client-certificates'],
    ]);
  });

  test('`ready` from three ingress objects of a module imported from a charms namespace package', () => {
    expect(
      at('src/charm.py', 39).map((e) => [e.name, e.emitter?.expression, e.emitter?.class, e.emitter?.relation]),
    ).toEqual([
      ['ready', 'self.public', 'IngressRequirer', 'ingress-public'],
      ['ready', 'self.admin', 'IngressRequirer', 'ingress-admin'],
      ['ready', 'self.metrics', 'IngressRequirer', 'ingress-metrics'],
    ]);
  });

  test('a helper that sets `self.charm.db` observes `charm.db.on.database_created`', () => {
    expect(at('src/database.py', 11)).toEqual([
      expect.objectContaining({
        name: 'database-created',
        emitter: {
          expression: 'charm.db',
          class: 'DatabaseRequires',
          library: 'charms.data_platform_libs.v0.data_interfaces',
          relation: 'database',
        },
      }),
    ]);
  });

  test('the relation event the library object observes itself is handled by the library', () => {
    expect(at('lib/charms/data_platform_libs/v0/data_interfaces.py', 26)).toEqual([
      expect.objectContaining({
        name: 'database-relation-created',
        handler: '_on_created',
        handledBy: {library: 'charms.data_platform_libs.v0.data_interfaces', class: 'DatabaseRequires'},
      }),
    ]);
  });

  test('the library base class handles `rotate`: no action-no-handler warning', () => {
    expect(at('lib/charms/acme_base/v0/base.py', 14)).toEqual([
      expect.objectContaining({name: 'rotate-action', inherited: true}),
    ]);
    expect(model.diagnostics).toEqual([]);
  });

  test('the library base class adds its layer to the container named after the charm', () => {
    expect(layer('lib/charms/acme_base/v0/base.py', 24)).toMatchObject({
      container: 'patterns-k8s',
      label: 'base',
      services: [expect.objectContaining({name: 'supervisor', command: '/usr/bin/supervisor'})],
    });
  });

  test('layer["checks"] = ... and layer.update({...}) update the one layer', () => {
    expect(layer('src/workload/layers.py', 6)).toMatchObject({
      container: 'app',
      label: 'app',
      computed: false,
      checks: [expect.objectContaining({name: 'alive', target: 'http://localhost:8080/health'})],
      logTargets: [expect.objectContaining({name: 'loki'})],
    });
    expect(model.pebble.filter((l) => l.file === 'src/workload/layers.py').map((l) => l.line)).toEqual([6, 21]);
  });

  test('services added in a loop under a computed name: the layer is computed, the literal service kept', () => {
    const workers = layer('src/workload/layers.py', 21)!;
    expect(workers).toMatchObject({label: 'workers', computed: true});
    expect(workers.services.map((s) => [s.name, s.computed])).toEqual([
      ['f"worker-{i}"', ['name', 'command']],
      ['scheduler', []],
    ]);
  });

  test('a dict with a `services` key that never reaches add_layer is not a layer', () => {
    expect(model.pebble.flatMap((l) => l.services.map((s) => s.name))).not.toContain('web');
  });
});
