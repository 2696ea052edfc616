/**
 * The patterns of test/fixtures/charms/returned-names/EXPECTED.md and shared-substrate/EXPECTED.md,
 * one assertion each (the whole reviewed models are in test/fixtures/expected/).
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/index.js';
import type {CharmModel} from '../../src/model/index.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

let model: CharmModel;
let machine: CharmModel;
beforeAll(() => {
  model = loadCharm(join(FIXTURE_CHARMS, 'returned-names'));
  machine = loadCharm(join(FIXTURE_CHARMS, 'shared-substrate'));
});

/** Name, handler and handling class of the events observed at one line. */
const at = (m: CharmModel, file: string, line: number): Array<[string | null, string | null, string | undefined]> =>
  m.events.filter((e) => e.file === file && e.line === line).map((e) => [e.name, e.handler, e.handledBy?.class]);

describe('returned-names fixture', () => {
  test('a container named by a method that validates and returns its argument', () => {
    expect(at(model, 'lib/charms/acme_logproxy/v0/logproxy.py', 24)).toEqual([
      ['worker-pebble-ready', '_on_pebble_ready', 'LogProxy'],
    ]);
  });

  test('the keys of a dict comprehension a property returns', () => {
    expect(at(model, 'lib/charms/acme_logproxy/v0/logproxy.py', 54)).toEqual([
      ['web-pebble-ready', '_on_ready', 'SchemeLogProxy'],
    ]);
  });

  test('a relation named by a method returning a constant, then read back as the object`s attribute', () => {
    expect(at(model, 'lib/charms/acme_tls/v0/certs.py', 17)).toEqual([
      ['certificates-relation-changed', '_on_changed', 'CertRequirer'],
    ]);
    expect(at(model, 'lib/charms/acme_data/v0/data.py', 34)).toEqual([
      ['backend-relation-changed', '_on_relation_changed', 'RequirerEventHandlers'],
      ['certificates-relation-changed', '_on_relation_changed', 'RequirerEventHandlers'],
    ]);
  });

  test('self.on[...] keyed by what a charm method returns', () => {
    expect(at(model, 'src/charm.py', 28)).toEqual([['cluster-relation-joined', '_on_peer_joined', undefined]]);
    expect(at(model, 'src/charm.py', 29)).toEqual([['web-pebble-ready', '_on_main_ready', undefined]]);
  });

  test('a method returning a config value, or calling itself, leaves the event unnamed, never guessed', () => {
    for (const line of [30, 31]) {
      const events = model.events.filter((e) => e.file === 'src/charm.py' && e.line === line);
      expect(events.map((e) => [e.name, e.resolved, e.handler])).toEqual([[null, false, '_on_configured']]);
    }
  });

  test('observe calls in a list comprehension over a literal list of events', () => {
    expect(at(model, 'src/charm.py', 33)).toEqual([
      ['config-changed', '_reconcile', undefined],
      ['update-status', '_reconcile', undefined],
      ['api-relation-joined', '_reconcile', undefined],
    ]);
  });

  test('the declared action has its handler: no action-no-handler', () => {
    expect(at(model, 'src/charm.py', 36)).toEqual([['rotate-keys-action', '_on_rotate_keys', undefined]]);
    expect(model.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe('shared-substrate fixture (a machine charm running observers shared with Kubernetes)', () => {
  test('Pebble events behind a runtime substrate check are not listed', () => {
    expect(machine.kind).toBe('machine');
    expect(machine.events.map((e) => [e.line, e.name])).toEqual([
      [20, 'restart-action'],
      [14, 'start'],
      [18, 'cluster-relation-changed'],
    ]);
  });

  test('each one is a warning at its observe call that says why', () => {
    expect(machine.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ['undeclared-name', 'warning', 'src/workload_events.py', 16, 36],
      ['undeclared-name', 'warning', 'src/workload_events.py', 17, 36],
    ]);
    expect(machine.diagnostics[0]!.message).toContain('declares no container: Juju never delivers it');
  });
});
