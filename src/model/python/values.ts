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
  | {t: 'num'; v: number}
  | {t: 'bool'; v: boolean}
  | {t: 'none'}
  | {t: 'seq'; items: Value[]}
  | {t: 'dict'; node: SyntaxNode; ctx: Ctx}
  | {t: 'charm'; cls: ClassInfo}
  /** `bound`: the parameters each class of the object's chain was initialised with, when the construction is known. */
  | {t: 'instance'; cls: ClassRef; expr: string; relation?: string; args?: SyntaxNode; argsCtx?: Ctx; bound?: ReadonlyMap<ClassInfo, ReadonlyMap<string, Value>>}
  /** One of several values (an attribute assigned differently in `if`/`else` branches). */
  | {t: 'alts'; items: Value[]}
  | {t: 'on'; owner: Value; expr: string}
  | {t: 'keyed-on'; key: string; expr: string}
  | {t: 'event'; attr: string; owner: Value; key?: string; expr: string}
  | {t: 'method'; name: string; fn?: FunctionInfo; owner: Value}
  | {t: 'module'; info: ModuleInfo}
  | {t: 'class'; ref: ClassRef}
  | {t: 'function'; fn: FunctionInfo}
  | {t: 'framework'}
  | {t: 'observe'}
  | {t: 'unknown'; expr: string};

/** Where an expression is evaluated: module, class, function and bindings (loop variables, parameters). */
export interface Ctx {
  project: PythonProject;
  module: ModuleInfo;
  cls?: ClassInfo;
  fn?: FunctionInfo;
  self: Value;
  env: ReadonlyMap<string, Value>;
  /** Classes that are charm classes: `self` in their methods is the charm. */
  isCharmClass: (cls: ClassInfo) => boolean;
  /** The charm class `self` is in a charm class's methods: the most derived one (a base's code sees the subclass's attributes). */
  charmOf?: (cls: ClassInfo) => ClassInfo;
  depth: number;
  /** The evaluator itself, carried here so the modules it calls (names, members, classes, dicts) need not import it back. */
  evaluate: (node: SyntaxNode | null, ctx: Ctx) => Value;
}

/**
 * Attributes of objects whose class the evaluator does not read (the framework's own, such as a
 * charm's `model.relations` or `meta.containers`), supplied by the stage that knows them.
 */
export type AttributeHook = (owner: Value, attr: string, expr: string) => Value | undefined;

/** `self` in a method of `cls`: the charm, an instance of a helper class, or unknown outside classes. */
export function selfFor(cls: ClassInfo | undefined, module: ModuleInfo, isCharmClass: (c: ClassInfo) => boolean, charmOf?: (c: ClassInfo) => ClassInfo): Value {
  if (!cls) return {t: 'unknown', expr: 'self'};
  if (isCharmClass(cls)) return {t: 'charm', cls: charmOf ? charmOf(cls) : cls};
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
  if ((a.t === 'str' || a.t === 'num' || a.t === 'bool') && 'v' in b) return a.v === b.v;
  if (a.t === 'charm' && b.t === 'charm') return a.cls === b.cls;
  return a === b;
}
