/**
 * Library objects that a function the charm calls constructs (test/fixtures/charms/factories/EXPECTED.md),
 * one assertion per pattern; the whole reviewed model is test/fixtures/expected/factories.json.
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import type {CharmModel, ObservedEvent} from '../../src/model/types.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

let model: CharmModel;
beforeAll(() => {
  model = loadCharm(join(FIXTURE_CHARMS, 'factories'));
});

const ROUTE = 'lib/charms/acme_route/v0/route.py';
const BACKUP = 'lib/charms/acme_backup/v0/backup.py';
const at = (file: string, line: number): ObservedEvent[] =>
  model.events.filter((e) => e.file === file && e.line === line);
const summary = (e: ObservedEvent) => [
  e.name,
  e.handler,
  e.handledBy?.class,
  e.handledBy?.factory?.function,
  e.handledBy?.factory?.observedBy ?? null,
];

describe('factories fixture', () => {
  test('a library function called for its side effect: its object observes the relation, left to the default', () => {
    expect(at(ROUTE, 17).find((e) => e.name === 'route-relation-changed')).toMatchObject({
      kind: 'relation',
      endpoint: 'route',
      handler: '_reconcile',
      handledBy: {
        library: 'charms.acme_route.v0.route',
        class: 'RouteRequirer',
        factory: {function: 'require_route', module: 'charms.acme_route.v0.route'},
      },
    });
  });

  test('the relation the charm passes reaches the object through two functions and a local name', () => {
    const admin = at(ROUTE, 17).find((e) => e.endpoint === 'admin-route');
    expect(admin).toMatchObject({
      name: 'admin-route-relation-changed',
      handledBy: {class: 'RouteRequirer', factory: {function: 'admin_route', module: 'routes'}},
    });
    // Built unconditionally: no alternatives to name.
    expect(admin!.handledBy!.factory).toEqual({function: 'admin_route', module: 'routes'});
  });

  test('`X(...) if enabled else None`: the event says the function may return None instead', () => {
    expect(at(ROUTE, 17).find((e) => e.endpoint === 'metrics-route')!.handledBy!.factory).toEqual({
      function: 'optional_route',
      module: 'routes',
      alternatives: ['RouteRequirer', 'None'],
      observedBy: ['RouteRequirer'],
    });
  });

  test('a factory returning one of three classes: the shared base observes for all three', () => {
    expect([...at(BACKUP, 22), ...at(BACKUP, 23)].map(summary)).toEqual([
      [
        's3-credentials-relation-joined',
        '_on_s3_event',
        'BackupBase',
        'backup',
        ['BackupBase', 'FullBackup', 'ReplicaBackup'],
      ],
      [
        's3-credentials-relation-broken',
        '_on_s3_event',
        'BackupBase',
        'backup',
        ['BackupBase', 'FullBackup', 'ReplicaBackup'],
      ],
      [
        'create-backup-action',
        '_on_backup_action',
        'BackupBase',
        'backup',
        ['BackupBase', 'FullBackup', 'ReplicaBackup'],
      ],
    ]);
    expect(at(BACKUP, 22)[0]!.handledBy!.factory!.alternatives).toEqual(['BackupBase', 'FullBackup', 'ReplicaBackup']);
  });

  test('an observe only one alternative runs names that alternative alone', () => {
    expect([...at(BACKUP, 39), ...at(BACKUP, 40), ...at(BACKUP, 54)].map(summary)).toEqual([
      ['s3-credentials-relation-changed', '_on_s3_changed', 'FullBackup', 'backup', ['FullBackup']],
      ['restore-action', '_on_restore_action', 'FullBackup', 'backup', ['FullBackup']],
      ['s3-credentials-relation-changed', '_on_s3_refused', 'ReplicaBackup', 'backup', ['ReplicaBackup']],
    ]);
  });

  test('a library function that observes for the charm: its observe call runs with the handler the charm passes', () => {
    expect(at(ROUTE, 61)).toEqual([
      expect.objectContaining({
        name: 'route-ready',
        kind: 'library',
        handler: '_on_route_ready',
        handlerFile: 'src/charm.py',
        emitter: {
          expression: 'provider',
          class: '_RouteProvider',
          library: 'charms.acme_route.v0.route',
          relation: 'routes',
        },
      }),
    ]);
    // The charm's own handler: not marked as library code.
    expect(at(ROUTE, 61)[0]!.handledBy).toBeUndefined();
    // The private provider class it builds observes the relation the charm named.
    expect(at(ROUTE, 51).map(summary)).toEqual([
      ['routes-relation-changed', '_on_changed', '_RouteProvider', 'provide_route', null],
    ]);
  });

  test('functions nobody calls add no event: no tracing relation event, in lib/ or src/', () => {
    expect(model.events.filter((e) => e.endpoint === 'tracing' || e.name?.startsWith('tracing'))).toEqual([]);
    // Every library-handled event comes from a function the charm calls.
    expect(new Set(model.events.filter((e) => e.handledBy).map((e) => e.handledBy!.factory?.function))).toEqual(
      new Set(['backup', 'require_route', 'admin_route', 'optional_route', 'provide_route']),
    );
  });

  test('the actions a factory-built object observes have a handler; the one observed under a computed name gets the two-sided warning', () => {
    expect(model.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['action-no-handler', 'charmcraft.yaml', 32],
    ]);
    const d = model.diagnostics[0]!;
    expect(d.message).toContain('`rotate`');
    expect(d.message).toContain('Either the charm observes it in code the model cannot follow, or it has no handler.');
    expect(d.message).toContain('first at src/charm.py:24');
    expect(d.hint).toContain('If the charm handles it');
    expect(d.hint).toContain('If nothing handles it, add that observe call, or remove the action');
  });
});
