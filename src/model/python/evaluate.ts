/** The static evaluator: what a Python expression stands for, without running it. */
import {positionalArgs} from './arguments.js';
import {builtinCall} from './builtins.js';
import {returnedValue} from './calls.js';
import {evaluateComprehension} from './comprehensions.js';
import {concatenate, evaluateContinuedString, evaluateFormatString} from './format-strings.js';
import {localFunctionCall} from './local-functions.js';
import {pathCall, pathDivide, pathMethodCall} from './paths.js';
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
      if (v !== null) return {t: 'str', v};
      // `("a" f"{b}" "c")`: adjacent literals, some of them f-strings.
      return node.name === 'ContinuedString' ? evaluateContinuedString(node, inner) : unknown(ctx, node);
    }
    case 'FormatString':
      return evaluateFormatString(node, inner);
    case 'Number': {
      const written = text(py, node).replace(/_/g, '');
      const v = Number(written);
      if (!Number.isFinite(v)) return unknown(ctx, node);
      // `30.0` prints as a float; `0x1e` is an int.
      return /^\d*\.|^\d+[eE]/.test(written) ? {t: 'num', v, float: true} : {t: 'num', v};
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
    case 'UnaryExpression': {
      // `-1`, `-0.5`: a signed number.
      const [op, arg] = kids(node);
      const v = op && arg && /^[-+]$/.test(text(py, op)) ? evaluate(arg, inner) : null;
      if (v?.t !== 'num') return unknown(ctx, node);
      return {...v, v: text(py, op!) === '-' ? -v.v : v.v};
    }
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
        if (l.t === 'num' && r.t === 'num')
          return l.float || r.float ? {t: 'num', v: l.v + r.v, float: true} : {t: 'num', v: l.v + r.v};
        if (l.t === 'seq' && r.t === 'seq') return {t: 'seq', items: [...l.items, ...r.items]};
        const joined = concatenate({value: l, written: text(py, a)}, {value: r, written: text(py, b)}, text(py, node));
        if (joined) return joined;
      }
      // `CONFIG_DIR / "app.cfg"` of pathlib paths.
      if (a && b && op && text(py, op) === '/') {
        const joined = pathDivide(evaluate(a, inner), evaluate(b, inner));
        if (joined) return joined;
      }
      return unknown(ctx, node);
    }
    default:
      return unknown(ctx, node);
  }
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
  const path = pathCall(node, ctx);
  if (path) return path;
  const builtin = builtinCall(node, ctx);
  if (builtin) return builtin;
  const fnValue = evaluate(callee, ctx);
  const expr = text(ctx.module.py, node);
  if (fnValue.t === 'method' && fnValue.owner.t === 'path')
    return pathMethodCall(fnValue.owner, fnValue.name, node, ctx);
  // A function defined in the calling function (`def _command(): return f"..."`).
  if (fnValue.t === 'unknown') {
    const local = localFunctionCall(node, ctx);
    if (local) return local;
  }
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
