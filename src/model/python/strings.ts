/** Python string literals and docstrings, decoded to the text they stand for. */
import {kids, parts, text, type PyModule, type SyntaxNode} from './syntax.js';

/** Value of a plain string literal (with prefixes, triple quotes and escapes); null for f-strings and bytes. */
export function stringValue(mod: PyModule, node: SyntaxNode): string | null {
  if (node.name === 'ContinuedString') {
    let out = '';
    for (const c of kids(node)) {
      const v = stringValue(mod, c);
      if (v === null) return null;
      out += v;
    }
    return out;
  }
  if (node.name !== 'String') return null;
  return decodeStringLiteral(text(mod, node));
}

/**
 * Decodes one Python string literal token. The parser delimits the token;
 * this only strips prefix and quotes and applies Python's escape rules.
 */
export function decodeStringLiteral(raw: string): string | null {
  const m = /^([rRbBuUfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  if (prefix.includes('f') || prefix.includes('b')) return null;
  const body = m[3]!;
  if (prefix.includes('r')) return body;
  return decodeEscapes(body);
}

/** Applies Python's escape rules to the text of a non-raw string literal (or a static part of an f-string). */
export function decodeEscapes(body: string): string {
  return body.replace(
    /\\(\r?\n|[\\'"abfnrtv]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\})/g,
    (_all, e: string) => {
      switch (e[0]) {
        case '\n':
        case '\r':
          return '';
        case 'n':
          return e === 'n' ? '\n' : _all;
        case 't':
          return '\t';
        case 'r':
          return '\r';
        case 'a':
          return '\x07';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        case 'x':
        case 'u':
        case 'U':
          return String.fromCodePoint(parseInt(e.slice(1), 16));
        case 'N':
          return _all;
        default:
          return /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
      }
    },
  );
}

/** First paragraph of a docstring, cleaned like `inspect.cleandoc`, lines joined. */
export function docstringOf(mod: PyModule, body: SyntaxNode | null): string | undefined {
  if (!body) return undefined;
  const first = parts(body).find((c) => c.name !== 'Comment');
  if (first?.name !== 'ExpressionStatement') return undefined;
  const str = first.firstChild;
  if (!str || (str.name !== 'String' && str.name !== 'ContinuedString')) return undefined;
  const raw = stringValue(mod, str);
  if (raw === null) return undefined;
  const lines = raw.split(/\r?\n/);
  const indents = lines
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.length - l.trimStart().length);
  const indent = indents.length ? Math.min(...indents) : 0;
  const cleaned = [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(indent).trimEnd())];
  while (cleaned.length && !cleaned[0]) cleaned.shift();
  const paragraph: string[] = [];
  for (const l of cleaned) {
    if (!l.trim()) break;
    paragraph.push(l.trim());
  }
  const result = paragraph.join(' ').trim();
  return result || undefined;
}
