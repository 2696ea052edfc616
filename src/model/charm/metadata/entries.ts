import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {
  ACTION,
  CONTAINER,
  ENDPOINT,
  MOUNT,
  OPTION,
  PARAM,
  RESOURCE,
  STORAGE,
  checkFields,
  get,
  isMapping,
  optionalText,
  scalarText,
  typeName,
  type FieldSpec,
  type Mapping,
} from './fields.js';
import type {
  Action,
  ActionParam,
  ConfigOption,
  Container,
  Endpoint,
  EndpointRole,
  Resource,
  Storage,
} from '../../types.js';
import type {YamlFile} from '../../sources/yaml.js';

const KNOWN_ROLES: EndpointRole[] = ['requires', 'provides', 'peers'];

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
  if (typeof d === 'object' && d !== null)
    return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, jsonSafeDeep(v)]));
  return d;
}

/**
 * The `name: definition` entries of the mapping at `m[key]`; `prefix` is where `m` sits in the file
 * (for positions). Each definition's fields are type-checked against `fields`.
 */
function eachEntry(
  f: YamlFile,
  m: Mapping,
  key: string,
  sink: DiagnosticSink,
  example: string,
  fields: FieldSpec = {},
  prefix: readonly string[] = [],
): Array<[string, Mapping, string[]]> {
  const section = m[key];
  const at = [...prefix, key];
  if (section === undefined || section === null) return [];
  if (!isMapping(section)) {
    sink.error({
      code: 'wrong-type',
      message: `\`${at.join('.')}\` in ${f.file.path} must be a mapping of names to definitions, not ${typeName(section)}.`,
      hint: `Write it as:\n${example}`,
      file: f.file.path,
      ...f.pos(at, 'key'),
    });
    return [];
  }
  const out: Array<[string, Mapping, string[]]> = [];
  for (const [name, value] of Object.entries(section)) {
    if (!name.trim()) {
      sink.error({
        code: 'empty-name',
        message: `An entry of \`${at.join('.')}\` in ${f.file.path} has an empty name.`,
        hint: 'Give it a name (lowercase letters, digits and hyphens).',
        file: f.file.path,
        ...f.pos([...at, name], 'key'),
      });
      continue;
    }
    if (value === null || value === undefined) {
      out.push([name, {}, [...at, name]]);
    } else if (isMapping(value)) {
      checkFields(f, value, [...at, name], fields, sink);
      out.push([name, value, [...at, name]]);
    } else {
      sink.error({
        code: 'wrong-type',
        message: `\`${[...at, name].join('.')}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`,
        hint: `Write it as:\n${example}`,
        file: f.file.path,
        ...f.pos([...at, name], 'key'),
      });
    }
  }
  return out;
}

export function readContainers(f: YamlFile, m: Mapping, sink: DiagnosticSink): Container[] {
  return eachEntry(f, m, 'containers', sink, 'containers:\n  app:\n    resource: app-image', CONTAINER).map(
    ([name, c, path]) => {
      const rawMounts = Array.isArray(c['mounts']) ? (c['mounts'] as unknown[]) : [];
      rawMounts.forEach((mt, i) => {
        if (isMapping(mt)) checkFields(f, mt, [...path, 'mounts', String(i)], MOUNT, sink);
        else if (mt !== null)
          sink.error({
            code: 'wrong-type',
            message: `\`${[...path, 'mounts'].join('.')}\` items in ${f.file.path} must be mappings (\`storage\`, \`location\`), not ${typeName(mt)}.`,
            hint: 'Write each mount as `- storage: data` with `location: /path` below it.',
            file: f.file.path,
            ...posIn(f, [...path, 'mounts'], i),
          });
      });
      const mounts = rawMounts
        .filter(isMapping)
        .map((mt) => ({storage: scalarText(mt['storage']) ?? '', location: scalarText(mt['location']) ?? ''}));
      const bases = Array.isArray(c['bases']) ? (c['bases'] as unknown[]).filter(isMapping) : [];
      const base = bases[0]
        ? `${scalarText(bases[0]['name']) ?? 'ubuntu'}@${scalarText(bases[0]['channel']) ?? ''}`
        : undefined;
      return {
        name,
        resource: typeof c['resource'] === 'string' ? c['resource'] : null,
        ...(base ? {base} : {}),
        mounts,
        origin: 'charm' as const,
        line: f.pos(path, 'key').line,
      };
    },
  );
}

export function readResources(f: YamlFile, m: Mapping, sink: DiagnosticSink): Resource[] {
  return eachEntry(f, m, 'resources', sink, 'resources:\n  app-image:\n    type: oci-image', RESOURCE).map(
    ([name, r]) => ({
      name,
      type: scalarText(r['type']) ?? 'file',
      description: scalarText(r['description']) ?? '',
      ...optionalText('upstreamSource', r['upstream-source']),
      ...optionalText('filename', r['filename']),
      origin: 'charm' as const,
    }),
  );
}

export function readStorage(f: YamlFile, m: Mapping, sink: DiagnosticSink): Storage[] {
  return eachEntry(f, m, 'storage', sink, 'storage:\n  data:\n    type: filesystem', STORAGE).map(([name, s]) => {
    const multiple = isMapping(s['multiple']) ? s['multiple']['range'] : undefined;
    return {
      name,
      type: scalarText(s['type']) ?? 'filesystem',
      description: scalarText(s['description']) ?? '',
      ...optionalText('location', s['location']),
      ...(s['shared'] !== undefined ? {shared: s['shared'] === true} : {}),
      ...(s['read-only'] !== undefined ? {readOnly: s['read-only'] === true} : {}),
      ...optionalText('multiple', multiple),
      origin: 'charm' as const,
    };
  });
}

export function readEndpoints(f: YamlFile, m: Mapping, sink: DiagnosticSink): Endpoint[] {
  const out: Endpoint[] = [];
  for (const role of KNOWN_ROLES) {
    const section = m[role];
    if (section === undefined || section === null) continue;
    if (!isMapping(section)) {
      sink.error({
        code: 'wrong-type',
        message: `\`${role}\` in ${f.file.path} must be a mapping of endpoint names to definitions, not ${typeName(section)}.`,
        hint: `Write it as:\n${role}:\n  database:\n    interface: postgresql_client`,
        file: f.file.path,
        ...f.pos([role], 'key'),
      });
      continue;
    }
    for (const [name, value] of Object.entries(section)) {
      if (!name.trim()) {
        sink.error({
          code: 'empty-name',
          message: `An endpoint of \`${role}\` in ${f.file.path} has an empty name.`,
          hint: 'Give it a name (lowercase letters, digits and hyphens).',
          file: f.file.path,
          ...f.pos([role, name], 'key'),
        });
        continue;
      }
      if (value !== null && value !== undefined && typeof value !== 'string' && !isMapping(value)) {
        sink.error({
          code: 'wrong-type',
          message: `Endpoint \`${role}.${name}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`,
          hint: `Write it as:\n${role}:\n  ${name}:\n    interface: <interface-name>`,
          file: f.file.path,
          ...f.pos([role, name], 'key'),
        });
        continue;
      }
      // Very old charms write `endpoint: interface`.
      const def: Mapping = typeof value === 'string' ? {interface: value} : isMapping(value) ? value : {};
      if (isMapping(value) && !checkFields(f, value, [role, name], ENDPOINT, sink)) continue;
      if (typeof def['interface'] !== 'string') {
        sink.error({
          code: 'missing-interface',
          message: `Endpoint \`${role}.${name}\` in ${f.file.path} has no \`interface\`.`,
          hint: 'Add `interface: <interface-name>` to the endpoint.',
          file: f.file.path,
          ...f.pos([role, name], 'key'),
        });
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
export function readConfig(f: YamlFile, root: string[], sink: DiagnosticSink): ConfigOption[] {
  const container = root.length ? get(f.value, root) : f.value;
  if (container === undefined || container === null) return [];
  if (!isMapping(container)) {
    sink.error({
      code: 'wrong-type',
      message: `\`${[...root].join('.') || '(document)'}\` in ${f.file.path} must be a mapping with \`options\`, not ${typeName(container)}.`,
      hint: 'Write it as:\nconfig:\n  options:\n    port:\n      type: int',
      file: f.file.path,
      ...f.pos(root, 'key'),
    });
    return [];
  }
  return eachEntry(
    f,
    container,
    'options',
    sink,
    'options:\n  port:\n    type: int\n    default: 8080',
    OPTION,
    root,
  ).map(([name, o]) => {
    const type = scalarText(o['type']) ?? 'string';
    const d = o['default'];
    const hasDefault = d !== undefined && type !== 'secret';
    return {
      name,
      type,
      ...(hasDefault ? {default: jsonSafe(d) as string | number | boolean | null} : {}),
      description: scalarText(o['description']) ?? '',
      origin: 'charm' as const,
    };
  });
}

export function readActions(f: YamlFile, root: string[], sink: DiagnosticSink): Action[] {
  const container = root.length ? get(f.value, root) : f.value;
  if (container === undefined || container === null) return [];
  if (!isMapping(container)) {
    sink.error({
      code: 'wrong-type',
      message: `\`${root.join('.') || '(document)'}\` in ${f.file.path} must be a mapping of action names, not ${typeName(container)}.`,
      hint: 'Write it as:\nactions:\n  backup:\n    description: Back up the database.',
      file: f.file.path,
      ...f.pos(root, 'key'),
    });
    return [];
  }
  // eachEntry reads `wrapper[key]`; for actions.yaml (root []) the entries sit at the top of the file.
  const key = root.length ? root[root.length - 1]! : '';
  const wrapper = {[key]: container};
  const entries = root.length
    ? eachEntry(f, wrapper, key, sink, 'backup:\n  description: Back up the database.', ACTION, root.slice(0, -1))
    : topLevelEntries(f, container, ACTION, sink);
  return entries.map(([name, a, path]) => {
    const required = Array.isArray(a['required']) ? (a['required'] as unknown[]).map(String) : [];
    const params: ActionParam[] = isMapping(a['params'])
      ? Object.entries(a['params'])
          .filter(([pname]) => {
            if (pname.trim()) return true;
            sink.error({
              code: 'empty-name',
              message: `A parameter of action \`${name}\` in ${f.file.path} has an empty name.`,
              hint: 'Give it a name.',
              file: f.file.path,
              ...f.pos([...path, 'params', pname], 'key'),
            });
            return false;
          })
          .map(([pname, p]) => {
            if (p !== null && p !== undefined && !isMapping(p))
              checkFields(f, a['params'] as Mapping, [...path, 'params'], {[pname]: 'mapping'}, sink);
            if (isMapping(p)) checkFields(f, p, [...path, 'params', pname], PARAM, sink);
            const pm = isMapping(p) ? p : {};
            return {
              name: pname,
              type: scalarText(pm['type']) ?? 'string',
              description: scalarText(pm['description']) ?? '',
              required: required.includes(pname),
              ...(pm['default'] !== undefined ? {default: jsonSafeDeep(pm['default'])} : {}),
            };
          })
      : [];
    return {
      name,
      description: scalarText(a['description']) ?? '',
      params,
      ...(typeof a['additionalProperties'] === 'boolean' ? {additionalProperties: a['additionalProperties']} : {}),
      origin: 'charm' as const,
      file: f.file.path,
      line: f.pos(path, 'key').line,
    };
  });
}

/** Entries of a file whose top level is the mapping of names (legacy actions.yaml). */
function topLevelEntries(
  f: YamlFile,
  m: Mapping,
  fields: FieldSpec,
  sink: DiagnosticSink,
): Array<[string, Mapping, string[]]> {
  const out: Array<[string, Mapping, string[]]> = [];
  for (const [name, value] of Object.entries(m)) {
    if (!name.trim()) {
      sink.error({
        code: 'empty-name',
        message: `An entry of ${f.file.path} has an empty name.`,
        hint: 'Give it a name (lowercase letters, digits and hyphens).',
        file: f.file.path,
        ...f.pos([name], 'key'),
      });
      continue;
    }
    if (value === null || value === undefined) out.push([name, {}, [name]]);
    else if (isMapping(value)) {
      checkFields(f, value, [name], fields, sink);
      out.push([name, value, [name]]);
    } else {
      sink.error({
        code: 'wrong-type',
        message: `\`${name}\` in ${f.file.path} must be a mapping, not ${typeName(value)}.`,
        hint: 'Write it as:\nbackup:\n  description: Back up the database.',
        file: f.file.path,
        ...f.pos([name], 'key'),
      });
    }
  }
  return out;
}

/** Position of item `i` of the sequence at `path` (YamlFile.pos takes string keys and number indexes). */
function posIn(f: YamlFile, path: readonly string[], i: number): {line: number; column: number} {
  return f.pos([...path, i]);
}
