/** The static evaluator: what a Python expression stands for, without running it. */
import {positionalArgs} from './arguments.js';
import {builtinCall} from './builtins.js';
import {returnedValue} from './calls.js';
import {evaluateComprehension} from './comprehensions.js';
import {relationOf} from './classes.js';
import {dictEntries, dictItems} from './dicts.js';
import {lookupName} from './lookup.js';
import {evaluateMember, member} from './member.js';
import type {FunctionInfo, ModuleInfo} from './module-info.js';
import type {PythonProject} from './project.js';
import {type SyntaxNode, kids, parts, text} from './syntax.js';
import {stringValue} from './strings.js';
import {MAX_DEPTH, type Ctx, type DomainHooks, type Value, alts, selfFor, unknown} from './values.js';

/** Where the code of `fn` runs (module level without one): `self` is the domain's root object, an instance or unknown. */
export function contextFor(project: PythonProject, module: ModuleInfo, domain: DomainHooks, fn?: FunctionInfo): Ctx {
  const cls = fn?.cls;
  return {project, module, cls, fn, self: selfFor(cls, module, domain), env: new Map(), domain, depth: 0, evaluate};
}

export function evaluate(node: SyntaxNode | null, ctx: Ctx): Value {
  if (!node) return {t: 'unknown', expr: ''};
  if (ctx.depth > MAX_DEPTH) return unknown(ctx, node);
  const inner: Ctx = {...ctx, depth: ctx.depth + 1};
  const py = ctx.module.py;
  switch (node.name) {
    case 'String':
    case 'ContinuedString': {
      const v = stringValue(py, node);
      return v === null ? unknown(ctx, node) : {t: 'str', v};
    }
    case 'FormatString':
      return evaluateFormatString(node, inner);
    case 'Number': {
      const v = Number(text(py, node).replace(/_/g, ''));
      return Number.isFinite(v) ? {t: 'num', v} : unknown(ctx, node);
    }
    case 'Boolean':
      return {t: 'bool', v: text(py, node) === 'True'};
    case 'None':
      return {t: 'none'};
    case 'ParenthesizedExpression': {
      const e = parts(node)[0];
      return e ? evaluate(e, inner) : unknown(ctx, node);
    }
    case 'TupleExpression':
    case 'ArrayExpression':
    case 'SetExpression':
      return {t: 'seq', items: parts(node).map((c) => evaluate(c, inner))};
    case 'DictionaryExpression':
      return {t: 'dict', node, ctx};
    case 'ArrayComprehensionExpression':
    case 'SetComprehensionExpression':
    case 'DictionaryComprehensionExpression':
      return evaluateComprehension(node, inner);
    case 'VariableName':
      return lookupName(text(py, node), node, inner);
    case 'MemberExpression':
      return evaluateMember(node, inner);
    case 'CallExpression':
      return evaluateCall(node, inner);
    case 'BinaryExpression': {
      const [a, op, b] = kids(node);
      if (a && b && op && (op.name === 'or' || op.name === 'and')) {
        // `names or DEFAULTS`: the right side when the left is None/empty; unknown stays unknown.
        const l = evaluate(a, inner);
        const falsy =
          l.t === 'none' ||
          (l.t === 'str' && !l.v) ||
          (l.t === 'seq' && !l.items.length) ||
          (l.t === 'bool' && !l.v) ||
          (l.t === 'num' && l.v === 0) ||
          (l.t === 'dict' && dictEntries(l).length === 0);
        if (l.t === 'unknown' || l.t === 'alts') return unknown(ctx, node);
        if (op.name === 'or') return falsy ? evaluate(b, inner) : l;
        return falsy ? l : evaluate(b, inner);
      }
      if (a && b && op && text(py, op) === '+') {
        const l = evaluate(a, inner);
        const r = evaluate(b, inner);
        if (l.t === 'str' && r.t === 'str') return {t: 'str', v: l.v + r.v};
        if (l.t === 'num' && r.t === 'num') return {t: 'num', v: l.v + r.v};
        if (l.t === 'seq' && r.t === 'seq') return {t: 'seq', items: [...l.items, ...r.items]};
      }
      return unknown(ctx, node);
    }
    default:
      return unknown(ctx, node);
  }
}

function evaluateFormatString(node: SyntaxNode, ctx: Ctx): Value {
  // Only f-strings over constants become literal text; anything over state stays computed.
  const raw = text(ctx.module.py, node);
  const m = /^([rRfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!m) return unknown(ctx, node);
  let out = '';
  let cursor = node.from + m[1]!.length + m[2]!.length;
  const end = node.to - m[2]!.length;
  for (const rep of kids(node).filter((c) => c.name === 'FormatReplacement')) {
    out += ctx.module.py.file.text.slice(cursor, rep.from);
    const expr = parts(rep).find((c) => c.name !== 'FormatSpec' && c.name !== 'FormatConversion');
    const v = expr ? evaluate(expr, ctx) : null;
    if (!v || (v.t !== 'str' && v.t !== 'num')) return unknown(ctx, node);
    out += String(v.v);
    cursor = rep.to;
  }
  out += ctx.module.py.file.text.slice(cursor, end);
  return {t: 'str', v: out.replace(/\{\{/g, '{').replace(/\}\}/g, '}')};
}

function evaluateCall(node: SyntaxNode, ctx: Ctx): Value {
  const callee = node.firstChild!;
  // `getattr(obj, "name")` with a constant name is `obj.name`.
  if (callee.name === 'VariableName' && text(ctx.module.py, callee) === 'getattr') {
    const args = node.getChild('ArgList');
    const [objectNode, nameNode] = args ? positionalArgs(args) : [];
    const attr = nameNode ? evaluate(nameNode, ctx) : null;
    if (objectNode && attr?.t === 'str')
      return member(evaluate(objectNode, ctx), attr.v, text(ctx.module.py, node), ctx);
    if (objectNode && attr?.t === 'alts' && attr.items.every((a) => a.t === 'str')) {
      const owner = evaluate(objectNode, ctx);
      return alts(attr.items.map((a) => member(owner, (a as {v: string}).v, text(ctx.module.py, node), ctx)));
    }
    return {t: 'unknown', expr: text(ctx.module.py, node)};
  }
  const builtin = builtinCall(node, ctx);
  if (builtin) return builtin;
  const fnValue = evaluate(callee, ctx);
  const expr = text(ctx.module.py, node);
  if (fnValue.t === 'class') {
    const args = node.getChild('ArgList');
    return {
      t: 'instance',
      cls: fnValue.ref,
      expr,
      ...relationOf(fnValue.ref, args, ctx),
      ...(args ? {args, argsCtx: ctx} : {}),
    };
  }
  // A function or method of the project that returns a constant (not `Class.method(obj)`, whose `self` is its first argument).
  if ((fnValue.t === 'function' || (fnValue.t === 'method' && fnValue.owner.t !== 'class')) && fnValue.fn) {
    const owner = fnValue.t === 'method' ? fnValue.owner : undefined;
    const returned = returnedValue(fnValue.fn, owner, node.getChild('ArgList'), ctx);
    if (returned) return returned;
  }
  if (callee.name === 'MemberExpression') {
    const prop = callee.getChild('PropertyName');
    const objectNode = callee.firstChild!;
    const method = prop ? text(ctx.module.py, prop) : '';
    if (method === 'items' || method === 'keys' || method === 'values' || method === 'get') {
      const obj = evaluate(objectNode, ctx);
      if (obj.t === 'dict') {
        const items = dictItems(obj);
        if (items.t !== 'seq') return items;
        const pairs = items.items as Array<{t: 'seq'; items: Value[]}>;
        if (method === 'items') return items;
        if (method === 'keys') return {t: 'seq', items: pairs.map((p) => p.items[0]!)};
        if (method === 'values') return {t: 'seq', items: pairs.map((p) => p.items[1]!)};
        const args = node.getChild('ArgList');
        const [keyNode, defaultNode] = args ? positionalArgs(args) : [];
        const key = keyNode ? evaluate(keyNode, ctx) : null;
        if (key?.t !== 'str') return {t: 'unknown', expr};
        const hit = pairs.find((p) => p.items[0]?.t === 'str' && (p.items[0] as {v: string}).v === key.v);
        return hit ? hit.items[1]! : defaultNode ? evaluate(defaultNode, ctx) : {t: 'none'};
      }
    }
    if (STRING_METHODS.has(method)) {
      const obj = evaluate(objectNode, ctx);
      if (obj.t === 'str') {
        const args = node.getChild('ArgList');
        const values = args ? positionalArgs(args).map((a) => evaluate(a, ctx)) : [];
        if (values.every((v) => v.t === 'str')) {
          const a = values.map((v) => (v as {v: string}).v);
          switch (method) {
            case 'replace':
              if (a.length === 2) return {t: 'str', v: obj.v.split(a[0]!).join(a[1])};
              break;
            case 'lower':
              return {t: 'str', v: obj.v.toLowerCase()};
            case 'upper':
              return {t: 'str', v: obj.v.toUpperCase()};
            case 'strip':
              return {t: 'str', v: a.length ? obj.v : obj.v.trim()};
          }
        }
      }
    }
  }
  return {t: 'unknown', expr};
}

/** String methods whose result is still a constant when applied to a constant. */
const STRING_METHODS = new Set(['replace', 'lower', 'upper', 'strip']);
