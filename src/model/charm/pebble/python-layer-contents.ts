/** A Pebble layer built in Python (dict literal, `ops.pebble.Layer(...)`): its services, checks and log targets. */
import type {PebbleCheck, PebbleLayer, PebbleLogTarget, PebbleService} from '../../types.js';
import {evaluate} from '../../python/evaluate.js';
import {type Ctx} from '../../python/values.js';
import {line, text, type SyntaxNode} from '../../python/syntax.js';
import {layerFields, mappingOf, resolveToLiteral, scalar, stringList} from './python-layer-fields.js';
import {laterMutations, variableOf} from './dict-mutations.js';
import {definitionOf} from './returns.js';

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
    for (const [name, node, keyNode] of mapping.entries)
      layer.services.push(buildService(name, node, keyNode, mapping.ctx ?? ctx));
  }
  const checks = fields.get('checks');
  if (checks) {
    const mapping = mappingOf(checks, ctx);
    if (mapping.spread) layer.computed = true;
    for (const [name, node, keyNode] of mapping.entries)
      layer.checks.push(buildCheck(name, node, keyNode, mapping.ctx ?? ctx));
  }
  const targets = fields.get('log-targets');
  if (targets) {
    const mapping = mappingOf(targets, ctx);
    for (const [name, node, keyNode] of mapping.entries)
      layer.logTargets.push(buildLogTarget(name, node, keyNode, mapping.ctx ?? ctx));
  }
  return layer;
}

function buildService(name: string, written: SyntaxNode, keyNode: SyntaxNode | null, at: Ctx): PebbleService {
  const computed: string[] = keyNode ? ['name'] : [];
  const {node, ctx} = definitionOf(written, at);
  const literal = resolveToLiteral(node, ctx);
  const fields = literal && !opaqueCall(literal, ctx) ? layerFields(literal, ctx) : null;
  const service: PebbleService = {
    name,
    command: null,
    environment: [],
    after: [],
    before: [],
    requires: [],
    computed,
    line: line(at.module.py, keyNode ?? written).line,
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
    // `env = {}; env["HTTP_PROXY"] = ...` and `"environment": self._environment()` count too (mappingOf).
    const m = mappingOf(env, ctx);
    // Names only: values (often secrets) are never recorded.
    service.environment = m.entries.filter(([, , k]) => !k).map(([k]) => k);
    if (m.spread || m.entries.some(([, , k]) => k)) computed.push('environment');
  }
  service.after = stringList(fields.get('after'), ctx, computed, 'after');
  service.before = stringList(fields.get('before'), ctx, computed, 'before');
  service.requires = stringList(fields.get('requires'), ctx, computed, 'requires');
  return service;
}

function buildCheck(name: string, written: SyntaxNode, keyNode: SyntaxNode | null, at: Ctx): PebbleCheck {
  const computed: string[] = keyNode ? ['name'] : [];
  const check: PebbleCheck = {name, type: 'unknown', computed, line: line(at.module.py, keyNode ?? written).line};
  const {node, ctx} = definitionOf(written, at);
  const literal = resolveToLiteral(node, ctx);
  const fields = literal && !opaqueCall(literal, ctx) ? layerFields(literal, ctx) : null;
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
  const fields = literal && !opaqueCall(literal, ctx) ? layerFields(literal, ctx) : null;
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

/** Calls that build a definition from keywords: `ServiceDict(...)`, `CheckDict(...)`, `dict(...)`, `Service(...)`. */
const DEFINITION_CALL = /(^|\.)(\w*Dict|dict|Service|Check|LogTarget)$/;

/** A call of anything else (a helper the model could not follow): its arguments are no definition. */
function opaqueCall(node: SyntaxNode, ctx: Ctx): boolean {
  return node.name === 'CallExpression' && !DEFINITION_CALL.test(text(ctx.module.py, node.firstChild!));
}
