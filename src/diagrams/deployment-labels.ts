/** Labels of the deployment diagram: the counterpart named for each endpoint, edge labels and text-alternative items. */
import {OBSERVABILITY_INTERFACES, type CharmModel, type Endpoint} from '../model/index.js';

/** Friendly counterpart names for well-known interfaces: [when this charm requires, when it provides]. */
const WELL_KNOWN: Record<string, [string, string]> = {
  postgresql_client: ['PostgreSQL', 'PostgreSQL client'],
  pgsql: ['PostgreSQL', 'PostgreSQL client'],
  mysql_client: ['MySQL', 'MySQL client'],
  mysql: ['MySQL', 'MySQL client'],
  mongodb_client: ['MongoDB', 'MongoDB client'],
  redis: ['Redis', 'Redis client'],
  kafka_client: ['Kafka', 'Kafka client'],
  opensearch_client: ['OpenSearch', 'OpenSearch client'],
  zookeeper: ['ZooKeeper', 'ZooKeeper client'],
  memcache: ['Memcached', 'Memcached client'],
  s3: ['S3 storage', 'S3 client'],
  ingress: ['Ingress', 'Ingress client'],
  ingress_per_unit: ['Ingress', 'Ingress client'],
  traefik_route: ['Traefik', 'Traefik'],
  'nginx-route': ['Nginx ingress', 'Nginx route client'],
  saml: ['SAML identity provider', 'SAML client'],
  oauth: ['OAuth provider', 'OAuth client'],
  smtp: ['SMTP server', 'SMTP client'],
  'tls-certificates': ['TLS certificates provider', 'TLS certificates requirer'],
  certificate_transfer: ['CA certificates', 'CA certificates requirer'],
  prometheus_scrape: ['Scrape target', 'Prometheus'],
  prometheus_remote_write: ['Prometheus', 'Remote-write client'],
  grafana_dashboard: ['Dashboard provider', 'Grafana'],
  loki_push_api: ['Loki', 'Log sender'],
  logging: ['Loki', 'Log sender'],
  tracing: ['Tempo', 'Tracing client'],
  cos_agent: ['COS agent', 'COS agent'],
  grafana_datasource: ['Grafana', 'Grafana datasource'],
  alertmanager_dispatch: ['Alertmanager', 'Alertmanager client'],
  http: ['HTTP server', 'HTTP client'],
};

/** The name shown for an endpoint's counterpart. */
export function counterpartName(endpoint: Endpoint): string {
  // Own properties only: an interface named `constructor` or `__proto__` is just a name.
  const known = Object.hasOwn(WELL_KNOWN, endpoint.interface) ? WELL_KNOWN[endpoint.interface] : undefined;
  if (known) return endpoint.role === 'provides' ? known[1] : known[0];
  return endpoint.name;
}

/** Whether an endpoint is an observability one: a well-known interface, or named by the charm's metrics. */
export function isObservability(model: CharmModel, endpoint: Endpoint): boolean {
  return (
    OBSERVABILITY_INTERFACES.has(endpoint.interface) ||
    model.metrics.endpoints.includes(endpoint.name) ||
    model.metrics.endpoints.includes(endpoint.interface)
  );
}

/** An edge's label: `endpoint: interface`. */
export function edgeLabel(e: Endpoint): string {
  return `${e.name}: ${e.interface}`;
}

/** One endpoint's line in the diagram's text alternative. */
export function altItem(e: Endpoint, counterpart: string): string {
  const parts = [`${e.name} (${e.interface})`];
  parts.push(
    e.role === 'requires'
      ? `requires ${counterpart}`
      : e.role === 'provides'
        ? `provides to ${counterpart}`
        : 'peer relation',
  );
  if (e.optional) parts.push('optional');
  if (e.limit !== undefined) parts.push(`limit ${e.limit}`);
  return parts.join(', ');
}

/** Make duplicate counterpart names unique by adding the endpoint name. */
export function counterpartLabels(endpoints: Endpoint[]): Map<Endpoint, string> {
  const counts = new Map<string, number>();
  for (const e of endpoints) {
    const n = counterpartName(e);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const out = new Map<Endpoint, string>();
  for (const e of endpoints) {
    const n = counterpartName(e);
    out.set(e, (counts.get(n) ?? 0) > 1 && n !== e.name ? `${n} (${e.name})` : n);
  }
  return out;
}
