/**
 * Every error and warning this project reports, in one place (as yaml's src/errors.ts):
 * a closed set of codes, one error class family, a position on every problem.
 * Imported by every layer, so it imports nothing of this project.
 */

/** Every code this project emits. A new problem gets a new code here, so the list stays the documentation. */
export type ErrorCode =
  // Reading the charm's files (sources).
  | 'charm-not-found'
  | 'charm-not-directory'
  | 'unreadable-file'
  | 'unreadable-folder'
  | 'not-a-file'
  | 'not-utf8'
  | 'binary-file'
  | 'file-too-large'
  | 'symlink-broken'
  | 'symlink-duplicate'
  | 'symlink-loop'
  | 'symlink-outside-charm'
  | 'charm-text-too-long'
  | 'charm-text-too-deep'
  // Git refs.
  | 'git-not-found'
  | 'git-failed'
  | 'not-a-git-repository'
  | 'bad-ref'
  | 'unknown-ref'
  | 'ref-not-in-shallow-clone'
  | 'charm-not-at-ref'
  // YAML.
  | 'yaml-syntax'
  | 'yaml-duplicate-key'
  | 'yaml-alias-limit'
  | 'yaml-too-deep'
  // Metadata, code and rocks of the charm.
  | 'no-metadata'
  | 'empty-metadata'
  | 'missing-name'
  | 'empty-name'
  | 'missing-interface'
  | 'unknown-key'
  | 'wrong-type'
  | 'missing-entrypoint'
  | 'entrypoint-outside-charm'
  | 'python-syntax'
  | 'undeclared-name'
  | 'action-no-handler'
  | 'rock-ambiguous'
  // The plugin's own extension catalog (src/model/extensions/data/).
  | 'catalog-data-invalid'
  | 'load-failed'
  // Directives on a page.
  | 'plugin-missing'
  | 'unknown-attribute'
  | 'bad-attribute'
  | 'empty-charm'
  | 'unknown-charm'
  | 'no-charm'
  | 'unknown-container'
  | 'event-not-observed'
  // The command line.
  | 'usage'
  | 'doc-not-found'
  | 'ignore-file-not-found'
  | 'out-exists'
  | 'out-is-directory'
  | 'out-not-writable'
  | 'internal-error';

export type Severity = 'error' | 'warning';

/** A problem found while reading the charm, with its position and what to do. */
export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. `yaml-syntax`, `python-syntax`, `unknown-key`. */
  code: ErrorCode;
  message: string;
  file: string;
  line: number;
  column: number;
  /** What the user should do about it. */
  hint?: string;
}

/**
 * The one error class of this project: a stable code, a position and what to do.
 * Modelled on yaml's YAMLError (code + linePos), so every layer can report
 * `file:line:column: code: message` without a stack trace.
 */
export class CharmArchError extends Error {
  readonly code: ErrorCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;

  constructor(init: {code: ErrorCode; message: string; file: string; line?: number; column?: number; hint?: string}) {
    super(init.message);
    this.name = 'CharmArchError';
    this.code = init.code;
    this.file = init.file;
    this.line = init.line ?? 1;
    this.column = init.column ?? 1;
    this.hint = init.hint;
  }

  /**
   * `file:line:column: code: message (hint)`, the format of every error line this project prints;
   * for the `cli` reader, the hint gives the command line's way past the error where it names the site's.
   */
  format(reader: Reader = 'site'): string {
    return formatDiagnostic({...this, severity: 'error', message: this.message, ...hintFor(reader, this.hint)});
  }

  toDiagnostic(): Diagnostic {
    return {
      severity: 'error',
      code: this.code,
      message: this.message,
      file: this.file,
      line: this.line,
      column: this.column,
      ...(this.hint ? {hint: this.hint} : {}),
    };
  }
}

/** Several problems at once (a charm with many bad keys fails with all of them). */
export class CharmLoadError extends CharmArchError {
  readonly diagnostics: Diagnostic[];

  constructor(unsorted: Diagnostic[]) {
    // In file order, so the first (the one `code`, `line` and `column` report) is the first in the file.
    const diagnostics = [...unsorted].sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
    );
    const first = diagnostics[0] ?? {
      severity: 'error' as const,
      code: 'load-failed' as const,
      message: 'The charm could not be read.',
      file: '.',
      line: 1,
      column: 1,
    };
    super({
      ...first,
      message:
        diagnostics.length === 1 ? first.message : `${first.message} (and ${diagnostics.length - 1} more problems)`,
    });
    this.name = 'CharmLoadError';
    this.diagnostics = diagnostics.length ? diagnostics : [first];
  }

  override format(reader: Reader = 'site'): string {
    return this.diagnostics.map((d) => formatDiagnostic({...d, ...hintFor(reader, d.hint)})).join('\n');
  }
}

/** Who reads an error: a site's build (the plugin's options apply) or the `charm-arch` command line. */
export type Reader = 'site' | 'cli';

/** The site's way past a charm file it cannot read (`onError`), as a hint ends with it. */
export const BUILD_ANYWAY = "to build anyway, set onError: 'warn'";
/** The command line's: it has no onError, but reads the charm at another revision. */
const RENDER_ANYWAY =
  'the command line cannot skip it: fix the file, or give --ref <tag or commit> to read a revision where it parses';

/** The hint as its reader can follow it. */
function hintFor(reader: Reader, hint: string | undefined): {hint?: string} {
  if (hint === undefined) return {};
  return {hint: reader === 'cli' ? hint.replace(BUILD_ANYWAY, RENDER_ANYWAY) : hint};
}

/** Thrown for a directive the page gets wrong or a charm that cannot be read; carries the page position. */
export class DirectiveError extends CharmArchError {}

/** A mistake on the command line: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

export function formatDiagnostic(
  d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'code' | 'message' | 'hint'> & {severity?: Severity},
): string {
  const level = d.severity === 'warning' ? 'warning ' : '';
  // One line per problem: a multi-line hint (a YAML example) continues on indented lines.
  return `${d.file}:${d.line}:${d.column}: ${level}${d.code}: ${d.message}${d.hint ? ` ${d.hint}` : ''}`.replace(
    /\r?\n/g,
    '\n    ',
  );
}
