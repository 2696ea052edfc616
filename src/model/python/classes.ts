/** Classes of the project's source and libraries: attributes, methods, bases, relations of library objects. */
import {argumentsByParameter, keywordArgs, positionalArgs} from './arguments.js';
import {chainBindings} from './chain-bindings.js';
import {lookupModuleName} from './lookup.js';
import {methodResolutionOrder} from './method-order.js';
import {isProperty, propertyValue} from './properties.js';
import {type ClassInfo, type FunctionInfo} from './module-info.js';
import {type SyntaxNode} from './syntax.js';
import {type ClassRef, type Ctx, type Value, alts} from './values.js';

/** `self.x` on an object of a parsed class: a method, a class attribute, or the value assigned in a method. */
export function attributeOf(info: ClassInfo, attr: string, owner: Value, ctx: Ctx): Value | undefined {
  const method = findMethod(info, attr, ctx);
  const assigned = findSelfAssignment(info, attr, ctx);
  if (assigned) {
    const [assignments, cls] = assigned;
    // An object built with known arguments: `self.x = x` reads the parameter that class was given.
    const env =
      owner.t === 'instance' ? (owner.bound?.get(cls) ?? constructionBindings(owner, info, cls, ctx)) : undefined;
    const values = assignments.map((a) =>
      ctx.evaluate(a.value, {
        ...ctx,
        module: cls.module,
        cls,
        fn: a.fn,
        self: owner,
        ...(env ? {env} : {}),
        depth: ctx.depth + 1,
      }),
    );
    // `self.x = None` before the real assignment, or a value per branch of an `if`.
    const known = values.filter((v) => v.t !== 'unknown' && v.t !== 'none');
    if (known.length) return alts(known);
  }
  if (method)
    return (
      (isProperty(method) ? propertyValue(method, owner, ctx) : undefined) ?? {
        t: 'method',
        name: attr,
        fn: method,
        owner,
      }
    );
  // A class-level default (`_service_name = "app"`) when the instance value is not static.
  for (const cls of classChain(info, ctx)) {
    const v = cls.attrs.get(attr);
    if (!v) continue;
    const value = ctx.evaluate(v, {
      ...ctx,
      module: cls.module,
      cls,
      fn: undefined,
      env: new Map(),
      depth: ctx.depth + 1,
    });
    return ctx.domain.classAttribute(value, attr, owner) ?? value;
  }
  if (assigned) return {t: 'unknown', expr: attr};
  return undefined;
}

const constructionCache = new WeakMap<Value, ReadonlyMap<ClassInfo, ReadonlyMap<string, Value>>>();

/**
 * The parameters each class of an object's chain was initialised with, from the construction the
 * object came from (`Requirer(self, "certificates")`, `super().__init__(model, relation_name)` up
 * the chain): `self.relation_name = relation_name` in a base's `__init__` reads the argument.
 */
function constructionBindings(
  owner: Value,
  info: ClassInfo,
  cls: ClassInfo,
  ctx: Ctx,
): ReadonlyMap<string, Value> | undefined {
  if (owner.t !== 'instance' || !owner.args || !owner.argsCtx) return undefined;
  let bindings = constructionCache.get(owner);
  if (!bindings)
    constructionCache.set(owner, (bindings = chainBindings(classChain(info, ctx), owner.args, owner.argsCtx)));
  return bindings.get(cls);
}

export function findMethod(info: ClassInfo, name: string, ctx: Ctx): FunctionInfo | undefined {
  for (const cls of classChain(info, ctx)) {
    const m = cls.methods.get(name);
    if (m) return m;
  }
  return undefined;
}

function findSelfAssignment(
  info: ClassInfo,
  attr: string,
  ctx: Ctx,
): [Array<{value: SyntaxNode; fn: FunctionInfo}>, ClassInfo] | undefined {
  for (const cls of classChain(info, ctx)) {
    const list = cls.selfAssignments.get(attr);
    if (list?.length) {
      // Prefer assignments in __init__: they name the object for its whole life.
      const init = list.filter((a) => a.fn.name === '__init__');
      return [init.length ? init : [list[0]!], cls];
    }
  }
  return undefined;
}

/** The class and its bases that are defined in the project's source or lib/, in Python's method resolution order. */
export function classChain(info: ClassInfo, ctx: Ctx): ClassInfo[] {
  return methodResolutionOrder(info, (c) =>
    c.baseNodes.flatMap((b) => {
      const v = ctx.evaluate(b, {
        ...ctx,
        module: c.module,
        cls: undefined,
        fn: undefined,
        env: new Map(),
        depth: ctx.depth + 1,
      });
      const base = v.t === 'class' ? classInfo(v.ref, ctx) : undefined;
      return base ? [base] : [];
    }),
  );
}

const RELATION_KWARGS = ['relation_name', 'relation', 'endpoint', 'endpoint_name', 'relationship_name'];

/**
 * The relation a library object is bound to: the argument bound to the constructor's parameter that
 * names the relation (by keyword or position in its signature), else that parameter's default. When
 * the class is not parsed (an installed package), a relation keyword or the second positional string.
 */
export function relationOf(ref: ClassRef, args: SyntaxNode | null, ctx: Ctx): {relation?: string} {
  const py = ctx.module.py;
  const keywords = args ? keywordArgs(args, py) : new Map<string, SyntaxNode>();
  const asRelation = (v: Value): {relation?: string} => (v.t === 'str' ? {relation: v.v} : {});
  for (const name of RELATION_KWARGS) {
    const node = keywords.get(name);
    if (node) return asRelation(ctx.evaluate(node, ctx));
  }
  const positional = args ? positionalArgs(args) : [];
  const info = classInfo(ref, ctx);
  const init = info ? findMethod(info, '__init__', ctx) : undefined;
  if (!init) return positional[1] ? asRelation(ctx.evaluate(positional[1], ctx)) : {};
  const params = init.params.slice(1).filter((p) => !p.star);
  const param = params.find((p) => RELATION_KWARGS.includes(p.name));
  if (!param) return {};
  const bound = args ? argumentsByParameter(args, params, py).get(param.name) : undefined;
  if (bound) return asRelation(ctx.evaluate(bound, ctx));
  if (param.default)
    return asRelation(
      ctx.evaluate(param.default, {
        ...ctx,
        module: init.module,
        cls: init.cls,
        fn: undefined,
        env: new Map(),
        depth: ctx.depth + 1,
      }),
    );
  return {};
}

/** The parsed class behind a reference, parsing its library module on first need. */
export function classInfo(ref: ClassRef, ctx: Ctx): ClassInfo | undefined {
  if (ref.info) return ref.info;
  if (!ref.module) return undefined;
  const mod = ctx.project.resolveModule(ref.module, ctx.module);
  if (!mod) return undefined;
  const v = lookupModuleName(mod, ref.name, {...ctx, module: mod, depth: ctx.depth + 1});
  ref.info = v.t === 'class' && v.ref !== ref ? classInfo(v.ref, ctx) : undefined;
  return ref.info;
}
