import {createHash} from 'node:crypto';
import {parser} from '@lezer/python';
import {Tree, type SyntaxNode, type TreeBuffer} from '@lezer/common';
import {positionOf, type SourceFile} from '../sources/text.js';
import {withParenthesisedMatchSubjects} from './match-subjects.js';

export type {SyntaxNode};

/** A Python module parsed by @lezer/python: never imported, never executed. */
export interface PyModule {
  file: SourceFile;
  tree: Tree;
  /** Dotted module name relative to its import root (`main`, `pkg.mod`, `pkg.x.v0.lib`). */
  name: string;
  /** The first syntax error, if any: facts still come from what parses. */
  syntaxError?: {line: number; column: number};
}

/** Bracket nesting CPython itself refuses (its parser limit is 200). */
const MAX_NESTING = 200;

/** A parsed text: its tree and the offset of its first syntax error (-1: the parser failed outright). */
interface Parsed {
  tree: Tree;
  errorAt?: number;
}

/**
 * Recently parsed texts, by content hash, least recently used first. Trees are immutable, so a
 * reload after one edit (`docusaurus start`, a test) parses only the file that changed. Bounded by
 * the characters parsed: a tree takes about 1.2 bytes per character.
 */
const parsedTexts = new Map<string, Parsed & {chars: number}>();
const PARSED_CHARS_LIMIT = 8_000_000;
let parsedChars = 0;

/** Forgets every remembered parse (benchmarks of a cold parse, tests). */
export function clearParsedTexts(): void {
  parsedTexts.clear();
  parsedChars = 0;
}

function parseText(source: string, part?: {ranges: readonly TextRange[]; textKey: string}): Parsed {
  const key = part ? `${part.textKey}:${part.ranges.map((r) => `${r.from}-${r.to}`).join(',')}` : textKeyOf(source);
  const hit = parsedTexts.get(key);
  if (hit) {
    parsedTexts.delete(key);
    parsedTexts.set(key, hit);
    return hit;
  }
  const chars = part ? part.ranges.reduce((n, r) => n + r.to - r.from, 0) : source.length;
  const parsed = {...parseUncached(source, part?.ranges), chars};
  parsedTexts.set(key, parsed);
  parsedChars += chars;
  for (const [k, v] of parsedTexts) {
    if (parsedChars <= PARSED_CHARS_LIMIT) break;
    parsedTexts.delete(k);
    parsedChars -= v.chars;
  }
  return parsed;
}

/** The key a text's parses are remembered by. */
export function textKeyOf(source: string): string {
  return createHash('sha1').update(source).digest('base64');
}

export interface TextRange {
  from: number;
  to: number;
}

function parseUncached(source: string, ranges?: readonly TextRange[]): Parsed {
  // Parts of a text come from statements.ts, which refuses a text nested too deeply.
  const tooDeep = ranges ? null : nestingBeyond(source, MAX_NESTING);
  // The parser would recurse past the stack on such input; CPython refuses it too.
  if (tooDeep !== null) return {tree: parser.parse(''), errorAt: tooDeep};
  let tree: Tree;
  try {
    // lezer counts positions from the first range: a range at 0 first keeps them those of the text.
    tree = ranges
      ? parser.parse(source, undefined, ranges[0]!.from > 0 ? [{from: 0, to: 0}, ...ranges] : ranges)
      : parser.parse(source);
  } catch {
    return {tree: parser.parse(''), errorAt: -1};
  }
  // Most modules have no error node: a scan of the tree's node types says so without visiting nodes.
  if (!containsErrorNode(tree)) return {tree};
  let errorAt: number | undefined;
  tree.iterate({
    enter(n) {
      if (errorAt !== undefined) return false;
      if (n.type.isError && !newerSyntax(n.node, source) && !parserGap(n.node, source)) {
        errorAt = n.from;
        return false;
      }
      return undefined;
    },
  });
  return errorAt === undefined ? {tree} : {tree, errorAt};
}

export function parseModule(original: SourceFile, name: string): PyModule {
  // The module's text as parsed: the same, but for `match a, b:` heads (see match-subjects.ts).
  const file = withParenthesisedMatchSubjects(original);
  const {tree, errorAt} = parseText(file.text);
  if (errorAt === undefined) return {file, tree, name};
  return {file, tree, name, syntaxError: syntaxErrorAt(file, errorAt)};
}

/** The file as the parser reads it (see match-subjects.ts). */
export const parsedText = withParenthesisedMatchSubjects;

/**
 * Parses some statements of a file only (`ranges`: whole lines, in order); positions in the tree are
 * those of the whole text. `textKey` is textKeyOf(file.text), computed once by the caller.
 */
export function parseStatements(
  file: SourceFile,
  ranges: readonly TextRange[],
  textKey: string,
): {tree: Tree; syntaxError?: {line: number; column: number}} {
  const {tree, errorAt} = parseText(file.text, {ranges, textKey});
  return errorAt === undefined ? {tree} : {tree, syntaxError: syntaxErrorAt(file, errorAt)};
}

function syntaxErrorAt(file: SourceFile, errorAt: number): {line: number; column: number} {
  return errorAt < 0 ? {line: 1, column: 1} : positionOf(file, errorAt);
}

/** Whether any node of the tree is an error node (read from the compact buffers the parser stores leaves in). */
function containsErrorNode(tree: Tree): boolean {
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
function newerSyntax(node: SyntaxNode, source: string): boolean {
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
function parserGap(node: SyntaxNode, source: string): boolean {
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
function nestingBeyond(source: string, max: number): number | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (source.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (c === '#') {
      const nl = source.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
    } else if (c === '"' || c === "'") {
      quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

export function text(mod: PyModule, node: SyntaxNode): string {
  return mod.file.text.slice(node.from, node.to);
}

export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Children that carry meaning: punctuation and keywords dropped. */
export function parts(node: SyntaxNode): SyntaxNode[] {
  return kids(node).filter((c) => !PUNCTUATION.has(c.name));
}

const PUNCTUATION = new Set([
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  ':',
  'AssignOp',
  'from',
  'import',
  'as',
  'def',
  'class',
  'async',
  'for',
  'in',
  'return',
  'lambda',
  'if',
  'else',
  'Comment',
]);

export function line(mod: PyModule, node: SyntaxNode): {line: number; column: number} {
  return positionOf(mod.file, node.from);
}

export function childOf(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
}

/** The innermost enclosing node of one of the given types. */
export function enclosing(node: SyntaxNode, names: string[]): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (names.includes(p.name)) return p;
  return null;
}
