import {isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode} from 'yaml';
import {CharmArchError} from '../../errors.js';
import {positionOf, type SourceFile} from './text.js';
import {deepNode, duplicateKey, findFirstAlias, textDepthOffset, unresolvedAlias} from './yaml-checks.js';

/** Aliases a charm file may expand before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Collections nested deeper than this are refused (charm metadata and Pebble layers nest a handful of levels). */
export const MAX_YAML_DEPTH = 64;

/** A YAML file parsed once: its plain value, and positions of any path inside it. */
export interface YamlFile {
  file: SourceFile;
  doc: Document.Parsed;
  value: unknown;
  /** 1-based position of the node at `path` (or of its nearest existing parent). */
  pos(path: ReadonlyArray<string | number>, which?: 'key' | 'value'): {line: number; column: number};
}

/**
 * Parses YAML with the `yaml` library and its line index. Syntax errors, duplicate
 * keys and alias bombs become a positioned CharmArchError; nothing from deep
 * inside the parser escapes.
 */
export function parseYamlFile(file: SourceFile): YamlFile {
  // Duplicate keys are found below (the parser's own check reports some of them at the end of the previous value).
  const doc = parseDocument(file.text, {uniqueKeys: false, prettyErrors: false, strict: true});
  // The parser recurses per nesting level: a deep enough file exhausts the stack (it reports
  // RESOURCE_EXHAUSTION at wherever that happened); the position reported is the stable one of the text scan.
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION'))
    throw tooDeep(file, textDepthOffset(file.text, MAX_YAML_DEPTH) ?? 0);
  const problem = doc.errors[0];
  if (problem) {
    const {line, column} = positionOf(file, problem.pos[0]);
    const duplicate = problem.code === 'DUPLICATE_KEY';
    const multiple = problem.code === 'MULTIPLE_DOCS';
    throw new CharmArchError({
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      message: `${duplicate ? 'duplicate key' : 'YAML syntax error'} in ${file.path}: ${multiple ? 'the file holds several YAML documents (`---`)' : firstLine(problem.message)}`,
      file: file.path,
      line,
      column,
      hint: duplicate
        ? 'Remove one of the two keys.'
        : multiple
          ? 'Keep one document: remove the `---` separator and what follows, or merge the documents.'
          : 'Fix the YAML at this position (a YAML linter shows the same error).',
    });
  }
  const deep = deepNode(doc.contents, MAX_YAML_DEPTH);
  if (deep !== null) throw tooDeep(file, deep);
  const duplicate = duplicateKey(doc.contents);
  if (duplicate) {
    throw new CharmArchError({
      code: 'yaml-duplicate-key',
      message: `duplicate key in ${file.path}: \`${duplicate.key}\` is already defined in this mapping.`,
      file: file.path,
      ...positionOf(file, duplicate.offset),
      hint: 'Remove one of the two keys.',
    });
  }
  const unresolved = unresolvedAlias(doc.contents);
  if (unresolved) {
    throw new CharmArchError({
      code: 'yaml-syntax',
      message: `YAML syntax error in ${file.path}: alias \`*${unresolved.name}\` has no anchor \`&${unresolved.name}\` before it.`,
      file: file.path,
      ...positionOf(file, unresolved.offset),
      hint: 'Define the anchor before the alias, or write the value out.',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT});
  } catch (error) {
    const firstAlias = findFirstAlias(doc.contents);
    const {line, column} = positionOf(file, firstAlias ?? 0);
    throw new CharmArchError({
      code: 'yaml-alias-limit',
      message: `${file.path} expands YAML aliases more than ${MAX_ALIAS_COUNT} times (${String((error as Error)?.message ?? error).split('\n')[0]}).`,
      file: file.path,
      line,
      column,
      hint: 'Charm metadata needs no aliases: write the values out.',
    });
  }
  return {
    file,
    doc,
    value,
    pos(path, which = 'value') {
      const offset = offsetOf(doc, path, which);
      return positionOf(file, offset);
    },
  };
}

function tooDeep(file: SourceFile, offset: number): CharmArchError {
  return new CharmArchError({
    code: 'yaml-too-deep',
    message: `${file.path} nests YAML collections more than ${MAX_YAML_DEPTH} levels deep.`,
    file: file.path,
    ...positionOf(file, offset),
    hint: 'Charm files nest a few levels; flatten this value.',
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function offsetOf(doc: Document.Parsed, path: ReadonlyArray<string | number>, which: 'key' | 'value'): number {
  let node = doc.contents as YamlNode | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (!node) break;
    const segment = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const last = i === path.length - 1;
      const keyNode = pair.key as YamlNode | null;
      if (last && which === 'key' && keyNode?.range) return keyNode.range[0];
      node = (pair.value as YamlNode | null) ?? null;
      best = node?.range?.[0] ?? keyNode?.range?.[0] ?? best;
    } else if (isSeq(node) && (typeof segment === 'number' || /^\d+$/.test(segment))) {
      node = (node.items[Number(segment)] as YamlNode | undefined) ?? null;
      best = node?.range?.[0] ?? best;
    } else {
      break;
    }
  }
  return best;
}
