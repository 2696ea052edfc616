/**
 * The value of a `@property` read as an attribute: what its `return` statements give (a bare
 * `return`, or none at all, is `None`). Read only when every return is static; otherwise the
 * property stays a method reference, as before.
 */
import type {FunctionInfo} from './module-info.js';
import {collectReturns} from './calls.js';
import {type SyntaxNode, kids, text} from './syntax.js';
import {type Ctx, type Value, alts} from './values.js';

export function isProperty(fn: FunctionInfo): boolean {
  const decorated = fn.node.parent?.name === 'DecoratedStatement' ? text(fn.module.py, fn.node.parent) : '';
  return /^\s*@(?:functools\.)?(?:cached_)?property\s*$/m.test(decorated.slice(0, decorated.indexOf('def ')));
}

export function propertyValue(fn: FunctionInfo, owner: Value, ctx: Ctx): Value | undefined {
  if (!fn.body) return undefined;
  const returns: SyntaxNode[] = [];
  collectReturns(fn.body, returns);
  const inner: Ctx = {...ctx, module: fn.module, cls: fn.cls, fn, self: owner, env: new Map(), depth: ctx.depth + 1};
  const values: Value[] = returns.map((r) => {
    const expr = kids(r).find((c) => c.name !== 'return');
    return expr ? ctx.evaluate(expr, inner) : {t: 'none'};
  });
  if (!values.length) return {t: 'none'};
  return values.some((v) => v.t === 'unknown' || (v.t === 'alts' && v.items.some((i) => i.t === 'unknown')))
    ? undefined
    : alts(values);
}
