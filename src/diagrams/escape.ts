/**
 * The one place where text becomes Mermaid source.
 *
 * Every label, edge label and subgraph title goes through {@link escapeLabel},
 * `accTitle` and `accDescr` through {@link accText}; every node and subgraph id comes from
 * {@link createIdGenerator}. Nothing read from a charm is ever written into a
 * diagram raw.
 *
 * How the escaping works (checked against mermaid 11.17's source):
 * - Mermaid's pre-processing strips `%%` comments *anywhere on a line*
 *   (`/\s*%%.*\n/`), pulls `%%{init ...}%%` directives from *anywhere* in the
 *   text, turns `#name;` / `#123;` into entities, and its labels are then read
 *   as Markdown (`*`, `_`, backticks), KaTeX (`$$`), Font Awesome icons
 *   (`fa:fa-x`) and HTML (`<`, `&`).
 * - So only a small allow-list of characters is written as itself
 *   (ASCII letters, digits, space and `.,-/()`); every other code point,
 *   including `#`, `;`, `%`, `:`, quotes, brackets, backticks, `<`, `&`,
 *   non-ASCII letters, RTL marks and zero-width characters, is written as a
 *   decimal entity code `#NNN;`, which mermaid turns into `&#NNN;` and the
 *   browser shows as the character itself.
 * - Line breaks and tabs become spaces (labels are one line; the text
 *   alternative keeps the full text). Other control characters and lone
 *   surrogates are dropped / replaced, as they cannot be displayed.
 * - Long text is cut at a code point boundary with an ellipsis.
 * - `$$` (KaTeX), `fa:fa-` (icons) and mermaid's own placeholder pairs `ﬂ°` / `¶ß` get an
 *   invisible WORD JOINER between their characters (see BREAK_SEQUENCES).
 *
 * Checked in Chromium (test/diagrams/render-browser.test.ts) with mermaid's
 * default HTML labels (`htmlLabels: true`). Not checked: a site that turns
 * `htmlLabels` off gets SVG `<text>` labels, where entity codes may show as
 * written.
 */

/** Default maximum length (in code points) of a node or edge label. */
export const DEFAULT_LABEL_MAX = 60;

/** Maximum length of `accTitle` / `accDescr` text. */
export const ACC_TEXT_MAX = 1000;

/** Characters written as themselves: everything else becomes an entity code. */
const SAFE = /^[A-Za-z0-9 .,\-/()]$/;

/** Collapse whitespace/control characters and cut to `max` code points with an ellipsis. */
export function normalizeText(text: string, max: number = DEFAULT_LABEL_MAX): string {
  let lastSpace = false;
  const chars: string[] = [];
  for (const ch of String(text)) {
    const cp = ch.codePointAt(0)!;
    let c = ch;
    if (
      cp === 0x09 ||
      cp === 0x0a ||
      cp === 0x0d ||
      cp === 0x0b ||
      cp === 0x0c ||
      cp === 0x85 ||
      cp === 0x2028 ||
      cp === 0x2029
    ) {
      c = ' ';
    } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      continue; // other control characters cannot be shown
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      c = '\uFFFD'; // lone surrogate
    }
    if (c === ' ') {
      if (lastSpace) continue;
      lastSpace = true;
    } else {
      lastSpace = false;
    }
    chars.push(c);
  }
  // trim
  while (chars.length > 0 && chars[0] === ' ') chars.shift();
  while (chars.length > 0 && chars[chars.length - 1] === ' ') chars.pop();
  const limit = Math.max(1, max);
  if (chars.length > limit) {
    const kept = chars.slice(0, limit - 1);
    while (kept.length > 0 && kept[kept.length - 1] === ' ') kept.pop();
    kept.push('\u2026');
    return kept.join('');
  }
  return chars.join('');
}

/**
 * Sequences that survive entity encoding because mermaid decodes a label
 * more than once, or reads it after decoding: `$$` (KaTeX math), and its own
 * entity placeholders `ﬂ°` / `¶ß`, and Font Awesome icon syntax `fa:fa-x`
 * (icons are looked up after decoding). An invisible WORD JOINER (U+2060) between
 * the two characters keeps them from being read as such.
 */
const BREAK_SEQUENCES = /\$(?=\$)|\uFB02(?=\u00B0)|\u00B6(?=\u00DF)|fa[bklrs]?:(?=fa-)/g;

/** Encode already-normalised text for Mermaid: allow-listed characters stay, the rest become `#NNN;`. */
export function encodeForMermaid(text: string): string {
  let out = '';
  for (const ch of text.replace(BREAK_SEQUENCES, '$&\u2060')) {
    out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)!};`;
  }
  return out;
}

export interface EscapeOptions {
  /** Maximum length in code points before truncation with an ellipsis (default {@link DEFAULT_LABEL_MAX}). */
  max?: number;
}

/**
 * Escape any text for use inside a double-quoted Mermaid label (`id["…"]`,
 * `-->|"…"|`, `subgraph id["…"]`) or after `accTitle:` / `accDescr:`.
 * The result never contains `"`, `#` (except as entity codes), `;` (except
 * ending an entity), `%`, `{`, `}`, `[`, `]`, `|`, `<`, `>`, backticks,
 * colons or line breaks. An empty result is a single space entity so that
 * the label stays valid.
 */
export function escapeLabel(text: string, options: EscapeOptions = {}): string {
  const normalized = normalizeText(text, options.max ?? DEFAULT_LABEL_MAX);
  if (normalized === '') return '#32;';
  return encodeForMermaid(normalized);
}

/** `"escaped"`: a quoted Mermaid label. */
export function quoted(text: string, options: EscapeOptions = {}): string {
  return `"${escapeLabel(text, options)}"`;
}

/**
 * A quoted label of several lines, each escaped separately and joined by
 * `<br>` (the only markup this module ever writes; mermaid keeps it under
 * `securityLevel: 'strict'`).
 */
export function quotedLines(lines: readonly string[], options: EscapeOptions = {}): string {
  const kept = lines.filter((l) => l.trim() !== '');
  if (kept.length === 0) return quoted('', options);
  return `"${kept.map((l) => escapeLabel(l, options)).join('<br>')}"`;
}

/**
 * What an `accTitle:` / `accDescr:` line must not write as itself. Such a line is read to its end
 * as text, never as diagram syntax, and is shown as plain text (the SVG's `<title>` / `<desc>`),
 * so most characters stay as they are and the description reads as plain text in the Markdown,
 * MyST and rst source too (`;`, `:`, quotes, brackets, non-ASCII letters). Encoded, as `#NNN;`:
 * - `#` starting `#word;` / `#123;` (mermaid would decode it as an entity);
 * - `%` before `%` (mermaid strips `%%` comments and reads `%%{init}%%` directives anywhere);
 * - `:` before a non-space (mermaid's pre-processing cuts the last `;` of a line matching
 *   `style...:...#...;`, and `fa:fa-` names an icon);
 * - `&`, `<`, `>` and no-break space (mermaid passes the text through DOMPurify, whose output
 *   would show `&amp;`, `&lt;`, `&nbsp;` as written, or drop a tag);
 * - mermaid's entity placeholders `ﬂ°` / `¶ß` get a WORD JOINER (itself encoded) between their
 *   characters, as in labels; `$$` and icons mean nothing in this text, so they stay;
 * - invisible format and unassigned or private-use code points (so the source shows no hidden
 *   reordering); line breaks were already made spaces.
 */
const PLACEHOLDERS = /\uFB02(?=\u00B0)|\u00B6(?=\u00DF)/g;
const ACC_UNSAFE = /#(?=\w+;)|%(?=%)|:(?=\S)|[&<>\u00A0]|\p{Cf}|\p{Co}|\p{Cn}/gu;

/** Text for `accTitle:` / `accDescr:` lines: one line, long limit, encoded only where mermaid would misread it. */
export function accText(text: string): string {
  const normalized = normalizeText(text, ACC_TEXT_MAX);
  if (normalized === '') return '#32;';
  return normalized.replace(PLACEHOLDERS, '$&\u2060').replace(ACC_UNSAFE, (ch) => `#${ch.codePointAt(0)!};`);
}

/**
 * Generated ids: `n0`, `n1`, … for nodes and `sg0`, `sg1`, … for subgraphs.
 * Never derived from charm names, so no name can collide with Mermaid syntax
 * (`end`, `click`, `style`, `o`/`x` edge ends, …).
 */
export interface IdGenerator {
  node(): string;
  subgraph(): string;
}

export function createIdGenerator(): IdGenerator {
  let nodes = 0;
  let subgraphs = 0;
  return {
    node: () => `n${nodes++}`,
    subgraph: () => `sg${subgraphs++}`,
  };
}
