/** Config options and actions of a charm's metadata, their defaults made JSON-safe. */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {ACTION, OPTION, PARAM, checkFields, get, isMapping, scalarText, typeName, type Mapping} from './fields.js';
import {eachEntry, topLevelEntries} from './named-entries.js';
import type {Action, ActionParam, ConfigOption} from '../../types.js';
import type {YamlFile} from '../../sources/yaml.js';

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
