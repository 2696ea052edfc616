import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {CharmArchError} from '../../../errors.js';
import type {CharmSources} from '../../sources/sources.js';
import type {PebbleCheck, PebbleLayer, PebbleLogTarget, PebbleService} from '../../types.js';
import {parseYamlFile, type YamlFile} from '../../sources/yaml.js';
import type {LayerPlacements} from './placements.js';
import {optionalText, scalarText} from '../metadata/fields.js';
import {isLayerShape, isMapping} from './shape.js';

/** Folders where charms keep Pebble layer files. */
const LAYER_DIRS = ['src', 'templates', 'files', 'layers', 'pebble'];

/** Pebble layer YAML files shipped with the charm, recognised by shape. */
export function yamlLayers(
  sources: CharmSources,
  containers: string[],
  placements: LayerPlacements,
  sink: DiagnosticSink,
): PebbleLayer[] {
  const out: PebbleLayer[] = [];
  for (const dir of LAYER_DIRS) {
    for (const path of sources.list(dir, (n) => /\.ya?ml$/.test(n))) {
      let parsed: YamlFile;
      try {
        const file = sources.read(path);
        // Most YAML beside a charm is not a layer (alert rules, templates): skip the parse.
        if (!file || !/^(services|checks):/m.test(file.text)) continue;
        parsed = parseYamlFile(file);
      } catch (error) {
        // A broken YAML file that is not metadata is reported, not fatal.
        if (error instanceof CharmArchError)
          sink.warn({
            code: error.code,
            message: error.message,
            file: error.file,
            line: error.line,
            column: error.column,
            ...(error.hint ? {hint: error.hint} : {}),
          });
        continue;
      }
      if (!isLayerShape(parsed.value)) continue;
      const base = path
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/, '');
      // Where the charm's code adds this file, else by its name.
      const placed = placements.get(`file:${path.split('/').pop()}`);
      out.push(
        layerFromData(parsed, [], {
          origin: 'yaml',
          container: placed?.container ?? containerForFile(base, containers),
          file: path,
          ...(placed?.label ? {label: placed.label} : {}),
        }),
      );
    }
  }
  return out;
}

/** The container a layer file belongs to, by its name (`nginx.yaml`, `nginx-layer.yaml`, `exporter.yaml` for `app-exporter`). */
function containerForFile(base: string, containers: string[]): string | null {
  const stem = base.replace(/[-_]?(layer|pebble)$/, '');
  const exact = containers.find((c) => stem === c || stem.startsWith(`${c}-`) || stem.startsWith(`${c}_`));
  if (exact) return exact;
  const partial = containers.filter((c) => c.endsWith(`-${stem}`) || c.endsWith(`_${stem}`));
  if (partial.length === 1) return partial[0]!;
  return containers.length === 1 ? containers[0]! : null;
}

/** Builds a layer from plain YAML data at `path` inside `doc` (a layer file, or `services:` of a rockcraft.yaml). */
export function layerFromData(
  doc: YamlFile,
  path: string[],
  init: {origin: PebbleLayer['origin']; container: string | null; file: string; label?: string},
): PebbleLayer {
  const root = get(doc.value, path);
  const m = isMapping(root) ? root : {};
  const pos = doc.pos(path);
  const services: PebbleService[] = isMapping(m['services'])
    ? Object.entries(m['services']).map(([name, s]) =>
        serviceFromData(name, isMapping(s) ? s : {}, doc.pos([...path, 'services', name], 'key').line),
      )
    : [];
  const checks: PebbleCheck[] = isMapping(m['checks'])
    ? Object.entries(m['checks']).map(([name, c]) =>
        checkFromData(name, isMapping(c) ? c : {}, doc.pos([...path, 'checks', name], 'key').line),
      )
    : [];
  const logTargets: PebbleLogTarget[] = isMapping(m['log-targets'])
    ? Object.entries(m['log-targets']).map(([name, t]) => {
        const tm = isMapping(t) ? t : {};
        return {
          name,
          ...optionalText('type', tm['type']),
          ...optionalText('location', tm['location']),
          services: Array.isArray(tm['services']) ? tm['services'].map(String) : [],
          computed: [],
          line: doc.pos([...path, 'log-targets', name], 'key').line,
        };
      })
    : [];
  return {
    file: init.file,
    line: pos.line,
    column: pos.column,
    container: init.container,
    ...(init.label ? {label: init.label} : {}),
    ...(typeof m['summary'] === 'string' ? {summary: m['summary']} : {}),
    origin: init.origin,
    services,
    checks,
    logTargets,
    computed: false,
  };
}

export function serviceFromData(name: string, s: Record<string, unknown>, line: number): PebbleService {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const opt = (key: string, field: string): Partial<Record<string, string>> => optionalText(field, s[key]);
  return {
    name,
    command: scalarText(s['command']) ?? null,
    ...opt('summary', 'summary'),
    ...opt('startup', 'startup'),
    ...opt('override', 'override'),
    environment: isMapping(s['environment']) ? Object.keys(s['environment']) : [],
    after: list(s['after']),
    before: list(s['before']),
    requires: list(s['requires']),
    ...opt('user', 'user'),
    ...opt('working-dir', 'workingDir'),
    computed: [],
    line,
  };
}

function checkFromData(name: string, c: Record<string, unknown>, line: number): PebbleCheck {
  const type = ['http', 'tcp', 'exec'].find((t) => c[t] !== undefined) ?? 'unknown';
  const body = isMapping(c[type]) ? c[type] : {};
  const target =
    type === 'http'
      ? body['url']
      : type === 'tcp'
        ? body['host']
          ? [body['host'], body['port']]
              .map(scalarText)
              .filter((t) => t !== undefined)
              .join(':')
          : body['port']
        : body['command'];
  return {
    name,
    ...optionalText('level', c['level']),
    type,
    ...optionalText('target', target),
    computed: [],
    line,
  };
}

function get(root: unknown, path: string[]): unknown {
  let v = root;
  for (const p of path) v = isMapping(v) ? v[p] : undefined;
  return v;
}
