export {loadCharm, type LoadOptions} from './load.js';
export {loadCharmCached, clearCharmCache} from './cache.js';
export {loadCharmAtRef, loadCharmAtRefCached, type ModelAtRef} from './git/load-at-ref.js';
export {findCharms} from './find-charms.js';
export {CharmArchError, CharmLoadError, formatDiagnostic} from './errors.js';
export * from './types.js';
export {containerServices, type ContainerService} from './container-services.js';
