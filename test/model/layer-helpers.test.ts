/**
 * Pebble layers as charms hand them around: a helper that takes the container and the layer as
 * parameters (its callers place the layer), a container reached through a property, checks returned
 * by a helper method (read with the call's arguments), checks from an installed package's function
 * (computed: its keyword arguments are no checks), and `layer.update({...})` (the same layer, not a
 * second one), environment names set after the dict is built, workload classes given their container
 * when built, each with a `layer` property of the same name, and charmed-kubeflow-chisme's
 * `update_layer(...)`. fixtures.test.ts compares the whole model with test/fixtures/expected/layer-helpers.json.
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

const DIR = join(FIXTURE_CHARMS, 'layer-helpers');
const model = loadCharm(DIR);

describe('layers handed to helpers', () => {
  test('each layer is placed in the container its caller passes, with the caller`s label', () => {
    expect(model.pebble.map((l) => [l.container, l.label, l.line, l.services.map((s) => s.name)])).toEqual([
      ['ledger', 'ledger', 50, ['ledger']],
      ['exporter', 'exporter', 82, ['exporter']],
      ['worker', 'worker', 106, ['worker', 'worker-metrics', 'worker-logs']],
      ['archive', 'archive', 124, ['archive']],
      ['cache', 'cache', 24, ['cache']],
      ['proxy', 'proxy', 45, ['proxy']],
    ]);
  });

  test('`layer.update({"checks": ...})` adds its checks to that layer and is no layer of its own', () => {
    const ledger = model.pebble.find((l) => l.container === 'ledger')!;
    expect(ledger.checks.map((c) => [c.name, c.type, c.level, c.target])).toEqual([
      ['ledger-up', 'http', 'alive', 'http://localhost:8000/health'],
    ]);
    expect(model.pebble.filter((l) => l.checks.some((c) => c.name === 'ledger-up'))).toHaveLength(1);
  });

  test('checks returned by a helper method are read with the arguments of the call', () => {
    const exporter = model.pebble.find((l) => l.container === 'exporter')!;
    expect(exporter.checks.map((c) => [c.name, c.type, c.level, c.target, c.computed])).toEqual([
      ['exporter-up', 'tcp', 'ready', '9100', []],
    ]);
  });

  test('checks from a function the model cannot read make the layer computed, with no check named after an argument', () => {
    const worker = model.pebble.find((l) => l.container === 'worker')!;
    expect(worker.checks).toEqual([]);
    expect(worker.computed).toBe(true);
  });

  test('environment names come from a helper`s dict, from entries set after the dict is built, and a computed name marks it computed', () => {
    const env = (container: string): [string[], boolean] => {
      const service = model.pebble.find((l) => l.container === container)!.services[0]!;
      return [service.environment, service.computed.includes('environment')];
    };
    expect(env('ledger')).toEqual([['LEDGER_DATA', 'HTTP_PROXY'], false]);
    expect(env('worker')).toEqual([['LEDGER_URL'], true]);
  });
});

describe('services written as a helper`s call', () => {
  const worker = model.pebble.find((l) => l.container === 'worker')!;
  const service = (name: string) => worker.services.find((s) => s.name === name)!;

  test('a helper returning one dict gives the service its fields', () => {
    expect(service('worker-logs')).toMatchObject({command: 'ledger-logs --follow', startup: 'disabled', computed: []});
  });

  test('a helper whose local depends on a branch is followed: that field is computed, never one branch`s value', () => {
    expect(service('worker-metrics')).toMatchObject({
      command: 'command',
      startup: 'enabled',
      override: 'replace',
      computed: ['command'],
    });
  });
});

describe('a machine charm sharing its workload module with a Kubernetes sibling', () => {
  test('the Pebble layer that module builds for the sibling`s container is not this charm`s workload', () => {
    const machine = loadCharm(join(FIXTURE_CHARMS, 'machine-shared-workload'));
    expect(machine.kind).toBe('machine');
    expect(machine.sources).toContain('src/workload.py');
    expect(machine.pebble).toEqual([]);
  });
});
