/**
 * Calls of a function defined inside the function that calls it:
 *
 *     def _layer(self):
 *         def _command():
 *             listen = "" if not self._peers else f"0.0.0.0:{self._ha_port}"
 *             return f"{self._exe} --config.file={self._config_path} --cluster={listen}"
 *         return Layer({"services": {"app": {"command": _command()}}})
 *
 * What it returns is read in its own body (its locals, its parameters bound to the call's
 * arguments) and, for the names it takes from the enclosing function (`self`, that function's
 * parameters and locals), as the enclosing function holds them at the call. Several `return`s
 * are each read, the result is one of them; a decorated function, a generator or one with `*args`
 * is not followed (the call stays unknown).
 */
import {argumentsByParameter} from './arguments.js';
import {collectReturns, isGenerator, NESTED_SCOPES} from './calls.js';
import type {FunctionInfo, ParamInfo} from './module-info.js';
import {paramsOf} from './module-index.js';
import {lookupName} from './lookup.js';
import {childOf, kids, parts, text, type SyntaxNode} from './syntax.js';
import {type Ctx, type Value, alts} from './values.js';

/** What `name(...)` returns when `name` is a function defined earlier in the enclosing function. */
export function localFunctionCall(call: SyntaxNode, ctx: Ctx): Value | undefined {
  const callee = call.firstChild!;
  if (callee.name !== 'VariableName' || !ctx.fn?.body) return undefined;
  const def = nestedDefinition(ctx.fn.body, text(ctx.module.py, callee), call.from, ctx);
  const body = def ? childOf(def, 'Body') : null;
  if (!def || !body) return undefined;
  const params = plainParams(def, ctx);
  if (!params) return undefined;
  const fn: FunctionInfo = {name: text(ctx.module.py, callee), node: def, body, params, module: ctx.module};
  const returns: SyntaxNode[] = [];
  collectReturns(body, returns);
  if (!returns.length || isGenerator(fn)) return undefined;
  const env = new Map<string, Value>();
  // Names the body takes from the enclosing function, as they are where the call is; other names
  // (the module's) are looked up as usual.
  const own = new Set([...params.map((p) => p.name), ...assignedNames(body, ctx)]);
  const enclosing = new Set([
    ...ctx.fn.params.map((p) => p.name),
    ...assignedNames(ctx.fn.body, ctx),
    ...ctx.env.keys(),
  ]);
  for (const name of freeNames(body, ctx))
    if (!own.has(name) && enclosing.has(name)) env.set(name, lookupName(name, callee, ctx));
  const args = call.getChild('ArgList');
  const given = args ? argumentsByParameter(args, params, ctx.module.py) : new Map<string, SyntaxNode>();
  for (const p of params) {
    const node = given.get(p.name) ?? p.default;
    env.set(p.name, node ? ctx.evaluate(node, ctx) : {t: 'unknown', expr: p.name});
  }
  const inner: Ctx = {...ctx, fn, cls: undefined, env, depth: ctx.depth + 1};
  return alts(returns.map((r) => (parts(r)[0] ? inner.evaluate(parts(r)[0]!, inner) : {t: 'none'})));
}

/** The last `def name` before `before` in the body, at any depth of its blocks but not inside other functions or classes. */
function nestedDefinition(body: SyntaxNode, name: string, before: number, ctx: Ctx): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  const visit = (block: SyntaxNode): void => {
    for (const stmt of kids(block)) {
      if (stmt.from >= before) return;
      if (stmt.name === 'FunctionDefinition') {
        const nameNode = childOf(stmt, 'VariableName');
        if (nameNode && text(ctx.module.py, nameNode) === name) found = stmt;
        continue;
      }
      // A decorated function may return something else entirely; a class is a scope of its own.
      if (stmt.name === 'DecoratedStatement' || stmt.name === 'ClassDefinition') continue;
      for (const b of kids(stmt)) if (b.name === 'Body' || b.name.endsWith('Clause')) visit(b);
    }
  };
  visit(body);
  return found;
}

/** Names assigned anywhere in the body (its own locals, whatever the branch). */
function assignedNames(body: SyntaxNode, ctx: Ctx): Set<string> {
  const out = new Set<string>();
  const visit = (node: SyntaxNode): void => {
    for (const c of kids(node)) {
      if (NESTED_SCOPES.has(c.name)) continue;
      if (c.name === 'AssignStatement' || c.name === 'UpdateStatement' || c.name === 'ForStatement')
        for (const t of kids(c)) {
          if (t.name === 'AssignOp' || t.name === 'UpdateOp' || t.name === 'in') break;
          if (t.name === 'VariableName') out.add(text(ctx.module.py, t));
        }
      visit(c);
    }
  };
  visit(body);
  return out;
}

/** Every name the body reads (attributes and keywords are no names). */
function freeNames(body: SyntaxNode, ctx: Ctx): Set<string> {
  const out = new Set<string>();
  const cursor = body.cursor();
  do {
    if (cursor.name === 'VariableName') out.add(text(ctx.module.py, cursor.node));
  } while (cursor.next() && cursor.from < body.to);
  return out;
}

/** Plain parameters with their defaults; `null` for `*args`, `**kwargs`, or a `*` / `/` marker. */
function plainParams(def: SyntaxNode, ctx: Ctx): ParamInfo[] | null {
  const list = childOf(def, 'ParamList');
  if (list && kids(list).some((c) => c.name === '*' || c.name === '**' || c.name === '/')) return null;
  return paramsOf(ctx.module.py, list);
}
