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
      const ctx = contextFor(scan.project, module, scan.isCharmClass, fn, scan.charmOf);
      const callee = evaluate(call.firstChild, ctx);
      // A library that never calls observe needs no parse (most of a large lib/ is not read).
      if (callee.t === 'class' && !callee.ref.info && callee.ref.module && !(scan.project.moduleText(callee.ref.module) ?? '').includes('observe(')) continue;
      const info = callee.t === 'class' ? classInfo(callee.ref, ctx) : undefined;
      if (!info || scan.isCharmClass(info)) continue;
      const chain = classChain(info, ctx);
      const libraryClasses = chain.filter((c) => c.module.origin === 'lib');
      if (!libraryClasses.length) continue;
      const bindings = chainBindings(chain, childOf(call, 'ArgList'), ctx);
      const modules = [...new Set(libraryClasses.map((c) => c.module))];
      for (const e of observedEventsIn(modules, scan, new Set(libraryClasses), bindings)) {
        if (!e.resolved || !CHARM_EVENT_KINDS.has(e.kind) || e.emitter) continue;
        const key = `${e.name}|${e.handler}|${e.file}:${e.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({...e, handledBy: {library: (libraryClasses[0] ?? info).module.py.name, class: info.name}});
      }
    }
  }
  return out;
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
