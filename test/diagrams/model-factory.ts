/** A tiny factory for hand-made CharmModel objects: every required field filled, overrides merged shallowly. */
import {
  SCHEMA_VERSION,
  type CharmModel,
  type Container,
  type Endpoint,
  type PebbleLayer,
  type PebbleService,
  type Rock,
} from '../../src/model/types.js';

export function makeModel(overrides: Partial<CharmModel> = {}): CharmModel {
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'demo',
    summary: 'A demo charm.',
    description: 'A demo charm for tests.',
    kind: 'kubernetes',
    framework: 'ops',
    layout: 'charmcraft',
    bases: [{name: 'ubuntu@22.04', architectures: ['amd64']}],
    assumes: [],
    links: {website: [], source: [], issues: [], contact: []},
    entrypoint: 'src/charm.py',
    charmClasses: [{name: 'DemoCharm', bases: ['ops.CharmBase'], file: 'src/charm.py', line: 10, column: 1}],
    extensions: [],
    containers: [],
    resources: [],
    storage: [],
    endpoints: [],
    config: [],
    actions: [],
    events: [],
    pebble: [],
    rocks: [],
    metrics: {endpoints: [], exporters: [], targets: [], dashboards: [], alertRules: []},
    sources: ['charmcraft.yaml'],
    diagnostics: [],
    ...overrides,
  };
}

export function endpoint(name: string, role: Endpoint['role'], iface: string, extra: Partial<Endpoint> = {}): Endpoint {
  return {name, role, interface: iface, optional: false, description: '', origin: 'charm', ...extra};
}

export function container(name: string, resource: string | null, extra: Partial<Container> = {}): Container {
  return {name, resource, mounts: [], origin: 'charm', ...extra};
}

export function service(
  name: string,
  command: string | null = `/bin/${name}`,
  extra: Partial<PebbleService> = {},
): PebbleService {
  return {name, command, environment: [], after: [], before: [], requires: [], computed: [], line: 1, ...extra};
}

export function layer(
  containerName: string | null,
  services: PebbleService[],
  extra: Partial<PebbleLayer> = {},
): PebbleLayer {
  return {
    container: containerName,
    origin: 'python',
    services,
    checks: [],
    logTargets: [],
    computed: false,
    file: 'src/charm.py',
    line: 1,
    column: 1,
    ...extra,
  };
}

export function rock(name: string, extra: Partial<Rock> = {}): Rock {
  return {name, path: `${name}_rock/rockcraft.yaml`, services: [], ...extra};
}

/** A realistic Kubernetes charm: two workload containers, database, ingress, observability, a peer. */
export function sampleK8sModel(): CharmModel {
  return makeModel({
    name: 'indico',
    containers: [
      container('indico', 'indico-image', {mounts: [{storage: 'data', location: '/srv/indico'}]}),
      container('indico-nginx', 'indico-nginx-image'),
    ],
    resources: [
      {
        name: 'indico-image',
        type: 'oci-image',
        description: 'Indico image',
        origin: 'charm',
        upstreamSource: 'ghcr.io/x/indico:1',
      },
      {name: 'indico-nginx-image', type: 'oci-image', description: 'Nginx image', origin: 'charm'},
    ],
    storage: [{name: 'data', type: 'filesystem', description: 'data', origin: 'charm'}],
    endpoints: [
      endpoint('database', 'requires', 'postgresql_client'),
      endpoint('redis-broker', 'requires', 'redis'),
      endpoint('saml', 'requires', 'saml', {optional: true}),
      endpoint('ingress', 'requires', 'ingress'),
      endpoint('website', 'provides', 'http'),
      endpoint('metrics-endpoint', 'provides', 'prometheus_scrape'),
      endpoint('grafana-dashboard', 'provides', 'grafana_dashboard'),
      endpoint('logging', 'requires', 'loki_push_api'),
      endpoint('indico-peers', 'peers', 'indico_peers'),
    ],
    pebble: [
      layer('indico', [service('indico', 'uwsgi --ini /etc/uwsgi.ini'), service('celery')]),
      layer('indico-nginx', [service('nginx'), service('nginx-exporter')]),
    ],
    rocks: [
      rock('indico', {
        container: 'indico',
        resource: 'indico-image',
        services: [
          {name: 'indico', command: 'uwsgi'},
          {name: 'statsd-exporter', command: 'statsd'},
        ],
      }),
    ],
    metrics: {
      endpoints: ['metrics-endpoint'],
      exporters: [
        {container: 'indico-nginx', service: 'nginx-exporter', command: 'nginx-prometheus-exporter', port: 9113},
        {container: 'indico', service: 'statsd-exporter', command: 'statsd', port: 9102},
      ],
      targets: [],
      dashboards: [],
      alertRules: [],
    },
  });
}
