import {CharmArchError, type DiagnosticSink} from './errors.js';
import type {CharmSources} from './sources.js';
import {parseYamlFile, type YamlFile} from './yaml.js';
import type {
  Action,
  ActionParam,
  CharmBase,
  CharmLinks,
  ConfigOption,
  Container,
  Endpoint,
  EndpointRole,
  Resource,
  Storage,
} from './types.js';

/** What charmcraft.yaml (or metadata.yaml + config.yaml + actions.yaml) declares. */
export interface CharmMetadata {
  layout: 'charmcraft' | 'legacy';
  name: string;
  displayName?: string;
  summary: string;
  description: string;
  bases: CharmBase[];
  assumes: string[];
  links: CharmLinks;
  entrypoint: string;
  extensionNames: string[];
  containers: Container[];
  resources: Resource[];
  storage: Storage[];
  endpoints: Endpoint[];
  config: ConfigOption[];
  actions: Action[];
  subordinate: boolean;
  /** The parsed files, for later lookups (e.g. layer definitions). */
  files: YamlFile[];
}

const METADATA_KEYS = [
  'name', 'display-name', 'title', 'summary', 'description', 'maintainer', 'maintainers', 'tags', 'series', 'subordinate',
  'requires', 'provides', 'peers', 'storage', 'containers', 'resources', 'assumes', 'docs', 'issues', 'source', 'website',
  'terms', 'min-juju-version', 'extra-bindings', 'devices', 'deployment', 'charm-user', 'payloads', 'links', 'contact',
];
const CHARMCRAFT_KEYS = [
  ...METADATA_KEYS, 'type', 'base', 'build-base', 'bases', 'platforms', 'parts', 'config', 'actions', 'charmhub',
  'extensions', 'charm-libs', 'analysis', 'lint', 'license', 'charm-entrypoint', 'hooks', 'check', 'environment', 'package-repositories',
];
const KNOWN_ROLES: EndpointRole[] = ['requires', 'provides', 'peers'];

/** Reads a charm's metadata in either layout. Throws CharmArchError when there is none or it is unusable. */
export function readMetadata(sources: CharmSources, sink: DiagnosticSink): CharmMetadata {
  const charmcraft = readYaml(sources, 'charmcraft.yaml');
  const legacyMeta = readYaml(sources, 'metadata.yaml');
  const files = [charmcraft, legacyMeta].filter((f): f is YamlFile => f !== null);

  // Legacy layout: metadata.yaml holds the metadata, charmcraft.yaml only build settings.
  const layout: 'charmcraft' | 'legacy' = legacyMeta ? 'legacy' : 'charmcraft';
  const meta = legacyMeta ?? charmcraft;
  if (!meta) {
    throw new CharmArchError({
      code: 'no-metadata',
      message: `No charmcraft.yaml or metadata.yaml in ${sources.root}.`,
      file: 'charmcraft.yaml',
      hint: 'Point the charm path at the directory that holds the charm\'s charmcraft.yaml (or legacy metadata.yaml).',
    });
  }
  const m = expectMapping(meta, [], sink) ?? {};
  if (meta.value === null || meta.value === undefined) {
    throw new CharmArchError({code: 'empty-metadata', message: `${meta.file.path} is empty.`, file: meta.file.path, hint: 'A charm needs at least `name`, `summary` and `description`.'});
  }
  warnUnknownKeys(meta, m, meta === charmcraft ? CHARMCRAFT_KEYS : METADATA_KEYS, sink);
  const cc = charmcraft ? expectMapping(charmcraft, [], sink) ?? {} : {};
  if (charmcraft && charmcraft !== meta) warnUnknownKeys(charmcraft, cc, CHARMCRAFT_KEYS, sink);

  const name = str(meta, m, ['name'], sink);
  if (!name) {
    throw new CharmArchError({code: 'missing-name', message: `${meta.file.path} has no \`name\`.`, file: meta.file.path, ...meta.pos([]), hint: 'Add `name: <charm-name>` at the top level.'});
  }

  const configFile = layout === 'legacy' ? readYaml(sources, 'config.yaml') : charmcraft;
  const actionsFile = layout === 'legacy' ? readYaml(sources, 'actions.yaml') : charmcraft;
  if (configFile && !files.includes(configFile)) files.push(configFile);
  if (actionsFile && !files.includes(actionsFile)) files.push(actionsFile);
  const configRoot: string[] = layout === 'legacy' ? [] : ['config'];
  const actionsRoot: string[] = layout === 'legacy' ? [] : ['actions'];

  return {
    layout,
    name,
    displayName: str(meta, m, ['title'], sink) ?? str(meta, m, ['display-name'], sink),
    summary: str(meta, m, ['summary'], sink) ?? '',
    description: str(meta, m, ['description'], sink) ?? '',
    bases: readBases(charmcraft ?? meta, charmcraft ? cc : m, meta, m),
    assumes: flattenAssumes(m['assumes']),
    links: readLinks(m),
    entrypoint: readEntrypoint(cc),
    extensionNames: readStringList(charmcraft, cc, ['extensions'], sink),
    containers: readContainers(meta, m, sink),
    resources: readResources(meta, m, sink),
    storage: readStorage(meta, m, sink),
    endpoints: readEndpoints(meta, m, sink),
    config: configFile ? readConfig(configFile, configRoot, sink) : [],
    actions: actionsFile ? readActions(actionsFile, actionsRoot, sink) : [],
    subordinate: m['subordinate'] === true,
    files,
  };
}

function readYaml(sources: CharmSources, path: string): YamlFile | null {
  const file = sources.read(path);
  return file ? parseYamlFile(file) : null;
}

type Mapping = Record<string, unknown>;

function isMapping(v: unknown): v is Mapping {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function get(root: unknown, path: ReadonlyArray<string>): unknown {
  let v = root;
  for (const p of path) v = isMapping(v) ? v[p] : undefined;
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v}`;
}

/** The mapping at `path`, or null (with a positioned error) when it is something else. */
function expectMapping(f: YamlFile, path: ReadonlyArray<string>, sink: DiagnosticSink, what?: string): Mapping | null {
  const v = get(f.value, path);
  if (v === undefined || v === null) return null;
  if (isMapping(v)) return v;
  sink.error({
    code: 'wrong-type',
    message: `\`${path.join('.') || '(document)'}\` in ${f.file.path} must be a mapping, not ${typeName(v)}.`,
    hint: what ?? 'Write it as `key: value` pairs, one per line.',
    file: f.file.path,
    ...f.pos(path),
  });
  return null;
}

function str(f: YamlFile, root: Mapping, path: ReadonlyArray<string>, sink: DiagnosticSink): string | undefined {
  const v = get(root, path);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  sink.error({code: 'wrong-type', message: `\`${path.join('.')}\` in ${f.file.path} must be a string, not ${typeName(v)}.`, hint: 'Quote the value or write it as text.', file: f.file.path, ...f.pos(path)});
  return undefined;
}

function readStringList(f: YamlFile | null, root: Mapping, path: ReadonlyArray<string>, sink: DiagnosticSink): string[] {
  const v = get(root, path);
  if (v === undefined || v === null || !f) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  if (typeof v === 'string') return [v];
  sink.error({code: 'wrong-type', message: `\`${path.join('.')}\` in ${f.file.path} must be a list of strings.`, hint: 'Write it as `[a, b]` or one `- item` per line.', file: f.file.path, ...f.pos(path)});
  return [];
}

function warnUnknownKeys(f: YamlFile, m: Mapping, known: string[], sink: DiagnosticSink): void {
  for (const key of Object.keys(m)) {
    if (!known.includes(key)) {
      sink.warn({code: 'unknown-key', message: `Unknown top-level key \`${key}\` in ${f.file.path}.`, hint: 'Check its spelling against the charmcraft.yaml reference; it is ignored.', file: f.file.path, ...f.pos([key], 'key')});
    }
  }
}

function readBases(f: YamlFile, root: Mapping, meta: YamlFile, metaRoot: Mapping): CharmBase[] {
  const out: CharmBase[] = [];
  const add = (name: string, architectures: string[]): void => {
    const existing = out.find((b) => b.name === name);
    if (existing) {
      for (const a of architectures) if (!existing.architectures.includes(a)) existing.architectures.push(a);
    } else {
      out.push({name, architectures});
    }
  };
  const base = root['base'];
  const platforms = root['platforms'];
  if (typeof base === 'string') {
    add(base, isMapping(platforms) ? Object.keys(platforms).filter((k) => !k.includes('@')) : []);
  }
  // `platforms` may carry the base itself (`ubuntu@24.04:amd64` or build-on/build-for entries).
  if (isMapping(platforms) && typeof base !== 'string') {
    for (const [key, value] of Object.entries(platforms)) {
      const m = /^([a-z]+@[\d.]+)(?::(.+))?$/.exec(key);
      if (m) add(m[1]!, m[2] ? [m[2]] : []);
      else if (isMapping(value)) {
        const buildFor = value['build-for'];
        for (const entry of Array.isArray(buildFor) ? buildFor : [buildFor]) {
          const mm = typeof entry === 'string' ? /^([a-z]+@[\d.]+):(.+)$/.exec(entry) : null;
          if (mm) add(mm[1]!, [mm[2]!]);
        }
      }
    }
  }
  const bases = root['bases'];
  if (Array.isArray(bases)) {
    for (const b of bases) {
      // Either `{name, channel, architectures}` or `{build-on: [...], run-on: [...]}`.
      const runOn = isMapping(b) && Array.isArray(b['run-on']) ? b['run-on'] : [b];
      for (const r of runOn) {
        if (isMapping(r) && typeof r['name'] === 'string') {
          const arch = Array.isArray(r['architectures']) ? (r['architectures'] as unknown[]).map(String) : [];
          add(`${r['name']}@${String(r['channel'] ?? '')}`, arch);
        }
      }
    }
  }
  const series = metaRoot['series'];
  if (out.length === 0 && Array.isArray(series)) {
    const known: Record<string, string> = {focal: '20.04', jammy: '22.04', noble: '24.04', bionic: '18.04', xenial: '16.04', kubernetes: ''};
    for (const s of series) if (typeof s === 'string' && known[s]) add(`ubuntu@${known[s]}`, []);
  }
  void f;
  void meta;
  return out;
}

/** `assumes` may nest `any-of` / `all-of` groups; list the plain requirements. */
function flattenAssumes(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isMapping(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return out;
}

function toList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function readLinks(m: Mapping): CharmLinks {
  const links = isMapping(m['links']) ? m['links'] : {};
  const documentation = links['documentation'] ?? m['docs'];
  return {
    website: toList(links['website'] ?? m['website']),
    source: toList(links['source'] ?? m['source']),
    issues: toList(links['issues'] ?? m['issues']),
    ...(typeof documentation === 'string' ? {documentation} : {}),
    contact: toList(links['contact'] ?? m['maintainers'] ?? m['maintainer']),
  };
}

function readEntrypoint(cc: Mapping): string {
  const parts = cc['parts'];
  if (isMapping(parts)) {
    for (const part of Object.values(parts)) {
      if (isMapping(part) && typeof part['charm-entrypoint'] === 'string') return part['charm-entrypoint'].replace(/^\.\//, '');
    }
  }
  return 'src/charm.py';
}

function eachEntry(f: YamlFile, m: Mapping, key: string, sink: DiagnosticSink, example: string): Array<[string, Mapping, string[]]> {
  const section = m[key];
  if (section === undefined || section === null) return [];
  if (!isMapping(section)) {
    sink.error({code: 'wrong-type', message: `\`${key}\` in ${f.file.path} must be a mapping of names to definitions, not ${typeName(section)}.`, hint: `Write it as:\n${example}`, file: f.file.path, ...f.pos([key])});
    return [];
  }
  const out: Array<[string, Mapping, string[]]> = [];
  for (const [name, value] of Object.entries(section)) {
    if (value === null || value === undefined) {
      out.push([name, {}, [key, name]]);
    } else if (isMapping(value)) {
      out.push([name, value, [key, name]]);
    } else {
      sink.error({code: 'wrong-type', message: `\`${key}.${name}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`, hint: `Write it as:\n${example}`, file: f.file.path, ...f.pos([key, name])});
    }
  }
  return out;
}

function readContainers(f: YamlFile, m: Mapping, sink: DiagnosticSink): Container[] {
  return eachEntry(f, m, 'containers', sink, 'containers:\n  app:\n    resource: app-image').map(([name, c, path]) => {
    const mounts = Array.isArray(c['mounts'])
      ? (c['mounts'] as unknown[]).filter(isMapping).map((mt) => ({storage: String(mt['storage'] ?? ''), location: String(mt['location'] ?? '')}))
      : [];
    const bases = Array.isArray(c['bases']) ? (c['bases'] as unknown[]).filter(isMapping) : [];
    const base = bases[0] ? `${String(bases[0]['name'] ?? 'ubuntu')}@${String(bases[0]['channel'] ?? '')}` : undefined;
    return {
      name,
      resource: typeof c['resource'] === 'string' ? c['resource'] : null,
      ...(base ? {base} : {}),
      mounts,
      origin: 'charm' as const,
      line: f.pos(path, 'key').line,
    };
  });
}

function readResources(f: YamlFile, m: Mapping, sink: DiagnosticSink): Resource[] {
  return eachEntry(f, m, 'resources', sink, 'resources:\n  app-image:\n    type: oci-image').map(([name, r]) => ({
    name,
    type: String(r['type'] ?? 'file'),
    description: String(r['description'] ?? ''),
    ...(r['upstream-source'] !== undefined ? {upstreamSource: String(r['upstream-source'])} : {}),
    ...(r['filename'] !== undefined ? {filename: String(r['filename'])} : {}),
    origin: 'charm' as const,
  }));
}

function readStorage(f: YamlFile, m: Mapping, sink: DiagnosticSink): Storage[] {
  return eachEntry(f, m, 'storage', sink, 'storage:\n  data:\n    type: filesystem').map(([name, s]) => {
    const multiple = isMapping(s['multiple']) ? s['multiple']['range'] : undefined;
    return {
      name,
      type: String(s['type'] ?? 'filesystem'),
      description: String(s['description'] ?? ''),
      ...(s['location'] !== undefined ? {location: String(s['location'])} : {}),
      ...(s['shared'] !== undefined ? {shared: s['shared'] === true} : {}),
      ...(s['read-only'] !== undefined ? {readOnly: s['read-only'] === true} : {}),
      ...(multiple !== undefined ? {multiple: String(multiple)} : {}),
      origin: 'charm' as const,
    };
  });
}

function readEndpoints(f: YamlFile, m: Mapping, sink: DiagnosticSink): Endpoint[] {
  const out: Endpoint[] = [];
  for (const role of KNOWN_ROLES) {
    const section = m[role];
    if (section === undefined || section === null) continue;
    if (!isMapping(section)) {
      sink.error({code: 'wrong-type', message: `\`${role}\` in ${f.file.path} must be a mapping of endpoint names to definitions, not ${typeName(section)}.`, hint: `Write it as:\n${role}:\n  database:\n    interface: postgresql_client`, file: f.file.path, ...f.pos([role])});
      continue;
    }
    for (const [name, value] of Object.entries(section)) {
      // Very old charms write `endpoint: interface`.
      const def: Mapping = typeof value === 'string' ? {interface: value} : isMapping(value) ? value : {};
      if (typeof def['interface'] !== 'string') {
        sink.error({code: 'missing-interface', message: `Endpoint \`${role}.${name}\` in ${f.file.path} has no \`interface\`.`, hint: 'Add `interface: <interface-name>` to the endpoint.', file: f.file.path, ...f.pos([role, name], 'key')});
      }
      const limit = def['limit'];
      const scope = def['scope'];
      out.push({
        name,
        role,
        interface: typeof def['interface'] === 'string' ? def['interface'] : '',
        optional: def['optional'] === true,
        ...(typeof limit === 'number' ? {limit} : {}),
        ...(scope === 'global' || scope === 'container' ? {scope} : {}),
        description: typeof def['description'] === 'string' ? def['description'] : '',
        origin: 'charm',
        line: f.pos([role, name], 'key').line,
      });
    }
  }
  return out;
}

/** Config defaults as JSON-safe scalars; `secret` options never keep theirs. */
function readConfig(f: YamlFile, root: string[], sink: DiagnosticSink): ConfigOption[] {
  const container = root.length ? get(f.value, root) : f.value;
  if (container === undefined || container === null) return [];
  if (!isMapping(container)) {
    sink.error({code: 'wrong-type', message: `\`${[...root].join('.') || 'config'}\` in ${f.file.path} must be a mapping with \`options\`.`, hint: 'Write it as:\nconfig:\n  options:\n    port:\n      type: int', file: f.file.path, ...f.pos(root)});
    return [];
  }
  return eachEntry(f, container, 'options', sink, 'options:\n  port:\n    type: int\n    default: 8080').map(([name, o]) => {
    const type = String(o['type'] ?? 'string');
    const d = o['default'];
    const hasDefault = d !== undefined && type !== 'secret';
    return {
      name,
      type,
      ...(hasDefault ? {default: typeof d === 'object' && d !== null ? JSON.stringify(d) : (d as string | number | boolean | null)} : {}),
      description: String(o['description'] ?? ''),
      origin: 'charm' as const,
    };
  });
}

function readActions(f: YamlFile, root: string[], sink: DiagnosticSink): Action[] {
  const container = root.length ? get(f.value, root) : f.value;
  if (container === undefined || container === null) return [];
  if (!isMapping(container)) {
    sink.error({code: 'wrong-type', message: `\`${root.join('.') || 'actions'}\` in ${f.file.path} must be a mapping of action names.`, hint: 'Write it as:\nactions:\n  backup:\n    description: Back up the database.', file: f.file.path, ...f.pos(root)});
    return [];
  }
  const wrapper = {actions: container};
  return eachEntry(f, wrapper, 'actions', sink, 'backup:\n  description: Back up the database.').map(([name, a]) => {
    const required = Array.isArray(a['required']) ? (a['required'] as unknown[]).map(String) : [];
    const params: ActionParam[] = isMapping(a['params'])
      ? Object.entries(a['params']).map(([pname, p]) => {
          const pm = isMapping(p) ? p : {};
          return {
            name: pname,
            type: String(pm['type'] ?? 'string'),
            description: String(pm['description'] ?? ''),
            required: required.includes(pname),
            ...(pm['default'] !== undefined ? {default: pm['default']} : {}),
          };
        })
      : [];
    return {
      name,
      description: String(a['description'] ?? ''),
      params,
      ...(typeof a['additionalProperties'] === 'boolean' ? {additionalProperties: a['additionalProperties']} : {}),
      origin: 'charm' as const,
    };
  });
}
