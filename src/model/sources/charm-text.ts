/**
 * Limits on one field of charm text (a description, a docstring) before it is read as Markdown.
 * Markdown parsing costs grow faster than the text: 2,000 `>` in 2 KB overflow the stack, a
 * 300 KB table takes over a gigabyte. A field past a limit is shown as plain text, and the
 * loader reports it where the field is (the same test here decides both).
 */

/** Characters of one field read as Markdown (real descriptions and docstrings are a few KB). */
export const MAX_CHARM_TEXT_CHARS = 16 * 1024;

/** Nesting of block quotes and lists, or of emphasis and links, read as Markdown (real text nests two or three). */
export const MAX_CHARM_TEXT_DEPTH = 16;

export interface CharmTextProblem {
  code: 'charm-text-too-long' | 'charm-text-too-deep';
  /** What is wrong, for a diagnostic: `<field> is …`. */
  problem: string;
}

/**
 * Why a field of charm text is shown as plain text rather than Markdown, or null when it is not.
 * A scan in one pass: the nesting it measures is an upper bound of what a parser would build.
 */
export function charmTextProblem(text: string): CharmTextProblem | null {
  if (text.length > MAX_CHARM_TEXT_CHARS) {
    return {
      code: 'charm-text-too-long',
      problem: `${text.length} characters long, over the ${MAX_CHARM_TEXT_CHARS} read as Markdown`,
    };
  }
  const depth = mayNestTooDeep(text) ? Math.max(blockDepth(text), inlineDepth(text)) : 0;
  if (depth > MAX_CHARM_TEXT_DEPTH) {
    return {
      code: 'charm-text-too-deep',
      problem: `nested ${depth} levels deep (quotes, lists, emphasis or links), over the ${MAX_CHARM_TEXT_DEPTH} read as Markdown`,
    };
  }
  return null;
}

/**
 * Whether the text has enough nesting characters to nest past the limit at all: most fields have
 * not, and the two scans below run interpreted in a cold load (a model reads every description
 * and docstring). Each block level takes at least one character of a line's leading run of
 * blanks and markers; each inline level takes one `[`, `*`, `_` or `~` of the text.
 */
function mayNestTooDeep(text: string): boolean {
  return LONG_LINE_PREFIX.test(text) || text.replace(NOT_INLINE_DELIMITER, '').length > MAX_CHARM_TEXT_DEPTH;
}

const LONG_LINE_PREFIX = new RegExp(`^[ \\t>*+\\-0-9.)]{${MAX_CHARM_TEXT_DEPTH + 1}}`, 'm');
const NOT_INLINE_DELIMITER = /[^[*_~]+/g;

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space, or a quote marker `>`. */
const CONTAINER_MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * Deepest block nesting any line can open: every container marker on the line, plus a level per
 * four columns of indentation. A nested list item is indented by two columns or more per level, so
 * this bounds the real depth within a factor of two, and indented code (Python in a fence) does not
 * count as nesting.
 */
function blockDepth(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) {
    let depth = 0;
    let rest = line;
    for (;;) {
      const indent = /^[ \t]*/.exec(rest)![0];
      depth += Math.floor(indent.replace(/\t/g, '    ').length / 4);
      rest = rest.slice(indent.length);
      const marker = CONTAINER_MARKER.exec(rest);
      if (!marker) break;
      depth++;
      rest = rest.slice(marker[0].length);
    }
    if (depth > max) max = depth;
  }
  return max;
}

/**
 * Deepest inline nesting: brackets still open, plus emphasis delimiters still open. A run of `*`,
 * `_` or `~` opens when it can open (CommonMark's left-flanking rule) and closes when it can only
 * close (right-flanking).
 */
function inlineDepth(text: string): number {
  let brackets = 0;
  let emphasis = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') brackets++;
    else if (ch === ']' && brackets > 0) brackets--;
    else if (ch === '*' || ch === '_' || ch === '~') {
      let end = i;
      while (text[end + 1] === ch) end++;
      const before = text[i - 1] ?? ' ';
      const after = text[end + 1] ?? ' ';
      const opens = flanks(after, before);
      const closes = flanks(before, after);
      const run = end - i + 1;
      // Within a word `_` neither opens nor closes, `*` and `~` close what is open; between
      // punctuation a run may open (counting it as opening keeps the bound an upper bound).
      const inWord = opens && closes && WORD.test(before) && WORD.test(after);
      i = end;
      if (inWord && ch === '_') continue;
      if (opens && (!closes || !inWord || emphasis === 0)) emphasis += run;
      else if (closes) emphasis = Math.max(0, emphasis - run);
    }
    max = Math.max(max, brackets + emphasis);
  }
  return max;
}

/** A delimiter run with `inner` on one side and `outer` on the other flanks toward `inner` (CommonMark 6.2). */
function flanks(inner: string, outer: string): boolean {
  if (/\s/.test(inner)) return false;
  return !PUNCTUATION.test(inner) || /\s/.test(outer) || PUNCTUATION.test(outer);
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;
