/**
 * Builtins and methods whose result is static when what they apply to is: `len(x)`, `list(x)`,
 * `next(iter(x))`, `typing.cast(T, x)`, `"{}_ready".format(name)`, and `.keys()` of a mapping known only by its keys (a mapping
 * attribute supplied by a later stage, see `supplyAttributes`).
 */
import {keywordArgs, positionalArgs} from './arguments.js';
import {dictEntries} from './dicts.js';
import {suppliedAttribute} from './member.js';
import {type SyntaxNode, text} from './syntax.js';
import type {Ctx, Value} from './values.js';

/** `undefined` when the call is none of these, or its operand is not static. */
export function builtinCall(node: SyntaxNode, ctx: Ctx): Value | undefined {
  const py = ctx.module.py;
  const callee = node.firstChild!;
  const args = node.getChild('ArgList');
  if (callee.name === 'VariableName') {
    const name = text(py, callee);
    if (!BUILTINS.has(name) || ctx.module.functions.has(name) || ctx.module.assigns.has(name)) return undefined;
    const positional = args ? positionalArgs(args) : [];
    // `typing.cast(T, x)` is `x`.
    if (name === 'cast') {
      if (!isImported(ctx, 'cast', 'typing') || positional.length !== 2) return undefined;
      return ctx.evaluate(positional[1]!, ctx);
    }
    const [arg] = positional;
    const v = arg ? ctx.evaluate(arg, ctx) : undefined;
    // `next(iter(names))`: the first item; a mapping known by its keys (`dict(unit.containers)`) iterates them.
    if (name === 'next') return v?.t === 'seq' && v.items.length && positional.length === 1 ? v.items[0] : undefined;
    if (name === 'dict')
      return v?.t === 'seq' && positional.length === 1 && v.items.every((i) => i.t === 'str') ? v : undefined;
    if (name === 'str') return v?.t === 'str' ? v : v?.t === 'num' ? {t: 'str', v: String(v.v)} : undefined;
    if (name !== 'len') return v?.t === 'seq' ? v : undefined;
    if (v?.t === 'seq') return {t: 'num', v: v.items.length};
    if (v?.t === 'str') return {t: 'num', v: v.v.length};
    if (v?.t === 'dict') {
      const entries = dictEntries(v);
      return entries.some((e) => e.spread) ? undefined : {t: 'num', v: entries.length};
    }
    return undefined;
  }
  if (callee.name !== 'MemberExpression') return undefined;
  const method = text(py, callee.getChild('PropertyName') ?? callee);
  if (method === 'keys' && args && !positionalArgs(args).length) {
    const owner = ctx.evaluate(callee.firstChild, ctx);
    return owner.t === 'seq' ? owner : undefined;
  }
  // `meta.containers.values()`: the supplying stage knows what the values of its mappings are.
  if (method === 'values' && args && !positionalArgs(args).length) {
    const owner = ctx.evaluate(callee.firstChild, ctx);
    return owner.t === 'seq' ? suppliedAttribute(ctx.project, owner, 'values()', text(py, node)) : undefined;
  }
  if (method === 'format' && args) {
    const owner = ctx.evaluate(callee.firstChild, ctx);
    return owner.t === 'str' ? format(owner.v, args, ctx) : undefined;
  }
  return undefined;
}

/** Builtins read here; a module that defines or assigns the name shadows it. */
const BUILTINS = new Set(['len', 'list', 'tuple', 'iter', 'next', 'dict', 'str', 'cast']);

function isImported(ctx: Ctx, name: string, module: string): boolean {
  const binding = ctx.module.imports.get(name);
  return binding?.module === module && binding.name === name;
}

/** `str.format` with constant arguments: `{}`, `{0}` and `{name}` fields, no format specs. */
function format(template: string, args: SyntaxNode, ctx: Ctx): Value | undefined {
  const scalar = (n: SyntaxNode): string | undefined => {
    const v = ctx.evaluate(n, ctx);
    return v.t === 'str' || v.t === 'num' ? String(v.v) : undefined;
  };
  const positional = positionalArgs(args).map(scalar);
  const keywords = keywordArgs(args, ctx.module.py);
  let next = 0;
  let failed = false;
  const out = template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (field, inner: string | undefined) => {
    if (field === '{{') return '{';
    if (field === '}}') return '}';
    const key = inner ?? '';
    const value =
      key === ''
        ? positional[next++]
        : /^\d+$/.test(key)
          ? positional[Number(key)]
          : keywords.has(key)
            ? scalar(keywords.get(key)!)
            : undefined;
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed ? undefined : {t: 'str', v: out};
}
