/** A Python module the model read that does not parse fails the load. */
import {BUILD_ANYWAY} from '../../errors.js';
import type {DiagnosticSink} from '../sources/diagnostics.js';
import type {PythonProject} from './project.js';

/**
 * One error per module (src/, and the lib/ modules read to resolve names) with a syntax error, at
 * its first error: the model would otherwise lose, in silence, what the code after an open
 * parenthesis says. In `onError: 'warn'` the page shows a warning admonition instead of the section.
 */
export function reportSyntaxErrors(project: PythonProject, sink: DiagnosticSink): void {
  for (const m of project.modules.values()) {
    if (!m.py.syntaxError) continue;
    const path = m.py.file.path;
    sink.error({
      code: 'python-syntax',
      message: `Python syntax error in ${path}: the charm model cannot be read from it (events observed after the error would be lost).`,
      hint: `Fix the syntax error (\`python3 -m py_compile ${path}\` shows it); ${BUILD_ANYWAY}.`,
      file: path,
      ...m.py.syntaxError,
    });
  }
}
