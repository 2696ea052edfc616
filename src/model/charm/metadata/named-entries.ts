/** The `name: definition` entries of a metadata mapping, each definition type-checked, with its position. */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {checkFields, isMapping, typeName, type FieldSpec, type Mapping} from './fields.js';
import type {YamlFile} from '../../sources/yaml.js';

/**
 * The `name: definition` entries of the mapping at `m[key]`; `prefix` is where `m` sits in the file
 * (for positions). Each definition's fields are type-checked against `fields`.
 */
export function eachEntry(
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

/** Entries of a file whose top level is the mapping of names (legacy actions.yaml). */
export function topLevelEntries(
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
