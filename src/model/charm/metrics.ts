import type {PythonProject} from '../python/project.js';
import type {ClassInfo} from '../python/module-info.js';
import type {CharmSources} from '../sources/sources.js';
import {type DiagnosticSink} from '../sources/diagnostics.js';
import {OBSERVABILITY_INTERFACES} from './observability.js';
import {paasScrapeJobs} from './paas-metrics.js';
import {scrapeTargets} from './scrape-jobs.js';
import type {Endpoint, Metrics, MetricsExporter, PebbleLayer, SourcePosition} from '../types.js';

/** A 12-factor charm's app: its charmcraft extension and the charm class paas-charm defaults are attributed to. */
export interface PaasMetricsApp {
  extension: string;
  charmClass: SourcePosition;
  pinnedRelease?: string;
}

export interface MetricsInput {
  sources: CharmSources;
  endpoints: Endpoint[];
  layers: PebbleLayer[];
  project: PythonProject | null;
  isCharmClass: (c: ClassInfo) => boolean;
  /** Set for a 12-factor charm: paas-charm builds its scrape jobs. */
  paas?: PaasMetricsApp;
  sink: DiagnosticSink;
}

/** Metrics facts: observability endpoints, exporter services, scrape targets, shipped dashboards and rules. */
export function readMetrics(input: MetricsInput): Metrics {
  const {sources, endpoints, layers, project, isCharmClass, paas, sink} = input;
  // One walk of the charm for both kinds of shipped files.
  const shipped = sources.list('', (n) => /\.(json|json\.tmpl|rules?|ya?ml)$/.test(n), {maxDepth: 5});
  return {
    endpoints: endpoints.filter((e) => OBSERVABILITY_INTERFACES.has(e.interface)).map((e) => e.name),
    exporters: exportersOf(layers),
    targets: [
      ...(project ? scrapeTargets(project, isCharmClass) : []),
      ...(paas ? paasScrapeJobs({sources, ...paas, sink}) : []),
    ],
    dashboards: shipped.filter((p) => /\.json(\.tmpl)?$/.test(p) && /(^|\/)[^/]*dashboards?[^/]*\//.test(p)),
    alertRules: shipped.filter((p) => /\.(rules?|ya?ml)$/.test(p) && /(^|\/)[^/]*alert[_-]?rules[^/]*\//.test(p)),
  };
}

function exportersOf(layers: PebbleLayer[]): MetricsExporter[] {
  const out: MetricsExporter[] = [];
  for (const layer of layers) {
    // A rock that is no container's image runs nowhere in this charm (another charm's, or a test rock).
    if (layer.origin === 'rockcraft' && layer.container === null) continue;
    for (const s of layer.services) {
      if (!/exporter/i.test(s.name) && !/exporter/i.test(s.command ?? '')) continue;
      if (out.some((e) => e.service === s.name && e.container === layer.container)) continue;
      // A command built at runtime is its source expression: no port is read from it.
      const literal = s.command && !s.computed.includes('command') ? s.command : undefined;
      const port =
        (literal ? portOf(literal) : undefined) ??
        checkedPort(layer, s.name) ??
        (literal ? defaultPortOf(literal) : undefined);
      out.push({
        container: layer.container,
        service: s.name,
        command: s.command,
        ...(s.command && !literal ? {commandComputed: true} : {}),
        ...(port ? {port} : {}),
      });
    }
  }
  return out;
}

/**
 * The port an exporter serves metrics on, from its command line (`--web.listen-address=:9113`,
 * `--port 9102`). statsd_exporter's `--statsd.listen-udp/tcp` are where it receives statsd
 * packets, not where Prometheus scrapes it: they are skipped.
 */
export function portOf(command: string): number | undefined {
  // A URL in the command is what the exporter reads (`--nginx.scrape-uri=http://localhost:8080/...`).
  const flags = command
    .replace(/--statsd\.listen-(?:udp|tcp|unixgram)[= ]\S+/g, '')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '');
  const m =
    /(?:listen[-.\w]*|port|bind|address)[= ](?:[\w.[\]]*:)?(\d{2,5})\b/i.exec(flags) ?? /:(\d{4,5})\b/.exec(flags);
  return m ? Number(m[1]) : undefined;
}

/** A check of the exporter's own layer named after it (`apache-exporter-up` on `http://localhost:9117/metrics`). */
function checkedPort(layer: PebbleLayer, service: string): number | undefined {
  for (const c of layer.checks) {
    if (!c.name.startsWith(service) || !c.target || c.computed.includes('target')) continue;
    const m = c.type === 'tcp' ? /^(\d{2,5})$/.exec(c.target) : /^https?:\/\/[^/:]+:(\d{2,5})(?:\/|$)/.exec(c.target);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Default web ports of exporters that a command runs without a listen flag, from each exporter's
 * documentation (and the Prometheus default port allocations list).
 */
const DEFAULT_PORTS: ReadonlyArray<[RegExp, number]> = [
  [/(^|\/)statsd_exporter\b/, 9102],
  [/(^|\/)apache_exporter\b/, 9117],
  [/(^|\/)node_exporter\b/, 9100],
  [/(^|\/)mysqld_exporter\b/, 9104],
  [/(^|\/)nginx-prometheus-exporter\b/, 9113],
  [/(^|\/)postgres_exporter\b/, 9187],
  [/(^|\/)redis_exporter\b/, 9121],
  [/(^|\/)mongodb_exporter\b/, 9216],
];

function defaultPortOf(command: string): number | undefined {
  const program = command.trim().split(/\s+/)[0] ?? '';
  return DEFAULT_PORTS.find(([re]) => re.test(program))?.[1];
}
