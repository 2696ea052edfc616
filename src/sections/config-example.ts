/**
 * The option and value of the code overview's worked `juju config` example. The value must be one
 * a reader could really set: a flag flipped, a log level changed, a count or limit changed. Never a
 * path, a port (another option may use the next one), or a value with structure (YAML, lists) made
 * up from the default; when no option has a value that can be right, the example names a real
 * option with a `<value>` placeholder, as the template does.
 */
import type {ConfigOption} from '../model/index.js';

/** Log levels as Python's logging and most exporters spell them, in the case the default uses. */
const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical', 'warn', 'trace'];

/** Names whose numbers identify something (a port, a user id): no other number is right without knowing more. */
const IDENTIFYING_NUMBER = /port|(^|[-_])(u|g)?id$|uid|gid/i;

/** `debug` for an `info` log level (or `info` for `debug`), in the default's case; null when it is not a log level. */
function logLevel(o: ConfigOption): string | null {
  if (o.type !== 'string' || !/log[-_]?level|verbosity/i.test(o.name)) return null;
  const current = typeof o.default === 'string' ? o.default : '';
  if (current !== '' && !LOG_LEVELS.includes(current.toLowerCase())) return null;
  const next = current.toLowerCase() === 'debug' ? 'info' : 'debug';
  return current !== '' && current === current.toUpperCase() ? next.toUpperCase() : next;
}

/** A value that is right for the option, or null when none can be told from what the charm declares. */
function rightValue(o: ConfigOption): string | null {
  const level = logLevel(o);
  if (level) return level;
  if (o.type === 'boolean') return o.default === true ? 'false' : 'true';
  if ((o.type === 'int' || o.type === 'float') && !IDENTIFYING_NUMBER.test(o.name) && typeof o.default === 'number')
    return String(o.type === 'int' ? o.default + 1 : o.default * 2 || 1.5);
  return null;
}

/** How plain the example is: a log level, then a flag, then a number; the charm's own option before an extension's. */
function rank(o: ConfigOption): number {
  const kind = logLevel(o) ? 0 : o.type === 'boolean' ? 1 : rightValue(o) !== null ? 2 : 3;
  return kind * 2 + (o.origin === 'charm' ? 0 : 1);
}

/** The example's `option=value` (the value a shell word), or null when the charm has no option to show. */
export function configExample(config: readonly ConfigOption[]): {option: ConfigOption; assignment: string} | null {
  const candidates = config.filter((o) => o.type !== 'secret');
  const option = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  if (!option) return null;
  const value = rightValue(option);
  return {option, assignment: `${option.name}=${value ?? '<value>'}`};
}
