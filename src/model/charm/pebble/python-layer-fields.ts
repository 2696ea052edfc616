/** Reads the dicts of a Python-built Pebble layer: keys and values literal where the source is, computed elsewhere. */
import {evaluate} from '../../python/evaluate.js';
import {lookupName} from '../../python/lookup.js';
import {dictEntries} from '../../python/dicts.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {childOf, kids, text, type SyntaxNode} from '../../python/syntax.js';
import {laterMutations, variableOf} from './dict-mutations.js';
import {followCall} from './returns.js';

export type Fields = Map<string, SyntaxNode> & {spread?: boolean};

/** Keys of a dict literal, or keyword arguments of `LayerDict(...)` / `ServiceDict(...)` / `dict(...)`. */
export function layerFields(node: SyntaxNode, ctx: Ctx): Fields | null {
  const py = ctx.module.py;
  const out: Fields = new Map();
  if (node.name === 'CallExpression') {
    const args = childOf(node, 'ArgList');
    if (!args) return null;
    const first = positionalArgs(args)[0];
    if (first) return layerFields(resolveToLiteral(first, ctx) ?? first, ctx);
    for (const [k, v] of keywordArgs(args, py)) out.set(k.replace(/_/g, '-'), v);
    if (kids(args).some((c) => c.name === '**')) out.spread = true;
    return out;
  }
  if (node.name !== 'DictionaryExpression') return null;
  const value = evaluate(node, ctx);
  if (value.t !== 'dict') return null;
  for (const e of dictEntries(value)) {
    if (e.spread) out.spread = true;
    else if (e.key?.t === 'str') out.set(e.key.v, e.valueNode);
    else out.spread = true;
  }
  return out;
}

/** A name that refers to a literal dict/call (local variable or constant): follow it to the literal. */
export function resolveToLiteral(node: SyntaxNode, ctx: Ctx): SyntaxNode | null {
  const raw = pebbleObjectDict(node, ctx);
  if (raw !== undefined) return raw;
  if (node.name === 'DictionaryExpression' || node.name === 'CallExpression') return node;
  if (node.name === 'VariableName') {
    const v = lookupName(text(ctx.module.py, node), node, ctx);
    if (v.t === 'dict') return v.node;
  }
  if (node.name === 'MemberExpression') {
    const v = evaluate(node, ctx);
    if (v.t === 'dict') return v.node;
  }
  return null;
}

/**
 * `SERVICE.to_dict()` where `SERVICE = ops.pebble.Service(name, raw={...})` (or `Check`, `LogTarget`):
 * the dict is the `raw` argument. Undefined when `node` is no `.to_dict()` call; null (computed)
 * when the object or its `raw` cannot be followed in this module.
 */
function pebbleObjectDict(node: SyntaxNode, ctx: Ctx): SyntaxNode | null | undefined {
  const callee = node.name === 'CallExpression' ? node.firstChild : null;
  const args = node.getChild('ArgList');
  if (
    callee?.name !== 'MemberExpression' ||
    !text(ctx.module.py, callee).endsWith('.to_dict') ||
    (args && kids(args).length > 2)
  )
    return undefined;
  const owner = evaluate(callee.firstChild, ctx);
  if (
    owner.t !== 'instance' ||
    !/^(Service|Check|LogTarget)$/.test(owner.cls.name) ||
    !owner.args ||
    owner.argsCtx?.module !== ctx.module
  )
    return null;
  const rawNode = keywordArgs(owner.args, ctx.module.py).get('raw') ?? positionalArgs(owner.args)[1];
  return rawNode ? resolveToLiteral(rawNode, ctx) : null;
}

export interface Mapping {
  entries: Array<[string, SyntaxNode, SyntaxNode | null]>;
  spread: boolean;
  /** Where the entries are read when the mapping is returned by a helper (`"checks": self._checks()`). */
  ctx?: Ctx;
}

export function mappingOf(node: SyntaxNode, ctx: Ctx): Mapping {
  // `"checks": self._pebble_checks(args)`: the mapping the helper returns; a call that cannot be
  // followed is computed (its keyword arguments are no entries), except `dict(name=...)`.
  if (node.name === 'CallExpression' && !/^(dict|(\w+\.)*\w+Dict)$/.test(text(ctx.module.py, node.firstChild!))) {
    const followed = followCall(node, ctx);
    return followed ? {...mappingOf(followed.node, followed.ctx), ctx: followed.ctx} : {entries: [], spread: true};
  }
  const literal = resolveToLiteral(node, ctx);
  if (!literal) return node.name === 'VariableName' ? eitherMapping(node, ctx) : {entries: [], spread: true};
  const fields = layerFieldsRaw(literal, ctx);
  // `services[f"worker-{i}"] = {...}` after `services = {}`: entries of this mapping, a computed key kept as written.
  const name = literal.name === 'DictionaryExpression' ? variableOf(literal, ctx) : undefined;
  for (const m of name ? laterMutations(name, literal.to, ctx) : []) {
    if (m.key !== null) fields.entries.push([m.key, m.value, null]);
    else if (m.keyNode) {
      fields.entries.push([text(ctx.module.py, m.keyNode), m.value, m.keyNode]);
      fields.spread = true;
    }
  }
  return fields;
}

/**
 * A local name assigned a different dict in each branch (`env = {}` then `if tracing: env = {...}`):
 * every branch's entries, marked computed since which one applies is decided when the code runs.
 */
function eitherMapping(node: SyntaxNode, ctx: Ctx): Mapping {
  const v = lookupName(text(ctx.module.py, node), node, ctx);
  const out: Mapping = {entries: [], spread: true};
  if (v.t !== 'alts' || v.items.some((i) => i.t !== 'dict')) return out;
  for (const dict of v.items)
    if (dict.t === 'dict')
      for (const entry of layerFieldsRaw(dict.node, dict.ctx).entries)
        if (!out.entries.some(([k]) => k === entry[0])) out.entries.push(entry);
  return out;
}

export function layerFieldsRaw(node: SyntaxNode, ctx: Ctx): Mapping {
  const py = ctx.module.py;
  if (node.name === 'CallExpression') {
    const args = childOf(node, 'ArgList');
    const out: Mapping = {entries: [], spread: false};
    if (!args) return out;
    for (const [k, v] of keywordArgs(args, py)) out.entries.push([k, v, null]);
    return out;
  }
  const value = evaluate(node, ctx);
  if (value.t !== 'dict') return {entries: [], spread: true};
  const out: Mapping = {entries: [], spread: false};
  for (const e of dictEntries(value)) {
    if (e.spread) out.spread = true;
    else
      out.entries.push([
        e.key?.t === 'str' ? e.key.v : text(py, e.keyNode!),
        e.valueNode,
        e.key?.t === 'str' ? null : e.keyNode,
      ]);
  }
  return out;
}

export function scalar(node: SyntaxNode, ctx: Ctx): {value: string; computed: boolean} {
  const v = evaluate(node, ctx);
  if (v.t === 'str') return {value: v.v, computed: false};
  if (v.t === 'num' || v.t === 'bool') return {value: String(v.v), computed: false};
  // A string only partly static shows its static parts, the computed ones in braces.
  if (v.t === 'unknown' && v.partial !== undefined) return {value: v.partial, computed: true};
  return {value: text(ctx.module.py, node), computed: true};
}

export function stringList(node: SyntaxNode | undefined, ctx: Ctx, computed: string[], field: string): string[] {
  if (!node) return [];
  const v = evaluate(node, ctx);
  if (v.t === 'seq' && v.items.every((i) => i.t === 'str')) return v.items.map((i) => (i as {v: string}).v);
  computed.push(field);
  return [text(ctx.module.py, node)];
}
