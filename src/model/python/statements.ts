/**
 * The top-level statements of a Python module, found by a scan of its text (no parse): where each
 * starts and ends, and the name a `class` or `def` statement binds. A library is read to
 * resolve one or two of its classes; this scan lets the parser read only those (lazy-module.ts).
 *
 * A statement starts on a line whose first character is not blank, outside brackets, strings and
 * backslash continuations. The scan knows Python's string forms (prefixes, triple quotes, escapes);
 * when it ends inside a string or a bracket (a syntax error, or a form it does not know), it gives
 * no answer and the module is parsed whole, so a wrong split can never hide code from the model.
 */

export interface TopStatement {
  from: number;
  /** The start of the next statement (trailing blank and comment lines included), or the end of the text. */
  to: number;
  /**
   * `class` and `def` statements (decorators included) can be parsed on their own when first used;
   * a statement that is only a string (the module's docstring, usage notes) binds nothing.
   */
  kind: 'class' | 'def' | 'string' | 'other';
  /** The name a `class` or `def` binds. */
  name?: string;
  /** What a `class` head writes between its name and its colon (its bases), as text. */
  head?: string;
}

/** Lines at column 0 that continue the compound statement above them rather than start one. */
const CONTINUATION = /^(else|elif|except|finally)\b/;
const DEFINITION = /^(?:async[ \t]+)?(def|class)[ \t]+([A-Za-z_]\w*)/;

/** Bracket nesting CPython itself refuses (its parser limit is 200): such a text is parsed whole, and refused there. */
const MAX_NESTING = 200;

export function topLevelStatements(text: string): TopStatement[] | null {
  const starts = statementStarts(text);
  if (!starts) return null;
  const out: TopStatement[] = [];
  // The last statement is decorators so far: the definition below them joins it.
  let decorating = false;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = starts[i + 1] ?? text.length;
    const eol = text.indexOf('\n', from);
    const line = text.slice(from, eol === -1 ? text.length : eol);
    const last = out[out.length - 1];
    const m = DEFINITION.exec(line);
    if (last && (decorating || CONTINUATION.test(line))) {
      last.to = to;
      if (decorating && m) Object.assign(last, definition(m, text, from));
      decorating = decorating && !m && line.startsWith('@');
      continue;
    }
    out.push(
      m ? {from, to, ...definition(m, text, from)} : {from, to, kind: onlyAString(text, from, to) ? 'string' : 'other'},
    );
    decorating = !m && line.startsWith('@');
  }
  return out;
}

/** A statement that is one string literal (and comments): `"""Module docs."""`. */
function onlyAString(text: string, from: number, to: number): boolean {
  const m = /^[rRuUbB]{0,2}("""|'''|"|')/.exec(text.slice(from, from + 5));
  if (!m) return false;
  const end = stringEnd(text, from + m[0].length - m[1]!.length);
  return end > 0 && end <= to && /^[ \t]*(#[^\n]*)?(\r?\n[ \t]*(#[^\n]*)?)*$/.test(text.slice(end, to));
}

function definition(m: RegExpExecArray, text: string, from: number): Pick<TopStatement, 'kind' | 'name' | 'head'> {
  const kind = m[1] === 'class' ? 'class' : 'def';
  if (kind === 'def') return {kind, name: m[2]!};
  const afterName = from + m.index + m[0].length;
  const colon = headEnd(text, afterName);
  return {kind, name: m[2]!, head: text.slice(afterName, colon)};
}

/** The offset of the colon that ends a class head (brackets skipped). */
function headEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ':' && depth <= 0) return i;
  }
  return text.length;
}

// Character codes the scan looks at (charCodeAt: no one-character strings in a loop over the whole text).
const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FF = 12;
const HASH = 35;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const OPENERS = new Set([40, 91, 123]);
const CLOSERS = new Set([41, 93, 125]);

/** Offsets of the lines that start a top-level statement; null when the text ends inside a string or bracket. */
function statementStarts(text: string): number[] | null {
  const starts: number[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // At the start of a line.
    const c = text.charCodeAt(i);
    if (depth === 0 && c !== SPACE && c !== TAB && c !== NL && c !== CR && c !== HASH && c !== FF) starts.push(i);
    // The rest of the line (and any string or bracket that runs past it).
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === NL) {
        i++;
        break;
      }
      if (ch === HASH) {
        const nl = text.indexOf('\n', i);
        i = nl === -1 ? n : nl;
      } else if (ch === BACKSLASH) {
        // An escaped character; a backslash before the line break joins the next line to this one.
        i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
      } else if (ch === DQUOTE || ch === SQUOTE) {
        const end = stringEnd(text, i);
        if (end < 0) return null;
        i = end;
      } else {
        if (OPENERS.has(ch)) {
          if (++depth > MAX_NESTING) return null;
        } else if (CLOSERS.has(ch)) depth--;
        i++;
      }
    }
  }
  return depth === 0 ? starts : null;
}

/** The offset after the string literal whose quote is at `at` (its prefix letters come before and need nothing). -1: unterminated. */
function stringEnd(text: string, at: number): number {
  const q = text.charCodeAt(at);
  const n = text.length;
  if (text.charCodeAt(at + 1) === q && text.charCodeAt(at + 2) === q) {
    for (let i = at + 3; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === BACKSLASH) i++;
      else if (ch === q && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) return i + 3;
    }
    return -1;
  }
  for (let i = at + 1; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === BACKSLASH) i++;
    else if (ch === q) return i + 1;
    else if (ch === NL) return -1;
  }
  return -1;
}
