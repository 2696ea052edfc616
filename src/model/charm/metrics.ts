import {contextFor, evaluate} from '../python/evaluate.js';
import {dictEntries} from '../python/dicts.js';
import {keywordArgs} from '../python/arguments.js';
import {type Value} from '../python/values.js';
import type {PythonProject} from '../python/project.js';
import type {ClassInfo} from '../python/module-info.js';
import {childOf, line, text} from '../python/syntax.js';
import type {CharmSources} from '../sources/sources.js';
import {OBSERVABILITY_INTERFACES} from './observability.js';
import type {Endpoint, Metrics, MetricsExporter, MetricsTarget, PebbleLayer} from '../types.js';


/** Metrics facts: observability endpoints, exporter services, scrape targets, shipped dashboards and rules. */
export function readMetrics(sources: CharmSources, endpoints: Endpoint[], layers: PebbleLayer[], project: PythonProject | null, isCharmClass: (c: ClassInfo) => boolean): Metrics {
  // One walk of the charm for both kinds of shipped files.
  const shipped = sources.list('', (n) => /\.(json|json\.tmpl|rules?|ya?ml)$/.test(n), {maxDepth: 5});
  return {
    endpoints: endpoints.filter((e) => OBSERVABILITY_INTERFACES.has(e.interface)).map((e) => e.name),
    exporters: exportersOf(layers),
    targets: project ? scrapeTargets(project, isCharmClass) : [],
    dashboards: shipped.filter((p) => /\.json(\.tmpl)?$/.test(p) && /(^|\/)[^/]*dashboards?[^/]*\//.test(p)),
    alertRules: shipped.filter((p) => /\.(rules?|ya?ml)$/.test(p) && /(^|\/)[^/]*alert[_-]?rules[^/]*\//.test(p)),
  };
}

function exportersOf(layers: PebbleLayer[]): MetricsExporter[] {
  const out: MetricsExporter[] = [];
  for (const layer of layers) {
    for (const s of layer.services) {
      if (!/exporter/i.test(s.name) && !/exporter/i.test(s.command ?? '')) continue;
      if (out.some((e) => e.service === s.name && e.container === layer.container)) continue;
      const port = portOf(s.command ?? '');
      out.push({container: layer.container, service: s.name, command: s.command, ...(port ? {port} : {})});
    }
  }
  return out;
}

/** A listening port in an exporter command line (`--web.listen-address=:9113`, `--port 9102`). */
export function portOf(command: string): number | undefined {
  const m = /(?:listen[-.\w]*|port|bind|address)[= ](?:[\w.[\]]*:)?(\d{2,5})\b/i.exec(command) ?? /:(\d{4,5})\b/.exec(command);
  return m ? Number(m[1]) : undefined;
}

/** `MetricsEndpointProvider(jobs=[...])` and `COSAgentProvider(metrics_endpoints=[...])` with literal targets. */
function scrapeTargets(project: PythonProject, isCharmClass: (c: ClassInfo) => boolean): MetricsTarget[] {
  const out: MetricsTarget[] = [];
  for (const module of project.sourceModules()) {
    const py = module.py;
    if (!/MetricsEndpointProvider|COSAgentProvider/.test(py.file.text)) continue;
    py.tree.iterate({
      enter(ref) {
        const n = ref.node;
        if (n.name !== 'CallExpression') return;
        const m = /(MetricsEndpointProvider|COSAgentProvider)$/.exec(text(py, n.firstChild!));
        if (!m) return;
        const args = childOf(n, 'ArgList');
        if (!args) return;
        const kw = keywordArgs(args, py);
        const ctx = contextFor(project, module, isCharmClass);
        const pos = line(py, n);
        const listNode = kw.get(m[1] === 'COSAgentProvider' ? 'metrics_endpoints' : 'jobs');
        if (!listNode) {
          // No jobs: the library's default scrapes the unit on port 80 at /metrics.
          out.push({provider: m[1]!, file: py.file.path, ...pos, targets: [], computed: false});
          return;
        }
        const list = evaluate(listNode, ctx);
        if (list.t !== 'seq') {
          out.push({provider: m[1]!, file: py.file.path, ...pos, targets: [], computed: true});
          return;
        }
        for (const item of list.items) out.push(targetOf(m[1]!, item, py.file.path, pos));
      },
    });
  }
  return out;
}

function fields(v: Value): Map<string, Value> | null {
  if (v.t !== 'dict') return null;
  const out = new Map<string, Value>();
  for (const e of dictEntries(v)) if (e.key?.t === 'str') out.set(e.key.v, evaluate(e.valueNode, v.ctx));
  return out;
}

function targetOf(provider: string, item: Value, file: string, pos: {line: number; column: number}): MetricsTarget {
  const f = fields(item);
  const base = {provider, file, ...pos};
  if (!f) return {...base, targets: [], computed: true};
  const str = (k: string): string | undefined => {
    const v = f.get(k);
    return v?.t === 'str' ? v.v : undefined;
  };
  const targets: string[] = [];
  let computed = false;
  const statics = f.get('static_configs');
  if (statics?.t === 'seq') {
    for (const sc of statics.items) {
      const t = fields(sc)?.get('targets');
      if (t?.t === 'seq') {
        for (const x of t.items) {
          if (x.t === 'str') targets.push(x.v);
          else computed = true;
        }
      } else computed = true;
    }
  }
  const port = f.get('port');
  const portNumber = port?.t === 'num' ? port.v : targets.map((t) => Number(/:(\d+)$/.exec(t)?.[1])).find((n) => Number.isFinite(n) && n > 0);
  if (port && port.t !== 'num') computed = true;
  const metricsPath = str('metrics_path') ?? str('path');
  const jobName = str('job_name');
  return {...base, ...(jobName ? {jobName} : {}), ...(metricsPath ? {metricsPath} : {}), targets, ...(portNumber ? {port: portNumber} : {}), computed};
}
