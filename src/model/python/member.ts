/** Attributes and subscripts: `owner.attr`, `owner[key]`. */
import {keywordArgs} from './arguments.js';
import {attributeOf, classInfo, findMethod} from './classes.js';
import {dictLookup} from './dicts.js';
import {lookupModuleName} from './lookup.js';
import {pathAttribute} from './paths.js';
import {type SyntaxNode, kids, parts, text} from './syntax.js';
import type {PythonProject} from './project.js';
import {type AttributeHook, type Ctx, type Value, alts} from './values.js';

const attributeHooks = new WeakMap<PythonProject, AttributeHook>();

/** Lets the stage that knows those objects supply their attributes, for one project. */
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
    const domainValue = ctx.domain.subscript(owner, key, expr);
    if (domainValue) return domainValue;
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

/** `owner.attr`: the domain's rule first, then the object's class, its constructor's keywords, the supplied attributes. */
export function member(owner: Value, attr: string, expr: string, ctx: Ctx): Value {
  if (owner.t === 'alts') return alts(owner.items.map((o) => member(o, attr, expr, ctx)));
  const domainValue = ctx.domain.member(owner, attr, expr, ctx);
  if (domainValue) return domainValue;
  switch (owner.t) {
    case 'instance': {
      const info = classInfo(owner.cls, ctx);
      if (info) {
        const found = attributeOf(info, attr, owner, ctx);
        if (found) return found;
      }
      // `Service(name="x", ...)`, `SimpleNamespace(peer="replicas")`: a keyword argument read back as an attribute.
      if (owner.args && owner.argsCtx) {
        const kw = keywordArgs(owner.args, owner.argsCtx.module.py).get(attr);
        if (kw) return ctx.evaluate(kw, owner.argsCtx);
      }
      return suppliedAttribute(ctx.project, owner, attr, expr) ?? {t: 'unknown', expr};
    }
    case 'module':
      return lookupModuleName(owner.info, attr, {...ctx, depth: ctx.depth + 1});
    case 'class': {
      const info = classInfo(owner.ref, ctx);
      const v = info?.attrs.get(attr);
      if (v && info)
        return ctx.evaluate(v, {
          ...ctx,
          module: info.module,
          cls: info,
          fn: undefined,
          env: new Map(),
          depth: ctx.depth + 1,
        });
      const method = info ? findMethod(info, attr, ctx) : undefined;
      if (method) return {t: 'method', name: attr, fn: method, owner};
      const nested = info?.nested.get(attr);
      if (nested) return {t: 'class', ref: {name: attr, module: nested.module.py.name, info: nested}};
      return {t: 'unknown', expr};
    }
    case 'str':
      // Enum members: `Relation.PEER.value` evaluates to the member's string.
      return attr === 'value' ? owner : {t: 'unknown', expr};
    case 'path':
      return pathAttribute(owner, attr) ?? {t: 'unknown', expr};
    default:
      return {t: 'unknown', expr};
  }
}
