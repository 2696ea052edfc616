/**
 * Whether a condition is statically true or false (`undefined` when it depends on what runs):
 * `x in names`, `x is None`, `not x`, `a == b`, `isinstance(x, list)`, `len(x) == 1`, `and`/`or`, `TYPE_CHECKING`.
 * Used to drop the branches of an `if` that cannot run for a binding (a loop item, a parameter).
 */
import {positionalArgs} from './arguments.js';
import {dictEntries} from './dicts.js';
import {type SyntaxNode, kids, parts, text} from './syntax.js';
import type {Ctx, Value} from './values.js';

/** How a name's value is read in a condition (a caller that follows assignments passes its own). */
export type ValueOf = (node: SyntaxNode) => Value;

export function truth(node: SyntaxNode, ctx: Ctx, valueOf: ValueOf = (n) => ctx.evaluate(n, ctx)): boolean | undefined {
  const py = ctx.module.py;
  switch (node.name) {
    case 'ParenthesizedExpression': {
      const inner = parts(node)[0];
      return inner ? truth(inner, ctx, valueOf) : undefined;
    }
    case 'UnaryExpression': {
      const [op, operand] = kids(node);
      if (op?.name !== 'not' || !operand) return undefined;
      const t = truth(operand, ctx, valueOf);
      return t === undefined ? undefined : !t;
    }
    case 'BinaryExpression':
      return binaryTruth(node, ctx, valueOf);
    case 'CallExpression': {
      const callee = text(py, node.firstChild!);
      const args = node.getChild('ArgList');
      const [subject, type] = args ? positionalArgs(args) : [];
      if (callee === 'isinstance' && subject && type) return isInstance(valueOf(subject), text(py, type));
      return valueTruth(valueOf(node));
    }
    default:
      // `if TYPE_CHECKING:` holds only for a type checker, never when the code runs.
      if (/^(typing\s*\.\s*)?TYPE_CHECKING$/.test(text(py, node))) return false;
      return valueTruth(valueOf(node));
  }
}

function binaryTruth(node: SyntaxNode, ctx: Ctx, valueOf: ValueOf): boolean | undefined {
  const children = kids(node);
  const a = children[0];
  const b = children[children.length - 1];
  if (!a || !b || a === b) return undefined;
  const ops = children
    .slice(1, -1)
    .map((c) => (c.name === 'CompareOp' ? text(ctx.module.py, c) : c.name))
    .join(' ');
  if (ops === 'and' || ops === 'or') {
    const l = truth(a, ctx, valueOf);
    if (ops === 'and' && l === false) return false;
    if (ops === 'or' && l === true) return true;
    const r = truth(b, ctx, valueOf);
    if (l === undefined || r === undefined)
      return ops === 'and' ? (r === false ? false : undefined) : r === true ? true : undefined;
    return r;
  }
  const left = valueOf(a);
  const right = valueOf(b);
  switch (ops) {
    case 'in':
      return contains(right, left);
    case 'not in': {
      const t = contains(right, left);
      return t === undefined ? undefined : !t;
    }
    case 'is':
    case 'is not': {
      if (right.t !== 'none') return undefined;
      const isNone = noneness(left);
      return isNone === undefined ? undefined : ops === 'is' ? isNone : !isNone;
    }
    case '==':
    case '!=': {
      const eq = equal(left, right);
      return eq === undefined ? undefined : ops === '==' ? eq : !eq;
    }
    default:
      return undefined;
  }
}

type Scalar = string | number | boolean | null;

function scalar(v: Value): Scalar | undefined {
  if (v.t === 'str' || v.t === 'num' || v.t === 'bool') return v.v;
  if (v.t === 'none') return null;
  return undefined;
}

function equal(a: Value, b: Value): boolean | undefined {
  const x = scalar(a);
  const y = scalar(b);
  return x === undefined || y === undefined ? undefined : x === y;
}

/** `item in container` for a sequence, dict keys or a string; unknown members keep it open. */
function contains(container: Value, item: Value): boolean | undefined {
  const needle = scalar(item);
  if (needle === undefined) return undefined;
  if (container.t === 'str') return typeof needle === 'string' ? container.v.includes(needle) : undefined;
  const members = container.t === 'seq' ? container.items : container.t === 'dict' ? dictKeys(container) : undefined;
  if (!members) return undefined;
  if (members.some((m) => scalar(m) === needle)) return true;
  return members.every((m) => scalar(m) !== undefined) ? false : undefined;
}

function dictKeys(dict: Extract<Value, {t: 'dict'}>): Value[] | undefined {
  const entries = dictEntries(dict);
  return entries.every((e) => !e.spread && e.key) ? entries.map((e) => e.key!) : undefined;
}

function noneness(v: Value): boolean | undefined {
  if (v.t === 'none') return true;
  if (v.t === 'unknown') return undefined;
  if (v.t === 'alts') {
    const each = v.items.map(noneness);
    return each.every((e) => e === true) ? true : each.every((e) => e === false) ? false : undefined;
  }
  return false;
}

function isInstance(v: Value, type: string): boolean | undefined {
  if (v.t === 'unknown' || v.t === 'alts') return undefined;
  const kinds = type.replace(/[()\s]/g, '').split(',');
  const is = (k: string): boolean | undefined => {
    // A literal list, tuple or set is one `seq`: the normalisation idioms only ask "a sequence or one item?".
    if (k === 'list' || k === 'tuple' || k === 'set') return v.t === 'seq';
    if (k === 'str') return v.t === 'str';
    if (k === 'dict') return v.t === 'dict';
    return undefined;
  };
  const each = kinds.map(is);
  return each.some((e) => e === true) ? true : each.every((e) => e === false) ? false : undefined;
}

/** Python truthiness of a value, when static. */
export function valueTruth(v: Value): boolean | undefined {
  switch (v.t) {
    case 'none':
      return false;
    case 'bool':
      return v.v;
    case 'num':
      return v.v !== 0;
    case 'str':
      return v.v.length > 0;
    case 'seq':
      return v.items.length > 0;
    case 'dict':
      return dictEntries(v).length > 0;
    case 'unknown':
      return undefined;
    case 'alts': {
      const each = v.items.map(valueTruth);
      return each.every((e) => e === true) ? true : each.every((e) => e === false) ? false : undefined;
    }
    default:
      // An object, a class, a function, an event: always true.
      return true;
  }
}

/** The branches of an `if`/`elif`/`else` statement in order: each body with its condition (none for `else`). */
export function ifBranches(stmt: SyntaxNode): Array<{cond: SyntaxNode | null; body: SyntaxNode}> {
  const children = kids(stmt);
  const out: Array<{cond: SyntaxNode | null; body: SyntaxNode}> = [];
  children.forEach((c, i) => {
    if (c.name !== 'if' && c.name !== 'elif' && c.name !== 'else') return;
    const body = children.slice(i + 1).find((b) => b.name === 'Body');
    if (body) out.push({cond: c.name === 'else' ? null : (children[i + 1] ?? null), body});
  });
  return out;
}
