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

// Character codes the scan looks at (charCodeAt: no one-character strings).
const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FF = 12;
const HASH = 35;
const BACKSLASH = 92;

/*
 * The scan jumps from one character that matters to the next with a global regular expression and
 * `test` (which moves `lastIndex` and allocates no match): V8 compiles a regular expression to
 * machine code after its first run, where a character loop over a whole library runs in the
 * interpreter for most of a cold load (about 40 ns a character, 30 ms on the benchmark charm's lib/).
 */
/** Line breaks, comments, backslashes, quotes and brackets: what changes the statement structure. */
const STRUCTURE = /[\n#\\"'()[\]{}]/g;
/** Inside a string: its escapes, its closing quote(s) and, for a one-line string, a line break. */
const STRING_STOPS: Record<string, RegExp> = {
  '"': /[\\\n"]/g,
  "'": /[\\\n']/g,
  '"""': /\\|"""/g,
  "'''": /\\|'''/g,
};

/** Offsets of the lines that start a top-level statement; null when the text ends inside a string or bracket. */
function statementStarts(text: string): number[] | null {
  const starts: number[] = [];
  const n = text.length;
  let depth = 0;
  let lineStart = 0;
  while (lineStart < n) {
    const c = text.charCodeAt(lineStart);
    if (depth === 0 && c !== SPACE && c !== TAB && c !== NL && c !== CR && c !== HASH && c !== FF)
      starts.push(lineStart);
    // The rest of the line (and any string, bracket or continuation that runs past it).
    let i = lineStart;
    lineStart = n;
    while (i < n) {
      STRUCTURE.lastIndex = i;
      if (!STRUCTURE.test(text)) break;
      const at = STRUCTURE.lastIndex - 1;
      const ch = text[at]!;
      if (ch === '\n') {
        lineStart = at + 1;
        break;
      }
      if (ch === '#') {
        const nl = text.indexOf('\n', at);
        i = nl === -1 ? n : nl;
      } else if (ch === '\\') {
        // An escaped character; a backslash before the line break joins the next line to this one.
        i = at + (text.charCodeAt(at + 1) === CR && text.charCodeAt(at + 2) === NL ? 3 : 2);
      } else if (ch === '"' || ch === "'") {
        const end = stringEnd(text, at);
        if (end < 0) return null;
        i = end;
      } else {
        if (ch === '(' || ch === '[' || ch === '{') {
          if (++depth > MAX_NESTING) return null;
        } else depth--;
        i = at + 1;
      }
    }
  }
  return depth === 0 ? starts : null;
}

/** The offset after the string literal whose quote is at `at` (its prefix letters come before and need nothing). -1: unterminated. */
function stringEnd(text: string, at: number): number {
  const q = text[at]!;
  const triple = text[at + 1] === q && text[at + 2] === q;
  const stops = STRING_STOPS[triple ? q + q + q : q]!;
  stops.lastIndex = at + (triple ? 3 : 1);
  while (stops.test(text)) {
    const stop = stops.lastIndex - 1;
    if (text.charCodeAt(stop) === BACKSLASH) stops.lastIndex = stop + 2;
    else if (text.charCodeAt(stop) === NL && !triple) return -1;
    else return stops.lastIndex;
  }
  return -1;
}
