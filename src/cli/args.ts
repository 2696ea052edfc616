/** Command-line parsing shared by the CLI's commands: `--flag value`, `--flag=value`, booleans, positionals. */

import {UsageError} from '../errors.js';

export interface ParsedArgs {
  /** Each value-taking option's values, in order. */
  values: Map<string, string[]>;
  /** Boolean options given. */
  flags: Set<string>;
  positional: string[];
}

export interface ArgSpec {
  /** Options that take a value. */
  valued: readonly string[];
  /** Options that take none. */
  boolean?: readonly string[];
}

export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = {values: new Map(), flags: new Set(), positional: []};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (spec.valued.includes(flag)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      parsed.values.set(flag, [...(parsed.values.get(flag) ?? []), value]);
    } else if (spec.boolean?.includes(flag) && eq < 0) parsed.flags.add(flag);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else parsed.positional.push(a);
  }
  return parsed;
}

/** The last value given for an option. */
export function lastValue(parsed: ParsedArgs, flag: string): string | undefined {
  return parsed.values.get(flag)?.at(-1);
}

/** A value that must be one of `choices`. */
export function choice<T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be ${oneOf(choices)}, not ${value}`);
  return value as T;
}

/** `a, b or c` */
export function oneOf(choices: readonly string[]): string {
  return choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : (choices[0] ?? '');
}

/** `--heading-level`: a whole number from `min` to 6. */
export function headingLevelOf(value: string | undefined, fallback: number, min = 1, why = ''): number {
  if (value === undefined) return fallback;
  if (!/^[1-6]$/.test(value.trim()) || Number(value) < min)
    throw new UsageError(`--heading-level must be a whole number from ${min} to 6, not ${value || 'nothing'}${why}`);
  return Number(value);
}
