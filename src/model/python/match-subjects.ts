/**
 * `match a, b:` (a tuple subject without parentheses) is valid Python 3.10, but @lezer/python 1.x
 * loses the rest of the enclosing block on it. Such heads are read as `match (a, b):`: two characters
 * more on that line only, so every line number stays the same (columns after the subject on that
 * line move by two).
 */
import {LineCounter} from 'yaml';
import type {SourceFile} from '../sources/text.js';

const MATCH_HEAD = /^([ \t]*match)([ \t]+)(?![(\s])([^\n#]*?)(:[ \t]*(?:#[^\n]*)?)$/gm;

/** The file as the parser should read it: the same object when no head needs parentheses. */
export function withParenthesisedMatchSubjects(file: SourceFile): SourceFile {
  if (!mayHaveTupleSubject(file.text)) return file;
  let changed = false;
  const text = file.text.replace(
    MATCH_HEAD,
    (all: string, head: string, space: string, subject: string, colon: string, offset: number) => {
      if (!hasTopLevelComma(subject) || !nextLineIsCase(file.text, offset + all.length)) return all;
      changed = true;
      return `${head}${space}(${subject})${colon}`;
    },
  );
  if (!changed) return file;
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return {...file, text, lines};
}

/**
 * Whether a line starts (after blanks) with `match` and a blank and has a comma after it: what
 * `/^[ \t]*match[ \t][^\n]*,/m` tests, without running a regular expression once over every
 * file (V8 interprets a regular expression's first runs, slowly on a whole module's text).
 */
function mayHaveTupleSubject(text: string): boolean {
  for (let i = text.indexOf('match'); i !== -1; i = text.indexOf('match', i + 5)) {
    const after = text.charCodeAt(i + 5);
    if (after !== 32 && after !== 9) continue;
    let start = i;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    if (start > 0 && !LINE_BREAKS.has(text.charCodeAt(start - 1))) continue;
    const eol = text.indexOf('\n', i);
    if (text.slice(i, eol === -1 ? undefined : eol).includes(',')) return true;
  }
  return false;
}

/** What ends a line for `^` in a multiline regular expression: \n, \r, U+2028, U+2029. */
const LINE_BREAKS = new Set([10, 13, 0x2028, 0x2029]);

/** A comma outside brackets and strings: the subject is a tuple. */
function hasTopLevelComma(subject: string): boolean {
  let depth = 0;
  let quote = '';
  for (const c of subject) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) return true;
  }
  return false;
}

/** The next line that is not blank or a comment starts with `case`: the head opens a match block. */
function nextLineIsCase(text: string, from: number): boolean {
  const rest = text
    .slice(from, from + 2000)
    .split('\n')
    .slice(1);
  const next = rest.find((l) => l.trim() && !l.trim().startsWith('#'));
  return next !== undefined && /^\s+case\b/.test(next);
}
