/** What a scan of observe calls reads from and reports to (shared by the observe scan and the event describer). */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import type {PythonProject} from '../../python/project.js';
import type {ClassInfo} from '../../python/module-info.js';
import type {CharmNames} from './event-names.js';

export interface ObserveScan {
  project: PythonProject;
  names: CharmNames;
  isCharmClass: (cls: ClassInfo) => boolean;
  charmOf?: (cls: ClassInfo) => ClassInfo;
  sink: DiagnosticSink;
}
