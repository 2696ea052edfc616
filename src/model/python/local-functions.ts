/**
 * Calls of a function defined inside the function that calls it, whose body is one `return`:
 *
 *     def _layer(self):
 *         def _command():
 *             return f"{self._exe} --config.file={self._config_path}"
 *         return Layer({"services": {"app": {"command": _command()}}})
 *
 * The returned expression is read where it is written: its parameters bound to the call's
 * arguments, every other name (`self`, the enclosing function's locals and parameters) as the
 * enclosing function sees it. A body that does more than return (assignments, branches, loops)
 * is not followed: the call stays unknown.
 */
import {argumentsByParameter} from './arguments.js';
import type {ParamInfo} from './module-info.js';
import {paramsOf} from './module-index.js';
import {childOf, kids, parts, text, type SyntaxNode} from './syntax.js';
import type {Ctx, Value} from './values.js';

/** What `name(...)` returns when `name` is a one-return function defined earlier in the enclosing function. */
export function localFunctionCall(call: SyntaxNode, ctx: Ctx): Value | undefined {
  const callee = call.firstChild!;
  if (callee.name !== 'VariableName' || !ctx.fn?.body) return undefined;
  const def = nestedDefinition(ctx.fn.body, text(ctx.module.py, callee), call.from, ctx);
  const returned = def ? returnedExpression(def) : null;
  if (!def || !returned) return undefined;
  const params = plainParams(def, ctx);
  if (!params) return undefined;
  const args = call.getChild('ArgList');
  const given = args ? argumentsByParameter(args, params, ctx.module.py) : new Map<string, SyntaxNode>();
  const env = new Map(ctx.env);
  for (const p of params) {
    const node = given.get(p.name) ?? p.default;
    env.set(p.name, node ? ctx.evaluate(node, ctx) : {t: 'unknown', expr: p.name});
  }
  return ctx.evaluate(returned, {...ctx, env, depth: ctx.depth + 1});
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

/** The expression of a body that is an optional docstring and one `return <expr>`. */
function returnedExpression(def: SyntaxNode): SyntaxNode | null {
  const body = childOf(def, 'Body');
  if (!body) return null;
  const statements = parts(body);
  const first = statements[0];
  const docstring =
    first?.name === 'ExpressionStatement' && ['String', 'ContinuedString'].includes(first.firstChild?.name ?? '');
  const rest = docstring ? statements.slice(1) : statements;
  if (rest.length !== 1 || rest[0]!.name !== 'ReturnStatement') return null;
  return parts(rest[0]!)[0] ?? null;
}

/** Plain parameters with their defaults; `null` for `*args`, `**kwargs`, or a `*` / `/` marker. */
function plainParams(def: SyntaxNode, ctx: Ctx): ParamInfo[] | null {
  const list = childOf(def, 'ParamList');
  if (list && kids(list).some((c) => c.name === '*' || c.name === '**' || c.name === '/')) return null;
  return paramsOf(ctx.module.py, list);
}
