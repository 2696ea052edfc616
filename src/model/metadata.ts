import {CharmArchError, CharmLoadError, type DiagnosticSink} from './errors.js';
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
  if (meta.value === null || meta.value === undefined) {
    throw new CharmArchError({code: 'empty-metadata', message: `${meta.file.path} is empty.`, file: meta.file.path, hint: 'A charm needs at least `name`, `summary` and `description`.'});
  }
  const m = expectMapping(meta, [], sink, 'The file must be a mapping of top-level keys (`name: ...`, `summary: ...`).') ?? {};
  const cc = charmcraft && charmcraft !== meta ? expectMapping(charmcraft, [], sink, 'The file must be a mapping of top-level keys (`type: charm`, `bases: ...`).') ?? {} : charmcraft ? m : {};
  // A document that is not a mapping holds nothing else to read.
  if (sink.errors.length) throw new CharmLoadError(sink.errors);
  warnUnknownKeys(meta, m, meta === charmcraft ? CHARMCRAFT_KEYS : METADATA_KEYS, sink);
  if (charmcraft && charmcraft !== meta) warnUnknownKeys(charmcraft, cc, CHARMCRAFT_KEYS, sink);
  checkTopLevel(meta, m, sink);
  if (charmcraft && charmcraft !== meta) checkTopLevel(charmcraft, cc, sink);

  const name = str(meta, m, ['name'], sink);
  if (!name) {
    // `name` of the wrong type is already a positioned error: report that, not a missing name.
    if (sink.errors.length) throw new CharmLoadError(sink.errors);
    throw new CharmArchError({code: 'missing-name', message: `${meta.file.path} has no \`name\`.`, file: meta.file.path, ...meta.pos([]), hint: 'Add `name: <charm-name>` at the top level.'});
  }

  // Legacy charms keep config.yaml / actions.yaml, but some moved one of them into charmcraft.yaml.
  const legacyConfig = layout === 'legacy' ? readYaml(sources, 'config.yaml') : null;
  const legacyActions = layout === 'legacy' ? readYaml(sources, 'actions.yaml') : null;
  const configFile = legacyConfig ?? charmcraft;
  const actionsFile = legacyActions ?? charmcraft;
  if (configFile && !files.includes(configFile)) files.push(configFile);
  if (actionsFile && !files.includes(actionsFile)) files.push(actionsFile);
  const configRoot: string[] = legacyConfig ? [] : ['config'];
  const actionsRoot: string[] = legacyActions ? [] : ['actions'];

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
    ...f.pos(path, 'key'),
  });
  return null;
}

function str(f: YamlFile, root: Mapping, path: ReadonlyArray<string>, sink: DiagnosticSink): string | undefined {
  const v = get(root, path);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  sink.error({code: 'wrong-type', message: `\`${path.join('.')}\` in ${f.file.path} must be a string, not ${typeName(v)}.`, hint: 'Quote the value or write it as text.', file: f.file.path, ...f.pos(path, 'key')});
  return undefined;
}

function readStringList(f: YamlFile | null, root: Mapping, path: ReadonlyArray<string>, sink: DiagnosticSink): string[] {
  const v = get(root, path);
  if (v === undefined || v === null || !f) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  if (typeof v === 'string') return [v];
  sink.error({code: 'wrong-type', message: `\`${path.join('.')}\` in ${f.file.path} must be a list of strings.`, hint: 'Write it as `[a, b]` or one `- item` per line.', file: f.file.path, ...f.pos(path, 'key')});
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

/** A config default as a JSON scalar: YAML's `.nan` / `.inf` become their YAML spelling, mappings and lists JSON text. */
function jsonSafe(d: unknown): unknown {
  if (typeof d === 'number' && !Number.isFinite(d)) return Number.isNaN(d) ? '.nan' : d > 0 ? '.inf' : '-.inf';
  if (typeof d === 'object' && d !== null) return JSON.stringify(jsonSafeDeep(d));
  return d;
}

/** Any YAML value made JSON-serialisable (non-finite numbers as their YAML spelling). */
function jsonSafeDeep(d: unknown): unknown {
  if (typeof d === 'number' && !Number.isFinite(d)) return jsonSafe(d);
  if (Array.isArray(d)) return d.map(jsonSafeDeep);
  if (typeof d === 'object' && d !== null) return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, jsonSafeDeep(v)]));
  return d;
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

/**
 * The `name: definition` entries of the mapping at `m[key]`; `prefix` is where `m` sits in the file
 * (for positions). Each definition's fields are type-checked against `fields`.
 */
function eachEntry(f: YamlFile, m: Mapping, key: string, sink: DiagnosticSink, example: string, fields: FieldSpec = {}, prefix: ReadonlyArray<string> = []): Array<[string, Mapping, string[]]> {
  const section = m[key];
  const at = [...prefix, key];
  if (section === undefined || section === null) return [];
  if (!isMapping(section)) {
    sink.error({code: 'wrong-type', message: `\`${at.join('.')}\` in ${f.file.path} must be a mapping of names to definitions, not ${typeName(section)}.`, hint: `Write it as:\n${example}`, file: f.file.path, ...f.pos(at, 'key')});
    return [];
  }
  const out: Array<[string, Mapping, string[]]> = [];
  for (const [name, value] of Object.entries(section)) {
    if (!name.trim()) {
      sink.error({code: 'empty-name', message: `An entry of \`${at.join('.')}\` in ${f.file.path} has an empty name.`, hint: 'Give it a name (lowercase letters, digits and hyphens).', file: f.file.path, ...f.pos([...at, name], 'key')});
      continue;
    }
    if (value === null || value === undefined) {
      out.push([name, {}, [...at, name]]);
    } else if (isMapping(value)) {
      checkFields(f, value, [...at, name], fields, sink);
      out.push([name, value, [...at, name]]);
    } else {
      sink.error({code: 'wrong-type', message: `\`${[...at, name].join('.')}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`, hint: `Write it as:\n${example}`, file: f.file.path, ...f.pos([...at, name], 'key')});
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Types of the keys this reader uses: a value of another type is a positioned `wrong-type`
// error (null, i.e. `key:` with nothing after it, counts as absent).

type Kind = 'string' | 'text' | 'boolean' | 'integer' | 'number' | 'list' | 'mapping' | 'strings' | 'string-list';
type FieldSpec = Record<string, Kind>;

const KIND_TEXT: Record<Kind, string> = {
  string: 'a string',
  text: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  list: 'a list',
  mapping: 'a mapping',
  strings: 'a string or a list of strings',
  'string-list': 'a list of strings',
};

function hasKind(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
      return typeof v === 'string';
    case 'text':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'list':
      return Array.isArray(v);
    case 'mapping':
      return isMapping(v);
    case 'strings':
      return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    case 'string-list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
}

/** Checks the fields of mapping `m` (at `path` in the file); returns false when one had the wrong type. */
function checkFields(f: YamlFile, m: Mapping, path: ReadonlyArray<string>, spec: FieldSpec, sink: DiagnosticSink): boolean {
  let ok = true;
  for (const [key, kind] of Object.entries(spec)) {
    const v = m[key];
    if (v === undefined || v === null || hasKind(v, kind)) continue;
    ok = false;
    const at = [...path, key];
    sink.error({
      code: 'wrong-type',
      message: `\`${at.join('.')}\` in ${f.file.path} must be ${KIND_TEXT[kind]}, not ${typeName(v)}.`,
      hint: kind === 'mapping' ? 'Write it as `key: value` pairs, one per line.' : kind === 'list' || kind === 'string-list' ? 'Write it as `[a, b]` or one `- item` per line.' : 'Check the value against the charmcraft.yaml reference.',
      file: f.file.path,
      ...f.pos(at, 'key'),
    });
  }
  return ok;
}

/** Top-level keys not read through eachEntry / readEndpoints / readConfig / readActions / str. */
const TOP_LEVEL: FieldSpec = {
  maintainer: 'string',
  maintainers: 'string-list',
  tags: 'string-list',
  series: 'string-list',
  subordinate: 'boolean',
  assumes: 'list',
  docs: 'string',
  issues: 'strings',
  source: 'strings',
  website: 'strings',
  contact: 'strings',
  terms: 'string-list',
  'min-juju-version': 'text',
  'extra-bindings': 'mapping',
  devices: 'mapping',
  deployment: 'mapping',
  'charm-user': 'string',
  payloads: 'mapping',
  links: 'mapping',
  type: 'string',
  base: 'string',
  'build-base': 'string',
  bases: 'list',
  platforms: 'mapping',
  parts: 'mapping',
  charmhub: 'mapping',
  'charm-libs': 'list',
  analysis: 'mapping',
  lint: 'mapping',
  license: 'string',
  hooks: 'mapping',
  'package-repositories': 'list',
};
const LINKS: FieldSpec = {documentation: 'string', website: 'strings', source: 'strings', issues: 'strings', contact: 'strings'};
const CONTAINER: FieldSpec = {resource: 'string', mounts: 'list', bases: 'list', uid: 'integer', gid: 'integer'};
const MOUNT: FieldSpec = {storage: 'string', location: 'string'};
const RESOURCE: FieldSpec = {type: 'string', description: 'text', filename: 'string', 'upstream-source': 'string'};
const STORAGE: FieldSpec = {type: 'string', description: 'text', location: 'string', shared: 'boolean', 'read-only': 'boolean', multiple: 'mapping', 'minimum-size': 'text', properties: 'string-list'};
const ENDPOINT: FieldSpec = {interface: 'string', limit: 'integer', optional: 'boolean', scope: 'string', description: 'text'};
const OPTION: FieldSpec = {type: 'string', description: 'text'};
const ACTION: FieldSpec = {description: 'text', params: 'mapping', required: 'string-list', additionalProperties: 'boolean', 'execution-group': 'string', parallel: 'boolean'};
// A param's `type` is JSON Schema: a name or a list of names (`[string, "null"]`).
const PARAM: FieldSpec = {type: 'strings', description: 'text'};
const PART: FieldSpec = {'charm-entrypoint': 'string', plugin: 'string'};

function checkTopLevel(f: YamlFile, m: Mapping, sink: DiagnosticSink): void {
  checkFields(f, m, [], TOP_LEVEL, sink);
  if (isMapping(m['links'])) checkFields(f, m['links'], ['links'], LINKS, sink);
  const parts = m['parts'];
  if (isMapping(parts)) {
    for (const [name, part] of Object.entries(parts)) {
      if (part === null || part === undefined) continue;
      if (!isMapping(part)) checkFields(f, parts, ['parts'], {[name]: 'mapping'}, sink);
      else checkFields(f, part, ['parts', name], PART, sink);
    }
  }
}

function readContainers(f: YamlFile, m: Mapping, sink: DiagnosticSink): Container[] {
  return eachEntry(f, m, 'containers', sink, 'containers:\n  app:\n    resource: app-image', CONTAINER).map(([name, c, path]) => {
    const rawMounts = Array.isArray(c['mounts']) ? (c['mounts'] as unknown[]) : [];
    rawMounts.forEach((mt, i) => {
      if (isMapping(mt)) checkFields(f, mt, [...path, 'mounts', String(i)], MOUNT, sink);
      else if (mt !== null) sink.error({code: 'wrong-type', message: `\`${[...path, 'mounts'].join('.')}\` items in ${f.file.path} must be mappings (\`storage\`, \`location\`), not ${typeName(mt)}.`, hint: 'Write each mount as `- storage: data` with `location: /path` below it.', file: f.file.path, ...posIn(f, [...path, 'mounts'], i)});
    });
    const mounts = rawMounts.filter(isMapping).map((mt) => ({storage: String(mt['storage'] ?? ''), location: String(mt['location'] ?? '')}));
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
  return eachEntry(f, m, 'resources', sink, 'resources:\n  app-image:\n    type: oci-image', RESOURCE).map(([name, r]) => ({
    name,
    type: String(r['type'] ?? 'file'),
    description: String(r['description'] ?? ''),
    ...(r['upstream-source'] !== undefined ? {upstreamSource: String(r['upstream-source'])} : {}),
    ...(r['filename'] !== undefined ? {filename: String(r['filename'])} : {}),
    origin: 'charm' as const,
  }));
}

function readStorage(f: YamlFile, m: Mapping, sink: DiagnosticSink): Storage[] {
  return eachEntry(f, m, 'storage', sink, 'storage:\n  data:\n    type: filesystem', STORAGE).map(([name, s]) => {
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
      sink.error({code: 'wrong-type', message: `\`${role}\` in ${f.file.path} must be a mapping of endpoint names to definitions, not ${typeName(section)}.`, hint: `Write it as:\n${role}:\n  database:\n    interface: postgresql_client`, file: f.file.path, ...f.pos([role], 'key')});
      continue;
    }
    for (const [name, value] of Object.entries(section)) {
      if (!name.trim()) {
        sink.error({code: 'empty-name', message: `An endpoint of \`${role}\` in ${f.file.path} has an empty name.`, hint: 'Give it a name (lowercase letters, digits and hyphens).', file: f.file.path, ...f.pos([role, name], 'key')});
        continue;
      }
      if (value !== null && value !== undefined && typeof value !== 'string' && !isMapping(value)) {
        sink.error({code: 'wrong-type', message: `Endpoint \`${role}.${name}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`, hint: `Write it as:\n${role}:\n  ${name}:\n    interface: <interface-name>`, file: f.file.path, ...f.pos([role, name], 'key')});
        continue;
      }
      // Very old charms write `endpoint: interface`.
      const def: Mapping = typeof value === 'string' ? {interface: value} : isMapping(value) ? value : {};
      if (isMapping(value) && !checkFields(f, value, [role, name], ENDPOINT, sink)) continue;
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
    sink.error({code: 'wrong-type', message: `\`${[...root].join('.') || '(document)'}\` in ${f.file.path} must be a mapping with \`options\`, not ${typeName(container)}.`, hint: 'Write it as:\nconfig:\n  options:\n    port:\n      type: int', file: f.file.path, ...f.pos(root, 'key')});
    return [];
  }
  return eachEntry(f, container, 'options', sink, 'options:\n  port:\n    type: int\n    default: 8080', OPTION, root).map(([name, o]) => {
    const type = String(o['type'] ?? 'string');
    const d = o['default'];
    const hasDefault = d !== undefined && type !== 'secret';
    return {
      name,
      type,
      ...(hasDefault ? {default: jsonSafe(d) as string | number | boolean | null} : {}),
      description: String(o['description'] ?? ''),
      origin: 'charm' as const,
    };
  });
}

function readActions(f: YamlFile, root: string[], sink: DiagnosticSink): Action[] {
  const container = root.length ? get(f.value, root) : f.value;
  if (container === undefined || container === null) return [];
  if (!isMapping(container)) {
    sink.error({code: 'wrong-type', message: `\`${root.join('.') || '(document)'}\` in ${f.file.path} must be a mapping of action names, not ${typeName(container)}.`, hint: 'Write it as:\nactions:\n  backup:\n    description: Back up the database.', file: f.file.path, ...f.pos(root, 'key')});
    return [];
  }
  // eachEntry reads `wrapper[key]`; for actions.yaml (root []) the entries sit at the top of the file.
  const key = root.length ? root[root.length - 1]! : '';
  const wrapper = {[key]: container};
  const entries = root.length ? eachEntry(f, wrapper, key, sink, 'backup:\n  description: Back up the database.', ACTION, root.slice(0, -1)) : topLevelEntries(f, container, ACTION, sink);
  return entries.map(([name, a, path]) => {
    const required = Array.isArray(a['required']) ? (a['required'] as unknown[]).map(String) : [];
    const params: ActionParam[] = isMapping(a['params'])
      ? Object.entries(a['params']).filter(([pname]) => {
          if (pname.trim()) return true;
          sink.error({code: 'empty-name', message: `A parameter of action \`${name}\` in ${f.file.path} has an empty name.`, hint: 'Give it a name.', file: f.file.path, ...f.pos([...path, 'params', pname], 'key')});
          return false;
        }).map(([pname, p]) => {
          if (p !== null && p !== undefined && !isMapping(p)) checkFields(f, a['params'] as Mapping, [...path, 'params'], {[pname]: 'mapping'}, sink);
          if (isMapping(p)) checkFields(f, p, [...path, 'params', pname], PARAM, sink);
          const pm = isMapping(p) ? p : {};
          return {
            name: pname,
            type: String(pm['type'] ?? 'string'),
            description: String(pm['description'] ?? ''),
            required: required.includes(pname),
            ...(pm['default'] !== undefined ? {default: jsonSafeDeep(pm['default'])} : {}),
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

/** Entries of a file whose top level is the mapping of names (legacy actions.yaml). */
function topLevelEntries(f: YamlFile, m: Mapping, fields: FieldSpec, sink: DiagnosticSink): Array<[string, Mapping, string[]]> {
  const out: Array<[string, Mapping, string[]]> = [];
  for (const [name, value] of Object.entries(m)) {
    if (value === null || value === undefined) out.push([name, {}, [name]]);
    else if (isMapping(value)) {
      checkFields(f, value, [name], fields, sink);
      out.push([name, value, [name]]);
    } else {
      sink.error({code: 'wrong-type', message: `\`${name}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`, hint: 'Write it as:\nbackup:\n  description: Back up the database.', file: f.file.path, ...f.pos([name], 'key')});
    }
  }
  return out;
}

/** Position of item `i` of the sequence at `path` (YamlFile.pos takes string keys and number indexes). */
function posIn(f: YamlFile, path: ReadonlyArray<string>, i: number): {line: number; column: number} {
  return f.pos([...path, i]);
}
