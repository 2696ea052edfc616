/** Attributes and subscripts: `owner.attr`, `owner[key]`. */
import {keywordArgs} from './arguments.js';
import {attributeOf, classInfo, findMethod} from './classes.js';
import {dictLookup} from './dicts.js';
import {lookupModuleName} from './lookup.js';
import {type SyntaxNode, kids, parts, text} from './syntax.js';
import type {PythonProject} from './project.js';
import {type AttributeHook, type Ctx, type Value, alts} from './values.js';

const attributeHooks = new WeakMap<PythonProject, AttributeHook>();

/** Lets the stage that knows the framework supply the attributes of its objects, for one project. */
export function supplyAttributes(project: PythonProject, hook: AttributeHook): void {
  attributeHooks.set(project, hook);
}

/** What the supplying stage says `owner.attr` is (`attr` may name a method call, `values()`). */
export function suppliedAttribute(project: PythonProject, owner: Value, attr: string, expr: string): Value | undefined {
  return attributeHooks.get(project)?.(owner, attr, expr);
}

export function evaluateMember(node: SyntaxNode, ctx: Ctx): Value {
  const py = ctx.module.py;
  const children = kids(node);
  const objectNode = children[0]!;
  const subscript = children.some((c) => c.name === '[');
  const owner = ctx.evaluate(objectNode, ctx);
  const expr = text(py, node);
  if (subscript) {
    const keyNode = parts(node)[1];
    const key = keyNode ? ctx.evaluate(keyNode, ctx) : null;
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
        if (kw) return ctx.evaluate(kw, owner.argsCtx);
      }
      return suppliedAttribute(ctx.project, owner, attr, expr) ?? {t: 'unknown', expr};
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
      if (v && info) return ctx.evaluate(v, {...ctx, module: info.module, cls: info, fn: undefined, env: new Map(), depth: ctx.depth + 1});
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
