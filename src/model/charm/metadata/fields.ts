import type {DiagnosticSink} from '../../sources/diagnostics.js';
import type {YamlFile} from '../../sources/yaml.js';

/** Plain YAML data as the metadata reader sees it. */
export type Mapping = Record<string, unknown>;

export function isMapping(v: unknown): v is Mapping {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function get(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const p of path) v = isMapping(v) ? v[p] : undefined;
  return v;
}

/**
 * A YAML scalar as text (a number or boolean as String() writes it); undefined for null (a key with
 * nothing after it counts as absent), a list or a mapping: never "[object Object]" on a page.
 */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** `{[key]: text}` for a scalar, `{}` when the value is absent (or not a scalar): for spreading into a record. */
export function optionalText<K extends string>(key: K, v: unknown): Partial<Record<K, string>> {
  const text = scalarText(v);
  return text === undefined ? {} : ({[key]: text} as Record<K, string>);
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v}`;
}

// Types of the keys this reader uses: a value of another type is a positioned `wrong-type`
// error (null, i.e. `key:` with nothing after it, counts as absent).

type Kind = 'string' | 'text' | 'boolean' | 'integer' | 'number' | 'list' | 'mapping' | 'strings' | 'string-list';
export type FieldSpec = Record<string, Kind>;

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
export function checkFields(
  f: YamlFile,
  m: Mapping,
  path: readonly string[],
  spec: FieldSpec,
  sink: DiagnosticSink,
): boolean {
  let ok = true;
  for (const [key, kind] of Object.entries(spec)) {
    const v = m[key];
    if (v === undefined || v === null || hasKind(v, kind)) continue;
    ok = false;
    const at = [...path, key];
    sink.error({
      code: 'wrong-type',
      message: `\`${at.join('.')}\` in ${f.file.path} must be ${KIND_TEXT[kind]}, not ${typeName(v)}.`,
      hint:
        kind === 'mapping'
          ? 'Write it as `key: value` pairs, one per line.'
          : kind === 'list' || kind === 'string-list'
            ? 'Write it as `[a, b]` or one `- item` per line.'
            : 'Check the value against the charmcraft.yaml reference.',
      file: f.file.path,
      ...f.pos(at, 'key'),
    });
  }
  return ok;
}

/** Top-level keys not read through eachEntry / readEndpoints / readConfig / readActions / str. */
export const TOP_LEVEL: FieldSpec = {
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
export const LINKS: FieldSpec = {
  documentation: 'string',
  website: 'strings',
  source: 'strings',
  issues: 'strings',
  contact: 'strings',
};
export const CONTAINER: FieldSpec = {resource: 'string', mounts: 'list', bases: 'list', uid: 'integer', gid: 'integer'};
export const MOUNT: FieldSpec = {storage: 'string', location: 'string'};
export const RESOURCE: FieldSpec = {
  type: 'string',
  description: 'text',
  filename: 'string',
  'upstream-source': 'string',
};
export const STORAGE: FieldSpec = {
  type: 'string',
  description: 'text',
  location: 'string',
  shared: 'boolean',
  'read-only': 'boolean',
  multiple: 'mapping',
  'minimum-size': 'text',
  properties: 'string-list',
};
export const ENDPOINT: FieldSpec = {
  interface: 'string',
  limit: 'integer',
  optional: 'boolean',
  scope: 'string',
  description: 'text',
};
export const OPTION: FieldSpec = {type: 'string', description: 'text'};
export const ACTION: FieldSpec = {
  description: 'text',
  params: 'mapping',
  required: 'string-list',
  additionalProperties: 'boolean',
  'execution-group': 'string',
  parallel: 'boolean',
};
// A param's `type` is JSON Schema: a name or a list of names (`[string, "null"]`).
export const PARAM: FieldSpec = {type: 'strings', description: 'text'};
export const PART: FieldSpec = {'charm-entrypoint': 'string', plugin: 'string'};

export function checkTopLevel(f: YamlFile, m: Mapping, sink: DiagnosticSink): void {
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
