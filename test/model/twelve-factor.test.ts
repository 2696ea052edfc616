/**
 * 12-factor charms: the rock built with a `*-framework` Rockcraft extension is the image of the
 * extension's container, whose services are the extension's merged with the rock's own
 * (fixture: test/fixtures/charms/twelve-factor, README.md there says what is expected).
 */
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import type {CharmModel, PebbleService} from '../../src/model/types.js';
import {FIXTURE_CHARMS, normaliseModel} from './model-helpers.js';

const dir = join(FIXTURE_CHARMS, 'twelve-factor/charm');
let model: CharmModel;
beforeAll(() => {
  model = normaliseModel(loadCharm(dir), dir);
});

const servicesOf = (container: string): PebbleService[] =>
  model.pebble.filter((l) => l.container === container).flatMap((l) => l.services);

describe('twelve-factor (django-framework, rock at the repository root)', () => {
  test('the django-framework rock is the image of container django-app, and says why', () => {
    expect(model.rocks.find((r) => r.name === 'shop')).toMatchObject({
      path: '../rockcraft.yaml',
      extensions: ['django-framework'],
      container: 'django-app',
      resource: 'django-app-image',
      matchedBy:
        'the only rock built with the django-framework extension, whose charm runs it in container `django-app`',
    });
    expect(model.rocks.find((r) => r.name === 'nginx')).not.toHaveProperty('container');
  });

  test("the container runs the rock's services merged with the extension's", () => {
    expect(servicesOf('django-app').map((s) => s.name)).toEqual(['django', 'celery-worker', 'statsd-exporter']);
  });

  test("the user's command wins; the extension keeps startup, user and after", () => {
    expect(servicesOf('django-app').find((s) => s.name === 'django')).toMatchObject({
      command: '/bin/python3 -m gunicorn -c /django/gunicorn.conf.py shop.wsgi:application',
      computed: [],
      override: 'replace',
      startup: 'enabled',
      user: '_daemon_',
      after: ['statsd-exporter'],
      environment: ['DJANGO_SETTINGS_MODULE'],
      line: 13,
    });
  });

  test("the extension-only service sits at the extension's line in rockcraft.yaml", () => {
    expect(servicesOf('django-app').find((s) => s.name === 'statsd-exporter')).toMatchObject({
      override: 'merge',
      line: 10,
    });
  });

  test('no service is left in a container-less layer for this rock, and no warning', () => {
    expect(model.pebble.filter((l) => l.file === '../rockcraft.yaml').map((l) => l.container)).toEqual(['django-app']);
    expect(model.diagnostics).toEqual([]);
  });

  test('the main class is the one main() runs unconditionally under __main__', () => {
    expect(model.charmClasses.map((c) => c.name)).toEqual(['ShopCharm']);
  });
});

describe('12-factor charm without its rock in the repository (flask-app)', () => {
  test("the container runs the flask-framework extension's services, placed at charmcraft.yaml extensions:", () => {
    const m = loadCharm(join(FIXTURE_CHARMS, 'flask-app'));
    const layer = m.pebble.find((l) => l.container === 'flask-app');
    expect(layer).toMatchObject({
      file: 'charmcraft.yaml',
      line: 17,
      origin: 'rockcraft',
      label: 'flask-framework (Rockcraft extension)',
    });
    expect(layer!.services.map((s) => [s.name, s.computed])).toEqual([
      ['flask', ['command']],
      ['statsd-exporter', []],
    ]);
    expect(layer!.services[0]!.command).toContain('/bin/python3 -m gunicorn -c /flask/gunicorn.conf.py');
  });
});
