/** Evaluation contexts for the Python that builds and places Pebble layers (shared by the layer and placement scans). */
import {charmContext} from '../python-domain.js';
import {type Ctx} from '../../python/values.js';
import type {PythonProject} from '../../python/project.js';
import {functionDefinedAt} from '../../python/module-index.js';
import type {ClassInfo, FunctionInfo, ModuleInfo} from '../../python/module-info.js';
import {childOf, type SyntaxNode} from '../../python/syntax.js';
import {constructionSites} from '../events/construction-sites.js';

/** Calls that build a layer from keywords or a dict. */
export const LAYER_CALL = /(^|\.)(Layer|LayerDict)$/;

export function ctxOf(
  project: PythonProject,
  module: ModuleInfo,
  fn: FunctionInfo | undefined,
  isCharmClass: (c: ClassInfo) => boolean,
  charmOf?: (c: ClassInfo) => ClassInfo,
): Ctx {
  const cls = fn?.cls;
  const base = charmContext(project, module, isCharmClass, fn, charmOf);
  // A helper built in one place: its constructor's keyword arguments name attributes an installed
  // base class stores (`PebbleServiceComponent(..., service_name="app")` -> `self.service_name`).
  if (base.self.t === 'instance' && cls) {
    const sites = constructionSites(cls, project);
    const site = sites.length === 1 ? sites[0]! : undefined;
    const args = site ? childOf(site.call, 'ArgList') : null;
    if (site && args) {
      base.self = {...base.self, args, argsCtx: charmContext(project, site.module, isCharmClass, site.fn, charmOf)};
    }
  }
  return base;
}

export function findFunction(module: ModuleInfo, node: SyntaxNode): FunctionInfo | undefined {
  return functionDefinedAt(module, node.from);
}

/** The function whose body holds `node` (the innermost one), if any. */
export function enclosingFunction(module: ModuleInfo, node: SyntaxNode): FunctionInfo | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.name === 'FunctionDefinition') return findFunction(module, p);
  return undefined;
}
