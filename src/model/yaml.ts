import {isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode} from 'yaml';
import {CharmArchError} from './errors.js';
import {positionOf, type SourceFile} from './sources.js';

/** Aliases a charm file may expand before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

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
  const doc = parseDocument(file.text, {uniqueKeys: true, prettyErrors: false, strict: true});
  const problem = doc.errors[0];
  if (problem) {
    const {line, column} = positionOf(file, problem.pos[0]);
    const what = problem.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'YAML syntax error';
    throw new CharmArchError({
      code: problem.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      message: `${what} in ${file.path}: ${firstLine(problem.message)}`,
      file: file.path,
      line,
      column,
      hint: problem.code === 'DUPLICATE_KEY' ? 'Remove one of the two keys.' : 'Fix the YAML at this position (a YAML linter shows the same error).',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT});
  } catch (error) {
    const firstAlias = findFirstAlias(doc.contents as YamlNode | null);
    const {line, column} = positionOf(file, firstAlias ?? 0);
    throw new CharmArchError({
      code: 'yaml-alias-limit',
      message: `${file.path} expands YAML aliases more than ${MAX_ALIAS_COUNT} times (${(error as Error).message.split('\n')[0]}).`,
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function findFirstAlias(node: YamlNode | null): number | null {
  if (!node) return null;
  if (isAlias(node)) return node.range?.[0] ?? null;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const pair = item as {key?: YamlNode; value?: YamlNode};
      const found = findFirstAlias((isMap(node) ? pair.value : item) as YamlNode | null);
      if (found !== null) return found;
    }
  }
  return null;
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
    } else if (isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as YamlNode | undefined) ?? null;
      best = node?.range?.[0] ?? best;
    } else {
      break;
    }
  }
  return best;
}
