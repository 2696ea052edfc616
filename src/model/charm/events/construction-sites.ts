/** Where a helper class is constructed, and the `__init__` bindings each construction gives its methods. */
import {charmCodeModules, charmContext} from '../python-domain.js';
import type {ObserveScan} from './observe-scan.js';
import {bindParameters} from '../../python/bindings.js';
import {classChain} from '../../python/classes.js';
import {type Ctx, type Value} from '../../python/values.js';
import {bindSelf} from './running-object.js';
import {type PythonProject} from '../../python/project.js';
import {type ClassInfo, type FunctionInfo, type ModuleInfo} from '../../python/module-info.js';
import {childOf, text, type SyntaxNode} from '../../python/syntax.js';

/** The evaluation context of code in `module` (inside `fn`), as the observe scan reads it. */
export function baseCtx(scan: ObserveScan, module: ModuleInfo, fn: FunctionInfo | undefined): Ctx {
  return charmContext(scan.project, module, scan.isCharmClass, fn, scan.charmOf);
}

const environmentsCache = new WeakMap<ObserveScan, Map<FunctionInfo, ReadonlyArray<Map<string, Value>>>>();

/**
 * For a method of a helper class: bind `__init__` parameters from each `Helper(...)` call in the
 * source. Computed once per method and scan (every observe call and construction in it asks).
 */
export function constructionEnvironments(
  fn: FunctionInfo | undefined,
  scan: ObserveScan,
): ReadonlyArray<Map<string, Value>> {
  if (!fn) return [new Map()];
  let cache = environmentsCache.get(scan);
  if (!cache) environmentsCache.set(scan, (cache = new Map<FunctionInfo, ReadonlyArray<Map<string, Value>>>()));
  let envs = cache.get(fn);
  if (!envs) cache.set(fn, (envs = computeConstructionEnvironments(fn, scan)));
  return envs;
}

function computeConstructionEnvironments(fn: FunctionInfo, scan: ObserveScan): Array<Map<string, Value>> {
  const cls = fn.cls;
  if (!cls || scan.isCharmClass(cls)) return [new Map<string, Value>()];
  const init = cls.methods.get('__init__');
  if (!init) return [new Map<string, Value>()];
  const envs: Array<Map<string, Value>> = [];
  // Built in the charm's source, or in its charm base class vendored in lib/ (`lifecycle.Unit(self, ...)`).
  const sites = [
    ...constructionSites(cls, scan.project),
    ...constructionSites(cls, scan.project, vendoredCharmModules(scan)),
  ];
  // A base class without call sites of its own is built through its subclasses that keep its __init__.
  const built = new Map<ConstructionSite, ClassInfo>();
  for (const sub of subclassesOf(cls, scan)) {
    if (sub.methods.has('__init__')) continue;
    for (const site of constructionSites(sub, scan.project)) {
      sites.push(site);
      built.set(site, sub);
    }
  }
  for (const site of sites) {
    const callerFn = site.fn;
    const callerCtx: Ctx = {...baseCtx(scan, site.module, callerFn), env: new Map()};
    const args = childOf(site.call, 'ArgList');
    if (!args) continue;
    const env = bindParameters(init, args, callerCtx);
    // `self` there is the subclass's object: its overrides are the methods that run.
    const sub = built.get(site);
    if (sub) bindSelf(env, fn, sub, callerCtx.domain);
    envs.push(env);
  }
  return envs.length ? envs : [new Map<string, Value>()];
}

function subclassesOf(cls: ClassInfo, scan: ObserveScan): ClassInfo[] {
  const out: ClassInfo[] = [];
  for (const module of scan.project.sourceModules()) {
    for (const c of module.classes.values()) {
      if (c === cls || !c.bases.some((b) => b === cls.name || b.endsWith(`.${cls.name}`))) continue;
      const chain = classChain(c, baseCtx(scan, module, undefined));
      if (chain.includes(cls)) out.push(c);
    }
  }
  return out;
}

export interface ConstructionSite {
  call: SyntaxNode;
  module: ModuleInfo;
  fn?: FunctionInfo;
}

const sitesCache = new WeakMap<ClassInfo, ConstructionSite[]>();
const vendoredSitesCache = new WeakMap<ClassInfo, ConstructionSite[]>();

/** lib/ modules that hold one of the charm's classes (a vendored charm base class). */
function vendoredCharmModules(scan: ObserveScan): ModuleInfo[] {
  return charmCodeModules(scan.project, scan.isCharmClass).filter((m) => m.origin === 'lib');
}

/** Calls that build `cls`, in the charm's source modules (or in the `vendored` ones given). */
export function constructionSites(cls: ClassInfo, project: PythonProject, vendored?: ModuleInfo[]): ConstructionSite[] {
  const cache = vendored ? vendoredSitesCache : sitesCache;
  const cached = cache.get(cls);
  if (cached) return cached;
  const sites: ConstructionSite[] = [];
  for (const module of vendored ?? project.sourceModules()) {
    if (!module.py.file.text.includes(cls.name)) continue;
    sites.push(...(callsByCalledName(module).get(cls.name) ?? []));
  }
  cache.set(cls, sites);
  return sites;
}

const callsByNameCache = new WeakMap<ModuleInfo, Map<string, ConstructionSite[]>>();

/**
 * Every call in the functions and methods of `module`, by the last name of what it calls (`Helper`
 * for `Helper(...)` and `helpers.Helper(...)`), in source order. One walk of the module serves every
 * class whose name it mentions: a charm module mentions many helper classes, and walking its
 * functions again for each of them was a tenth of the observe stage of a cold load.
 */
function callsByCalledName(module: ModuleInfo): Map<string, ConstructionSite[]> {
  let byName = callsByNameCache.get(module);
  if (byName) return byName;
  byName = new Map();
  const fns = [...module.functions.values(), ...[...module.classes.values()].flatMap((c) => [...c.methods.values()])];
  for (const fn of fns) {
    if (!fn.body) continue;
    walkCalls(fn.body, (call) => {
      const calleeText = text(module.py, call.firstChild!);
      const name = calleeText.slice(calleeText.lastIndexOf('.') + 1);
      const list = byName.get(name);
      if (list) list.push({call, module, fn});
      else byName.set(name, [{call, module, fn}]);
    });
  }
  callsByNameCache.set(module, byName);
  return byName;
}

function walkCalls(node: SyntaxNode, visit: (call: SyntaxNode) => void): void {
  const cursor = node.cursor();
  do {
    if (cursor.name === 'CallExpression') visit(cursor.node);
  } while (cursor.next() && cursor.from < node.to);
}
