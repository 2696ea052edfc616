import {
  EXTENSIONS,
  PAAS_CHARM_EVENTS,
  PAAS_CHARM_VERSION,
  CHARMCRAFT_VERSION,
  findExtensionByBaseClass,
  extensionForBase,
  expandDynamicConfig,
  inheritedEventsFor,
} from '../src/model/extensions/catalog.js';
import type {EventKind} from '../src/model/types.js';

const KINDS: EventKind[] = ['lifecycle', 'workload', 'relation', 'action', 'secret', 'storage', 'leader', 'status', 'library'];

describe('extension catalog', () => {
  it('states the versions it reflects', () => {
    expect(PAAS_CHARM_VERSION).toMatch(/^1\.12\.0 \(commit [0-9a-f]{7,}\)/);
    expect(CHARMCRAFT_VERSION).toMatch(/^4\.4\.0 /);
  });

  it('lists the six framework extensions', () => {
    expect(Object.keys(EXTENSIONS).sort()).toEqual([
      'django-framework',
      'expressjs-framework',
      'fastapi-framework',
      'flask-framework',
      'go-framework',
      'spring-boot-framework',
    ]);
    for (const [name, ext] of Object.entries(EXTENSIONS)) {
      expect(ext.name).toBe(name);
      expect(ext.assumes).toEqual(['k8s-api']);
      expect(ext.containers).toHaveLength(1);
      expect(ext.containers[0]!.resource).toBe(ext.resources[0]!.name);
      expect(ext.actions.map((a) => a.name)).toContain('rotate-secret-key');
    }
  });

  it('flask-framework adds flask-app and flask-app-image', () => {
    const flask = EXTENSIONS['flask-framework']!;
    expect(flask.framework).toBe('flask');
    expect(flask.charmBaseClass).toBe('paas_charm.flask.Charm');
    expect(flask.containers).toEqual([{name: 'flask-app', resource: 'flask-app-image', mounts: []}]);
    expect(flask.resources).toEqual([{name: 'flask-app-image', type: 'oci-image', description: 'flask application image.'}]);
    expect(flask.config.find((o) => o.name === 'flask-preferred-url-scheme')?.default).toBe('HTTPS');
    const secret = flask.config.find((o) => o.name === 'flask-secret-key-id');
    expect(secret?.type).toBe('secret');
    expect(secret && 'default' in secret).toBe(false);
  });

  it('uses app / app-image for go, fastapi, expressjs and spring-boot, and on ubuntu@26.04 for all', () => {
    for (const name of ['go-framework', 'fastapi-framework', 'expressjs-framework', 'spring-boot-framework']) {
      expect(EXTENSIONS[name]!.containers[0]!.name).toBe('app');
      expect(EXTENSIONS[name]!.resources[0]!.name).toBe('app-image');
    }
    expect(extensionForBase('django-framework', 'ubuntu@24.04')!.containers[0]!.name).toBe('django-app');
    expect(extensionForBase('django-framework', 'ubuntu@26.04')!.containers[0]).toEqual({name: 'app', resource: 'app-image', mounts: []});
    expect(extensionForBase('flask-framework', 'ubuntu:26.04')!.resources[0]!.name).toBe('app-image');
  });

  it('declares the common endpoints', () => {
    const eps = EXTENSIONS['go-framework']!.endpoints;
    expect(eps.find((e) => e.name === 'ingress')).toMatchObject({role: 'requires', interface: 'ingress', limit: 1});
    expect(eps.find((e) => e.name === 'secret-storage')).toMatchObject({role: 'peers', interface: 'secret-storage'});
    expect(eps.find((e) => e.name === 'metrics-endpoint')).toMatchObject({role: 'provides', interface: 'prometheus_scrape'});
  });

  it('django-framework adds create-superuser with required params', () => {
    const action = EXTENSIONS['django-framework']!.actions.find((a) => a.name === 'create-superuser');
    expect(action?.params.map((p) => [p.name, p.required])).toEqual([
      ['username', true],
      ['email', true],
    ]);
  });

  it('expands the oauth options per oauth endpoint', () => {
    const opts = expandDynamicConfig(EXTENSIONS['spring-boot-framework']!, [{name: 'google', interface: 'oauth'}]);
    expect(opts.map((o) => o.name)).toEqual(['google-redirect-path', 'google-scopes', 'google-user-name-attribute']);
    expect(opts[0]!.default).toBe('/login/oauth2/code/google');
  });

  it('finds extensions by base class and its aliases', () => {
    expect(findExtensionByBaseClass('paas_charm.flask.Charm')?.name).toBe('flask-framework');
    expect(findExtensionByBaseClass('paas_app_charmer.django.Charm')?.name).toBe('django-framework');
    expect(findExtensionByBaseClass('xiilib.flask.Charm')?.name).toBe('flask-framework');
    expect(findExtensionByBaseClass('paas_charm.springboot.Charm')?.name).toBe('spring-boot-framework');
    expect(findExtensionByBaseClass('go.Charm')?.name).toBe('go-framework');
    expect(findExtensionByBaseClass('Charm')).toBeUndefined();
    expect(findExtensionByBaseClass('ops.CharmBase')).toBeUndefined();
  });
});

describe('inherited paas-charm events', () => {
  const all = [...PAAS_CHARM_EVENTS.common, ...Object.values(PAAS_CHARM_EVENTS.byFramework).flat()];

  it('every event has a handler, a valid kind and a paas-charm file', () => {
    expect(all.length).toBeGreaterThan(30);
    for (const e of all) {
      expect(e.handler).toMatch(/^_on_\w+$/);
      expect(KINDS).toContain(e.kind);
      expect(e.file).toMatch(/^src\/paas_charm\/.+\.py$/);
      if (e.kind === 'library') expect(e.emitter?.class).toBeTruthy();
    }
  });

  it('has a byFramework entry for each extension', () => {
    for (const ext of Object.values(EXTENSIONS)) expect(PAAS_CHARM_EVENTS.byFramework[ext.framework]).toBeDefined();
    expect(PAAS_CHARM_EVENTS.byFramework['django']!.map((e) => e.name)).toEqual(['create-superuser-action']);
  });

  it('records unconditional and conditional events', () => {
    const byName = (n: string) => PAAS_CHARM_EVENTS.common.find((e) => e.name === n);
    expect(byName('config-changed')).toMatchObject({kind: 'lifecycle', handler: '_on_config_changed'});
    expect(byName('config-changed')!.whenEndpoint).toBeUndefined();
    expect(byName('{container}-pebble-ready')).toMatchObject({kind: 'workload', container: '{container}'});
    expect(byName('rotate-secret-key-action')).toMatchObject({kind: 'action', action: 'rotate-secret-key'});
    expect(byName('redis-relation-updated')).toMatchObject({whenEndpoint: 'redis', kind: 'library'});
    expect(byName('saml-data-available')?.emitter).toMatchObject({class: 'SamlRequires', library: 'charms.saml_integrator.v0.saml'});
  });

  it('filters and fills events for a charm', () => {
    const events = inheritedEventsFor(
      'flask',
      [
        {name: 'postgresql', role: 'requires', interface: 'postgresql_client'},
        {name: 'sso', role: 'requires', interface: 'oauth'},
      ],
      'flask-app',
    );
    const names = events.map((e) => e.name);
    expect(names).toContain('flask-app-pebble-ready');
    expect(names).toContain('postgresql-relation-broken');
    expect(names).not.toContain('mysql-relation-broken');
    expect(names).not.toContain('redis-relation-updated');
    expect(events.find((e) => e.name === 'oauth-info-changed')?.endpoint).toBe('sso');
    expect(events.find((e) => e.handler === '_on_postgresql_database_database_created')?.emitter?.class).toBe('DatabaseRequires');
  });
});
