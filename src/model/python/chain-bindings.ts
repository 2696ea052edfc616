/**
 * The parameters each class of a library object's chain runs its methods with. The construction
 * binds the first `__init__`; a further `__init__` is bound from the call that names it,
 * `Base.__init__(self, ...)` (a class with two bases initialises each by name), else from the
 * previous one's `super().__init__(...)`. `self` there is the object itself, carrying these
 * bindings, so `EventHandlers.__init__(self, charm, self)` hands the handlers an object whose
 * `relation_name` is known.
 */
import {bindParameters} from './bindings.js';
import type {ClassInfo, FunctionInfo} from './module-info.js';
import {childOf, text, type SyntaxNode} from './syntax.js';
import type {Ctx, Value} from './values.js';

export type ChainBindings = Map<ClassInfo, Map<string, Value>>;

/** The object being built, as `self` in its own methods: it carries the bindings (filled as they are found). */
export function boundSelf(info: ClassInfo, bindings: ChainBindings): Value {
  return {t: 'instance', cls: {name: info.name, module: info.module.py.name, info}, expr: 'self', bound: bindings};
}

export function chainBindings(chain: ClassInfo[], args: SyntaxNode | null, callerCtx: Ctx): ChainBindings {
  const out: ChainBindings = new Map();
  const self = boundSelf(chain[0]!, out);
  const inits: FunctionInfo[] = [];
  let env = new Map<string, Value>();
  for (const cls of chain) {
    const init = cls.methods.get('__init__');
    if (init && !inits.length) env = args ? bindParameters(init, args, callerCtx) : new Map<string, Value>();
    else if (init) env = initBindings(inits, out, init, callerCtx, self);
    if (init) inits.push(init);
    out.set(cls, env);
  }
  return out;
}

/** Binds `next` from `Next.__init__(self, ...)` in any earlier `__init__`, else from the last one's `super().__init__(...)`. */
function initBindings(
  inits: FunctionInfo[],
  bindings: ChainBindings,
  next: FunctionInfo,
  callerCtx: Ctx,
  self: Value,
): Map<string, Value> {
  const byName = new RegExp(`(^|\\.)${next.cls!.name}\\.__init__$`);
  for (const init of inits) {
    const call = initCall(init, (callee) => byName.test(callee));
    if (call) return bindFrom(init, call, bindings, next, callerCtx, self);
  }
  const last = inits[inits.length - 1]!;
  const call = initCall(last, (callee) => /(^super\([^)]*\)|^[\w.]+)\.__init__$/.test(callee));
  return call ? bindFrom(last, call, bindings, next, callerCtx, self) : new Map<string, Value>();
}

function initCall(init: FunctionInfo, matches: (callee: string) => boolean): SyntaxNode | null {
  const py = init.module.py;
  const cursor = init.node.cursor();
  do {
    if (cursor.name === 'CallExpression' && matches(text(py, cursor.node.firstChild!))) return cursor.node;
  } while (cursor.next() && cursor.from < init.node.to);
  return null;
}

function bindFrom(
  init: FunctionInfo,
  call: SyntaxNode,
  bindings: ChainBindings,
  next: FunctionInfo,
  callerCtx: Ctx,
  self: Value,
): Map<string, Value> {
  const args = childOf(call, 'ArgList');
  if (!args) return new Map();
  const ctx: Ctx = {
    ...callerCtx,
    module: init.module,
    cls: init.cls,
    fn: init,
    env: bindings.get(init.cls!) ?? new Map(),
    self,
    depth: callerCtx.depth + 1,
  };
  // `Base.__init__(self, charm, ...)`: the first argument fills `next`'s own `self`.
  const selfPassed = !text(init.module.py, call.firstChild!).startsWith('super(');
  return bindParameters(next, args, ctx, selfPassed);
}
