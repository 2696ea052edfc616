import {isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode} from 'yaml';
import {CharmArchError} from '../../errors.js';
import {positionOf, type SourceFile} from './sources.js';

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
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) throw tooDeep(file, textDepthOffset(file.text, MAX_YAML_DEPTH) ?? 0);
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
      hint: duplicate ? 'Remove one of the two keys.' : multiple ? 'Keep one document: remove the `---` separator and what follows, or merge the documents.' : 'Fix the YAML at this position (a YAML linter shows the same error).',
    });
  }
  const deep = deepNode(doc.contents as YamlNode | null, MAX_YAML_DEPTH);
  if (deep !== null) throw tooDeep(file, deep);
  const duplicate = duplicateKey(doc.contents as YamlNode | null);
  if (duplicate) {
    throw new CharmArchError({
      code: 'yaml-duplicate-key',
      message: `duplicate key in ${file.path}: \`${duplicate.key}\` is already defined in this mapping.`,
      file: file.path,
      ...positionOf(file, duplicate.offset),
      hint: 'Remove one of the two keys.',
    });
  }
  const unresolved = unresolvedAlias(doc.contents as YamlNode | null);
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
    const firstAlias = findFirstAlias(doc.contents as YamlNode | null);
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

/** Keys and values of a map, items of a sequence, in document order. */
function childNodes(node: YamlNode): YamlNode[] {
  if (!isMap(node) && !isSeq(node)) return [];
  const children: YamlNode[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (item.key) children.push(item.key as YamlNode);
      if (item.value) children.push(item.value as YamlNode);
    } else if (item) {
      children.push(item as YamlNode);
    }
  }
  return children;
}

/** Offset of the first collection nested deeper than `max` (iterative: no recursion on hostile input). */
function deepNode(root: YamlNode | null, max: number): number | null {
  const stack: Array<[YamlNode, number]> = root ? [[root, 1]] : [];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > max) return node.range?.[0] ?? 0;
    const children = childNodes(node);
    // Reversed so the first child in the document is visited first (the reported node is the first deep one).
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return null;
}

/**
 * Where nesting first exceeds `max` in the raw text, for a file the parser could not even build:
 * flow brackets outside quotes and comments, plus block indentation levels.
 */
export function textDepthOffset(text: string, max: number): number | null {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | null = null;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === ' ') {
        indent++;
        continue;
      }
      lineStart = false;
      if (ch !== '#' && ch !== '\r' && flow === 0) {
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > max) return i;
      }
    }
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
    } else if (ch === '[' || ch === '{') {
      flow++;
      if (indents.length + flow > max) return i;
    } else if (ch === ']' || ch === '}') {
      flow = Math.max(0, flow - 1);
    }
  }
  return null;
}

/** The second occurrence of the first repeated key of a mapping, in document order (keys compared as the JS object keys they become). */
function duplicateKey(root: YamlNode | null): {key: string; offset: number} | null {
  const stack: YamlNode[] = root ? [root] : [];
  let first: {key: string; offset: number} | null = null;
  while (stack.length) {
    const node = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    const children: YamlNode[] = [];
    const seen = new Set<string>();
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const key = item.key as YamlNode | null;
        if (key && isScalar(key)) {
          const name = String(key.value);
          const offset = key.range?.[0] ?? 0;
          if (seen.has(name) && (!first || offset < first.offset)) first = {key: name, offset};
          seen.add(name);
        }
        if (key) children.push(key);
        if (item.value) children.push(item.value as YamlNode);
      } else if (item) {
        children.push(item as YamlNode);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return first;
}

/** The first alias whose anchor is not defined before it, in document order. */
function unresolvedAlias(root: YamlNode | null): {name: string; offset: number} | null {
  const anchors = new Set<string>();
  const stack: YamlNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) return {name: node.source, offset: node.range?.[0] ?? 0};
      continue;
    }
    const anchor = (node as {anchor?: string}).anchor;
    if (anchor) anchors.add(anchor);
    if (!isMap(node) && !isSeq(node)) continue;
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
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
    } else if (isSeq(node) && (typeof segment === 'number' || /^\d+$/.test(segment))) {
      node = (node.items[Number(segment)] as YamlNode | undefined) ?? null;
      best = node?.range?.[0] ?? best;
    } else {
      break;
    }
  }
  return best;
}
