/** What expressions statically stand for, and where they are evaluated. */
import type {PythonProject} from './project.js';
import type {ClassInfo, FunctionInfo, ModuleInfo} from './module-info.js';
import {type SyntaxNode, text} from './syntax.js';

/** How deep evaluation recurses before a value is left unknown (cyclic assignments, deep chains). */
export const MAX_DEPTH = 24;

/** A class named in the source: defined in src/ or lib/ (info), or imported from elsewhere (module only). */
export interface ClassRef {
  name: string;
  module?: string;
  info?: ClassInfo;
}

/**
 * What an expression statically stands for. Anything the evaluator cannot
 * name is `unknown` and keeps its source text: never guessed.
 */
export type Value =
  | {t: 'str'; v: string}
  /** `float`: written as a float (`30.0`), which Python prints with its point. */
  | {t: 'num'; v: number; float?: boolean}
  | {t: 'bool'; v: boolean}
  | {t: 'none'}
  | {t: 'seq'; items: Value[]}
  | {t: 'dict'; node: SyntaxNode; ctx: Ctx}
  /** `bound`: the parameters each class of the object's chain was initialised with, when the construction is known. */
  | {
      t: 'instance';
      cls: ClassRef;
      expr: string;
      relation?: string;
      args?: SyntaxNode;
      argsCtx?: Ctx;
      bound?: ReadonlyMap<ClassInfo, ReadonlyMap<string, Value>>;
    }
  /** One of several values (an attribute assigned differently in `if`/`else` branches). */
  | {t: 'alts'; items: Value[]}
  | {t: 'method'; name: string; fn?: FunctionInfo; owner: Value}
  | {t: 'module'; info: ModuleInfo}
  | {t: 'class'; ref: ClassRef}
  | {t: 'function'; fn: FunctionInfo}
  /** A pathlib path (`PurePath("/etc/app") / "app.cfg"`): its text, as `str(path)` gives it. */
  | {t: 'path'; v: string}
  /**
   * `partial`: a string only partly static (`f"app -c {CONFIG} --port {self.port}"`), its static
   * parts filled in and each computed part kept as written in braces (`app -c /etc/app.cfg --port {self.port}`).
   */
  | {t: 'unknown'; expr: string; partial?: string}
  | ValueExtensions[keyof ValueExtensions];

/**
 * The values of the domain a later stage reads the code for (objects of a library the evaluator
 * does not parse), added by that stage through module augmentation, as mdast-util-directive adds
 * its nodes to mdast: each member is one kind, `{t: '<kind>'; ...}`. Empty here: the evaluator
 * knows no domain. A domain value compares equal to another only when it is the same object.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface ValueExtensions {}

/**
 * What the stage that reads a domain says about its values, carried in every Ctx. Each rule
 * answers `undefined` to leave the evaluator's generic rule in place.
 */
export interface DomainHooks {
  /** Classes whose instances are the domain's root object (`self` in their methods is not a plain instance). */
  isRootClass: (cls: ClassInfo) => boolean;
  /** `self` in a method of a root class. */
  rootSelf: (cls: ClassInfo) => Value;
  /** A parameter that stands for the root object whatever the caller passes (by name or annotation). */
  isRootParameter: (name: string, annotation?: string) => boolean;
  /** The root object a root parameter stands for, when the project has one. */
  rootValue: (ctx: Ctx) => Value | undefined;
  /** `owner.attr` on a domain value or an instance, before the generic rules. */
  member: (owner: Value, attr: string, expr: string, ctx: Ctx) => Value | undefined;
  /** Library modules whose CapWords imports are classes until their text says otherwise (parsed only when used). */
  isDeferredLibrary: (module: string) => boolean;
  /** `owner[key]`, before the generic rules. */
  subscript: (owner: Value, key: Value | null, expr: string) => Value | undefined;
  /** A class-level attribute `value` read through an object (`owner.attr`): what it stands for there. */
  classAttribute: (value: Value, attr: string, owner: Value) => Value | undefined;
}

/** Where an expression is evaluated: module, class, function and bindings (loop variables, parameters). */
export interface Ctx {
  project: PythonProject;
  module: ModuleInfo;
  cls?: ClassInfo;
  fn?: FunctionInfo;
  self: Value;
  env: ReadonlyMap<string, Value>;
  /** The rules of the domain the code is read for. */
  domain: DomainHooks;
  depth: number;
  /** The evaluator itself, carried here so the modules it calls (names, members, classes, dicts) need not import it back. */
  evaluate: (node: SyntaxNode | null, ctx: Ctx) => Value;
}

/**
 * Attributes of objects whose class the evaluator does not read (an installed library's own objects),
 * supplied by the stage that knows them.
 */
export type AttributeHook = (owner: Value, attr: string, expr: string) => Value | undefined;

/** `self` in a method of `cls`: the domain's root object, an instance of the class, or unknown outside classes. */
export function selfFor(cls: ClassInfo | undefined, module: ModuleInfo, domain: DomainHooks): Value {
  if (!cls) return {t: 'unknown', expr: 'self'};
  if (domain.isRootClass(cls)) return domain.rootSelf(cls);
  return {t: 'instance', cls: {name: cls.name, module: module.py.name, info: cls}, expr: 'self'};
}

export function unknown(ctx: Ctx, node: SyntaxNode): Value {
  return {t: 'unknown', expr: text(ctx.module.py, node)};
}

/** Collapses equal alternatives; a single one is itself. */
export function alts(values: Value[]): Value {
  const flat = values.flatMap((v) => (v.t === 'alts' ? v.items : [v]));
  const unique: Value[] = [];
  for (const v of flat) if (!unique.some((u) => sameValue(u, v))) unique.push(v);
  return unique.length === 1 ? unique[0]! : {t: 'alts', items: unique};
}

function sameValue(a: Value, b: Value): boolean {
  if (a.t !== b.t) return false;
  if ((a.t === 'str' || a.t === 'num' || a.t === 'bool' || a.t === 'path') && 'v' in b) return a.v === b.v;
  return a === b;
}
