import {createHash} from 'node:crypto';
import {parser} from '@lezer/python';
import type {SyntaxNode, Tree} from '@lezer/common';
import {positionOf, type SourceFile} from '../sources/text.js';
import {withParenthesisedMatchSubjects} from './match-subjects.js';
import {containsErrorNode, nestingBeyond, newerSyntax, parserGap} from './error-nodes.js';

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
