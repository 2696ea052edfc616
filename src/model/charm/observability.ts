/** Interfaces of the Canonical Observability Stack. */
export const OBSERVABILITY_INTERFACES: ReadonlySet<string> = new Set([
  'prometheus_scrape',
  'grafana_dashboard',
  'loki_push_api',
  'tracing',
  'cos_agent',
  'prometheus_remote_write',
  'alertmanager_dispatch',
  'grafana_datasource',
  'grafana_auth',
  'parca_scrape',
  'pyroscope_profiling',
]);
