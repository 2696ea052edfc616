/**
 * Which rock is a container's image when names do not say: artifacts.yaml's resource -> rock map,
 * and a 12-factor charm whose only rock is built without the framework's Rockcraft extension.
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/index.js';
import {FIXTURE_CHARMS} from './model-helpers.js';

describe('rock of a 12-factor app container', () => {
  test('artifacts.yaml maps the image resource to a rock: that rock, not the first by path, and no ambiguity warning', () => {
    const model = loadCharm(join(FIXTURE_CHARMS, 'rock-choice/charm'));
    expect(model.rocks.map((r) => [r.name, r.container, r.resource, r.matchedBy])).toEqual([
      ['bakery', 'flask-app', 'flask-app-image', 'artifacts.yaml builds resource `flask-app-image` from rock `bakery`'],
    ]);
    expect(model.pebble.map((l) => [l.container, l.file, l.services.map((s) => s.name)])).toEqual([
      ['flask-app', '../order_site/rockcraft.yaml', ['oven-scheduler', 'flask', 'statsd-exporter']],
    ]);
    expect(model.diagnostics).toEqual([]);
    expect(model.sources).toContain('../artifacts.yaml');
  });

  test('the only rock, built without the go-framework extension, is the app image; its service replaces the framework`s', () => {
    const model = loadCharm(join(FIXTURE_CHARMS, 'plain-rock/charm'));
    expect(model.rocks.map((r) => [r.name, r.container, r.resource, r.matchedBy])).toEqual([
      [
        'notes',
        'app',
        'app-image',
        'the only rock in the repository, built without the go-framework extension: the charm runs its app in container `app`',
      ],
    ]);
    expect(model.pebble.map((l) => [l.container, l.file, l.services.map((s) => [s.name, s.command])])).toEqual([
      ['app', '../notes_rock/rockcraft.yaml', [['go', '/app/notes serve']]],
    ]);
  });
});
