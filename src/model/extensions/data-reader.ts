/**
 * A small typed reader for the JSON data files shipped with the plugin (the extension catalog).
 *
 * Each reader checks one value and returns it typed, building a fresh object in the reader's own
 * key order (so the output does not depend on how the file is laid out). Unknown keys are refused:
 * a misspelt optional key (`sinse`) would otherwise be dropped silently and change the model.
 * A wrong value throws DataShapeError; each enclosing array and object adds its index or key to the
 * error's path as it passes (nothing is allocated for paths while the file is right: the catalog is
 * read at every process start). `readDataFile` turns it into a CharmArchError at the file, line and
 * column of the value.
 */
import {LineCounter, parseDocument} from 'yaml';
import {CharmArchError} from '../../errors.js';

export type JsonPath = Array<string | number>;
export type Reader<T> = (value: unknown) => T;

/** A value that is not what the reader expects, at `path` (filled in on the way out) inside the file. */
export class DataShapeError extends Error {
  readonly path: JsonPath;

  constructor(path: JsonPath, message: string) {
    super(message);
    this.name = 'DataShapeError';
    this.path = path;
  }
}

/** `read(value)`, with `key` put in front of the path of a DataShapeError it throws. */
function inside<T>(key: string | number, read: Reader<T>, value: unknown): T {
  try {
    return read(value);
  } catch (error) {
    if (error instanceof DataShapeError) error.path.unshift(key);
    throw error;
  }
}

/** `events[3].emitter.class`, the way a reader of the file finds the value. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += `${out ? '.' : ''}${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(top level)';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function expected(what: string, value: unknown): never {
  throw new DataShapeError([], `expected ${what}, found ${describe(value)}`);
}

export const string: Reader<string> = (value) => (typeof value === 'string' ? value : expected('a string', value));

export const boolean: Reader<boolean> = (value) =>
  typeof value === 'boolean' ? value : expected('true or false', value);

/** A line number or similar count: a whole number of at least 1. */
export const positiveInteger: Reader<number> = (value) =>
  Number.isInteger(value) && (value as number) >= 1
    ? (value as number)
    : expected('a whole number of at least 1', value);

/** A string matching `pattern`, described as `what` in the error. */
export function matching(pattern: RegExp, what: string): Reader<string> {
  return (value) => (typeof value === 'string' && pattern.test(value) ? value : expected(what, value));
}

export function oneOf<const T extends string>(...values: T[]): Reader<T> {
  const what = `one of ${values.join(', ')}`;
  return (value) => ((values as unknown[]).includes(value) ? (value as T) : expected(what, value));
}

/** A JSON scalar (string, number, boolean or null), as a config option's default. */
export const scalar: Reader<string | number | boolean | null> = (value) =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : expected('a string, number, boolean or null', value);

export function arrayOf<T>(item: Reader<T>): Reader<T[]> {
  return (value) => (Array.isArray(value) ? value.map((v, i) => inside(i, item, v)) : expected('an array', value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are free (framework names) and whose values all pass `item`; key order kept. */
export function recordOf<T>(item: Reader<T>): Reader<Record<string, T>> {
  return (value) => {
    if (!isObject(value)) return expected('an object', value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inside(k, item, v)]));
  };
}

/** Marks a key of `object({...})` that may be absent. */
export interface Optional<T> {
  readonly optional: Reader<T>;
}
export const optional = <T>(read: Reader<T>): Optional<T> => ({optional: read});

type Fields = Record<string, Reader<unknown> | Optional<unknown>>;
type RequiredKeys<F> = {[K in keyof F]: F[K] extends Optional<unknown> ? never : K}[keyof F];
type OptionalKeys<F> = {[K in keyof F]: F[K] extends Optional<unknown> ? K : never}[keyof F];
type Unwrap<R> = R extends Optional<infer T> ? T : R extends Reader<infer T> ? T : never;
export type ObjectOf<F> = {[K in RequiredKeys<F>]: Unwrap<F[K]>} & {[K in OptionalKeys<F>]?: Unwrap<F[K]>};

/** An object with exactly these keys (optional ones may be missing), built in this key order. */
export function object<const F extends Fields>(fields: F): Reader<ObjectOf<F>> {
  const entries = Object.entries(fields);
  const known = entries.map(([key]) => key).join(', ');
  return (value) => {
    if (!isObject(value)) return expected('an object', value);
    for (const key in value) {
      if (!Object.hasOwn(fields, key)) throw new DataShapeError([key], `unknown key "${key}" (known keys: ${known})`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of entries) {
      const present = Object.hasOwn(value, key);
      if (typeof field === 'function') {
        if (!present) throw new DataShapeError([], `missing key "${key}"`);
        out[key] = inside(key, field, value[key]);
      } else if (present) {
        out[key] = inside(key, field.optional, value[key]);
      }
    }
    return out as ObjectOf<F>;
  };
}

/** Where `path` is in `text` (1-based), found again only when there is an error to report. */
function positionOf(text: string, path: JsonPath): {line: number; column: number} {
  const lines = new LineCounter();
  // JSON is YAML's flow style: yaml's document keeps the range of every node.
  const doc = parseDocument(text, {lineCounter: lines, keepSourceTokens: false, uniqueKeys: false});
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const offset = (node as {range?: [number, number, number]} | undefined)?.range?.[0];
    if (offset !== undefined) {
      const {line, col} = lines.linePos(offset);
      return {line, column: col};
    }
  }
  return {line: 1, column: 1};
}

/** Line and column of a JSON.parse error, when V8 says where (`... at position 123`). */
function syntaxPosition(text: string, message: string): {line: number; column: number} {
  const offset = /at position (\d+)/.exec(message)?.[1];
  if (offset === undefined) return {line: 1, column: 1};
  const before = text.slice(0, Number(offset)).split('\n');
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1};
}

/**
 * Parses and reads one data file. Any problem is a CharmArchError with code `catalog-data-invalid`
 * naming the file, the line and column, the JSON path and what was expected.
 */
export function readDataFile<T>(text: string, file: string, read: Reader<T>, hint: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new CharmArchError({
      code: 'catalog-data-invalid',
      message: `not valid JSON: ${message}`,
      file,
      ...syntaxPosition(text, message),
      hint,
    });
  }
  try {
    return read(value);
  } catch (error) {
    if (!(error instanceof DataShapeError)) throw error;
    const message = `${formatPath(error.path)}: ${error.message}`;
    throw new CharmArchError({code: 'catalog-data-invalid', message, file, ...positionOf(text, error.path), hint});
  }
}
