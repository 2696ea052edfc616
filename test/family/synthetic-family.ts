/**
 * A large family for readability checks: 12 charms with 150 endpoints in all, shaped like an
 * identity platform with its database, ingress, certificates and observability stack. Every
 * charm also has endpoints with interfaces nobody in the family serves, as real charms do.
 * Deterministic: the same family every run.
 */
import type {CharmModel, Endpoint} from '../../src/model/types.js';
import type {FamilyCharm} from '../../src/diagrams/family-match.js';
import {endpoint, makeModel} from '../diagrams/model-factory.js';

export const LARGE_FAMILY_CHARMS = 12;
export const LARGE_FAMILY_ENDPOINTS = 150;

/** [name, provides, requires]: the interfaces that connect the family. */
const SHAPE: Array<[string, string[], string[]]> = [
  [
    'postgresql-k8s',
    ['postgresql_client', 'prometheus_scrape', 'grafana_dashboard'],
    ['loki_push_api', 'tls-certificates', 's3'],
  ],
  [
    'traefik-k8s',
    ['ingress', 'traefik_route', 'prometheus_scrape', 'grafana_dashboard'],
    ['tls-certificates', 'loki_push_api', 'tracing'],
  ],
  ['self-signed-certificates', ['tls-certificates', 'certificate_transfer'], []],
  [
    'prometheus-k8s',
    ['prometheus_remote_write', 'grafana_datasource', 'prometheus_scrape'],
    ['prometheus_scrape', 'alertmanager_dispatch', 'ingress', 'tracing'],
  ],
  [
    'grafana-k8s',
    ['grafana_dashboard_consumer', 'prometheus_scrape'],
    ['grafana_dashboard', 'grafana_datasource', 'postgresql_client', 'ingress', 'oauth'],
  ],
  [
    'loki-k8s',
    ['loki_push_api', 'grafana_datasource', 'prometheus_scrape'],
    ['ingress', 'alertmanager_dispatch', 's3', 'tracing'],
  ],
  ['tempo-k8s', ['tracing', 'grafana_datasource', 'prometheus_scrape'], ['s3', 'ingress', 'tls-certificates']],
  [
    'alertmanager-k8s',
    ['alertmanager_dispatch', 'prometheus_scrape', 'grafana_datasource'],
    ['ingress', 'tls-certificates'],
  ],
  [
    'hydra',
    ['oauth', 'hydra_endpoints', 'prometheus_scrape', 'grafana_dashboard'],
    ['postgresql_client', 'ingress', 'loki_push_api', 'tracing'],
  ],
  [
    'kratos',
    ['kratos_info', 'prometheus_scrape', 'grafana_dashboard'],
    ['postgresql_client', 'hydra_endpoints', 'ingress', 'loki_push_api', 'tracing'],
  ],
  [
    'identity-platform-login-ui',
    ['login_ui_endpoints', 'prometheus_scrape'],
    ['hydra_endpoints', 'kratos_info', 'ingress', 'loki_push_api', 'tracing'],
  ],
  [
    'identity-admin-ui',
    ['admin_ui', 'prometheus_scrape'],
    ['oauth', 'kratos_info', 'hydra_endpoints', 'ingress', 'postgresql_client'],
  ],
];

function endpointsOf(index: number, provides: string[], requires: string[], extra: number): Endpoint[] {
  const out: Endpoint[] = [
    ...provides.map((iface, n) => endpoint(`${iface.replace(/_/g, '-')}-${n}`, 'provides', iface)),
    ...requires.map((iface, n) =>
      endpoint(`${iface.replace(/_/g, '-')}-${n}`, 'requires', iface, {
        optional: n % 2 === 1,
        ...(n === 0 ? {limit: 1} : {}),
      }),
    ),
    endpoint(`peers-${index}`, 'peers', `charm_${index}_peers`),
  ];
  // Endpoints nobody in the family serves (external databases, SaaS, legacy interfaces).
  for (let n = 0; n < extra; n++)
    out.push(
      endpoint(`external-${n}`, n % 3 === 0 ? 'provides' : 'requires', `external_${index}_${n}`, {
        optional: n % 2 === 0,
      }),
    );
  return out;
}

export function largeFamily(): FamilyCharm[] {
  const base = SHAPE.reduce((sum, [, p, r]) => sum + p.length + r.length + 1, 0);
  const remaining = LARGE_FAMILY_ENDPOINTS - base;
  return SHAPE.map(([name, provides, requires], index): FamilyCharm => {
    const extra = Math.floor(remaining / SHAPE.length) + (index < remaining % SHAPE.length ? 1 : 0);
    const model: CharmModel = makeModel({
      name,
      summary: `The ${name} charm.`,
      endpoints: endpointsOf(index, provides, requires, extra),
    });
    return {id: name, model};
  });
}
