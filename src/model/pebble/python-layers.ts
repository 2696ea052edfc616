import type {PebbleCheck, PebbleLayer, PebbleLogTarget, PebbleService} from '../types.js';
import {dictEntries, evaluate, keywordArgs, lookupName, positionalArgs, selfFor, type Ctx} from '../python/evaluate.js';
import {constructionSites} from '../python/observe.js';
import {assignmentParts, walkStatements, type ClassInfo, type FunctionInfo, type ModuleInfo, type PythonProject} from '../python/project.js';
import {childOf, kids, line, text, type SyntaxNode} from '../python/syntax.js';
import {CHECK_MARKERS, LAYER_KEYS, SERVICE_MARKERS} from './shape.js';

/** Calls that build a layer or a service from keywords or a dict. */
const LAYER_CALL = /(^|\.)(Layer|LayerDict)$/;
const SERVICE_CALL = /(^|\.)(ServiceDict|Service|dict)$/;

interface Candidate {
  node: SyntaxNode;
  module: ModuleInfo;
  fn?: FunctionInfo;
  /** Name the layer can be reached by: a module or class constant, or the enclosing function. */
  owner: string;
}

/**
 * Pebble layers written in Python: literal dicts with layer keys, `Layer({...})`,
 * `LayerDict(...)` / `ServiceDict(...)`, module constants and builder functions.
 * Literal parts are recorded; what is computed at runtime keeps its source
 * expression and is marked computed.
 */
export function pythonLayers(project: PythonProject, isCharmClass: (c: ClassInfo) => boolean, containers: string[], placements: LayerPlacements, charmOf?: (c: ClassInfo) => ClassInfo): PebbleLayer[] {
  const candidates: Candidate[] = [];
  for (const module of project.sourceModules()) collectCandidates(module, candidates);
  return candidates.map((c) => {
    const ctx = ctxOf(project, c.module, c.fn, isCharmClass, charmOf);
    const layer = buildLayer(c, ctx);
    const placed = placements.get(c.owner) ?? placements.get(`node:${c.module.py.file.path}:${c.node.from}`);
    layer.container = placed?.container ?? (containers.length === 1 ? containers[0]! : null);
    if (placed?.label) layer.label = placed.label;
    return layer;
  });
}

/** Where a layer is added: its container and label. Keyed by layer owner (`const:NAME`, `fn:name`, `node:file:offset`, `file:name.yaml`). */
export type LayerPlacements = Map<string, {container: string; label?: string}>;

function ctxOf(project: PythonProject, module: ModuleInfo, fn: FunctionInfo | undefined, isCharmClass: (c: ClassInfo) => boolean, charmOf?: (c: ClassInfo) => ClassInfo): Ctx {
  const cls = fn?.cls;
  const base: Ctx = {project, module, cls, fn, self: selfFor(cls, module, isCharmClass, charmOf), env: new Map(), isCharmClass, ...(charmOf ? {charmOf} : {}), depth: 0};
  // A helper built in one place: its constructor's keyword arguments name attributes an installed
  // base class stores (`PebbleServiceComponent(..., service_name="app")` -> `self.service_name`).
  if (base.self.t === 'instance' && cls) {
    const sites = constructionSites(cls, project);
    const site = sites.length === 1 ? sites[0]! : undefined;
    const args = site ? childOf(site.call, 'ArgList') : null;
    if (site && args) {
      const callerCls = site.fn?.cls;
      const argsCtx: Ctx = {project, module: site.module, cls: callerCls, fn: site.fn, self: selfFor(callerCls, site.module, isCharmClass, charmOf), env: new Map(), isCharmClass, depth: 0};
      base.self = {...base.self, args, argsCtx};
    }
  }
  return base;
}

function literalKeys(module: ModuleInfo, dict: SyntaxNode): string[] | null {
  const keys: string[] = [];
  const items = kids(dict).filter((c) => !['{', '}', ',', ':', 'Comment'].includes(c.name));
  for (let i = 0; i < items.length; i += 2) {
    const k = items[i]!;
    if (k.name === '**') continue;
    if (k.name !== 'String') return null;
    keys.push(text(module.py, k).replace(/^[rbuRBU]*['"]+|['"]+$/g, ''));
  }
  return keys;
}

function isLayerDict(module: ModuleInfo, node: SyntaxNode): boolean {
  const keys = literalKeys(module, node);
  if (!keys || !keys.length || !keys.every((k) => LAYER_KEYS.has(k))) return false;
  if (!keys.includes('services') && !keys.includes('checks')) return false;
  // Services must look like services: Traefik/HAProxy `services` hold load balancers, not commands.
  const servicesNode = valueOfKey(module, node, keys.includes('services') ? 'services' : 'checks');
  if (!servicesNode) return true;
  if (servicesNode.name !== 'DictionaryExpression') return true;
  const inner = kids(servicesNode).filter((c) => c.name === 'DictionaryExpression' || c.name === 'CallExpression');
  if (!inner.length) return true;
  const markers = keys.includes('services') ? SERVICE_MARKERS : CHECK_MARKERS;
  return inner.some((d) => {
    if (d.name === 'CallExpression') return SERVICE_CALL.test(text(module.py, d.firstChild!));
    return (literalKeys(module, d) ?? []).some((k) => markers.has(k));
  });
}

function valueOfKey(module: ModuleInfo, dict: SyntaxNode, key: string): SyntaxNode | null {
  const items = kids(dict).filter((c) => !['{', '}', ',', ':', 'Comment'].includes(c.name));
  for (let i = 0; i < items.length; i += 2) {
    const k = items[i]!;
    if (k.name === 'String' && text(module.py, k).replace(/^[rbuRBU]*['"]+|['"]+$/g, '') === key) return items[i + 1] ?? null;
  }
  return null;
}

function collectCandidates(module: ModuleInfo, out: Candidate[]): void {
  const py = module.py;
  const taken: Array<[number, number]> = [];
  const inside = (n: SyntaxNode): boolean => taken.some(([a, b]) => n.from >= a && n.to <= b);
  py.tree.iterate({
    enter(ref) {
      const n = ref.node;
      let layerNode: SyntaxNode | null = null;
      if (n.name === 'CallExpression' && LAYER_CALL.test(text(py, n.firstChild!))) layerNode = n;
      else if (n.name === 'DictionaryExpression' && isLayerDict(module, n)) layerNode = n;
      if (!layerNode || inside(layerNode)) return;
      if (layerNode.name === 'CallExpression') {
        // `Layer(variable)`: the dict itself is found where it is written.
        const args = childOf(layerNode, 'ArgList');
        const first = args ? positionalArgs(args)[0] : undefined;
        const kw = args ? keywordArgs(args, py) : new Map();
        if (first && first.name !== 'DictionaryExpression') return;
        if (!first && !kw.has('services') && !kw.has('checks')) return;
      }
      taken.push([layerNode.from, layerNode.to]);
      out.push({node: layerNode, module, ...ownerOf(module, layerNode)});
      return false;
    },
  });
}

/** The name a layer node is reachable by: `CONST = {...}`, `Class.ATTR = {...}`, or the function that builds it. */
function ownerOf(module: ModuleInfo, node: SyntaxNode): {owner: string; fn?: FunctionInfo} {
  let fnNode: SyntaxNode | null = null;
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === 'FunctionDefinition') {
      fnNode = p;
      break;
    }
    if (p.name === 'AssignStatement' && p.parent?.name === 'Script') {
      const [targets] = assignmentParts(p);
      const t = targets.find((x) => x.name === 'VariableName');
      if (t) return {owner: `const:${text(module.py, t)}`};
    }
    if (p.name === 'AssignStatement' && p.parent?.parent?.name === 'ClassDefinition') {
      const [targets] = assignmentParts(p);
      const t = targets.find((x) => x.name === 'VariableName');
      if (t) return {owner: `const:${text(module.py, t)}`};
    }
  }
  if (fnNode) {
    const fn = findFunction(module, fnNode);
    if (fn) return {owner: `fn:${fn.name}`, fn};
  }
  return {owner: `node:${module.py.file.path}:${node.from}`};
}

function findFunction(module: ModuleInfo, node: SyntaxNode): FunctionInfo | undefined {
  for (const f of module.functions.values()) if (f.node.from === node.from) return f;
  for (const c of module.classes.values()) for (const m of c.methods.values()) if (m.node.from === node.from) return m;
  return undefined;
}

function buildLayer(c: Candidate, ctx: Ctx): PebbleLayer {
  const py = c.module.py;
  const pos = line(py, c.node);
  const layer: PebbleLayer = {file: py.file.path, line: pos.line, column: pos.column, container: null, origin: 'python', services: [], checks: [], logTargets: [], computed: false};
  const fields = layerFields(c.node, ctx);
  if (!fields) {
    layer.computed = true;
    return layer;
  }
  if (fields.spread) layer.computed = true;
  const summary = fields.get('summary');
  if (summary) {
    const v = evaluate(summary, ctx);
    if (v.t === 'str') layer.summary = v.v;
  }
  const services = fields.get('services');
  if (services) {
    const mapping = mappingOf(services, ctx);
    if (mapping.spread) layer.computed = true;
    for (const [name, node, keyNode] of mapping.entries) layer.services.push(buildService(name, node, keyNode, ctx));
  }
  const checks = fields.get('checks');
  if (checks) {
    const mapping = mappingOf(checks, ctx);
    if (mapping.spread) layer.computed = true;
    for (const [name, node, keyNode] of mapping.entries) layer.checks.push(buildCheck(name, node, keyNode, ctx));
  }
  const targets = fields.get('log-targets');
  if (targets) {
    const mapping = mappingOf(targets, ctx);
    for (const [name, node, keyNode] of mapping.entries) layer.logTargets.push(buildLogTarget(name, node, keyNode, ctx));
  }
  return layer;
}

type Fields = Map<string, SyntaxNode> & {spread?: boolean};

/** Keys of a dict literal, or keyword arguments of `LayerDict(...)` / `ServiceDict(...)` / `dict(...)`. */
function layerFields(node: SyntaxNode, ctx: Ctx): Fields | null {
  const py = ctx.module.py;
  const out: Fields = new Map();
  if (node.name === 'CallExpression') {
    const args = childOf(node, 'ArgList');
    if (!args) return null;
    const first = positionalArgs(args)[0];
    if (first) return layerFields(resolveToLiteral(first, ctx) ?? first, ctx);
    for (const [k, v] of keywordArgs(args, py)) out.set(k.replace(/_/g, '-'), v);
    if (kids(args).some((c) => c.name === '**')) out.spread = true;
    return out;
  }
  if (node.name !== 'DictionaryExpression') return null;
  const value = evaluate(node, ctx);
  if (value.t !== 'dict') return null;
  for (const e of dictEntries(value)) {
    if (e.spread) out.spread = true;
    else if (e.key?.t === 'str') out.set(e.key.v, e.valueNode);
    else out.spread = true;
  }
  return out;
}

/** A name that refers to a literal dict/call (local variable or constant): follow it to the literal. */
function resolveToLiteral(node: SyntaxNode, ctx: Ctx): SyntaxNode | null {
  if (node.name === 'DictionaryExpression' || node.name === 'CallExpression') return node;
  if (node.name === 'VariableName') {
    const v = lookupName(text(ctx.module.py, node), node, ctx);
    if (v.t === 'dict') return v.node;
  }
  if (node.name === 'MemberExpression') {
    const v = evaluate(node, ctx);
    if (v.t === 'dict') return v.node;
  }
  return null;
}

interface Mapping {
  entries: Array<[string, SyntaxNode, SyntaxNode | null]>;
  spread: boolean;
  /** Keys that are computed (kept as source expressions). */
}

function mappingOf(node: SyntaxNode, ctx: Ctx): Mapping {
  const literal = resolveToLiteral(node, ctx);
  if (!literal) return {entries: [], spread: true};
  const fields = layerFieldsRaw(literal, ctx);
  return fields;
}

function layerFieldsRaw(node: SyntaxNode, ctx: Ctx): Mapping {
  const py = ctx.module.py;
  if (node.name === 'CallExpression') {
    const args = childOf(node, 'ArgList');
    const out: Mapping = {entries: [], spread: false};
    if (!args) return out;
    for (const [k, v] of keywordArgs(args, py)) out.entries.push([k, v, null]);
    return out;
  }
  const value = evaluate(node, ctx);
  if (value.t !== 'dict') return {entries: [], spread: true};
  const out: Mapping = {entries: [], spread: false};
  for (const e of dictEntries(value)) {
    if (e.spread) out.spread = true;
    else out.entries.push([e.key?.t === 'str' ? e.key.v : text(py, e.keyNode!), e.valueNode, e.key?.t === 'str' ? null : e.keyNode]);
  }
  return out;
}

function scalar(node: SyntaxNode, ctx: Ctx): {value: string; computed: boolean} {
  const v = evaluate(node, ctx);
  if (v.t === 'str') return {value: v.v, computed: false};
  if (v.t === 'num' || v.t === 'bool') return {value: String(v.v), computed: false};
  return {value: text(ctx.module.py, node), computed: true};
}

function stringList(node: SyntaxNode | undefined, ctx: Ctx, computed: string[], field: string): string[] {
  if (!node) return [];
  const v = evaluate(node, ctx);
  if (v.t === 'seq' && v.items.every((i) => i.t === 'str')) return v.items.map((i) => (i as {v: string}).v);
  computed.push(field);
  return [text(ctx.module.py, node)];
}

function buildService(name: string, node: SyntaxNode, keyNode: SyntaxNode | null, ctx: Ctx): PebbleService {
  const computed: string[] = keyNode ? ['name'] : [];
  const literal = resolveToLiteral(node, ctx);
  const fields = literal ? layerFields(literal, ctx) : null;
  const service: PebbleService = {name, command: null, environment: [], after: [], before: [], requires: [], computed, line: line(ctx.module.py, keyNode ?? node).line};
  if (!fields) {
    computed.push('definition');
    return service;
  }
  if (fields.spread) computed.push('definition');
  const set = (key: string, field: 'command' | 'summary' | 'startup' | 'override' | 'user' | 'workingDir'): void => {
    const n = fields.get(key);
    if (!n) return;
    const s = scalar(n, ctx);
    (service as unknown as Record<string, string>)[field] = s.value;
    if (s.computed) computed.push(field);
  };
  set('command', 'command');
  set('summary', 'summary');
  set('startup', 'startup');
  set('override', 'override');
  set('user', 'user');
  set('working-dir', 'workingDir');
  const env = fields.get('environment');
  if (env) {
    const envLiteral = resolveToLiteral(env, ctx);
    if (envLiteral?.name === 'DictionaryExpression') {
      const m = layerFieldsRaw(envLiteral, ctx);
      // Names only: values (often secrets) are never recorded.
      service.environment = m.entries.filter(([, , k]) => !k).map(([k]) => k);
      if (m.spread || m.entries.some(([, , k]) => k)) computed.push('environment');
    } else {
      computed.push('environment');
    }
  }
  service.after = stringList(fields.get('after'), ctx, computed, 'after');
  service.before = stringList(fields.get('before'), ctx, computed, 'before');
  service.requires = stringList(fields.get('requires'), ctx, computed, 'requires');
  return service;
}

function buildCheck(name: string, node: SyntaxNode, keyNode: SyntaxNode | null, ctx: Ctx): PebbleCheck {
  const computed: string[] = keyNode ? ['name'] : [];
  const check: PebbleCheck = {name, type: 'unknown', computed, line: line(ctx.module.py, keyNode ?? node).line};
  const literal = resolveToLiteral(node, ctx);
  const fields = literal ? layerFields(literal, ctx) : null;
  if (!fields) {
    computed.push('definition');
    return check;
  }
  const level = fields.get('level');
  if (level) {
    const s = scalar(level, ctx);
    check.level = s.value;
    if (s.computed) computed.push('level');
  }
  for (const type of ['http', 'tcp', 'exec']) {
    const body = fields.get(type);
    if (!body) continue;
    check.type = type;
    const inner = resolveToLiteral(body, ctx);
    const f = inner ? layerFields(inner, ctx) : null;
    const targetNode = f?.get(type === 'http' ? 'url' : type === 'tcp' ? 'port' : 'command');
    if (targetNode) {
      const s = scalar(targetNode, ctx);
      check.target = s.value;
      if (s.computed) computed.push('target');
    }
  }
  return check;
}

function buildLogTarget(name: string, node: SyntaxNode, keyNode: SyntaxNode | null, ctx: Ctx): PebbleLogTarget {
  const computed: string[] = keyNode ? ['name'] : [];
  const target: PebbleLogTarget = {name, services: [], computed, line: line(ctx.module.py, keyNode ?? node).line};
  const literal = resolveToLiteral(node, ctx);
  const fields = literal ? layerFields(literal, ctx) : null;
  if (!fields) return target;
  for (const key of ['type', 'location'] as const) {
    const n = fields.get(key);
    if (!n) continue;
    const s = scalar(n, ctx);
    target[key] = s.value;
    if (s.computed) computed.push(key);
  }
  target.services = stringList(fields.get('services'), ctx, computed, 'services');
  return target;
}

/**
 * Where layers are added: `container.add_layer(label, layer, ...)` with the container
 * from `get_container(NAME)`, `containers[NAME]`, or `event.workload` in a handler of a
 * container's pebble-ready event (`handlerContainers`: handler name -> container).
 */
export function layerPlacements(project: PythonProject, isCharmClass: (c: ClassInfo) => boolean, handlerContainers: ReadonlyMap<string, string>, charmOf?: (c: ClassInfo) => ClassInfo): LayerPlacements {
  const out: LayerPlacements = new Map();
  for (const module of project.sourceModules()) {
    const py = module.py;
    if (!py.file.text.includes('add_layer')) continue;
    py.tree.iterate({
      enter(ref) {
        const n = ref.node;
        if (n.name !== 'CallExpression') return;
        const callee = n.firstChild!;
        if (callee.name !== 'MemberExpression' || !/\.add_layer$/.test(text(py, callee))) return;
        const args = childOf(n, 'ArgList');
        const positional = args ? positionalArgs(args) : [];
        const layerArg = positional[1] ?? (args ? keywordArgs(args, py).get('layer') : undefined);
        if (!layerArg) return;
        let fnNode: SyntaxNode | null = null;
        for (let p = n.parent; p; p = p.parent) if (p.name === 'FunctionDefinition') {
          fnNode = p;
          break;
        }
        const fn = fnNode ? findFunction(module, fnNode) : undefined;
        const ctx = ctxOf(project, module, fn, isCharmClass, charmOf);
        const receiver = callee.firstChild!;
        const container = /^\w+\.workload$/.test(text(py, receiver)) && fn ? handlerContainers.get(fn.name) ?? null : containerOf(receiver, ctx);
        if (!container) return;
        const labelValue = positional[0] ? evaluate(positional[0], ctx) : null;
        const placement = {container, ...(labelValue?.t === 'str' ? {label: labelValue.v} : {})};
        for (const owner of [...layerOwners(layerArg, ctx), ...layerFiles(layerArg, ctx)]) if (!out.has(owner)) out.set(owner, placement);
      },
    });
  }
  return out;
}

/** Layer files a layer argument reads (`yaml.safe_load(LAYER_FILE.read_text())`): `file:<name>` keys from the string literals it or its constants hold. */
function layerFiles(node: SyntaxNode, ctx: Ctx): string[] {
  const out: string[] = [];
  const visitStrings = (n: SyntaxNode, mod: ModuleInfo, depth: number): void => {
    const cursor = n.cursor();
    do {
      const t = mod.py.file.text.slice(cursor.from, cursor.to);
      if (cursor.name === 'String') {
        const m = /([\w.-]+\.ya?ml)['"]$/.exec(t);
        if (m) out.push(`file:${m[1]}`);
      } else if (cursor.name === 'VariableName' && depth < 2) {
        const assigned = mod.assigns.get(t);
        if (assigned) visitStrings(assigned, mod, depth + 1);
      }
    } while (cursor.next() && cursor.from < n.to);
  };
  visitStrings(node, ctx.module, 0);
  return out;
}

function containerOf(node: SyntaxNode, ctx: Ctx): string | null {
  const py = ctx.module.py;
  let expr: SyntaxNode | null = node;
  // Follow a local variable or `self._container` to what it was assigned from.
  for (let hops = 0; expr && hops < 4; hops++) {
    const t = text(py, expr);
    const get = /get_container\(/.test(t) && expr.name === 'CallExpression' ? expr : null;
    if (get) {
      const args = childOf(get, 'ArgList');
      const first = args ? positionalArgs(args)[0] : undefined;
      const v = first ? evaluate(first, ctx) : null;
      return v?.t === 'str' ? v.v : null;
    }
    if (expr.name === 'MemberExpression' && kids(expr).some((c) => c.name === '[') && /containers$/.test(text(py, expr.firstChild!))) {
      const v = evaluate(kids(expr).filter((c) => !['[', ']'].includes(c.name))[1] ?? null, ctx);
      return v.t === 'str' ? v.v : null;
    }
    if (expr.name === 'VariableName' && ctx.fn?.body) {
      expr = lastAssignment(ctx.fn.body, t, py) ?? null;
      continue;
    }
    if (expr.name === 'MemberExpression' && /^self\.\w+$/.test(t) && ctx.cls) {
      const assigned = ctx.cls.selfAssignments.get(t.slice(5))?.[0];
      if (!assigned) return null;
      ctx = {...ctx, fn: assigned.fn};
      expr = assigned.value;
      continue;
    }
    return null;
  }
  return null;
}

function lastAssignment(body: SyntaxNode, name: string, py: ModuleInfo['py']): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  walkStatements(body, (stmt) => {
    if (stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    if (value && targets.some((t) => t.name === 'VariableName' && text(py, t) === name)) found = value;
  });
  return found;
}

/** Owners a layer argument may name: a builder call, a constant, a local variable, or an inline literal. */
function layerOwners(node: SyntaxNode, ctx: Ctx): string[] {
  const py = ctx.module.py;
  const t = text(py, node);
  if (node.name === 'CallExpression') {
    const callee = text(py, node.firstChild!);
    if (LAYER_CALL.test(callee)) {
      const args = childOf(node, 'ArgList');
      const first = args ? positionalArgs(args)[0] : undefined;
      return [`node:${py.file.path}:${node.from}`, ...(first ? layerOwners(first, ctx) : [])];
    }
    const m = /(\w+)$/.exec(callee);
    return m ? [`fn:${m[1]}`] : [];
  }
  if (node.name === 'DictionaryExpression') return [`node:${py.file.path}:${node.from}`];
  if (node.name === 'VariableName') {
    const local = ctx.fn?.body ? lastAssignment(ctx.fn.body, t, py) : undefined;
    if (local) return layerOwners(local, ctx);
    return [`const:${t}`];
  }
  if (node.name === 'MemberExpression') {
    const m = /(\w+)$/.exec(t);
    return m ? [`const:${m[1]}`, `fn:${m[1]}`] : [];
  }
  return [];
}
