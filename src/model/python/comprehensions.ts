/**
 * List, set and dict comprehensions over a static sequence: `{policy.relation for policy in policies}`,
 * `[c for c in containers if c != "proxy"]`, `{c: unit.get_container(c) for c in scheme.keys()}` (its keys). One `for` clause with one name; a filter that is not
 * static makes the whole comprehension unknown (an item kept or dropped would be a guess).
 */
import {truth} from './conditions.js';
import {type SyntaxNode, kids, text} from './syntax.js';
import {type Ctx, type Value, unknown} from './values.js';

/** Items a comprehension may produce before it is left unknown. */
const MAX_ITEMS = 256;

export function evaluateComprehension(node: SyntaxNode, ctx: Ctx): Value {
  const all = kids(node).filter((c) => c.name !== '[' && c.name !== ']' && c.name !== '{' && c.name !== '}');
  // `{key: value for ...}`: a mapping known by its keys, as iterating it, `.keys()` and `len()` see it.
  const dict = node.name === 'DictionaryComprehensionExpression';
  if (dict && all[1]?.name !== ':') return unknown(ctx, node);
  const children = dict ? [all[0]!, ...all.slice(3)] : all;
  const [element, forKw, target, inKw, iterable, ...rest] = children;
  if (
    !element ||
    forKw?.name !== 'for' ||
    target?.name !== 'VariableName' ||
    inKw?.name !== 'in' ||
    !iterable ||
    rest.some((c) => c.name === 'for')
  )
    return unknown(ctx, node);
  const conditions = rest.filter((c, i) => rest[i - 1]?.name === 'if');
  const source = ctx.evaluate(iterable, ctx);
  if (source.t !== 'seq' || source.items.length > MAX_ITEMS) return unknown(ctx, node);
  const name = text(ctx.module.py, target);
  const items: Value[] = [];
  for (const item of source.items) {
    const inner: Ctx = {...ctx, env: new Map(ctx.env).set(name, item)};
    const keep = conditions.map((c) => truth(c, inner));
    if (keep.some((k) => k === undefined)) return unknown(ctx, node);
    if (keep.every((k) => k)) items.push(ctx.evaluate(element, inner));
  }
  return {t: 'seq', items: node.name === 'ArrayComprehensionExpression' ? items : distinct(items)};
}

/** A set (or a dict's keys) keeps one of equal constants (its order is Python's insertion order for strings here). */
function distinct(items: Value[]): Value[] {
  const seen = new Set<string>();
  return items.filter((v) => {
    if (v.t !== 'str' && v.t !== 'num') return true;
    const key = `${v.t}:${v.v}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
