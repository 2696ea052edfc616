/** What a constructor's parameters are bound to at one call: the environment its methods run in. */
import {argumentsByParameter} from './arguments.js';
import {evaluate} from './evaluate.js';
import {isCharmParam} from './lookup.js';
import type {FunctionInfo} from './module-info.js';
import type {SyntaxNode} from './syntax.js';
import type {Ctx, Value} from './values.js';

/**
 * Binds the arguments of a call to `fn`'s parameters (after `self` for a method, unless `self` is
 * passed explicitly; all of them for a module-level function), evaluated where the call is.
 * An argument that cannot be named makes the parameter unknown (its default would be a guess);
 * a `charm` parameter still is the charm.
 */
export function bindParameters(fn: FunctionInfo, args: SyntaxNode, callerCtx: Ctx, selfPassed = false): Map<string, Value> {
  // `Base.__init__(self, ...)` passes `self` explicitly: it fills the first parameter.
  const params = fn.params.slice(selfPassed || !fn.cls ? 0 : 1).filter((p) => !p.star);
  const env = new Map<string, Value>();
  for (const [name, node] of argumentsByParameter(args, params, callerCtx.module.py)) {
    if (selfPassed && name === fn.params[0]?.name) continue;
    const v = evaluate(node, callerCtx);
    const param = params.find((p) => p.name === name)!;
    if (v.t !== 'unknown' || !isCharmParam(param.name, param.annotation)) env.set(name, v);
  }
  return env;
}
