import type {PluginOptions} from './options.js';

/**
 * What the plugin half tells the remark half: the site directory (charm paths are
 * relative to it). One entry per plugin id, in this module's memory: Docusaurus
 * runs both halves in one process.
 */
export interface SiteState {
  options: PluginOptions;
  siteDir?: string;
  /** Warning lines already in this build's log (see report.ts). */
  printed: Set<string>;
}

const registry = new Map<string, SiteState>();

export function stateFor(options: PluginOptions): SiteState {
  const id = options.id ?? 'default';
  let state = registry.get(id);
  if (!state) {
    state = {options, printed: new Set()};
    registry.set(id, state);
  }
  state.options = options;
  return state;
}
