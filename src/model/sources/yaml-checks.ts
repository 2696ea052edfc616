/** Checks of a parsed YAML tree before its value is used: nesting depth, duplicate keys, aliases. */
import {isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode} from 'yaml';

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
export function deepNode(root: YamlNode | null, max: number): number | null {
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
export function duplicateKey(root: YamlNode | null): {key: string; offset: number} | null {
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
export function unresolvedAlias(root: YamlNode | null): {name: string; offset: number} | null {
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

export function findFirstAlias(node: YamlNode | null): number | null {
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
