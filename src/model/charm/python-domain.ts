/**
 * What the static Python evaluator needs to know about charms: the charm object, `self.on`,
 * `self.on[name]`, events, `self.framework.observe`, and the rules that make them. The evaluator
 * (model/python) knows none of this; it calls these hooks through `Ctx.domain`.
 */
import {attributeOf} from '../python/classes.js';
import {contextFor} from '../python/evaluate.js';
import {suppliedAttribute} from '../python/member.js';
import {assignmentParts, walkStatements} from '../python/module-index.js';
import type {ClassInfo, FunctionInfo, ModuleInfo, SelfAssignment} from '../python/module-info.js';
import type {PythonProject} from '../python/project.js';
import {text} from '../python/syntax.js';
import {type Ctx, type DomainHooks, type Value, alts, selfFor} from '../python/values.js';

declare module '../python/values.js' {
  interface ValueExtensions {
    /** The charm object: `self` in a charm class's methods, or a helper's `charm` parameter. */
    charm: {t: 'charm'; cls: ClassInfo};
    /** `<owner>.on`: the charm's (or an object's) event set. */
    on: {t: 'on'; owner: Value; expr: string};
    /** `self.on[key]`: the events of one container, relation or storage, by name. */
    'keyed-on': {t: 'keyed-on'; key: string; expr: string};
    /** An event (`self.on.config_changed`, `self.on["db"].relation_joined`, an `EventSource` attribute). */
    event: {t: 'event'; attr: string; owner: Value; key?: string; expr: string};
    framework: {t: 'framework'};
    /** `self.framework.observe`. */
    observe: {t: 'observe'};
  }
}

/** Which classes are charm classes: `self` in their methods is the charm. */
export type CharmClasses = (cls: ClassInfo) => boolean;
/** The charm class `self` is in a charm class's methods: the most derived one (a base's code sees the subclass's attributes). */
export type CharmOf = (cls: ClassInfo) => ClassInfo;

/** One charm value per class, so that alternatives naming the same charm collapse into one (values compare by identity). */
const charmValues = new WeakMap<ClassInfo, Value>();
function charmValue(cls: ClassInfo): Value {
  let v = charmValues.get(cls);
  if (!v) {
    v = {t: 'charm', cls};
    charmValues.set(cls, v);
  }
  return v;
}

/** A helper's `charm` parameter: by name or by annotation (`charm: "MyCharm"`, `charm: ops.CharmBase`). */
export function isCharmParam(name: string, annotation?: string): boolean {
  return (
    /^_?charm$/.test(name) || (annotation !== undefined && /Charm\b/.test(annotation) && !/Events?\b/.test(annotation))
  );
}

/** The evaluator's hooks for a charm whose classes `isCharmClass` picks. */
export function charmDomain(isCharmClass: CharmClasses, charmOf?: CharmOf): DomainHooks {
  return {
    isRootClass: isCharmClass,
    rootSelf: (cls) => charmValue(charmOf ? charmOf(cls) : cls),
    isRootParameter: isCharmParam,
    // Charm libraries (`charms.<charm>.v0.<lib>`): a large charm's lib/ is most of its Python.
    isDeferredLibrary: (module) => module.startsWith('charms.'),
    rootValue: (ctx) => {
      for (const m of ctx.project.sourceModules()) {
        for (const c of m.classes.values()) if (isCharmClass(c)) return charmValue(c);
      }
      return undefined;
    },
    member: (owner, attr, expr, ctx) => charmMember(owner, attr, expr, ctx),
    subscript: (owner, key, expr) => {
      if (owner.t !== 'on' || owner.owner.t !== 'charm') return undefined;
      const keys = key?.t === 'alts' ? key.items : key ? [key] : [];
      if (keys.length && keys.every((k) => k.t === 'str'))
        return alts(keys.map((k) => ({t: 'keyed-on', key: (k as {v: string}).v, expr})));
      return {t: 'unknown', expr};
    },
    // `upgrade_done = EventSource(UpgradeDone)` on the object itself: observing it names an event.
    classAttribute: (value, attr, owner) =>
      value.t === 'instance' && value.cls.name === 'EventSource' ? {t: 'event', attr, owner, expr: attr} : undefined,
  };
}

function charmMember(owner: Value, attr: string, expr: string, ctx: Ctx): Value | undefined {
  switch (owner.t) {
    case 'charm':
      if (attr === 'framework') return {t: 'framework'};
      if (attr === 'on') return {t: 'on', owner, expr};
      return (
        attributeOf(owner.cls, attr, owner, ctx) ??
        attributeSetElsewhere(attr, ctx) ??
        suppliedAttribute(ctx.project, owner, attr, expr) ?? {t: 'unknown', expr}
      );
    case 'instance':
      if (attr === 'framework') return {t: 'framework'};
      // A helper's own `on` (custom events) or a library object's `on`.
      if (attr === 'on') return {t: 'on', owner, expr};
      return undefined;
    case 'on':
      return {t: 'event', attr, owner: owner.owner, expr};
    case 'keyed-on':
      return {
        t: 'event',
        attr,
        owner: {t: 'on', owner: {t: 'unknown', expr: ''}, expr: owner.expr},
        key: owner.key,
        expr,
      };
    case 'framework':
      return attr === 'observe' ? {t: 'observe'} : {t: 'unknown', expr};
    default:
      return undefined;
  }
}

/** `self.charm.db = DatabaseRequires(...)` in a helper: an attribute the helper sets on the charm. */
function attributeSetElsewhere(attr: string, ctx: Ctx): Value | undefined {
  const outside = charmAttributesSetElsewhere(ctx.project).get(attr) ?? [];
  const values = outside.map((a) =>
    ctx.evaluate(a.value, {
      ...ctx,
      module: a.fn.module,
      cls: a.fn.cls,
      fn: a.fn,
      self: selfFor(a.fn.cls, a.fn.module, ctx.domain),
      env: new Map(),
      depth: ctx.depth + 1,
    }),
  );
  const known = values.filter((v) => v.t !== 'unknown' && v.t !== 'none');
  return known.length ? alts(known) : undefined;
}

const setElsewhere = new WeakMap<PythonProject, Map<string, SelfAssignment[]>>();

/** Attributes helper objects set on the charm (`self.charm.x = ...`, `charm.x = ...`), by name. */
function charmAttributesSetElsewhere(project: PythonProject): Map<string, SelfAssignment[]> {
  let found = setElsewhere.get(project);
  if (found) return found;
  const out = new Map<string, SelfAssignment[]>();
  for (const module of project.sourceModules()) {
    if (!/\bcharm\.\w+\s*=[^=]/.test(module.py.file.text)) continue;
    for (const cls of module.classes.values()) {
      for (const fn of cls.methods.values()) {
        if (!fn.body) continue;
        walkStatements(fn.body, (stmt) => {
          if (stmt.name !== 'AssignStatement') return;
          const [targets, value] = assignmentParts(stmt);
          for (const t of targets) {
            const m = /^(?:self\.)?_?charm\.(\w+)$/.exec(text(module.py, t));
            if (m && value) out.set(m[1]!, [...(out.get(m[1]!) ?? []), {value, fn}]);
          }
        });
      }
    }
  }
  found = out;
  setElsewhere.set(project, found);
  return found;
}

/** Where the code of `fn` runs in a charm (module level without one): `self` is the charm, a helper instance or unknown. */
export function charmContext(
  project: PythonProject,
  module: ModuleInfo,
  isCharmClass: CharmClasses,
  fn?: FunctionInfo,
  charmOf?: CharmOf,
): Ctx {
  return contextFor(project, module, charmDomain(isCharmClass, charmOf), fn);
}

/**
 * The charm's code: its source modules, then the lib/ modules that hold charm classes (a charm
 * base class vendored as a charm library, read once the main class's chain was resolved).
 */
export function charmCodeModules(project: PythonProject, isCharmClass: CharmClasses): ModuleInfo[] {
  const vendored = [...project.modules.values()].filter(
    (m) => m.origin === 'lib' && charmClassCandidates(m).some(isCharmClass),
  );
  return [...project.sourceModules(), ...vendored];
}

/**
 * The classes of a module that may be charm classes. A library module parsed lazily offers the classes
 * parsed so far (the charm's own class chain among them: resolving it parsed them) and those whose
 * bases name a charm (`CharmBase`, a framework's `Charm`, a `...Charm` class); a class deriving
 * from a charm through a base named otherwise, and used by nothing, is not parsed to find out.
 */
function charmClassCandidates(module: ModuleInfo): ClassInfo[] {
  if (!module.lazy) return [...module.classes.values()];
  return [...module.lazy.parsedClasses(), ...module.lazy.classesWithHead((head) => head.includes('Charm'))];
}
