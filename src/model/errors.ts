import type {Diagnostic, Severity} from './types.js';

/**
 * The one error class of this project: a stable code, a position and what to do.
 * Modelled on yaml's YAMLError (code + linePos), so every layer can report
 * `file:line:column: code: message` without a stack trace.
 */
export class CharmArchError extends Error {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;

  constructor(init: {code: string; message: string; file: string; line?: number; column?: number; hint?: string}) {
    super(init.message);
    this.name = 'CharmArchError';
    this.code = init.code;
    this.file = init.file;
    this.line = init.line ?? 1;
    this.column = init.column ?? 1;
    this.hint = init.hint;
  }

  /** `file:line:column: code: message (hint)`, the format of every error line this project prints. */
  format(): string {
    return formatDiagnostic({...this, severity: 'error', message: this.message});
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
    const diagnostics = [...unsorted].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    const first = diagnostics[0] ?? {severity: 'error' as const, code: 'load-failed', message: 'The charm could not be read.', file: '.', line: 1, column: 1};
    super({...first, message: diagnostics.length === 1 ? first.message : `${first.message} (and ${diagnostics.length - 1} more problems)`});
    this.name = 'CharmLoadError';
    this.diagnostics = diagnostics.length ? diagnostics : [first];
  }

  override format(): string {
    return this.diagnostics.map(formatDiagnostic).join('\n');
  }
}

export function formatDiagnostic(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'code' | 'message' | 'hint'> & {severity?: Severity}): string {
  const level = d.severity === 'warning' ? 'warning ' : '';
  // One line per problem: a multi-line hint (a YAML example) continues on indented lines.
  return `${d.file}:${d.line}:${d.column}: ${level}${d.code}: ${d.message}${d.hint ? ` ${d.hint}` : ''}`.replace(/\r?\n/g, '\n    ');
}

/** Collects warnings and errors while a charm is read; errors make the load fail at the end. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(d: Omit<Diagnostic, 'severity'> & {severity?: Severity}): void {
    this.items.push({severity: d.severity ?? 'error', ...d} as Diagnostic);
  }

  warn(d: Omit<Diagnostic, 'severity'>): void {
    this.add({...d, severity: 'warning'});
  }

  error(d: Omit<Diagnostic, 'severity'>): void {
    this.add({...d, severity: 'error'});
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }
}
