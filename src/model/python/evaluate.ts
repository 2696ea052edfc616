import {keywordArgs, positionalArgs} from './arguments.js';
import {attributeOf, classInfo, findMethod, relationOf} from './classes.js';
import {dictEntries, dictItems, dictLookup} from './dicts.js';
import {type FunctionInfo, type ModuleInfo, assignmentParts, walkStatements} from './project.js';
import {type SyntaxNode, kids, parts, stringValue, text} from './syntax.js';
import {type Ctx, type Value, alts, unknown} from './values.js';

const MAX_DEPTH = 24;

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
        const falsy = l.t === 'none' || (l.t === 'str' && !l.v) || (l.t === 'seq' && !l.items.length) || (l.t === 'bool' && !l.v) || (l.t === 'num' && l.v === 0) || (l.t === 'dict' && dictEntries(l).length === 0);
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

/** Name lookup: bindings, then local assignments before the use, parameters, module, imports. */
export function lookupName(name: string, at: SyntaxNode, ctx: Ctx): Value {
  const bound = ctx.env.get(name);
  if (bound) return bound;
  if (ctx.fn?.body) {
    const local = lastLocalAssignment(ctx.fn.body, name, at.from, ctx);
    if (local) return evaluate(local, ctx);
    const param = ctx.fn.params.find((p) => p.name === name);
    if (param) {
      if (param === ctx.fn.params[0] && ctx.cls && !isStatic(ctx.fn)) return ctx.self;
      if (isCharmParam(param.name, param.annotation)) return charmValue(ctx) ?? {t: 'unknown', expr: name};
      if (param.default) return evaluate(param.default, {...ctx, env: new Map()});
      return {t: 'unknown', expr: name};
    }
  }
  return lookupModuleName(ctx.module, name, ctx);
}

function isStatic(fn: FunctionInfo): boolean {
  const dec = fn.node.parent?.name === 'DecoratedStatement' ? text(fn.module.py, fn.node.parent) : '';
  return /@staticmethod\b/.test(dec);
}

/** A helper's `charm` parameter: by name or by annotation (`charm: "MyCharm"`, `charm: ops.CharmBase`). */
export function isCharmParam(name: string, annotation?: string): boolean {
  return /^_?charm$/.test(name) || (annotation !== undefined && /Charm\b/.test(annotation) && !/Events?\b/.test(annotation));
}

function charmValue(ctx: Ctx): Value | undefined {
  for (const m of ctx.project.sourceModules()) {
    for (const c of m.classes.values()) if (ctx.isCharmClass(c)) return {t: 'charm', cls: c};
  }
  return undefined;
}

export function lookupModuleName(module: ModuleInfo, name: string, ctx: Ctx): Value {
  const cls = module.classes.get(name);
  if (cls) return {t: 'class', ref: {name, module: module.py.name, info: cls}};
  const fn = module.functions.get(name);
  if (fn) return {t: 'function', fn};
  const assigned = module.assigns.get(name);
  if (assigned) return evaluate(assigned, {...ctx, module, cls: undefined, fn: undefined, env: new Map(), self: {t: 'unknown', expr: name}});
  const imported = module.imports.get(name);
  if (imported) {
    // A CapWords name from a charm library not parsed yet: a class, resolved only when needed
    // (a large charm's lib/ is most of its Python; most library objects need no more than their name).
    // A CapWords constant (`PeerRelationName = "peers"`) is a string: the text says which, without a parse.
    if (imported.name && imported.module.startsWith('charms.') && /^[A-Z][a-z]\w*$/.test(imported.name) && !ctx.project.modules.has(imported.module)) {
      const source = ctx.project.moduleText(imported.module);
      const assigned = source !== undefined && new RegExp(`^${imported.name}\\s*(:[^=\\n]*)?=`, 'm').test(source) && !new RegExp(`^class\\s+${imported.name}\\b`, 'm').test(source);
      if (!assigned) return {t: 'class', ref: {name: imported.name, module: imported.module}};
    }
    const target = ctx.project.resolveModule(imported.module, module);
    if (imported.name === undefined) return target ? {t: 'module', info: target} : {t: 'unknown', expr: name};
    if (target) {
      // `from pkg import mod` binds a submodule when pkg has no such name.
      if (!target.classes.has(imported.name) && !target.functions.has(imported.name) && !target.assigns.has(imported.name) && !target.imports.has(imported.name)) {
        const sub = ctx.project.resolveModule(`${imported.module}.${imported.name}`.replace(/^(\.+)\./, '$1'), module);
        if (sub) return {t: 'module', info: sub};
      }
      if (ctx.depth > MAX_DEPTH) return {t: 'unknown', expr: name};
      return lookupModuleName(target, imported.name, {...ctx, depth: ctx.depth + 1});
    }
    // `from charms.lib.v0 import mod` where `v0` has no __init__.py (a namespace package): the submodule.
    const sub = /^[a-z_][a-z0-9_]*$/.test(imported.name) ? ctx.project.resolveModule(`${imported.module}.${imported.name}`, module) : undefined;
    if (sub) return {t: 'module', info: sub};
    // Imported from outside the charm (ops, a package): a class reference by name.
    return {t: 'class', ref: {name: imported.name, module: imported.module}};
  }
  return {t: 'unknown', expr: name};
}

/** The value of the last `name = ...` in a function body before offset `before` (control flow is not modelled). */
function lastLocalAssignment(body: SyntaxNode, name: string, before: number, ctx: Ctx): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  walkStatements(body, (stmt) => {
    if (stmt.from >= before || stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    if (value && value.to <= before && targets.some((t) => t.name === 'VariableName' && text(ctx.module.py, t) === name)) found = value;
  });
  return found;
}

function evaluateMember(node: SyntaxNode, ctx: Ctx): Value {
  const py = ctx.module.py;
  const children = kids(node);
  const objectNode = children[0]!;
  const subscript = children.some((c) => c.name === '[');
  const owner = evaluate(objectNode, ctx);
  const expr = text(py, node);
  if (subscript) {
    const keyNode = parts(node)[1];
    const key = keyNode ? evaluate(keyNode, ctx) : null;
    if (owner.t === 'on' && owner.owner.t === 'charm') {
      const keys = key?.t === 'alts' ? key.items : key ? [key] : [];
      if (keys.length && keys.every((k) => k.t === 'str')) return alts(keys.map((k) => ({t: 'keyed-on', key: (k as {v: string}).v, expr})));
      return {t: 'unknown', expr};
    }
    if (owner.t === 'seq' && key?.t === 'num') return owner.items[key.v] ?? {t: 'unknown', expr};
    if (owner.t === 'dict' && key?.t === 'str') {
      const v = dictLookup(owner, key.v);
      if (v) return v;
    }
    return {t: 'unknown', expr};
  }
  const propNode = children.find((c) => c.name === 'PropertyName');
  if (!propNode) return {t: 'unknown', expr};
  return member(owner, text(py, propNode), expr, ctx);
}

/** `owner.attr`. */
export function member(owner: Value, attr: string, expr: string, ctx: Ctx): Value {
  switch (owner.t) {
    case 'alts':
      return alts(owner.items.map((o) => member(o, attr, expr, ctx)));
    case 'charm':
    case 'instance': {
      if (attr === 'framework') return {t: 'framework'};
      const info = owner.t === 'charm' ? owner.cls : attr === 'on' ? undefined : classInfo(owner.cls, ctx);
      if (attr === 'on') {
        if (owner.t === 'charm') return {t: 'on', owner, expr};
        // A helper's own `on` (custom events) or a library object's `on`.
        return {t: 'on', owner, expr};
      }
      if (info) {
        const found = attributeOf(info, attr, owner, ctx);
        if (found) return found;
      }
      // `Service(name="x", ...)`, `SimpleNamespace(peer="replicas")`: a keyword argument read back as an attribute.
      if (owner.t === 'instance' && owner.args && owner.argsCtx) {
        const kw = keywordArgs(owner.args, owner.argsCtx.module.py).get(attr);
        if (kw) return evaluate(kw, owner.argsCtx);
      }
      return {t: 'unknown', expr};
    }
    case 'on':
      return {t: 'event', attr, owner: owner.owner, expr};
    case 'keyed-on':
      return {t: 'event', attr, owner: {t: 'on', owner: {t: 'unknown', expr: ''}, expr: owner.expr}, key: owner.key, expr};
    case 'framework':
      return attr === 'observe' ? {t: 'observe'} : {t: 'unknown', expr};
    case 'module':
      return lookupModuleName(owner.info, attr, {...ctx, depth: ctx.depth + 1});
    case 'class': {
      const info = classInfo(owner.ref, ctx);
      const v = info?.attrs.get(attr);
      if (v && info) return evaluate(v, {...ctx, module: info.module, cls: info, fn: undefined, env: new Map(), depth: ctx.depth + 1});
      const method = info ? findMethod(info, attr, ctx) : undefined;
      if (method) return {t: 'method', name: attr, fn: method, owner};
      const nested = info?.nested.get(attr);
      if (nested) return {t: 'class', ref: {name: attr, module: nested.module.py.name, info: nested}};
      return {t: 'unknown', expr};
    }
    case 'str':
      // Enum members: `Relation.PEER.value` evaluates to the member's string.
      return attr === 'value' ? owner : {t: 'unknown', expr};
    default:
      return {t: 'unknown', expr};
  }
}

function evaluateCall(node: SyntaxNode, ctx: Ctx): Value {
  const callee = node.firstChild!;
  // `getattr(obj, "name")` with a constant name is `obj.name`.
  if (callee.name === 'VariableName' && text(ctx.module.py, callee) === 'getattr') {
    const args = node.getChild('ArgList');
    const [objectNode, nameNode] = args ? positionalArgs(args) : [];
    const attr = nameNode ? evaluate(nameNode, ctx) : null;
    if (objectNode && attr?.t === 'str') return member(evaluate(objectNode, ctx), attr.v, text(ctx.module.py, node), ctx);
    if (objectNode && attr?.t === 'alts' && attr.items.every((a) => a.t === 'str')) {
      const owner = evaluate(objectNode, ctx);
      return alts(attr.items.map((a) => member(owner, (a as {v: string}).v, text(ctx.module.py, node), ctx)));
    }
    return {t: 'unknown', expr: text(ctx.module.py, node)};
  }
  const fnValue = evaluate(callee, ctx);
  const expr = text(ctx.module.py, node);
  if (fnValue.t === 'class') {
    const args = node.getChild('ArgList');
    return {t: 'instance', cls: fnValue.ref, expr, ...relationOf(fnValue.ref, args, ctx), ...(args ? {args, argsCtx: ctx} : {})};
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
              if (a.length === 2) return {t: 'str', v: obj.v.split(a[0]!).join(a[1]!)};
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

// Callers import the evaluator's vocabulary from here.
export {alts, contextFor, selfFor, unknown, type ClassRef, type Ctx, type Value} from './values.js';
export {keywordArgs, positionalArgs} from './arguments.js';
export {dictEntries, type DictEntry} from './dicts.js';
export {classChain, classInfo, findMethod} from './classes.js';
