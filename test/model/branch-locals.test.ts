/**
 * Local names assigned in branches (test/fixtures/charms/branch-locals/EXPECTED.md): a field built
 * from a name that differs by branch is computed, never one branch's value; a branch that cannot run
 * is ignored; straight-line code keeps its last assignment. The whole reviewed model is in
 * test/fixtures/expected/branch-locals.json.
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/index.js';
import type {CharmModel, PebbleLayer} from '../../src/model/index.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

let model: CharmModel;
beforeAll(() => {
  model = loadCharm(join(FIXTURE_CHARMS, 'branch-locals'));
});

const layer = (container: string): PebbleLayer => model.pebble.find((l) => l.container === container)!;
const service = (container: string) => layer(container).services[0]!;

describe('a helper that assigns its locals in branches (pgbouncer _generate_monitoring_service)', () => {
  test('the command set in if/else is computed, not the else branch`s "true"', () => {
    expect(service('exporter')).toMatchObject({name: 'metrics_server', command: 'command', startup: 'startup'});
    expect(service('exporter').computed).toEqual(['command', 'startup']);
  });

  test('a re-assignment under `if False:` cannot run: the value before it is literal', () => {
    expect(service('exporter')).toMatchObject({user: 'postgres', summary: 'pooler metrics exporter'});
  });
});

describe('a helper with straight-line assignments, a loop and try/except', () => {
  test('the last straight-line assignment is the literal command', () => {
    expect(service('pooler').command).toBe('pgbouncer -R /etc/pgbouncer/pgbouncer.ini');
  });

  test('a name re-assigned in a loop body or in try/except is computed', () => {
    expect(service('pooler')).toMatchObject({summary: 'summary', workingDir: 'workdir'});
    expect(service('pooler').computed).toEqual(['summary', 'workingDir']);
  });

  test('a branch that ends in `raise` does not reach past it: the override stays literal', () => {
    expect(service('pooler').override).toBe('replace');
  });

  test('a name re-assigned in one branch only holds either value (level computed); read inside `try`, only what precedes it reaches', () => {
    expect(layer('pooler').checks.map((c) => [c.name, c.level, c.computed])).toEqual([
      ['pooler-up', 'level', ['level']],
      ['admin-up', 'ready', []],
    ]);
  });
});

describe('a helper with match, tuple unpacking, +=, finally and while', () => {
  const admin = () => layer('pooler').services.find((s) => s.name === 'admin')!;

  test('a name set in each `case` (one of them `case _:`) is computed; so are `a, b = ...`, `x += ...` and a `while` body`s', () => {
    expect(admin()).toMatchObject({command: 'command', startup: 'startup', user: 'user', workingDir: 'workdir'});
    expect(admin().computed).toEqual(['command', 'startup', 'user', 'workingDir']);
  });

  test('`finally` always runs: its assignment is the literal value', () => {
    expect(admin().summary).toBe('admin console');
  });
});

test('a container name re-assigned under `if TYPE_CHECKING:` names the event from the value that runs', () => {
  expect(model.events.map((e) => [e.name, e.line])).toEqual([
    ['pooler-pebble-ready', 19],
    ['exporter-pebble-ready', 20],
  ]);
});
