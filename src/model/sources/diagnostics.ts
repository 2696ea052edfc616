import type {Diagnostic, Severity} from '../../errors.js';

/** Collects warnings and errors while a charm is read; errors make the load fail at the end. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(d: Omit<Diagnostic, 'severity'> & {severity?: Severity}): void {
    this.items.push({severity: d.severity ?? 'error', ...d});
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
