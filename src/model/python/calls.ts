/**
 * What a call of a function or method of the project returns, when every `return` gives a
 * constant: `def _get_container_name(self, name=""): ... return name` called with "app",
 * `def _peer_name(self): return self._PEER`. Libraries hand a charm's names through such
 * helpers (a container name validated and returned, a relation name read from a constant).
 *
 * The arguments are bound to the parameters as the call writes them; a name returned is read
 * through the assignments and static `if`s before its `return` (flow.ts). Only constants
 * (strings, numbers, booleans, None, and sequences of them) come back: an object, a dict or
 * anything computed leaves the call unknown, as before, so nothing downstream sees a guess.
 */
import {bindParameters} from './bindings.js';
import {valueAt} from './flow.js';
import type {FunctionInfo} from './module-info.js';
import {type SyntaxNode, kids, parts, text} from './syntax.js';
import {type Ctx, type Value, alts, selfFor} from './values.js';

export function returnedValue(
  fn: FunctionInfo,
  owner: Value | undefined,
  args: SyntaxNode | null,
  ctx: Ctx,
): Value | undefined {
  // A function that calls itself (directly or round a cycle) is not followed into again.
  if (!fn.body || active.has(fn) || isGenerator(fn)) return undefined;
  const returns: SyntaxNode[] = [];
  collectReturns(fn.body, returns);
  // Only returns that can be constants are evaluated (a call is evaluated often; most return objects).
  if (!returns.length || !returns.every((r) => constantShape(returnedExpression(r), fn))) return undefined;
  const decorators = fn.node.parent?.name === 'DecoratedStatement' ? text(fn.module.py, fn.node.parent) : '';
  // A class or static method binds no `self`; other decorators may change what is returned.
  if (/^\s*@/m.test(decorators.slice(0, decorators.indexOf('def ')))) return undefined;
  const inner: Ctx = {
    ...ctx,
    module: fn.module,
    cls: fn.cls,
    fn,
    self: owner ?? selfFor(fn.cls, fn.module, ctx.domain),
    env: args ? bindParameters(fn, args, ctx) : new Map(),
    depth: ctx.depth + 1,
  };
  active.add(fn);
  try {
    return constantReturns(fn, returns, inner);
  } finally {
    active.delete(fn);
  }
}

/** Functions being followed now, outermost first. */
const active = new Set<FunctionInfo>();

function constantReturns(fn: FunctionInfo, returns: SyntaxNode[], inner: Ctx): Value | undefined {
  const values: Value[] = [];
  for (const r of returns) {
    const expr = returnedExpression(r);
    const v = !expr
      ? {t: 'none' as const}
      : expr.name === 'VariableName'
        ? (valueAt(text(fn.module.py, expr), r.from, inner) ?? inner.evaluate(expr, inner))
        : inner.evaluate(expr, inner);
    if (!isConstant(v)) return undefined;
    values.push(v);
  }
  return alts(values);
}

function returnedExpression(r: SyntaxNode): SyntaxNode | undefined {
  return kids(r).find((c) => c.name !== 'return');
}

/**
 * Calls whose result may be a constant: builtins and string methods over constants, the project's
 * own functions, pathlib paths and `os.path` (paths.ts).
 */
const CONSTANT_CALL =
  /^(?:self\.\w+|[a-z_]\w*|[\w.]+\.(?:format|replace|lower|upper|strip|keys|get|joinpath|with_suffix|with_name|as_posix)|(?:\w+\.)?(?:Pure)?(?:Posix)?Path|(?:os\.)?path\.\w+)$/;

/** Whether an expression is written so that it may evaluate to a constant (`return Session(...).resource(...)` is not). */
function constantShape(node: SyntaxNode | undefined, fn: FunctionInfo): boolean {
  if (!node) return true;
  switch (node.name) {
    case 'String':
    case 'ContinuedString':
    case 'FormatString':
    case 'Number':
    case 'Boolean':
    case 'None':
    case 'VariableName':
    case 'MemberExpression':
    case 'BinaryExpression':
    case 'UnaryExpression':
    case 'ArrayComprehensionExpression':
    case 'SetComprehensionExpression':
      return true;
    case 'ParenthesizedExpression':
    case 'TupleExpression':
    case 'ArrayExpression':
    case 'SetExpression':
      return parts(node).every((p) => constantShape(p, fn));
    case 'CallExpression':
      return CONSTANT_CALL.test(text(fn.module.py, node.firstChild!).replace(/\s+/g, ''));
    default:
      return false;
  }
}

function isConstant(v: Value): boolean {
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
    case 'none':
    case 'path':
      return true;
    // A string only partly static (`f"app --port {self.port}"`): its computed parts stay marked.
    case 'unknown':
      return v.partial !== undefined;
    case 'seq':
    case 'alts':
      return v.items.every(isConstant);
    default:
      return false;
  }
}

/** `return` statements of this function, not of the functions and classes nested in it. */
export function collectReturns(node: SyntaxNode, out: SyntaxNode[]): void {
  for (const c of kids(node)) {
    if (c.name === 'ReturnStatement') out.push(c);
    else if (!NESTED_SCOPES.has(c.name)) collectReturns(c, out);
  }
}

/** Nodes that open a scope of their own: what is inside them is not the enclosing function's. */
export const NESTED_SCOPES: ReadonlySet<string> = new Set([
  'FunctionDefinition',
  'ClassDefinition',
  'LambdaExpression',
  'DecoratedStatement',
]);

/** A `yield` in the body makes a call return a generator, not what its `return`s give. */
export function isGenerator(fn: FunctionInfo): boolean {
  if (!/\byield\b/.test(text(fn.module.py, fn.body!))) return false;
  let found = false;
  const visit = (node: SyntaxNode): void => {
    for (const c of kids(node)) {
      if (found) return;
      if (c.name === 'yield') found = true;
      else if (!NESTED_SCOPES.has(c.name)) visit(c);
    }
  };
  visit(fn.body!);
  return found;
}
