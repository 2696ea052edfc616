/**
 * Which bindings an observe call really runs under: its loop's items read through the assignments
 * before the loop (`refresh_event = [refresh_event]`), and only the bindings for which each `if`
 * around the call can take the branch that holds it (`if endpoint in subordinates:` over
 * `self.model.relations`). A condition that is not static keeps the binding.
 */
import {truth, type ValueOf} from '../../python/conditions.js';
import {valueAt} from '../../python/flow.js';
import type {FunctionInfo} from '../../python/module-info.js';
import {type SyntaxNode, kids, text} from '../../python/syntax.js';
import type {Ctx, Value} from '../../python/values.js';

/** A name's value where it is read, following its assignments; other expressions as evaluated. */
export function flowValue(node: SyntaxNode, ctx: Ctx): Value {
  if (node.name === 'VariableName')
    return valueAt(text(ctx.module.py, node), node.from, ctx) ?? ctx.evaluate(node, ctx);
  return ctx.evaluate(node, ctx);
}

/** False when some `if` between the call and its function cannot take the branch the call is in. */
export function reachable(call: SyntaxNode, fn: FunctionInfo | undefined, ctx: Ctx): boolean {
  const valueOf: ValueOf = (n) => flowValue(n, ctx);
  for (let p = call.parent; p && p !== fn?.node; p = p.parent) {
    if (p.name !== 'Body' || p.parent?.name !== 'IfStatement') continue;
    const children = kids(p.parent);
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.name !== 'if' && c.name !== 'elif' && c.name !== 'else') continue;
      const body = children.slice(i + 1).find((b) => b.name === 'Body');
      const cond = c.name === 'else' ? null : children[i + 1];
      const holds = cond ? truth(cond, ctx, valueOf) : true;
      if (body?.from === p.from && body.to === p.to) {
        if (holds === false) return false;
        break;
      }
      // An earlier branch that surely runs leaves this one out.
      if (holds === true) return false;
    }
  }
  return true;
}
