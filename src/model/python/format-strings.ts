/**
 * Strings built from pieces: f-strings (`f"glauth -c {CONFIG_FILE}"`, `{port:>5}`, `{name!r}`),
 * implicit concatenation of f-strings across lines, and `+`. A piece whose value is static becomes
 * the text Python prints for it (python-text.ts); a piece that is not keeps its replacement field as
 * written, and the whole string is then unknown with a `partial` text showing both: the static parts
 * filled in, the computed ones in braces. Nothing is guessed: a format spec or conversion not read
 * here leaves its piece computed.
 */
import {decodeEscapes} from './strings.js';
import {pyFormat, pyRepr, pyStr} from './python-text.js';
import {kids, parts, text, type SyntaxNode} from './syntax.js';
import type {Ctx, Value} from './values.js';

/** Text built so far, and whether some of it stands for computed parts (kept as `{expr}`). */
interface Pieces {
  text: string;
  computed: boolean;
  /** Some text is static (a string of computed parts only shows no more than its source). */
  static: boolean;
}

export function evaluateFormatString(node: SyntaxNode, ctx: Ctx): Value {
  const pieces = formatStringPieces(node, ctx);
  return pieces ? valueOf(pieces, text(ctx.module.py, node)) : {t: 'unknown', expr: text(ctx.module.py, node)};
}

/** `"a" f"{b}" "c"` (adjacent literals, often one per line inside parentheses): one string. */
export function evaluateContinuedString(node: SyntaxNode, ctx: Ctx): Value {
  const all: Pieces = {text: '', computed: false, static: false};
  for (const part of kids(node)) {
    if (part.name === 'Comment') continue;
    const pieces =
      part.name === 'FormatString'
        ? formatStringPieces(part, ctx)
        : part.name === 'String'
          ? piecesOf(ctx.evaluate(part, ctx))
          : undefined;
    if (!pieces) return {t: 'unknown', expr: text(ctx.module.py, node)};
    append(all, pieces);
  }
  return valueOf(all, text(ctx.module.py, node));
}

/**
 * `left + right` where one side is a string, static or partly, and the other is not static: the
 * other side is a string too (Python adds no other type to a string), computed, kept as written.
 * `undefined` when neither side is a known string.
 */
export function concatenate(
  left: {value: Value; written: string},
  right: {value: Value; written: string},
  expr: string,
): Value | undefined {
  const l = piecesOf(left.value);
  const r = piecesOf(right.value);
  if ((!l && !r) || (l && r && !l.computed && !r.computed)) return undefined;
  const all: Pieces = {text: '', computed: false, static: false};
  for (const [pieces, side] of [[l, left] as const, [r, right] as const]) {
    if (pieces) append(all, pieces);
    else if (side.value.t === 'unknown') append(all, {text: `{${side.written}}`, computed: true, static: false});
    else return undefined;
  }
  return valueOf(all, expr);
}

/** A string's text with its computed parts in braces: the static text, or the `partial` of an unknown one. */
export function partialText(v: Value): string | undefined {
  return v.t === 'str' ? v.v : v.t === 'unknown' ? v.partial : undefined;
}

function piecesOf(v: Value): Pieces | undefined {
  if (v.t === 'str') return {text: v.v, computed: false, static: v.v !== ''};
  if (v.t === 'unknown' && v.partial !== undefined) return {text: v.partial, computed: true, static: true};
  return undefined;
}

function append(to: Pieces, more: Pieces): void {
  to.text += more.text;
  to.computed ||= more.computed;
  to.static ||= more.static;
}

function valueOf(p: Pieces, expr: string): Value {
  if (!p.computed) return {t: 'str', v: p.text};
  return p.static ? {t: 'unknown', expr, partial: p.text} : {t: 'unknown', expr};
}

/** The pieces of one f-string literal; `undefined` for a form this module does not read (bytes). */
function formatStringPieces(node: SyntaxNode, ctx: Ctx): Pieces | undefined {
  const source = ctx.module.py.file.text;
  const m = /^([rRfF]*)('''|"""|'|")/.exec(text(ctx.module.py, node));
  if (!m) return undefined;
  const raw = /r/i.test(m[1]!);
  const out: Pieces = {text: '', computed: false, static: false};
  const literal = (from: number, to: number): void => {
    const body = source.slice(from, to).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    const decoded = raw ? body : decodeEscapes(body);
    out.text += decoded;
    out.static ||= decoded !== '';
  };
  let cursor = node.from + m[0].length;
  const fields = kids(node).filter((c) => c.name === 'FormatReplacement');
  // A field the parser could not close (`{x:=+8}` read as a walrus): the literal's pieces are not known.
  if (fields.some((f) => f.lastChild?.name !== '}')) return undefined;
  for (const field of fields) {
    literal(cursor, field.from);
    const value = replacementText(field, ctx);
    if (value === undefined) {
      out.text += source.slice(field.from, field.to);
      out.computed = true;
    } else {
      out.text += value.text;
      out.computed ||= value.computed;
      out.static ||= value.static;
    }
    cursor = field.to;
  }
  literal(cursor, node.to - m[2]!.length);
  return out;
}

/** What one `{expr!conv:spec}` prints; `undefined` when it is computed (kept as written). */
function replacementText(field: SyntaxNode, ctx: Ctx): Pieces | undefined {
  const source = ctx.module.py.file.text;
  const children = parts(field);
  const expr = children.find((c) => !FIELD_PARTS.has(c.name));
  if (!expr) return undefined;
  const conversion = children.find((c) => c.name === 'FormatConversion');
  const specNode = children.find((c) => c.name === 'FormatSpec');
  const selfDoc = children.find((c) => c.name === 'FormatSelfDoc');
  const spec = specNode ? specText(specNode, ctx) : '';
  if (spec === undefined) return undefined;
  const value = ctx.evaluate(expr, ctx);
  // `{name=}` prints the expression as written, then its repr (or the formatted value with a spec).
  const label = selfDoc ? source.slice(field.from + 1, (conversion ?? specNode ?? field.lastChild!).from) : '';
  const conv = conversion ? source.slice(conversion.from + 1, conversion.to) : selfDoc && !specNode ? 'r' : '';
  // A nested f-string only partly static (`{f"{a}-{b}"}`) prints its own partial text.
  if (!conv && !spec && !selfDoc && value.t === 'unknown' && value.partial !== undefined)
    return {text: value.partial, computed: true, static: true};
  const converted = convert(value, conv);
  const printed = converted === undefined ? undefined : pyFormat(converted, spec);
  return printed === undefined ? undefined : {text: label + printed, computed: false, static: label + printed !== ''};
}

const FIELD_PARTS = new Set(['{', '}', 'FormatConversion', 'FormatSpec', 'FormatSelfDoc']);

/** `!r` / `!s` / `!a` applied: the string it gives, or the value itself when there is none. */
function convert(v: Value, conv: string): Value | undefined {
  if (!conv) return v;
  const out = conv === 's' ? pyStr(v) : conv === 'r' ? pyRepr(v) : conv === 'a' ? asciiRepr(v) : undefined;
  return out === undefined ? undefined : {t: 'str', v: out};
}

/** `ascii(v)`: the repr when it is already ASCII (escaping the rest is not modelled). */
function asciiRepr(v: Value): string | undefined {
  const r = pyRepr(v);
  return r !== undefined && /^[\x20-\x7e]*$/.test(r) ? r : undefined;
}

/** A format spec's text after the colon, its own replacement fields (`{x:{width}}`) filled in when static. */
function specText(spec: SyntaxNode, ctx: Ctx): string | undefined {
  const source = ctx.module.py.file.text;
  let out = '';
  let cursor = spec.from + 1;
  for (const field of kids(spec).filter((c) => c.name === 'FormatReplacement')) {
    out += source.slice(cursor, field.from);
    const inner = replacementText(field, ctx);
    if (!inner || inner.computed) return undefined;
    out += inner.text;
    cursor = field.to;
  }
  return out + source.slice(cursor, spec.to);
}
