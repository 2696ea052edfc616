/**
 * The value a function's local name holds at a point of its body, following its assignments in
 * order through `if`/`elif`/`else` whose conditions are static, and `.append`/`.extend` on a list.
 * What a library makes of an argument: `if not refresh_event: refresh_event = [...]`,
 * `elif not isinstance(refresh_event, list): refresh_event = [refresh_event]`.
 * A branch whose condition is not static leaves the value as one of the branches' values.
 */
import {positionalArgs} from './arguments.js';
import {assignmentParts} from './module-index.js';
import {ifBranches, truth} from './conditions.js';
import {type SyntaxNode, kids, text} from './syntax.js';
import {type Ctx, type Value, alts} from './values.js';

/** `undefined` when the name is neither bound, a parameter nor assigned before `at`. */
export function valueAt(name: string, at: number, ctx: Ctx): Value | undefined {
  const body = ctx.fn?.body;
  if (!body) return ctx.env.get(name);
  let start = ctx.env.get(name);
  if (!start) {
    const param = ctx.fn!.params.find((p) => p.name === name);
    if (param)
      start = param.default ? ctx.evaluate(param.default, {...ctx, env: new Map()}) : {t: 'unknown', expr: name};
  }
  return walkBlock(body, name, at, start, ctx);
}

/** Runs the statements of a block that end before `at`, and descends into the one that holds it. */
function walkBlock(block: SyntaxNode, name: string, at: number, value: Value | undefined, ctx: Ctx): Value | undefined {
  let current = value;
  for (const stmt of kids(block)) {
    if (stmt.from >= at) break;
    if (stmt.to > at) return descend(stmt, name, at, current, ctx);
    current = run(stmt, name, current, ctx);
  }
  return current;
}

/** `at` is inside this statement: the blocks before it in the statement ran (an `if`'s branch is assumed taken). */
function descend(stmt: SyntaxNode, name: string, at: number, value: Value | undefined, ctx: Ctx): Value | undefined {
  const inner = kids(stmt).find((c) => c.name === 'Body' && c.from <= at && at <= c.to);
  return inner ? walkBlock(inner, name, at, value, ctx) : value;
}

function run(stmt: SyntaxNode, name: string, value: Value | undefined, ctx: Ctx): Value | undefined {
  const py = ctx.module.py;
  const withValue = (): Ctx => (value ? {...ctx, env: new Map(ctx.env).set(name, value)} : ctx);
  switch (stmt.name) {
    case 'AssignStatement': {
      const [targets, rhs] = assignmentParts(stmt);
      if (!rhs || !targets.some((t) => t.name === 'VariableName' && text(py, t) === name)) return value;
      return targets.length === 1 ? ctx.evaluate(rhs, withValue()) : {t: 'unknown', expr: name};
    }
    case 'ExpressionStatement': {
      // `name.append(x)` / `name.extend([...])` on a known list.
      const call = stmt.firstChild;
      const callee = call?.name === 'CallExpression' ? call.firstChild : null;
      const m = callee ? /^(\w+)\s*\.\s*(append|extend)$/.exec(text(py, callee)) : null;
      if (m?.[1] !== name) return value;
      const [arg] = positionalArgs(call!.getChild('ArgList')!);
      if (value?.t !== 'seq' || !arg) return {t: 'unknown', expr: name};
      const added = ctx.evaluate(arg, withValue());
      if (m[2] === 'append') return {t: 'seq', items: [...value.items, added]};
      return added.t === 'seq' ? {t: 'seq', items: [...value.items, ...added.items]} : {t: 'unknown', expr: name};
    }
    case 'IfStatement':
      return runIf(stmt, name, value, ctx);
    default:
      // A loop, `with` or `try` that assigns the name: its value after it is not static.
      return assigns(stmt, name, ctx) ? {t: 'unknown', expr: name} : value;
  }
}

/** The branch whose condition holds runs; when one cannot be told, the value is any branch's. */
function runIf(stmt: SyntaxNode, name: string, value: Value | undefined, ctx: Ctx): Value | undefined {
  const outcomes: Array<Value | undefined> = [];
  for (const {cond, body} of ifBranches(stmt)) {
    const holds = cond ? truth(cond, value ? {...ctx, env: new Map(ctx.env).set(name, value)} : ctx) : true;
    if (holds === false) continue;
    outcomes.push(walkBlock(body, name, body.to + 1, value, ctx));
    if (holds === true) return merge(outcomes, value, false);
  }
  // No branch certainly ran: the value may also be the one before the `if`.
  return merge(outcomes, value, true);
}

function merge(outcomes: Array<Value | undefined>, before: Value | undefined, keepBefore: boolean): Value | undefined {
  const all = keepBefore ? [...outcomes, before] : outcomes;
  if (all.some((v) => v === undefined)) return all.length === 1 ? undefined : {t: 'unknown', expr: ''};
  return alts(all as Value[]);
}

function assigns(stmt: SyntaxNode, name: string, ctx: Ctx): boolean {
  return new RegExp(`\\b${name}\\s*(=(?!=)|\\+=|\\.append\\(|\\.extend\\()`).test(text(ctx.module.py, stmt));
}
