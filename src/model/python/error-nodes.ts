/** Where a parse really fails: error nodes, the forms @lezer/python misreads, nesting CPython refuses. */
import {Tree, type SyntaxNode, type TreeBuffer} from '@lezer/common';

/** Whether any node of the tree is an error node (read from the compact buffers the parser stores leaves in). */
export function containsErrorNode(tree: Tree): boolean {
  if (tree.type.isError) return true;
  for (const child of tree.children) {
    if (child instanceof Tree ? containsErrorNode(child) : bufferHasError(child)) return true;
  }
  return false;
}

function bufferHasError(buffer: TreeBuffer): boolean {
  const types = buffer.set.types;
  const b = buffer.buffer;
  // Four numbers per node: type, start, end, end index of its children.
  for (let i = 0; i < b.length; i += 4) if (types[b[i]!]!.isError) return true;
  return false;
}

/**
 * Valid Python 3.10+ that @lezer/python reads with error nodes: parenthesised context managers
 * (`with (a as b, c as d):`) and an unparenthesised tuple as a `match` subject (`match a, b:`).
 * Error nodes in those statement heads are not syntax errors; the facts around them still parse.
 */
export function newerSyntax(node: SyntaxNode, source: string): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === 'Body' || p.name === 'MatchBody') return false;
    if (p.name === 'WithStatement') return /^with\s*\(/.test(source.slice(p.from, p.from + 40));
    if (p.name === 'MatchStatement') return true;
  }
  return false;
}

/**
 * Valid Python that @lezer/python 1.x marks with an error node (each found by the valid-forms
 * corpus, test/model/python-syntax/valid-forms.ts, which CPython referees): a bare `yield`, a float
 * written `5.`, a decorator that is any expression (3.9), an empty class pattern `case str():`,
 * a starred subscript `a[*b]` (3.11), a type parameter default `[T = int]` (3.13).
 */
export function parserGap(node: SyntaxNode, source: string): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const empty = node.from === node.to;
  const before = node.prevSibling;
  if (empty && (parent.name === 'YieldStatement' || parent.name === 'YieldExpression') && before?.name === 'yield')
    return true;
  if (
    empty &&
    parent.name === 'MemberExpression' &&
    /^\d[\d_]*\.$/.test(source.slice(parent.from, node.from).trimEnd())
  )
    return true;
  if (parent.name === 'Decorator' || (empty && before?.name === 'Decorator'))
    return balancedLine(source, (parent.name === 'Decorator' ? parent : before!).from);
  if (
    empty &&
    parent.name === 'LiteralPattern' &&
    parent.parent?.name === 'PatternArgList' &&
    source.slice(parent.parent.from, parent.parent.to).replace(/\s+/g, '') === '()'
  )
    return true;
  if (parent.name === 'MemberExpression' && before?.name === '[' && source.slice(node.from, node.to) === '*')
    return true;
  return parent.name === 'TypeParam';
}

/** Whether the line starting at `from` closes every bracket it opens (a relaxed decorator, not a broken one). */
function balancedLine(source: string, from: number): boolean {
  const end = source.indexOf('\n', from);
  const line = source.slice(from, end === -1 ? undefined : end);
  let depth = 0;
  for (const c of line) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/** Offset where bracket nesting first exceeds `max` (strings and comments skipped roughly), or null. */
export function nestingBeyond(source: string, max: number): number | null {
  // Jumps between the characters that matter with global regular expressions (`test` moves
  // `lastIndex`, no match is allocated): V8 compiles them after their first run, where a loop over
  // every character stays interpreted through a cold load (about 40 ns a character of src/).
  let depth = 0;
  let at = 0;
  for (;;) {
    NESTING_STOPS.lastIndex = at;
    if (!NESTING_STOPS.test(source)) return null;
    const i = NESTING_STOPS.lastIndex - 1;
    const c = source[i]!;
    at = i + 1;
    if (c === '#') {
      const nl = source.indexOf('\n', i);
      if (nl === -1) return null;
      at = nl + 1;
    } else if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i);
      const stops = QUOTE_STOPS[triple ? c.repeat(3) : c]!;
      stops.lastIndex = i + (triple ? 3 : 1);
      // To the closing quote (a backslash escapes the next character); the end of the text ends the scan.
      for (;;) {
        if (!stops.test(source)) return null;
        if (source.charCodeAt(stops.lastIndex - 1) !== BACKSLASH) break;
        stops.lastIndex += 1;
      }
      at = stops.lastIndex;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > max) return i;
    } else {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** Outside strings: comments, quotes and brackets. */
const NESTING_STOPS = /[#"'()[\]{}]/g;
/** Inside a string (which may run over lines here): an escape, or its closing quote(s). */
const QUOTE_STOPS: Record<string, RegExp> = {
  '"': /\\|"/g,
  "'": /\\|'/g,
  '"""': /\\|"""/g,
  "'''": /\\|'''/g,
};
const BACKSLASH = 92;
