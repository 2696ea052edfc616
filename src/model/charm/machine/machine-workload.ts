/**
 * A machine charm's workload, read from its calls of the Linux charm libraries: the snaps it reads
 * from the snap cache and installs (`snap.SnapCache()[NAME].ensure(..., channel=...)`, `snap.add`,
 * `snap.ensure`) with the snap services it starts or restarts, the apt packages it adds, the
 * systemd units it manages. Only the charm's own source is read: library modules call these
 * libraries in examples and for other charms.
 */
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import type {PythonProject} from '../../python/project.js';
import {type SyntaxNode, childOf, line, text} from '../../python/syntax.js';
import type {Ctx, DomainHooks, Value} from '../../python/values.js';
import type {MachineSnap, MachineWorkload, MachineWorkloadName} from '../../types.js';
import {assignedConditionally, assignedValues, contextAt, contextsAt} from './bindings.js';
import {libraryMember, linuxLibraryNames} from './linux-libraries.js';

/** A name as read at one place: static, or the source expression of a computed one. */
type Found = MachineWorkloadName;

/** What one call says about a snap: it is read there, installed with a channel/revision, its services run. */
interface SnapFact {
  snap: Found;
  channel?: Found;
  revision?: Found;
  services?: string[];
}

/** Methods of the library's `Snap` object that name services to run. */
const SERVICE_METHODS = new Set(['start', 'restart', 'stop']);

export function readMachineWorkload(project: PythonProject, domain: DomainHooks): MachineWorkload | undefined {
  const snaps: SnapFact[] = [];
  const packages: Found[] = [];
  const units: Found[] = [];
  for (const module of project.sourceModules()) {
    if (linuxLibraryNames(module).size === 0) continue;
    module.py.tree.iterate({
      enter: (n) => {
        if (n.name === 'MemberExpression' && childOf(n.node, '[')) {
          if (!holdsSnap(n.node, contextAt(n.node, module, project, domain), 0)) return;
          for (const ctx of contextsAt(n.node, module, project, domain))
            snaps.push(...snapsOf(n.node, ctx, 0).map((snap) => ({snap})));
          return;
        }
        if (n.name !== 'CallExpression') return;
        const callee = n.node.firstChild;
        const args = n.node.getChild('ArgList');
        if (!callee || !args) return;
        const called = libraryMember(callee, module);
        const contexts = (): Ctx[] => contextsAt(n.node, module, project, domain);
        if (called?.library === 'apt' && called.member === 'add_package') {
          const arg = keywordArgs(args, module.py).get('package_names') ?? positionalArgs(args)[0];
          for (const ctx of contexts()) packages.push(...namesAt(arg, ctx));
        } else if (called?.library === 'systemd' && called.member.startsWith('service_')) {
          // Unit names only: options (`'--no-block'`) and the `*` of a spread are no unit.
          const names = positionalArgs(args).filter((a) => !/^(\*+|['"]-)/.test(text(module.py, a)));
          for (const ctx of contexts()) units.push(...names.flatMap((a) => namesAt(a, ctx)));
        } else if (called?.library === 'snap' && (called.member === 'add' || called.member === 'ensure')) {
          const arg = keywordArgs(args, module.py).get('snap_names') ?? positionalArgs(args)[0];
          for (const ctx of contexts())
            for (const snap of namesAt(arg, ctx)) snaps.push({snap, ...installedWith(args, ctx)});
        } else if (!called && callee.name === 'MemberExpression') {
          const method = text(module.py, childOf(callee, 'PropertyName') ?? callee);
          if (method !== 'ensure' && !SERVICE_METHODS.has(method)) return;
          const receiver = callee.firstChild!;
          if (!holdsSnap(receiver, contextAt(n.node, module, project, domain), 0)) return;
          for (const ctx of contexts()) {
            const read = snapsOf(receiver, ctx, 0);
            const facts = method === 'ensure' ? installedWith(args, ctx) : {services: servicesNamed(args, ctx)};
            for (const snap of read) snaps.push({snap, ...facts});
          }
        }
      },
    });
  }
  const workload = {snaps: mergeSnaps(snaps), packages: unique(packages), systemdUnits: unique(units)};
  return workload.snaps.length || workload.packages.length || workload.systemdUnits.length ? workload : undefined;
}

/** Whether an expression holds a snap of the library (names not evaluated: a cheap test before binding loops and call sites). */
function holdsSnap(node: SyntaxNode, ctx: Ctx, depth: number): boolean {
  if (depth > 4) return false;
  if (node.name === 'MemberExpression' && childOf(node, '['))
    return node.firstChild !== null && isSnapCache(node.firstChild, ctx, depth);
  return assignedValues(node, ctx).some((a) => holdsSnap(a.node, a.ctx, depth + 1));
}

/** The snaps an expression holds: `SnapCache()[key]`, a local or `self.<attr>` assigned one. */
function snapsOf(node: SyntaxNode, ctx: Ctx, depth: number): Found[] {
  if (depth > 4) return [];
  if (node.name === 'MemberExpression' && childOf(node, '[')) {
    const cache = node.firstChild;
    const key = childOf(node, '[')?.nextSibling ?? null;
    return cache && key && isSnapCache(cache, ctx, depth) ? namesAt(key, ctx) : [];
  }
  return assignedValues(node, ctx).flatMap((a) => snapsOf(a.node, a.ctx, depth + 1));
}

function isSnapCache(node: SyntaxNode, ctx: Ctx, depth: number): boolean {
  if (depth > 4) return false;
  if (node.name === 'CallExpression') {
    const called = node.firstChild ? libraryMember(node.firstChild, ctx.module) : undefined;
    return called?.library === 'snap' && called.member === 'SnapCache';
  }
  return assignedValues(node, ctx).some((a) => isSnapCache(a.node, a.ctx, depth + 1));
}

/** `channel=` and `revision=` of an install call. */
function installedWith(args: SyntaxNode, ctx: Ctx): Pick<SnapFact, 'channel' | 'revision'> {
  const kw = keywordArgs(args, ctx.module.py);
  const channel = kw.get('channel');
  const revision = kw.get('revision');
  return {
    ...(channel ? {channel: namesAt(channel, ctx)[0]} : {}),
    ...(revision ? {revision: namesAt(revision, ctx)[0]} : {}),
  };
}

/** `services=[...]` (or the first positional argument) of `.start()` / `.restart()`, static names only. */
function servicesNamed(args: SyntaxNode, ctx: Ctx): string[] {
  const arg = keywordArgs(args, ctx.module.py).get('services') ?? positionalArgs(args)[0];
  return arg ? namesAt(arg, ctx).flatMap((n) => (n.computed ? [] : [n.name])) : [];
}

/** The names an argument stands for: each static string (of a list, of alternatives), else its expression, computed. */
function namesAt(node: SyntaxNode | undefined, ctx: Ctx): Found[] {
  if (!node) return [];
  const where = {file: ctx.module.py.file.path, line: line(ctx.module.py, node).line};
  const names = (v: Value): Found[] => {
    if (v.t === 'str') return v.v ? [{name: v.v, ...where}] : [];
    if (v.t === 'num') return [{name: String(v.v), ...where}];
    if (v.t === 'seq' || v.t === 'alts') return v.items.flatMap(names);
    // What the evaluator could not name, as written where it is built (`revision` -> `revision[platform.machine()]`).
    const expr = v.t === 'unknown' && /\w/.test(v.expr) ? v.expr : text(ctx.module.py, node);
    return [{name: expr.replace(/\s+/g, ' '), computed: true, ...where}];
  };
  if (assignedConditionally(node, ctx)) return names({t: 'unknown', expr: ''});
  return names(ctx.evaluate(node, ctx));
}

function keyOf(n: Found): string {
  return `${n.computed ? 'computed:' : ''}${n.name}`;
}

/** One entry per name, where it is first named; a computed one is dropped where the same place also gave static names. */
function unique(found: Found[]): Found[] {
  const staticAt = new Set(found.filter((f) => !f.computed).map((f) => `${f.file}:${f.line}`));
  const out = new Map<string, Found>();
  for (const f of found) {
    if (f.computed && staticAt.has(`${f.file}:${f.line}`)) continue;
    if (!out.has(keyOf(f))) out.set(keyOf(f), f);
  }
  return [...out.values()];
}

/** One snap per name: first place read, the first static channel and revision (else the computed one), every service. */
function mergeSnaps(facts: SnapFact[]): MachineSnap[] {
  const kept = new Set(unique(facts.map((f) => f.snap)));
  const byKey = new Map<string, MachineSnap>();
  for (const f of facts) {
    const key = keyOf(f.snap);
    let snap = byKey.get(key);
    if (!snap) {
      if (!kept.has(f.snap)) continue;
      snap = {...f.snap, services: []};
      byKey.set(key, snap);
    }
    setVersion(snap, 'channel', f.channel);
    setVersion(snap, 'revision', f.revision);
    for (const s of f.services ?? []) if (!snap.services.includes(s)) snap.services.push(s);
  }
  return [...byKey.values()].map(ordered);
}

function setVersion(snap: MachineSnap, field: 'channel' | 'revision', found: Found | undefined): void {
  if (!found) return;
  const flag = field === 'channel' ? 'channelComputed' : 'revisionComputed';
  if (snap[field] !== undefined && !snap[flag]) return;
  if (snap[field] !== undefined && found.computed) return;
  snap[field] = found.name;
  if (found.computed) snap[flag] = true;
  else delete snap[flag];
}

/** Keys in one order whatever the order facts came in (facts JSON is compared byte for byte). */
function ordered(s: MachineSnap): MachineSnap {
  return {
    name: s.name,
    ...(s.computed ? {computed: true as const} : {}),
    file: s.file,
    line: s.line,
    ...(s.channel !== undefined ? {channel: s.channel} : {}),
    ...(s.channelComputed ? {channelComputed: true as const} : {}),
    ...(s.revision !== undefined ? {revision: s.revision} : {}),
    ...(s.revisionComputed ? {revisionComputed: true as const} : {}),
    services: s.services,
  };
}
