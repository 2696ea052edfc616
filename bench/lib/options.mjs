// Command-line options of the bench scripts.

/** Takes `--name value` out of `args` (changed in place) and returns the value, or `fallback` when absent. */
export function takeOption(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
}
