/**
 * The one door into the model: sections/, diagrams/, remark/, cli/ and the plugin import from here only.
 * Inside, three stages import one way: sources/ (files, git trees, YAML with positions, charm text
 * limits) -> python/ (a static evaluator of Python source) -> charm/ (metadata, events, Pebble, rocks, metrics).
 */
export {loadCharm, type LoadOptions} from './charm/load.js';
export {loadCharmCached, clearCharmCache, usePersistentCache} from './charm/cache.js';
export {loadCharmAtRef, loadCharmAtRefCached, loadCharmCachedAt, type ModelAtRef} from './charm/load-at-ref.js';
export {findCharms, charmDirProblem} from './sources/find-charms.js';
export {refFilesAround} from './sources/git/revision.js';
export {charmTextProblem, MAX_CHARM_TEXT_DEPTH} from './sources/charm-text.js';
export {CharmArchError, CharmLoadError, formatDiagnostic} from '../errors.js';
export * from './types.js';
export {containerServices, type ContainerService} from './charm/container-services.js';
export {OBSERVABILITY_INTERFACES} from './charm/observability.js';
export {hookName, normaliseEventName, opsAttributeName} from './charm/events/event-names.js';
