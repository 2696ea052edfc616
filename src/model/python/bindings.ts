/** What a constructor's parameters are bound to at one call: the environment its methods run in. */
import {argumentsByParameter, keywordArgs} from './arguments.js';
import type {FunctionInfo} from './module-info.js';
import {kids, type SyntaxNode} from './syntax.js';
import type {Ctx, Value} from './values.js';

/**
 * Binds the arguments of a call to `fn`'s parameters (after `self` for a method, unless `self` is
 * passed explicitly; all of them for a module-level function), evaluated where the call is.
 * An argument that cannot be named makes the parameter unknown (its default would be a guess);
 * a parameter that stands for the domain's root object still does.
 */
/** Prefix of the bindings that stand for keywords caught by `**kwargs` (not a Python name). */
const FORWARDED = '**';

export function bindParameters(
  fn: FunctionInfo,
  args: SyntaxNode,
  callerCtx: Ctx,
  selfPassed = false,
): Map<string, Value> {
  // `Base.__init__(self, ...)` passes `self` explicitly: it fills the first parameter.
  const params = fn.params.slice(selfPassed || !fn.cls ? 0 : 1).filter((p) => !p.star);
  const env = new Map<string, Value>();
  for (const [name, node] of argumentsByParameter(args, params, callerCtx.module.py)) {
    if (selfPassed && name === fn.params[0]?.name) continue;
    const v = callerCtx.evaluate(node, callerCtx);
    const param = params.find((p) => p.name === name)!;
    if (v.t !== 'unknown' || !callerCtx.domain.isRootParameter(param.name, param.annotation)) env.set(name, v);
  }
  const spread = kids(args).some((c) => c.name === '*' || c.name === '**');
  // Keywords no parameter takes go to `**kwargs`: kept so that passing them on binds them further
  // (all of them known when this call spreads nothing itself).
  if (fn.params.some((p) => p.star === '**')) {
    for (const [k, node] of keywordArgs(args, callerCtx.module.py))
      if (!params.some((p) => p.name === k)) env.set(`${FORWARDED}${k}`, callerCtx.evaluate(node, callerCtx));
    env.set(FORWARDED, {t: 'bool', v: !spread});
  }
  // `**kwargs` / `*args` passed on may fill any other parameter: what the caller was given; when
  // the caller's keywords are not all known, a parameter's default would be a guess.
  if (spread) {
    const complete = callerCtx.env.get(FORWARDED);
    for (const p of params) {
      if (env.has(p.name) || callerCtx.domain.isRootParameter(p.name, p.annotation)) continue;
      const forwarded = callerCtx.env.get(`${FORWARDED}${p.name}`);
      if (forwarded) env.set(p.name, forwarded);
      else if (!(complete?.t === 'bool' && complete.v)) env.set(p.name, {t: 'unknown', expr: p.name});
    }
  }
  return env;
}
