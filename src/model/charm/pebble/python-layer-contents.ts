import type {PebbleCheck, PebbleLayer, PebbleLogTarget, PebbleService} from '../../types.js';
import {evaluate} from '../../python/evaluate.js';
import {lookupName} from '../../python/lookup.js';
import {dictEntries} from '../../python/dicts.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {childOf, kids, line, text, type SyntaxNode} from '../../python/syntax.js';
import {laterMutations, variableOf} from './dict-mutations.js';

/** A layer's services, checks and log targets, literal where the source is literal, marked computed elsewhere. */
export function buildLayer(node: SyntaxNode, ctx: Ctx): PebbleLayer {
  const py = ctx.module.py;
  const pos = line(py, node);
  const layer: PebbleLayer = {
    file: py.file.path,
    line: pos.line,
    column: pos.column,
    container: null,
    origin: 'python',
    services: [],
    checks: [],
    logTargets: [],
    computed: false,
  };
  const fields = layerFields(node, ctx);
  if (!fields) {
    layer.computed = true;
    return layer;
  }
  if (fields.spread) layer.computed = true;
  // `layer["checks"] = {...}` / `layer.update({...})` after the dict is built update this layer.
  const name = node.name === 'DictionaryExpression' ? variableOf(node, ctx) : undefined;
  for (const m of name ? laterMutations(name, node.to, ctx) : []) {
    if (m.key === null) layer.computed = true;
    else fields.set(m.key, m.value);
  }
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
    for (const [name, node, keyNode] of mapping.entries)
      layer.logTargets.push(buildLogTarget(name, node, keyNode, ctx));
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
  const raw = pebbleObjectDict(node, ctx);
  if (raw !== undefined) return raw;
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

/**
 * `SERVICE.to_dict()` where `SERVICE = ops.pebble.Service(name, raw={...})` (or `Check`, `LogTarget`):
 * the dict is the `raw` argument. Undefined when `node` is no `.to_dict()` call; null (computed)
 * when the object or its `raw` cannot be followed in this module.
 */
function pebbleObjectDict(node: SyntaxNode, ctx: Ctx): SyntaxNode | null | undefined {
  const callee = node.name === 'CallExpression' ? node.firstChild : null;
  const args = node.getChild('ArgList');
  if (
    callee?.name !== 'MemberExpression' ||
    !text(ctx.module.py, callee).endsWith('.to_dict') ||
    (args && kids(args).length > 2)
  )
    return undefined;
  const owner = evaluate(callee.firstChild, ctx);
  if (
    owner.t !== 'instance' ||
    !/^(Service|Check|LogTarget)$/.test(owner.cls.name) ||
    !owner.args ||
    owner.argsCtx?.module !== ctx.module
  )
    return null;
  const rawNode = keywordArgs(owner.args, ctx.module.py).get('raw') ?? positionalArgs(owner.args)[1];
  return rawNode ? resolveToLiteral(rawNode, ctx) : null;
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
  // `services[f"worker-{i}"] = {...}` after `services = {}`: entries of this mapping, a computed key kept as written.
  const name = literal.name === 'DictionaryExpression' ? variableOf(literal, ctx) : undefined;
  for (const m of name ? laterMutations(name, literal.to, ctx) : []) {
    if (m.key !== null) fields.entries.push([m.key, m.value, null]);
    else if (m.keyNode) {
      fields.entries.push([text(ctx.module.py, m.keyNode), m.value, m.keyNode]);
      fields.spread = true;
    }
  }
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
    else
      out.entries.push([
        e.key?.t === 'str' ? e.key.v : text(py, e.keyNode!),
        e.valueNode,
        e.key?.t === 'str' ? null : e.keyNode,
      ]);
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
  const service: PebbleService = {
    name,
    command: null,
    environment: [],
    after: [],
    before: [],
    requires: [],
    computed,
    line: line(ctx.module.py, keyNode ?? node).line,
  };
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
