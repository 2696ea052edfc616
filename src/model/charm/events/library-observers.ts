/**
 * Charm events that library objects observe themselves. A library object the charm constructs
 * (`TLSCertificatesRequiresV4(self, "certificates")`, an upgrade object built on a library base)
 * often calls `framework.observe(self.charm.on[...], ...)` in its own code: Juju delivers those
 * events to this charm, so they are the charm's events, handled by that library.
 */
import {charmCodeModules, charmContext} from '../python-domain.js';
import type {EventKind, ObservedEvent} from '../../types.js';
import {evaluate} from '../../python/evaluate.js';
import {classChain, classInfo} from '../../python/classes.js';
import type {Ctx, Value} from '../../python/values.js';
import {boundSelf, chainBindings} from '../../python/chain-bindings.js';
import {classObserves, enclosingFunction, observedEventsIn} from './observe.js';
import {constructionEnvironments} from './construction-sites.js';
import {type ObserveScan} from './observe-scan.js';
import type {ClassInfo} from '../../python/module-info.js';
import {callsOf} from '../../python/module-calls.js';
import {childOf, text, type PyModule, type SyntaxNode} from '../../python/syntax.js';

/** Kinds of events on the charm's own `on`: what Juju delivers (library and custom events are the library's own). */
const CHARM_EVENT_KINDS: ReadonlySet<EventKind> = new Set([
  'lifecycle',
  'leader',
  'status',
  'workload',
  'relation',
  'action',
  'secret',
  'storage',
]);

const CAPWORDS_CALLEE = /(^|\.)[A-Z]\w*$/;

/**
 * Events on the charm's `on` observed in lib/ code of objects the charm's source constructs,
 * each marked `handledBy` the constructed class and its module.
 */
export function libraryHandledEvents(scan: ObserveScan): ObservedEvent[] {
  const found = new LibraryEvents(scan);
  // The charm's source, and the vendored charm base classes in lib/ (which construct objects too).
  for (const module of charmCodeModules(scan.project, scan.isCharmClass)) {
    for (const call of moduleConstructorCalls(module.py)) {
      const fn = enclosingFunction(module, call);
      if (module.origin === 'lib' && !(fn?.cls && scan.isCharmClass(fn.cls))) continue;
      // A module-level function builds objects only when called: function-returned-objects.ts follows it from its calls.
      if (fn && !fn.cls) continue;
      const ctx = charmContext(scan.project, module, scan.isCharmClass, fn, scan.charmOf);
      // In a helper of the charm's source, once per place the helper is built (`DatabaseHandler(self, "db")`).
      const helper = module.origin === 'src' && fn?.cls && !scan.isCharmClass(fn.cls);
      const built = found.libraryClassesOf(call, ctx);
      if (!built) continue;
      if (!helper) found.construction(call, ctx, 0, built);
      else for (const env of constructionEnvironments(fn, scan)) found.construction(call, {...ctx, env}, 0);
    }
  }
  return found.out;
}

/** What a constructor call builds: the class, its chain, and the chain's classes from lib/. */
interface BuiltClasses {
  info: ClassInfo;
  chain: ClassInfo[];
  libraryClasses: ClassInfo[];
}

/** How deep library objects built by library objects are followed (a TLS helper builds the certificates requirer). */
const MAX_NESTING = 2;

class LibraryEvents {
  readonly out: ObservedEvent[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly scan: ObserveScan) {}

  /** The class a call builds, its chain and the chain's library classes: `undefined` when no library class is built. */
  libraryClassesOf(call: SyntaxNode, ctx: Ctx): BuiltClasses | undefined {
    const info = followedLibraryClass(evaluate(call.firstChild, ctx), ctx, this.scan);
    if (!info) return undefined;
    const chain = classChain(info, ctx);
    const libraryClasses = chain.filter((c) => c.module.origin === 'lib');
    return libraryClasses.length ? {info, chain, libraryClasses} : undefined;
  }

  /** One `Class(...)` call evaluated where it is: the events its library classes observe, then the objects they build. */
  construction(call: SyntaxNode, ctx: Ctx, depth: number, known?: BuiltClasses): void {
    const scan = this.scan;
    const built = known ?? this.libraryClassesOf(call, ctx);
    if (!built) return;
    const {info, chain, libraryClasses} = built;
    // Only classes that call observe are scanned (a large library module has many that do not),
    // and only constructors that build further objects are followed.
    const observing = libraryClasses.filter((c) => classObserves(c));
    const builders = depth < MAX_NESTING ? libraryClasses.filter((c) => initConstructorCalls(c).length) : [];
    if (!observing.length && !builders.length) return;
    const bindings = chainBindings(chain, childOf(call, 'ArgList'), ctx);
    const modules = [...new Set(observing.map((c) => c.module))];
    for (const e of observedEventsIn(modules, scan, new Set(observing), bindings)) {
      if (!e.resolved || !CHARM_EVENT_KINDS.has(e.kind) || e.emitter) continue;
      const key = libraryEventKey(e);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.out.push({...e, handledBy: {library: (libraryClasses[0] ?? info).module.py.name, class: info.name}});
    }
    const self = boundSelf(info, bindings);
    for (const cls of builders) {
      const init = cls.methods.get('__init__')!;
      const inner: Ctx = {
        ...charmContext(scan.project, cls.module, scan.isCharmClass, init, scan.charmOf),
        env: bindings.get(cls) ?? new Map(),
        self,
      };
      for (const nested of initConstructorCalls(cls)) this.construction(nested, inner, depth + 1);
    }
  }
}

const initCallsCache = new WeakMap<ClassInfo, SyntaxNode[]>();

/** The constructor calls in a class's own `__init__`, found once per class. */
function initConstructorCalls(cls: ClassInfo): SyntaxNode[] {
  let calls = initCallsCache.get(cls);
  if (!calls) {
    const init = cls.methods.get('__init__');
    initCallsCache.set(cls, (calls = init ? constructorCalls(cls.module.py, init.node) : []));
  }
  return calls;
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
  if (!callee.ref.info && callee.ref.module && !(scan.project.moduleText(callee.ref.module) ?? '').includes('observe('))
    return undefined;
  const info = classInfo(callee.ref, ctx);
  return info && !scan.isCharmClass(info) ? info : undefined;
}

/**
 * Events on the charm's `on` that an object of `info`, built with `args` (evaluated in `ctx`),
 * observes in the library code of its class chain; not yet marked `handledBy`.
 */
export function libraryObjectEvents(
  info: ClassInfo,
  args: SyntaxNode | null,
  ctx: Ctx,
  scan: ObserveScan,
): {library: string; events: ObservedEvent[]} | undefined {
  const chain = classChain(info, ctx);
  const libraryClasses = chain.filter((c) => c.module.origin === 'lib');
  if (!libraryClasses.length) return undefined;
  const observing = libraryClasses.filter((c) => classObserves(c));
  const bindings = chainBindings(chain, args, ctx);
  const modules = [...new Set(observing.map((c) => c.module))];
  const events = observedEventsIn(modules, scan, new Set(observing), bindings).filter(
    (e) => e.resolved && CHARM_EVENT_KINDS.has(e.kind) && !e.emitter,
  );
  return {library: (libraryClasses[0] ?? info).module.py.name, events};
}

/** The calls of a whole module that may construct an object (see constructorCalls), from its shared call index. */
function moduleConstructorCalls(py: PyModule): SyntaxNode[] {
  return callsOf(py)
    .filter((c) => c.callee && isConstructorCallee(c.callee.name, c.calleeText))
    .map((c) => c.node);
}

const isConstructorCallee = (nodeName: string, calleeText: string): boolean =>
  (nodeName === 'VariableName' || nodeName === 'MemberExpression') && CAPWORDS_CALLEE.test(calleeText);

/** Calls under a node that may construct an object: a CapWords callee (`Name(...)`, `mod.Name(...)`). */
function constructorCalls(py: PyModule, node: SyntaxNode): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  const cursor = node.cursor();
  do {
    if (cursor.name !== 'CallExpression') continue;
    const callee = cursor.node.firstChild;
    if (callee && isConstructorCallee(callee.name, text(py, callee))) calls.push(cursor.node);
  } while (cursor.next() && cursor.from < node.to);
  return calls;
}
