/** What a helper function gives back, for following a layer, a check mapping or a container through it. */
import type {FunctionInfo} from '../../python/module-info.js';
import {kids, text, type SyntaxNode} from '../../python/syntax.js';
import type {Ctx, Value} from '../../python/values.js';
import {bindParameters} from '../../python/bindings.js';

/** The expression of a function's only `return <expr>` (nested functions and classes aside), if it has exactly one. */
export function singleReturn(fn: FunctionInfo): SyntaxNode | undefined {
  if (!fn.body) return undefined;
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    for (const c of kids(node)) {
      if (c.name === 'ReturnStatement') found.push(c);
      else if (!['FunctionDefinition', 'ClassDefinition', 'LambdaExpression', 'DecoratedStatement'].includes(c.name))
        visit(c);
    }
  };
  visit(fn.body);
  const expr = found.length === 1 ? kids(found[0]!).find((c) => c.name !== 'return') : undefined;
  return expr ?? undefined;
}

/**
 * A call of a helper in the charm's code (`self._pebble_checks(...)`, `build_checks()` in the same
 * module): the expression it returns, read in the helper's own context (its parameters bound to
 * this call's arguments where they are static). Undefined for any other call. A local the helper
 * assigns in branches reads as any branch's value (python/reaching.ts), never as one branch's.
 */
export function followCall(node: SyntaxNode, ctx: Ctx): {node: SyntaxNode; ctx: Ctx} | undefined {
  if (node.name !== 'CallExpression' || ctx.depth > 8) return undefined;
  const callee = text(ctx.module.py, node.firstChild!);
  const method = /^self\.(\w+)$/.exec(callee)?.[1];
  const target = method ? ctx.cls?.methods.get(method) : ctx.module.functions.get(callee);
  const returned = target ? singleReturn(target) : undefined;
  if (!target || !returned) return undefined;
  const args = node.getChild('ArgList');
  // The helper's parameters hold what this call passes (unknown where the call passes state).
  const env = args ? bindParameters(target, args, ctx) : new Map<string, Value>();
  return {node: returned, ctx: {...ctx, fn: target, cls: target.cls, env, depth: ctx.depth + 1}};
}

/** A service or check written as a helper's call (`self._monitoring_service()`): what the helper returns; else the node as written. */
export function definitionOf(node: SyntaxNode, ctx: Ctx): {node: SyntaxNode; ctx: Ctx} {
  return (node.name === 'CallExpression' ? followCall(node, ctx) : undefined) ?? {node, ctx};
}
