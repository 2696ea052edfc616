/**
 * What a name passed to a Linux library stands for at the call: the loop variables around it
 * (`for name in SNAP_PACKAGES:`) and the parameters its function was called with
 * (`self._install(snap_name=IRC_BRIDGE_SNAP_NAME)`), bound to each value they take. A name that
 * stays unknown is kept as the source expression, marked computed, never guessed.
 */
import {argumentsByParameter} from '../../python/arguments.js';
import {dictEntries} from '../../python/dicts.js';
import {contextFor} from '../../python/evaluate.js';
import {functionDefinedAt, walkStatements} from '../../python/module-index.js';
import type {FunctionInfo, ModuleInfo} from '../../python/module-info.js';
import type {PythonProject} from '../../python/project.js';
import {assignmentsOf} from '../../python/local-assignments.js';
import {isProperty} from '../../python/properties.js';
import {type SyntaxNode, childOf, kids, text} from '../../python/syntax.js';
import type {Ctx, DomainHooks, Value} from '../../python/values.js';

/** More bindings than this at one call (loops in loops over large tables) are not read. */
const MAX_BINDINGS = 64;

export type Bindings = ReadonlyMap<string, Value>;

/** The function or method a node is in (undefined at module level). */
export function functionAround(node: SyntaxNode, module: ModuleInfo): FunctionInfo | undefined {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent)
    if (n.name === 'FunctionDefinition') return functionDefinedAt(module, n.from);
  return undefined;
}

/** The context of the function a node is in, nothing bound. */
export function contextAt(node: SyntaxNode, module: ModuleInfo, project: PythonProject, domain: DomainHooks): Ctx {
  return contextFor(project, module, domain, functionAround(node, module));
}

/** Contexts to evaluate a node in: one per call site of its function, times each value of the loops around it. */
export function contextsAt(node: SyntaxNode, module: ModuleInfo, project: PythonProject, domain: DomainHooks): Ctx[] {
  const fn = functionAround(node, module);
  const base = contextFor(project, module, domain, fn);
  const loops = loopsAround(node);
  // Call sites are looked for only when the call or a loop around it names a parameter (a search of every module).
  const written = [node, ...loops.map(loopIterable)].map((n) => (n ? text(module.py, n) : '')).join('\n');
  const usesParameter =
    (fn ? callParameters(fn) : []).some((p) => new RegExp(`\\b${p.name}\\b`).test(written)) ?? false;
  let envs: Bindings[] = fn && usesParameter ? callSiteBindings(fn, project, domain) : [new Map()];
  for (const loop of loops) {
    const targets = loopTargets(loop, module);
    const iterable = loopIterable(loop);
    envs = envs.flatMap((env) => {
      const items = iterationValues(base.evaluate(iterable, {...base, env}));
      if (!items) return [env];
      return items.map((item) => bindTargets(env, targets, item));
    });
    envs = envs.slice(0, MAX_BINDINGS);
  }
  return envs.map((env) => ({...base, env}));
}

/** `for` statements holding the node inside its function, outermost first. */
function loopsAround(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = node.parent; n && n.name !== 'FunctionDefinition'; n = n.parent)
    if (n.name === 'ForStatement' && node.from > (childOf(n, 'Body')?.from ?? n.to)) out.unshift(n);
  return out;
}

function loopTargets(loop: SyntaxNode, module: ModuleInfo): string[] {
  const out: string[] = [];
  for (const c of kids(loop)) {
    if (c.name === 'in') break;
    if (c.name === 'VariableName') out.push(text(module.py, c));
  }
  return out;
}

function loopIterable(loop: SyntaxNode): SyntaxNode | null {
  const children = kids(loop);
  const at = children.findIndex((c) => c.name === 'in');
  return at < 0 ? null : (children[at + 1] ?? null);
}

/** The values a loop takes over a static list, tuple or dict (its keys); undefined when not static. */
function iterationValues(v: Value): Value[] | undefined {
  if (v.t === 'seq') return v.items;
  if (v.t === 'dict') {
    const entries = dictEntries(v);
    return entries.some((e) => e.spread || !e.key) ? undefined : entries.map((e) => e.key!);
  }
  return undefined;
}

function bindTargets(env: Bindings, targets: string[], item: Value): Bindings {
  const out = new Map(env);
  if (targets.length === 1) out.set(targets[0]!, item);
  else if (item.t === 'seq' && item.items.length === targets.length)
    targets.forEach((t, i) => out.set(t, item.items[i]!));
  return out;
}

/** The parameters a call passes (not `self`/`cls`, not `*args`/`**kwargs`). */
function callParameters(fn: FunctionInfo): FunctionInfo['params'] {
  return fn.params.filter((p, i) => !p.star && !(i === 0 && fn.cls && /^(self|cls)$/.test(p.name)));
}

const callSites = new WeakMap<FunctionInfo, Bindings[]>();

/**
 * The parameters of `fn` as each call of it in the charm's source binds them (by name: a call of
 * `x.install(...)` or `install(...)`); one call level, arguments the evaluator cannot name left unbound.
 */
function callSiteBindings(fn: FunctionInfo, project: PythonProject, domain: DomainHooks): Bindings[] {
  const known = callSites.get(fn);
  if (known) return known;
  const params = callParameters(fn);
  const out: Bindings[] = [];
  const called = new RegExp(`\\b${fn.name}\\s*\\(`);
  for (const module of params.length ? project.sourceModules() : []) {
    if (!called.test(module.py.file.text)) continue;
    module.py.tree.iterate({
      enter: (n) => {
        if (n.name !== 'CallExpression') return;
        const callee = n.node.firstChild;
        const args = n.node.getChild('ArgList');
        if (!callee || !args || !new RegExp(`(^|\\.)${fn.name}$`).test(text(module.py, callee))) return;
        const caller = contextFor(project, module, domain, functionAround(n.node, module));
        const env = new Map<string, Value>();
        for (const [name, arg] of argumentsByParameter(args, params, module.py)) {
          const v = caller.evaluate(arg, caller);
          if (v.t !== 'unknown') env.set(name, v);
        }
        out.push(env);
      },
    });
  }
  const result = out.length ? out.slice(0, MAX_BINDINGS) : [new Map()];
  callSites.set(fn, result);
  return result;
}

/**
 * What a local name or `self.<attr>` was assigned, each with the context it was assigned in: the
 * last assignment of a local before the use, every `self.<attr> = ...` of the class.
 */
export function assignedValues(node: SyntaxNode, ctx: Ctx): Array<{node: SyntaxNode; ctx: Ctx}> {
  const py = ctx.module.py;
  if (node.name === 'VariableName' && ctx.fn?.body && !ctx.env.has(text(py, node))) {
    const before = (assignmentsOf(ctx.fn, ctx.fn.body).get(text(py, node)) ?? []).filter(
      (a) => a.stmt.from < node.from && typeof a.def !== 'string',
    );
    const found = before.at(-1)?.def;
    return found && typeof found !== 'string' ? [{node: found, ctx}] : [];
  }
  const self = /^self\.(\w+)$/.exec(node.name === 'MemberExpression' ? text(py, node) : '');
  if (!self || !ctx.cls) return [];
  // `@property def _snap(self): return snap.SnapCache()[NAME]`: what it returns.
  const property = ctx.cls.methods.get(self[1]!);
  if (property && isProperty(property)) {
    const returned: Array<{node: SyntaxNode; ctx: Ctx}> = [];
    const inProperty = contextFor(ctx.project, property.module, ctx.domain, property);
    if (property.body)
      walkStatements(property.body, (stmt) => {
        const value = stmt.name === 'ReturnStatement' ? stmt.lastChild : null;
        if (value && value.name !== 'return') returned.push({node: value, ctx: inProperty});
      });
    return returned;
  }
  return (ctx.cls.selfAssignments.get(self[1]!) ?? []).map((a) => ({
    node: a.value,
    ctx: contextFor(ctx.project, a.fn.module, ctx.domain, a.fn),
  }));
}

/**
 * A module constant assigned inside an `if`, `for`, `with` or `try` at module level (`if SUBSTRATE == "vm":
 * REVISION = data[...] else: REVISION = "-1"`): the evaluator reads its last assignment whatever the
 * branch, so its value is not static here. Followed through `from module import NAME`.
 */
export function assignedConditionally(node: SyntaxNode, ctx: Ctx): boolean {
  if (node.name !== 'VariableName' || ctx.env.has(text(ctx.module.py, node))) return false;
  let module: ModuleInfo | undefined = ctx.module;
  let name = text(ctx.module.py, node);
  if (ctx.fn?.params.some((p) => p.name === name)) return false;
  for (let hops = 0; module && hops < 8; hops++) {
    const assigned = module.assigns.get(name);
    if (assigned) {
      for (let n: SyntaxNode | null = assigned.parent; n; n = n.parent)
        if (/^(If|For|While|With|Try)Statement$/.test(n.name)) return true;
      return false;
    }
    const imported = module.imports.get(name);
    if (!imported?.name) return false;
    name = imported.name;
    module = ctx.project.resolveModule(imported.module, module);
  }
  return false;
}
