/**
 * The text Python prints for a static value: `str(x)`, `repr(x)` and `format(x, spec)` as an
 * f-string's `{x}`, `{x!r}` and `{x:>8}` produce it. `undefined` wherever the result is not certain
 * here (an object's `__str__`, a format spec this module does not read): the caller then keeps the
 * expression as computed, never a guess.
 */
import type {Value} from './values.js';

/** `str(v)`. */
export function pyStr(v: Value): string | undefined {
  switch (v.t) {
    case 'str':
    case 'path':
      return v.v;
    case 'num':
      return numberText(v.v, v.float === true);
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    default:
      return undefined;
  }
}

/** `repr(v)`: a string quoted as Python quotes it; a path's repr names its class, so it is not read here. */
export function pyRepr(v: Value): string | undefined {
  return v.t === 'str' ? quoted(v.v) : v.t === 'path' ? undefined : pyStr(v);
}

/** Python's repr of a string: single quotes unless the text holds one and no double quote. */
function quoted(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    // Other characters Python does not print (non-ASCII controls, unassigned) are rare in charm text;
    // printable ones stay as they are.
    else if (code >= 0x80 && code < 0xa0) out += `\\x${code.toString(16)}`;
    else out += ch;
  }
  return quote + out + quote;
}

/** An int as Python prints it, or a float with Python's repr (`1.0`, `1e-05`, `1e+16`). */
function numberText(v: number, float: boolean): string {
  if (!float && Number.isInteger(v)) return BigInt(v).toString();
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  // Shortest round-trip digits, as both languages find them; only the notation differs.
  const [mantissa, exp] = v.toExponential().split('e') as [string, string];
  const e = Number(exp);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const fraction = digits.slice(e + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

/** `[[fill]align][sign][0][width][grouping][.precision][type]`, the parts of the mini-language read here. */
const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(0)?(\d+)?([,_])?(?:\.(\d+))?([sdfFxXob%])?$/s;

/** `format(v, spec)`, for strings, ints and fixed-point numbers. */
export function pyFormat(v: Value, spec: string): string | undefined {
  if (!spec) return pyStr(v);
  const m = SPEC.exec(spec);
  if (!m) return undefined;
  const [, fill0, align0, sign, zero, width, grouping, precision, type] = m;
  let body: string | undefined;
  let numeric = false;
  if (v.t === 'str') {
    if ((type && type !== 's') || sign || grouping || (zero && !align0) || align0 === '=') return undefined;
    body = precision === undefined ? v.v : [...v.v].slice(0, Number(precision)).join('');
  } else if (v.t === 'num' || v.t === 'bool') {
    const n = v.t === 'bool' ? Number(v.v) : v.v;
    body = formatNumber(n, v.t === 'num' && v.float === true, type, precision, grouping);
    numeric = true;
    if (body !== undefined && !body.startsWith('-')) body = (sign === '+' ? '+' : sign === ' ' ? ' ' : '') + body;
  }
  if (body === undefined) return undefined;
  const fill = fill0 ?? (zero && !align0 ? '0' : ' ');
  const align = align0 ?? (zero ? '=' : numeric ? '>' : '<');
  return pad(body, Number(width ?? 0), fill, align);
}

function formatNumber(
  n: number,
  float: boolean,
  type: string | undefined,
  precision: string | undefined,
  grouping: string | undefined,
): string | undefined {
  const p = precision === undefined ? 6 : Number(precision);
  switch (type) {
    case undefined:
      if (precision !== undefined) return undefined;
      return group(numberText(n, float), grouping);
    case 'd':
      return float || precision !== undefined ? undefined : group(BigInt(n).toString(), grouping);
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      if (float || grouping || precision !== undefined) return undefined;
      const text = Math.abs(n).toString({x: 16, X: 16, o: 8, b: 2}[type]);
      return (n < 0 ? '-' : '') + (type === 'X' ? text.toUpperCase() : text);
    }
    case 'f':
    case 'F':
      return Math.abs(n) < 1e21 ? group(fixed(n, p), grouping) : undefined;
    case '%':
      // n * 100 rounds in binary before the digits are chosen; Python multiplies exactly.
      return undefined;
    default:
      return undefined;
  }
}

/**
 * `n` with `p` digits after the point, rounded as Python rounds: to the nearest digits of the exact
 * binary value, a tie to an even last digit (`format(0.125, ".2f")` is `0.12`; toFixed gives `0.13`).
 */
function fixed(n: number, p: number): string {
  const rounded = n.toFixed(p);
  if (p + 30 > 100) return rounded;
  // The exact value's digits past the p-th (a double's expansion ends well before 30 more here).
  const exact = Math.abs(n).toFixed(p + 30);
  const cut = exact.length - 30;
  if (!/^50*$/.test(exact.slice(cut))) return rounded;
  const truncated = exact.slice(0, p ? cut : cut - 1);
  if (Number(truncated.at(-1)) % 2 === 1) return rounded;
  return (n < 0 ? '-' : '') + truncated;
}

/** Thousands separators in the integer part. */
function group(text: string, sep: string | undefined): string {
  if (!sep) return text;
  const [, sign, whole, rest] = /^(-?)(\d+)(.*)$/s.exec(text) ?? [];
  if (whole === undefined) return text;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, sep)}${rest}`;
}

/** Pads to `width` with `fill`; `=` puts the fill between the sign and the digits. */
function pad(body: string, width: number, fill: string, align: string): string {
  const n = width - [...body].length;
  if (n <= 0) return body;
  const run = (k: number): string => fill.repeat(k);
  switch (align) {
    case '<':
      return body + run(n);
    case '^':
      return run(Math.floor(n / 2)) + body + run(n - Math.floor(n / 2));
    case '=': {
      const sign = /^[+\- ]/.test(body) ? body[0]! : '';
      return sign + run(n) + body.slice(sign.length);
    }
    default:
      return run(n) + body;
  }
}
