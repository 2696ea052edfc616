/**
 * Charm events observed by library objects that a module-level function builds for the charm:
 * `self.backup = backup(self)` (a factory returning one of several classes), or
 * `require_nginx_route(charm=self, ...)` (a library function that constructs its requirer, kept or
 * not). Each function is followed from a call in the charm's code, with its parameters bound to
 * that call's arguments, so the relation the charm passes reaches the object's constructor. A
 * function no method calls is never followed: it adds no event.
 */
import {charmCodeModules, charmContext} from '../python-domain.js';
import type {LibraryFactory, ObservedEvent} from '../../types.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {bindParameters} from '../../python/bindings.js';
import {evaluate} from '../../python/evaluate.js';
import type {ClassInfo, FunctionInfo, ModuleInfo} from '../../python/module-info.js';
import type {PythonProject} from '../../python/project.js';
import {assignmentParts, walkStatements} from '../../python/module-index.js';
import {callsOf} from '../../python/module-calls.js';
import {childOf, parts, text, type SyntaxNode} from '../../python/syntax.js';
import type {Ctx, Value} from '../../python/values.js';
import {followedLibraryClass, libraryEventKey, libraryObjectEvents} from './library-observers.js';
import {enclosingFunction, observedInFunction} from './observe.js';
import type {ObserveScan} from './observe-scan.js';

/** How many functions deep a call is followed (a factory that calls a factory...). */
const MAX_CALL_DEPTH = 3;

/** A constructor call reached through a function, with the bindings it runs under. */
interface Construction {
  cls: ClassInfo;
  call: SyntaxNode;
  ctx: Ctx;
  /** Built as one of the function's return values (else for its side effects). */
  returned: boolean;
}

/** What following one function call found: the objects it builds, what each `return` gives, what it observes itself. */
interface Followed {
  constructions: Construction[];
  returns: string[];
  /** Events a library function observes for the charm (`charm.framework.observe(provider.on.ready, on_ready)`). */
  observed: ObservedEvent[];
}

/**
 * Events on the charm's `on` observed in lib/ code of objects that functions the charm calls
 * construct, each marked `handledBy` the class with `factory` set; `known` events are not repeated.
 */
export function functionReturnedObjectEvents(scan: ObserveScan, known: readonly ObservedEvent[]): ObservedEvent[] {
  const seen = new Set(known.map(libraryEventKey));
  const found = new Map<string, ObservedEvent>();
  for (const module of charmCodeModules(scan.project, scan.isCharmClass)) {
    for (const call of functionCalls(module, scan.project)) {
      // Calls in methods only: a module-level function runs only when called, and is followed from there.
      const caller = enclosingFunction(module, call);
      if (!caller?.cls || (module.origin === 'lib' && !scan.isCharmClass(caller.cls))) continue;
      const ctx = charmContext(scan.project, module, scan.isCharmClass, caller, scan.charmOf);
      const callee = evaluate(call.firstChild, ctx);
      if (callee.t !== 'function' || callee.fn.cls) continue;
      const followed = followCall(callee.fn, childOf(call, 'ArgList'), ctx, scan, 0);
      for (const e of followed.observed)
        if (!seen.has(libraryEventKey(e)) && !found.has(libraryEventKey(e))) found.set(libraryEventKey(e), e);
      const conditional = new Set(followed.returns).size > 1;
      for (const c of followed.constructions) {
        const objectEvents = libraryObjectEvents(c.cls, childOf(c.call, 'ArgList'), c.ctx, scan);
        for (const e of objectEvents?.events ?? []) {
          const key = libraryEventKey(e);
          if (seen.has(key)) continue;
          const alternative = conditional && c.returned;
          const earlier = found.get(key)?.handledBy?.factory;
          if (earlier) {
            // A base class's observe, run whichever class the function returns.
            if (alternative && earlier.observedBy && !earlier.observedBy.includes(c.cls.name))
              earlier.observedBy.push(c.cls.name);
            continue;
          }
          const factory: LibraryFactory = {
            function: callee.fn.name,
            module: callee.fn.module.py.name,
            ...(alternative ? {alternatives: [...new Set(followed.returns)], observedBy: [c.cls.name]} : {}),
          };
          found.set(key, {...e, handledBy: {library: objectEvents!.library, class: c.cls.name, factory}});
        }
      }
    }
  }
  return [...found.values()];
}

/** The library objects `fn` builds when called with `args` (evaluated in `callerCtx`), following the functions it calls. */
function followCall(
  fn: FunctionInfo,
  args: SyntaxNode | null,
  callerCtx: Ctx,
  scan: ObserveScan,
  depth: number,
): Followed {
  const out: Followed = {constructions: [], returns: [], observed: []};
  if (!fn.body || depth > MAX_CALL_DEPTH) return out;
  const env = args ? bindParameters(fn, args, callerCtx) : new Map<string, Value>();
  const ctx: Ctx = {...charmContext(scan.project, fn.module, scan.isCharmClass, fn, scan.charmOf), env};
  // Observe calls in the charm's own functions are read with the rest of src/ already.
  if (fn.module.origin === 'lib') out.observed.push(...observedInFunction(fn, scan, env).filter((e) => e.resolved));
  const returned = returnedNodes(fn);
  for (const call of callsIn(fn.body)) {
    const isReturned = returned.has(at(call));
    const constructor = CLASS_CALLEE.test(text(fn.module.py, call.firstChild!));
    const callee = constructor || passesCharm(call, fn.module) ? evaluate(call.firstChild, ctx) : undefined;
    if (callee?.t === 'function' && !callee.fn.cls && callee.fn !== fn) {
      const inner = followCall(callee.fn, childOf(call, 'ArgList'), ctx, scan, depth + 1);
      // What the inner function returns is what this one returns, when this one returns its result.
      out.constructions.push(...inner.constructions.map((c) => ({...c, returned: c.returned && isReturned})));
      out.observed.push(...inner.observed);
      if (isReturned) out.returns.push(...inner.returns);
      continue;
    }
    const cls = callee && constructor ? followedLibraryClass(callee, ctx, scan) : undefined;
    if (cls) out.constructions.push({cls, call, ctx, returned: isReturned});
    if (isReturned) out.returns.push(callee?.t === 'class' ? callee.ref.name : text(fn.module.py, call));
  }
  // `return None` in one branch: the object is built in the others only.
  for (const node of returned.values()) if (node.name !== 'CallExpression') out.returns.push(text(fn.module.py, node));
  return out;
}

/**
 * The expressions a function returns, by position: each `return` value (both sides of a
 * conditional expression); for a local name returned, every value assigned to it.
 */
function returnedNodes(fn: FunctionInfo): Map<string, SyntaxNode> {
  const py = fn.module.py;
  const out = new Map<string, SyntaxNode>();
  const assigned = new Map<string, SyntaxNode[]>();
  const returnedNames: SyntaxNode[] = [];
  walkStatements(fn.body!, (stmt) => {
    if (stmt.name === 'AssignStatement') {
      const [targets, value] = assignmentParts(stmt);
      for (const t of targets)
        if (value && t.name === 'VariableName')
          assigned.set(text(py, t), [...(assigned.get(text(py, t)) ?? []), value]);
    }
    const value = stmt.name === 'ReturnStatement' ? parts(stmt)[0] : undefined;
    for (const v of value ? branches(value) : []) {
      if (v.name === 'VariableName') returnedNames.push(v);
      else out.set(at(v), v);
    }
  });
  for (const name of returnedNames) {
    const values = assigned.get(text(py, name)) ?? [name];
    for (const b of values.flatMap(branches)) out.set(at(b), b);
  }
  return out;
}

const at = (node: SyntaxNode): string => `${node.from}:${node.to}`;

/** `A(c) if x else B(c)`: each side; anything else is itself. */
function branches(node: SyntaxNode): SyntaxNode[] {
  if (node.name === 'ParenthesizedExpression') return parts(node).flatMap(branches);
  if (node.name !== 'ConditionalExpression') return [node];
  const [then, , otherwise] = parts(node);
  return [...(then ? branches(then) : []), ...(otherwise ? branches(otherwise) : [])];
}

/** Calls made when the code runs: not those inside nested functions, lambdas or classes. */
function callsIn(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'FunctionDefinition' || c.name === 'LambdaExpression' || c.name === 'ClassDefinition') continue;
    if (c.name === 'CallExpression') out.push(c);
    callsIn(c, out);
  }
  return out;
}

const functionCallsCache = new WeakMap<ModuleInfo, SyntaxNode[]>();

/**
 * Calls in a module that may run a module-level function of the charm: `name(...)` for a function
 * of the module or one imported from the charm's own code, `mod.name(...)` for an imported module.
 * A library module not parsed yet is parsed only when its text defines the function with a
 * constructor call in it (most imported functions build nothing; most of lib/ is never read).
 */
function functionCalls(module: ModuleInfo, project: PythonProject): SyntaxNode[] {
  let calls = functionCallsCache.get(module);
  if (calls) return calls;
  calls = [];
  for (const call of callsOf(module.py)) {
    const m = /^(\w+)(?:\.(\w+))?$/.exec(call.calleeText);
    if (m && passesCharm(call.node, module) && mayRunFunction(module, project, m[1]!, m[2])) calls.push(call.node);
  }
  functionCallsCache.set(module, calls);
  return calls;
}

/**
 * Whether a call passes the charm (`self` in a charm method, `self.charm` in a helper, `charm=...`):
 * a function can build an object that observes the charm's events only from the charm (or its
 * framework), so calls without it (`systemd.service_restart(SERVICE)`) are not followed, and their
 * modules are not read.
 */
function passesCharm(call: SyntaxNode, module: ModuleInfo): boolean {
  const args = childOf(call, 'ArgList');
  if (!args) return false;
  const values = [...positionalArgs(args), ...keywordArgs(args, module.py).values()];
  return values.some((a) => CHARM_ARGUMENT.test(text(module.py, a)));
}

/** A class name: CapWords, private ones too (a factory often exists to build a private class: `_NginxRouteProvider`). */
const CLASS_CALLEE = /(^|\.)_*[A-Z]\w*$/;
const CHARM_ARGUMENT = /^(self(\._?charm)?|_?charm|self\.framework)$/;

function mayRunFunction(module: ModuleInfo, project: PythonProject, root: string, attr: string | undefined): boolean {
  const name = attr ?? root;
  if (!/^[a-z_]\w*$/.test(name)) return false;
  if (!attr && module.functions.has(root)) return true;
  const imported = module.imports.get(root);
  if (!imported) return false;
  // `from m import name` calls `name` of m; `import m` / `from pkg import m` then `m.name(...)`.
  const target = attr
    ? imported.name
      ? `${imported.module}.${imported.name}`
      : imported.module
    : imported.name
      ? imported.module
      : undefined;
  if (!target) return false;
  if (target.startsWith('.') || project.modules.has(target)) return true;
  const source =
    project.moduleText(target) ?? (attr && imported.name ? project.moduleText(imported.module) : undefined);
  return source !== undefined && definesConstructingFunction(source, name);
}

/** Whether `def name(` at the top of `source` has a CapWords call in its text (a cheap look before a parse). */
function definesConstructingFunction(source: string, name: string): boolean {
  const start = source.search(new RegExp(`^def ${name}\\s*\\(`, 'm'));
  if (start < 0) return false;
  const rest = source.slice(start);
  // The next top-level statement ends it (a signature's closing `) -> T:` may sit in column 0).
  const end = rest.search(/\n(?=[A-Za-z_@"'])/);
  return /[A-Z]\w*\s*\(/.test(end < 0 ? rest : rest.slice(0, end));
}
