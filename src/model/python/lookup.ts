/** Names: bindings, local assignments that reach the use, parameters, the module, imports. */
import type {FunctionInfo, ModuleInfo} from './module-info.js';
import {reachingValue} from './reaching.js';
import {type SyntaxNode, text} from './syntax.js';
import {MAX_DEPTH, type Ctx, type Value} from './values.js';

/** Name lookup: bindings, then the local assignments that reach the use (reaching.ts), parameters, module, imports. */
export function lookupName(name: string, at: SyntaxNode, ctx: Ctx): Value {
  const bound = ctx.env.get(name);
  if (bound) return bound;
  if (ctx.fn?.body) {
    const fn = ctx.fn;
    const param = (): Value | undefined => parameterValue(fn, name, ctx);
    const local = reachingValue(name, at.from, ctx, param);
    if (local) return local;
    const value = param();
    if (value) return value;
  }
  return lookupModuleName(ctx.module, name, ctx);
}

/** A parameter's value when nothing in the body assigned it: `self`, the root object, its default. */
function parameterValue(fn: FunctionInfo, name: string, ctx: Ctx): Value | undefined {
  const param = fn.params.find((p) => p.name === name);
  if (!param) return undefined;
  if (param === fn.params[0] && ctx.cls && !isStatic(fn)) return ctx.self;
  if (ctx.domain.isRootParameter(param.name, param.annotation))
    return ctx.domain.rootValue(ctx) ?? {t: 'unknown', expr: name};
  if (param.default) return ctx.evaluate(param.default, {...ctx, env: new Map()});
  return {t: 'unknown', expr: name};
}

function isStatic(fn: FunctionInfo): boolean {
  const dec = fn.node.parent?.name === 'DecoratedStatement' ? text(fn.module.py, fn.node.parent) : '';
  return /@staticmethod\b/.test(dec);
}

export function lookupModuleName(module: ModuleInfo, name: string, ctx: Ctx): Value {
  const cls = module.classes.get(name);
  if (cls) return {t: 'class', ref: {name, module: module.py.name, info: cls}};
  const fn = module.functions.get(name);
  if (fn) return {t: 'function', fn};
  const assigned = module.assigns.get(name);
  if (assigned)
    return ctx.evaluate(assigned, {
      ...ctx,
      module,
      cls: undefined,
      fn: undefined,
      env: new Map(),
      self: {t: 'unknown', expr: name},
    });
  const imported = module.imports.get(name);
  if (imported) {
    // A CapWords name from a library module the domain defers, not parsed yet: a class, resolved only
    // when needed (libraries are most of a project's Python; most of their objects need no more than their name).
    // A CapWords constant (`PeerRelationName = "peers"`) is a string: the text says which, without a parse.
    if (
      imported.name &&
      ctx.domain.isDeferredLibrary(imported.module) &&
      /^[A-Z][a-z]\w*$/.test(imported.name) &&
      !ctx.project.modules.has(imported.module)
    ) {
      const source = ctx.project.moduleText(imported.module);
      const assigned =
        source !== undefined &&
        new RegExp(`^${imported.name}\\s*(:[^=\\n]*)?=`, 'm').test(source) &&
        !new RegExp(`^class\\s+${imported.name}\\b`, 'm').test(source);
      if (!assigned) return {t: 'class', ref: {name: imported.name, module: imported.module}};
    }
    const target = ctx.project.resolveModule(imported.module, module);
    if (imported.name === undefined) return target ? {t: 'module', info: target} : {t: 'unknown', expr: name};
    if (target) {
      // `from pkg import mod` binds a submodule when pkg has no such name.
      if (
        !target.classes.has(imported.name) &&
        !target.functions.has(imported.name) &&
        !target.assigns.has(imported.name) &&
        !target.imports.has(imported.name)
      ) {
        const sub = ctx.project.resolveModule(`${imported.module}.${imported.name}`.replace(/^(\.+)\./, '$1'), module);
        if (sub) return {t: 'module', info: sub};
      }
      if (ctx.depth > MAX_DEPTH) return {t: 'unknown', expr: name};
      return lookupModuleName(target, imported.name, {...ctx, depth: ctx.depth + 1});
    }
    // `from pkg.lib.v0 import mod` where `v0` has no __init__.py (a namespace package): the submodule.
    const sub = /^[a-z_][a-z0-9_]*$/.test(imported.name)
      ? ctx.project.resolveModule(`${imported.module}.${imported.name}`, module)
      : undefined;
    if (sub) return {t: 'module', info: sub};
    // Imported from outside the project (an installed package): a class reference by name.
    return {t: 'class', ref: {name: imported.name, module: imported.module}};
  }
  return {t: 'unknown', expr: name};
}
