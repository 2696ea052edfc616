/**
 * Charm events that library objects observe themselves. A library object the charm constructs
 * (`TLSCertificatesRequiresV4(self, "certificates")`, an upgrade object built on a library base)
 * often calls `framework.observe(self.charm.on[...], ...)` in its own code: Juju delivers those
 * events to this charm, so they are the charm's events, handled by that library.
 */
import type {EventKind, ObservedEvent} from '../../types.js';
import {bindParameters} from '../../python/bindings.js';
import {evaluate, contextFor} from '../../python/evaluate.js';
import {classChain, classInfo} from '../../python/classes.js';
import {type Ctx, type Value} from '../../python/values.js';
import {enclosingFunction, observedEventsIn} from './observe.js';
import {type ObserveScan} from './observe-scan.js';
import type {ClassInfo, FunctionInfo, ModuleInfo} from '../../python/module-info.js';
import {childOf, text, type SyntaxNode} from '../../python/syntax.js';

/** Kinds of events on the charm's own `on`: what Juju delivers (library and custom events are the library's own). */
const CHARM_EVENT_KINDS: ReadonlySet<EventKind> = new Set(['lifecycle', 'leader', 'status', 'workload', 'relation', 'action', 'secret', 'storage']);

const CAPWORDS_CALLEE = /(^|\.)[A-Z]\w*$/;

/**
 * Events on the charm's `on` observed in lib/ code of objects the charm's source constructs,
 * each marked `handledBy` the constructed class and its module.
 */
export function libraryHandledEvents(scan: ObserveScan): ObservedEvent[] {
  const out: ObservedEvent[] = [];
  const seen = new Set<string>();
  // The charm's source, and the vendored charm base classes in lib/ (which construct objects too).
  for (const module of scan.project.charmCodeModules(scan.isCharmClass)) {
    for (const call of constructorCalls(module)) {
      const fn = enclosingFunction(module, call);
      if (module.origin === 'lib' && !(fn?.cls && scan.isCharmClass(fn.cls))) continue;
      // A module-level function builds objects only when called: function-returned-objects.ts follows it from its calls.
      if (fn && !fn.cls) continue;
      const ctx = contextFor(scan.project, module, scan.isCharmClass, fn, scan.charmOf);
      const info = followedLibraryClass(evaluate(call.firstChild, ctx), ctx, scan);
      const found = info && libraryObjectEvents(info, childOf(call, 'ArgList'), ctx, scan);
      if (!found) continue;
      for (const e of found.events) {
        const key = libraryEventKey(e);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({...e, handledBy: {library: found.library, class: info.name}});
      }
    }
  }
  return out;
}

/** One entry per observe call, handler and event: the same object reached twice adds nothing. */
export function libraryEventKey(e: ObservedEvent): string {
  return `${e.name}|${e.handler}|${e.file}:${e.line}`;
}

/**
 * The class a constructor call builds, when it may observe charm events in library code: a class
 * of the charm's source or lib/, not a charm class. A library module that never calls observe
 * needs no parse (most of a large lib/ is never read).
 */
export function followedLibraryClass(callee: Value, ctx: Ctx, scan: ObserveScan): ClassInfo | undefined {
  if (callee.t !== 'class') return undefined;
  if (!callee.ref.info && callee.ref.module && !(scan.project.moduleText(callee.ref.module) ?? '').includes('observe(')) return undefined;
  const info = classInfo(callee.ref, ctx);
  return info && !scan.isCharmClass(info) ? info : undefined;
}

/**
 * Events on the charm's `on` that an object of `info`, built with `args` (evaluated in `ctx`),
 * observes in the library code of its class chain; not yet marked `handledBy`.
 */
export function libraryObjectEvents(info: ClassInfo, args: SyntaxNode | null, ctx: Ctx, scan: ObserveScan): {library: string; events: ObservedEvent[]} | undefined {
  const chain = classChain(info, ctx);
  const libraryClasses = chain.filter((c) => c.module.origin === 'lib');
  if (!libraryClasses.length) return undefined;
  const bindings = chainBindings(chain, args, ctx);
  const modules = [...new Set(libraryClasses.map((c) => c.module))];
  const events = observedEventsIn(modules, scan, new Set(libraryClasses), bindings).filter((e) => e.resolved && CHARM_EVENT_KINDS.has(e.kind) && !e.emitter);
  return {library: (libraryClasses[0] ?? info).module.py.name, events};
}

/** Calls in a module that may construct an object: a CapWords callee (`Name(...)`, `mod.Name(...)`). */
function constructorCalls(module: ModuleInfo): SyntaxNode[] {
  const py = module.py;
  const calls: SyntaxNode[] = [];
  py.tree.iterate({
    enter(n) {
      if (n.name !== 'CallExpression') return;
      const callee = n.node.firstChild;
      if (callee && (callee.name === 'VariableName' || callee.name === 'MemberExpression') && CAPWORDS_CALLEE.test(text(py, callee))) calls.push(n.node);
    },
  });
  return calls;
}

/**
 * The parameters each class of the chain runs its methods with: the constructor call binds the
 * first `__init__`; each further `__init__` is bound from the previous one's `super().__init__(...)`.
 */
function chainBindings(chain: ClassInfo[], args: SyntaxNode | null, callerCtx: Ctx): Map<ClassInfo, Map<string, Value>> {
  const out = new Map<ClassInfo, Map<string, Value>>();
  let env = new Map<string, Value>();
  let previous: FunctionInfo | undefined;
  for (const cls of chain) {
    const init = cls.methods.get('__init__');
    if (init && !previous) env = args ? bindParameters(init, args, callerCtx) : new Map<string, Value>();
    else if (init && previous) env = superBindings(previous, env, init, callerCtx);
    if (init) previous = init;
    out.set(cls, env);
  }
  return out;
}

/** Binds `next`'s parameters from `super().__init__(...)` (or `Base.__init__(self, ...)`) in `init`. */
function superBindings(init: FunctionInfo, env: Map<string, Value>, next: FunctionInfo, callerCtx: Ctx): Map<string, Value> {
  const py = init.module.py;
  let found: SyntaxNode | null = null;
  const cursor = init.node.cursor();
  do {
    if (cursor.name === 'CallExpression' && /(^super\([^)]*\)|^[\w.]+)\.__init__$/.test(text(py, cursor.node.firstChild!))) {
      found = cursor.node;
      break;
    }
  } while (cursor.next() && cursor.from < init.node.to);
  const args = found ? childOf(found, 'ArgList') : null;
  if (!found || !args) return new Map();
  const ctx: Ctx = {...contextFor(callerCtx.project, init.module, callerCtx.isCharmClass, init, callerCtx.charmOf), env};
  // `Base.__init__(self, charm, ...)`: the first argument fills `next`'s own `self`.
  const selfPassed = !text(py, found.firstChild!).startsWith('super(');
  return bindParameters(next, args, ctx, selfPassed);
}
