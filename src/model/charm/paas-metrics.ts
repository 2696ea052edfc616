/**
 * What Prometheus scrapes on a 12-factor (paas-charm) charm. The charm's own code builds no
 * `MetricsEndpointProvider`: paas-charm's `Observability` does, with one framework job and the
 * extra jobs of paas-config.yaml's `prometheus.scrape_configs`.
 *
 * Written by hand (data only) from canonical/paas-charm, read at two points:
 * - release 1.12.0 (commit 9846ae6cb2, 2026-07-06), the newest release and the one the events are
 *   catalogued from: flask and django scrape `*:9102` (the statsd exporter's web port, not the
 *   statsd ingest port 9125) at `/metrics`; fastapi, go, expressjs and spring-boot scrape the port
 *   and path of the `metrics-port` / `metrics-path` config options (juju config, read at runtime);
 *   paas-config.yaml holds only `prometheus.scrape_configs` (any other key is refused).
 * - main (commit 2975c3aae2, 2026-08-21, version 2.0.dev0): the port and path come from
 *   paas-config.yaml's top-level `metrics-port` / `metrics-path`, else the framework's default.
 * A charm whose paas-config.yaml sets a top-level key only main accepts, or that pins paas-charm 2
 * or later, gets main's behaviour; every other one the release's.
 */
import {compareReleases} from '../extensions/paas-charm-pin.js';
import {type DiagnosticSink} from '../sources/diagnostics.js';
import type {CharmSources} from '../sources/sources.js';
import {parseYamlFile, type YamlFile} from '../sources/yaml.js';
import type {MetricsTarget, SourcePosition} from '../types.js';

export const PAAS_CONFIG_FILE = 'paas-config.yaml';

const RELEASE = 'paas-charm 1.12.0 (commit 9846ae6cb2)';
const MAIN = 'paas-charm 2.0.dev0 (commit 2975c3aae2)';
/** The provider paas-charm builds (src/paas_charm/observability.py:53 in both). */
const PROVIDER = 'MetricsEndpointProvider';

interface FrameworkMetrics {
  /** main: default port and path, and where they are set. */
  main: {port: number; path: string; at: string};
  /** 1.12.0: a fixed target, or the config options that set it. */
  release: {port: number; path: string; at: string} | {options: string[]; at: string};
}

const GUNICORN = (): FrameworkMetrics => ({
  main: {port: 9102, path: '/metrics', at: 'src/paas_charm/_gunicorn/workload_config.py:37'},
  release: {port: 9102, path: '/metrics', at: 'src/paas_charm/_gunicorn/workload_config.py:48'},
});

const FROM_CONFIG = ['metrics-port', 'metrics-path'];

/** Keyed by the charmcraft extension name. */
const FRAMEWORKS: Readonly<Record<string, FrameworkMetrics>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, FrameworkMetrics>, {
    'flask-framework': GUNICORN(),
    'django-framework': GUNICORN(),
    'fastapi-framework': {
      main: {port: 8000, path: '/metrics', at: 'src/paas_charm/fastapi/charm.py:69'},
      release: {options: FROM_CONFIG, at: 'src/paas_charm/fastapi/charm.py:79'},
    },
    'go-framework': {
      main: {port: 8080, path: '/metrics', at: 'src/paas_charm/go/charm.py:59'},
      release: {options: FROM_CONFIG, at: 'src/paas_charm/go/charm.py:69'},
    },
    'expressjs-framework': {
      main: {port: 9464, path: '/metrics', at: 'src/paas_charm/expressjs/charm.py:62'},
      release: {options: FROM_CONFIG, at: 'src/paas_charm/expressjs/charm.py:70'},
    },
    'spring-boot-framework': {
      main: {port: 8080, path: '/actuator/prometheus', at: 'src/paas_charm/springboot/charm.py:405'},
      release: {options: FROM_CONFIG, at: 'src/paas_charm/springboot/charm.py:415'},
    },
  }),
);

/** Top-level paas-config.yaml keys only main accepts. */
const MAIN_ONLY_KEYS = ['port', 'metrics-port', 'metrics-path'];

export interface PaasMetricsInput {
  sources: CharmSources;
  /** The charmcraft extension of the 12-factor app (`flask-framework`, ...). */
  extension: string;
  /** Where the charm class is: what a paas-charm default is attributed to in the charm. */
  charmClass: SourcePosition;
  /** The exactly pinned paas-charm release, when one is. */
  pinnedRelease?: string;
  sink: DiagnosticSink;
}

/** The jobs paas-charm gives Prometheus for this charm: the framework's, then paas-config.yaml's. */
export function paasScrapeJobs(input: PaasMetricsInput): MetricsTarget[] {
  const framework = FRAMEWORKS[input.extension];
  if (!framework) return [];
  const config = input.sources.exists(PAAS_CONFIG_FILE) ? input.sources.read(PAAS_CONFIG_FILE) : null;
  const yaml = config ? parseYamlFile(config) : null;
  const top = isRecord(yaml?.value) ? yaml.value : {};
  const main =
    MAIN_ONLY_KEYS.some((k) => k in top) ||
    (input.pinnedRelease !== undefined && compareReleases(input.pinnedRelease, '2') >= 0);
  return [frameworkJob(framework, main, top, yaml, input), ...(yaml ? configuredJobs(yaml, top, input.sink) : [])];
}

function frameworkJob(
  framework: FrameworkMetrics,
  main: boolean,
  top: Record<string, unknown>,
  yaml: YamlFile | null,
  input: PaasMetricsInput,
): MetricsTarget {
  const at = input.charmClass;
  if (!main) {
    const r = framework.release;
    const inheritedFrom = `${RELEASE} (${r.at})`;
    if ('options' in r)
      return {provider: PROVIDER, ...at, targets: [], computed: true, fromConfig: r.options, inheritedFrom};
    return {
      provider: PROVIDER,
      ...at,
      metricsPath: r.path,
      targets: [`*:${r.port}`],
      port: r.port,
      computed: false,
      inheritedFrom,
    };
  }
  const port = typeof top['metrics-port'] === 'number' ? top['metrics-port'] : undefined;
  const path = typeof top['metrics-path'] === 'string' ? top['metrics-path'] : undefined;
  // paas-charm scrapes `/metrics` for an empty path (charm.py: `metrics_path or "/metrics"`).
  const metricsPath = path || (path === '' ? '/metrics' : framework.main.path);
  const chosen = port ?? framework.main.port;
  const target = {metricsPath, targets: [`*:${chosen}`], port: chosen, computed: false};
  // Set in paas-config.yaml: the job is the charm's own, at that line.
  if (yaml && port !== undefined)
    return {provider: PROVIDER, file: PAAS_CONFIG_FILE, ...yaml.pos(['metrics-port']), ...target};
  return {provider: PROVIDER, ...at, ...target, inheritedFrom: `${MAIN} (${framework.main.at})`};
}

/** `prometheus.scrape_configs`: literal jobs, each at its line (`@scheduler:PORT` is unit 0). */
function configuredJobs(yaml: YamlFile, top: Record<string, unknown>, sink: DiagnosticSink): MetricsTarget[] {
  const prometheus = top['prometheus'];
  const list = isRecord(prometheus) ? prometheus['scrape_configs'] : undefined;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    warnShape(yaml, ['prometheus', 'scrape_configs'], 'a list of scrape jobs', sink);
    return [];
  }
  const out: MetricsTarget[] = [];
  list.forEach((job: unknown, i) => {
    const statics = isRecord(job) ? job['static_configs'] : undefined;
    if (!isRecord(job) || typeof job['job_name'] !== 'string' || !Array.isArray(statics)) {
      warnShape(yaml, ['prometheus', 'scrape_configs', i], 'a job with `job_name` and `static_configs`', sink);
      return;
    }
    const targets = statics.flatMap((s: unknown) =>
      isRecord(s) && Array.isArray(s['targets']) ? s['targets'].filter((t): t is string => typeof t === 'string') : [],
    );
    const path = typeof job['metrics_path'] === 'string' ? job['metrics_path'] : '/metrics';
    out.push({
      provider: PROVIDER,
      file: PAAS_CONFIG_FILE,
      ...yaml.pos(['prometheus', 'scrape_configs', i, 'job_name']),
      jobName: job['job_name'],
      metricsPath: path,
      targets,
      computed: false,
    });
  });
  return out;
}

function warnShape(yaml: YamlFile, path: Array<string | number>, expected: string, sink: DiagnosticSink): void {
  sink.warn({
    code: 'wrong-type',
    message: `${PAAS_CONFIG_FILE}: \`${path.join('.')}\` is not ${expected}; paas-charm refuses this file, and the page leaves the job out.`,
    file: PAAS_CONFIG_FILE,
    ...yaml.pos(path),
    hint: 'Write it as paas-charm documents it (prometheus.scrape_configs: a list of {job_name, metrics_path, static_configs: [{targets: [...]}]}).',
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
