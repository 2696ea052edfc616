/** The `framework.observe(event, handler)` calls of charm code, resolved statically into observed events. */
import type {ObservedEvent} from '../../types.js';
import {flowValue, reachable} from './branches.js';
import {truth} from '../../python/conditions.js';
import {type ChainBindings} from '../../python/chain-bindings.js';
import {describeEvent, describeHandler} from './describe-event.js';
import {runningSelf} from './running-object.js';
import type {ObserveScan} from './observe-scan.js';
import {baseCtx, constructionEnvironments} from './construction-sites.js';
import {evaluate} from '../../python/evaluate.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx, type Value} from '../../python/values.js';
import {functionDefinedAt} from '../../python/module-index.js';
import {type ClassInfo, type FunctionInfo, type ModuleInfo} from '../../python/module-info.js';
import {callsOf} from '../../python/module-calls.js';
import {childOf, kids, line, parts, text, type SyntaxNode} from '../../python/syntax.js';

/**
 * Every `framework.observe(event, handler)` call in the given modules (or classes), resolved statically.
 * `bindings` gives the parameters of a class's methods when the caller knows them (a library
 * object the charm constructs); otherwise they come from the class's construction sites in src/.
 */
export function observedEventsIn(
  modules: ModuleInfo[],
  scan: ObserveScan,
  only?: ReadonlySet<ClassInfo>,
  bindings?: ReadonlyMap<ClassInfo, Map<string, Value>>,
): ObservedEvent[] {
  const out: ObservedEvent[] = [];
  for (const module of modules) {
    for (const call of only ? observeCallsInClasses(module, only) : observeCalls(module)) {
      const fn = enclosingFunction(module, call);
      const cls = fn?.cls;
      if (only && (!cls || !only.has(cls))) continue;
      // `self` in a library object's code is that object (of the class constructed), with what it was built with.
      const self =
        cls && bindings?.has(cls) && !scan.isCharmClass(cls) ? runningSelf(cls, bindings as ChainBindings) : undefined;
      out.push(...resolveCall(call, module, fn, scan, cls ? bindings?.get(cls) : undefined, self));
    }
  }
  return out;
}

/** The observe calls in the body of a module-level function the charm calls, its parameters bound to `env`. */
export function observedInFunction(fn: FunctionInfo, scan: ObserveScan, env: Map<string, Value>): ObservedEvent[] {
  return observeCalls(fn.module).flatMap((call) =>
    enclosingFunction(fn.module, call) === fn ? resolveCall(call, fn.module, fn, scan, env) : [],
  );
}

const observeCallsCache = new WeakMap<ModuleInfo, SyntaxNode[]>();

/** Calls whose callee ends in `observe`, found once per module. */
function observeCalls(module: ModuleInfo): SyntaxNode[] {
  let calls = observeCallsCache.get(module);
  if (calls) return calls;
  calls = [];
  if (module.py.file.text.includes('observe'))
    calls = callsOf(module.py)
      .filter((c) => /observe\s*$/.test(c.calleeText))
      .map((c) => c.node);
  observeCallsCache.set(module, calls);
  return calls;
}

/**
 * The observe calls inside the given classes of a module, in the order of the file: the calls a
 * scan restricted to those classes keeps, found without walking (or, for a library module read
 * lazily, parsing) the rest of the module.
 */
function observeCallsInClasses(module: ModuleInfo, only: ReadonlySet<ClassInfo>): SyntaxNode[] {
  if (!module.py.file.text.includes('observe')) return [];
  const classes = [...only].filter((c) => c.module === module).sort((a, b) => a.node.from - b.node.from);
  const calls: SyntaxNode[] = [];
  let end = -1;
  for (const cls of classes) {
    // A class nested in another one already walked.
    if (cls.node.from < end) continue;
    end = cls.node.to;
    const cursor = cls.node.cursor();
    do {
      if (cursor.name === 'CallExpression' && /observe\s*$/.test(text(module.py, cursor.node.firstChild!)))
        calls.push(cursor.node);
    } while (cursor.next() && cursor.from < end);
  }
  return calls;
}

const observingCache = new WeakMap<ClassInfo, boolean>();

/** Whether a class's own methods call observe (found without parsing the rest of a lazily read library module). */
export function classObserves(cls: ClassInfo): boolean {
  let found = observingCache.get(cls);
  if (found === undefined)
    observingCache.set(cls, (found = observeCallsInClasses(cls.module, new Set([cls])).length > 0));
  return found;
}

export function enclosingFunction(module: ModuleInfo, node: SyntaxNode): FunctionInfo | undefined {
  for (let p = node.parent; p; p = p.parent) {
    // A method of a class, or a module-level function.
    if (p.name === 'FunctionDefinition') return functionDefinedAt(module, p.from);
  }
  return undefined;
}

function resolveCall(
  call: SyntaxNode,
  module: ModuleInfo,
  fn: FunctionInfo | undefined,
  scan: ObserveScan,
  bound?: Map<string, Value>,
  self?: Value,
): ObservedEvent[] {
  const py = module.py;
  const ctx0 = {...baseCtx(scan, module, fn), ...(self ? {self} : {})};
  const callee = evaluate(call.firstChild, ctx0);
  if (callee.t !== 'observe' && !/\bframework\s*\.\s*observe$/.test(text(py, call.firstChild!))) return [];
  const args = childOf(call, 'ArgList');
  if (!args) return [];
  const positional = positionalArgs(args);
  const keywords = keywordArgs(args, py);
  const eventNode = positional[0] ?? keywords.get('bound_event') ?? keywords.get('event') ?? null;
  const handlerNode = positional[1] ?? keywords.get('observer') ?? keywords.get('handler') ?? null;
  if (!eventNode || !handlerNode) return [];
  const pos = line(module.py, call);
  const results: ObservedEvent[] = [];
  const seen = new Set<string>();
  for (const env of environments(call, module, fn, ctx0, scan, bound)) {
    const ctx: Ctx = {...ctx0, env};
    const handler = describeHandler(evaluate(handlerNode, ctx), text(py, handlerNode));
    const eventValue = evaluate(eventNode, ctx);
    for (const value of eventValue.t === 'alts' ? eventValue.items : [eventValue]) {
      const event = describeEvent(value, text(py, eventNode), ctx, scan, eventNode);
      if (!event) continue;
      const entry: ObservedEvent = {
        file: py.file.path,
        line: pos.line,
        column: pos.column,
        ...event,
        handler: handler.name,
        handlerExpression: text(py, handlerNode),
        ...(handler.doc ? {handlerDoc: handler.doc} : {}),
        ...(handler.file ? {handlerFile: handler.file, handlerLine: handler.line} : {}),
        ...(fn?.cls ? {observer: fn.cls.name} : {}),
        inherited: false,
      };
      // Two emitters of one event (a loop over library objects) stay two entries.
      const key = `${entry.name}|${entry.handler}|${entry.expression}|${entry.emitter?.expression ?? ''}|${entry.emitter?.relation ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(entry);
    }
  }
  return results;
}

/**
 * The bindings an observe call runs under: one per iteration of each enclosing
 * `for` over a literal sequence, and one per place a helper class is constructed.
 */
function environments(
  call: SyntaxNode,
  module: ModuleInfo,
  fn: FunctionInfo | undefined,
  ctx: Ctx,
  scan: ObserveScan,
  bound?: Map<string, Value>,
): Array<Map<string, Value>> {
  let envs: ReadonlyArray<Map<string, Value>> = bound ? [bound] : constructionEnvironments(fn, scan);
  const loops: Loop[] = [];
  for (let p: SyntaxNode | null = call, up = call.parent; up && up !== fn?.node; p = up, up = up.parent) {
    const loop = loopAround(p, up, module);
    if (loop) loops.unshift(loop);
  }
  for (const {targets, iterableNode, conditions} of loops) {
    const next: Array<Map<string, Value>> = [];
    for (const env of envs) {
      const iterable = iterableNode ? flowValue(iterableNode, {...ctx, env}) : null;
      if (iterable?.t !== 'seq') {
        next.push(env);
        continue;
      }
      // Items of a literal list keep the expression they are written as (`self.peer_certs`): it names their emitter.
      const written =
        iterableNode && ['ArrayExpression', 'TupleExpression'].includes(iterableNode.name) ? parts(iterableNode) : [];
      for (const [i, item] of iterable.items.entries()) {
        const bound = new Map(env);
        const itemNode = written.length === iterable.items.length ? written[i] : undefined;
        if (targets.length === 1)
          bound.set(targets[0]!, item.t === 'instance' && itemNode ? {...item, expr: text(module.py, itemNode)} : item);
        else if (item.t === 'seq') targets.forEach((t, i) => bound.set(t, item.items[i] ?? {t: 'unknown', expr: t}));
        // A comprehension's `if` that is false for this item drops it; one that cannot be told keeps it.
        if (conditions.some((c) => truth(c, {...ctx, env: bound}) === false)) continue;
        next.push(bound);
      }
    }
    envs = next.slice(0, 256);
  }
  return envs.filter((env) => reachable(call, fn, {...ctx, env}));
}

/** A loop around an observe call: a `for` statement, or a comprehension whose element holds the call. */
interface Loop {
  targets: string[];
  iterableNode: SyntaxNode | undefined;
  /** A comprehension's `if` clauses. */
  conditions: SyntaxNode[];
}

const COMPREHENSIONS = new Set([
  'ArrayComprehensionExpression',
  'SetComprehensionExpression',
  'DictionaryComprehensionExpression',
]);

/**
 * `up` as a loop over `child`: a `for` statement, or `[observe(e, h) for e in [...]]` (also a
 * generator passed as the only argument, `list(observe(e, h) for e in ...)`), when `child` is the
 * comprehension's element. A comprehension with two `for` clauses is not expanded.
 */
function loopAround(child: SyntaxNode, up: SyntaxNode, module: ModuleInfo): Loop | null {
  const children = kids(up);
  const names = (from: number, to: number): string[] =>
    children
      .slice(from, to)
      .filter((c) => c.name === 'VariableName')
      .map((c) => text(module.py, c));
  if (up.name === 'ForStatement') {
    const inAt = children.findIndex((c) => c.name === 'in');
    return {targets: names(1, inAt), iterableNode: children[inAt + 1], conditions: []};
  }
  if (!COMPREHENSIONS.has(up.name) && up.name !== 'ArgList') return null;
  const forAt = children.findIndex((c) => c.name === 'for');
  if (forAt < 0 || child.from >= children[forAt]!.from || children.filter((c) => c.name === 'for').length > 1)
    return null;
  const inAt = children.findIndex((c, i) => i > forAt && c.name === 'in');
  const conditions = children.filter((c, i) => i > inAt + 1 && children[i - 1]?.name === 'if');
  return {targets: names(forAt + 1, inAt), iterableNode: children[inAt + 1], conditions};
}
