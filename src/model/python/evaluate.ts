import {assignmentParts, walkStatements, type ClassInfo, type FunctionInfo, type ModuleInfo, type PythonProject} from './project.js';
import {kids, parts, stringValue, text, type SyntaxNode} from './syntax.js';

/** A class named in the source: defined in src/ or lib/ (info), or imported from elsewhere (module only). */
export interface ClassRef {
  name: string;
  module?: string;
  info?: ClassInfo;
}

/**
 * What an expression statically stands for. Anything the evaluator cannot
 * name is `unknown` and keeps its source text: never guessed.
 */
export type Value =
  | {t: 'str'; v: string}
  | {t: 'num'; v: number}
  | {t: 'bool'; v: boolean}
  | {t: 'none'}
  | {t: 'seq'; items: Value[]}
  | {t: 'dict'; node: SyntaxNode; ctx: Ctx}
  | {t: 'charm'; cls: ClassInfo}
  | {t: 'instance'; cls: ClassRef; expr: string; relation?: string; args?: SyntaxNode; argsCtx?: Ctx}
  /** One of several values (an attribute assigned differently in `if`/`else` branches). */
  | {t: 'alts'; items: Value[]}
  | {t: 'on'; owner: Value; expr: string}
  | {t: 'keyed-on'; key: string; expr: string}
  | {t: 'event'; attr: string; owner: Value; key?: string; expr: string}
  | {t: 'method'; name: string; fn?: FunctionInfo; owner: Value}
  | {t: 'module'; info: ModuleInfo}
  | {t: 'class'; ref: ClassRef}
  | {t: 'function'; fn: FunctionInfo}
  | {t: 'framework'}
  | {t: 'observe'}
  | {t: 'unknown'; expr: string};

/** Where an expression is evaluated: module, class, function and bindings (loop variables, parameters). */
export interface Ctx {
  project: PythonProject;
  module: ModuleInfo;
  cls?: ClassInfo;
  fn?: FunctionInfo;
  self: Value;
  env: ReadonlyMap<string, Value>;
  /** Classes that are charm classes: `self` in their methods is the charm. */
  isCharmClass: (cls: ClassInfo) => boolean;
  /** The charm class `self` is in a charm class's methods: the most derived one (a base's code sees the subclass's attributes). */
  charmOf?: (cls: ClassInfo) => ClassInfo;
  depth: number;
}

const MAX_DEPTH = 24;

/** `self` in a method of `cls`: the charm, an instance of a helper class, or unknown outside classes. */
export function selfFor(cls: ClassInfo | undefined, module: ModuleInfo, isCharmClass: (c: ClassInfo) => boolean, charmOf?: (c: ClassInfo) => ClassInfo): Value {
  if (!cls) return {t: 'unknown', expr: 'self'};
  if (isCharmClass(cls)) return {t: 'charm', cls: charmOf ? charmOf(cls) : cls};
  return {t: 'instance', cls: {name: cls.name, module: module.py.name, info: cls}, expr: 'self'};
}

export function unknown(ctx: Ctx, node: SyntaxNode): Value {
  return {t: 'unknown', expr: text(ctx.module.py, node)};
}

export function evaluate(node: SyntaxNode | null, ctx: Ctx): Value {
  if (!node) return {t: 'unknown', expr: ''};
  if (ctx.depth > MAX_DEPTH) return unknown(ctx, node);
  const inner: Ctx = {...ctx, depth: ctx.depth + 1};
  const py = ctx.module.py;
  switch (node.name) {
    case 'String':
    case 'ContinuedString': {
      const v = stringValue(py, node);
      return v === null ? unknown(ctx, node) : {t: 'str', v};
    }
    case 'FormatString':
      return evaluateFormatString(node, inner);
    case 'Number': {
      const v = Number(text(py, node).replace(/_/g, ''));
      return Number.isFinite(v) ? {t: 'num', v} : unknown(ctx, node);
    }
    case 'Boolean':
      return {t: 'bool', v: text(py, node) === 'True'};
    case 'None':
      return {t: 'none'};
    case 'ParenthesizedExpression': {
      const e = parts(node)[0];
      return e ? evaluate(e, inner) : unknown(ctx, node);
    }
    case 'TupleExpression':
    case 'ArrayExpression':
    case 'SetExpression':
      return {t: 'seq', items: parts(node).map((c) => evaluate(c, inner))};
    case 'DictionaryExpression':
      return {t: 'dict', node, ctx};
    case 'VariableName':
      return lookupName(text(py, node), node, inner);
    case 'MemberExpression':
      return evaluateMember(node, inner);
    case 'CallExpression':
      return evaluateCall(node, inner);
    case 'BinaryExpression': {
      const [a, op, b] = kids(node);
      if (a && b && op && (op.name === 'or' || op.name === 'and')) {
        // `names or DEFAULTS`: the right side when the left is None/empty; unknown stays unknown.
        const l = evaluate(a, inner);
        const falsy = l.t === 'none' || (l.t === 'str' && !l.v) || (l.t === 'seq' && !l.items.length) || (l.t === 'bool' && !l.v) || (l.t === 'num' && l.v === 0) || (l.t === 'dict' && dictEntries(l).length === 0);
        if (l.t === 'unknown' || l.t === 'alts') return unknown(ctx, node);
        if (op.name === 'or') return falsy ? evaluate(b, inner) : l;
        return falsy ? l : evaluate(b, inner);
      }
      if (a && b && op && text(py, op) === '+') {
        const l = evaluate(a, inner);
        const r = evaluate(b, inner);
        if (l.t === 'str' && r.t === 'str') return {t: 'str', v: l.v + r.v};
        if (l.t === 'num' && r.t === 'num') return {t: 'num', v: l.v + r.v};
        if (l.t === 'seq' && r.t === 'seq') return {t: 'seq', items: [...l.items, ...r.items]};
      }
      return unknown(ctx, node);
    }
    default:
      return unknown(ctx, node);
  }
}

function evaluateFormatString(node: SyntaxNode, ctx: Ctx): Value {
  // Only f-strings over constants become literal text; anything over state stays computed.
  const raw = text(ctx.module.py, node);
  const m = /^([rRfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!m) return unknown(ctx, node);
  let out = '';
  let cursor = node.from + m[1]!.length + m[2]!.length;
  const end = node.to - m[2]!.length;
  for (const rep of kids(node).filter((c) => c.name === 'FormatReplacement')) {
    out += ctx.module.py.file.text.slice(cursor, rep.from);
    const expr = parts(rep).find((c) => c.name !== 'FormatSpec' && c.name !== 'FormatConversion');
    const v = expr ? evaluate(expr, ctx) : null;
    if (!v || (v.t !== 'str' && v.t !== 'num')) return unknown(ctx, node);
    out += String(v.v);
    cursor = rep.to;
  }
  out += ctx.module.py.file.text.slice(cursor, end);
  return {t: 'str', v: out.replace(/\{\{/g, '{').replace(/\}\}/g, '}')};
}

/** Name lookup: bindings, then local assignments before the use, parameters, module, imports. */
export function lookupName(name: string, at: SyntaxNode, ctx: Ctx): Value {
  const bound = ctx.env.get(name);
  if (bound) return bound;
  if (ctx.fn?.body) {
    const local = lastLocalAssignment(ctx.fn.body, name, at.from, ctx);
    if (local) return evaluate(local, ctx);
    const param = ctx.fn.params.find((p) => p.name === name);
    if (param) {
      if (param === ctx.fn.params[0] && ctx.cls && !isStatic(ctx.fn)) return ctx.self;
      if (isCharmParam(param.name, param.annotation)) return charmValue(ctx) ?? {t: 'unknown', expr: name};
      if (param.default) return evaluate(param.default, {...ctx, env: new Map()});
      return {t: 'unknown', expr: name};
    }
  }
  return lookupModuleName(ctx.module, name, ctx);
}

function isStatic(fn: FunctionInfo): boolean {
  const dec = fn.node.parent?.name === 'DecoratedStatement' ? text(fn.module.py, fn.node.parent) : '';
  return /@staticmethod\b/.test(dec);
}

/** A helper's `charm` parameter: by name or by annotation (`charm: "MyCharm"`, `charm: ops.CharmBase`). */
export function isCharmParam(name: string, annotation?: string): boolean {
  return /^_?charm$/.test(name) || (annotation !== undefined && /Charm\b/.test(annotation) && !/Events?\b/.test(annotation));
}

function charmValue(ctx: Ctx): Value | undefined {
  for (const m of ctx.project.sourceModules()) {
    for (const c of m.classes.values()) if (ctx.isCharmClass(c)) return {t: 'charm', cls: c};
  }
  return undefined;
}

export function lookupModuleName(module: ModuleInfo, name: string, ctx: Ctx): Value {
  const cls = module.classes.get(name);
  if (cls) return {t: 'class', ref: {name, module: module.py.name, info: cls}};
  const fn = module.functions.get(name);
  if (fn) return {t: 'function', fn};
  const assigned = module.assigns.get(name);
  if (assigned) return evaluate(assigned, {...ctx, module, cls: undefined, fn: undefined, env: new Map(), self: {t: 'unknown', expr: name}});
  const imported = module.imports.get(name);
  if (imported) {
    // A CapWords name from a charm library not parsed yet: a class, resolved only when needed
    // (a large charm's lib/ is most of its Python; most library objects need no more than their name).
    if (imported.name && imported.module.startsWith('charms.') && /^[A-Z][a-z]\w*$/.test(imported.name) && !ctx.project.modules.has(imported.module)) {
      return {t: 'class', ref: {name: imported.name, module: imported.module}};
    }
    const target = ctx.project.resolveModule(imported.module, module);
    if (imported.name === undefined) return target ? {t: 'module', info: target} : {t: 'unknown', expr: name};
    if (target) {
      // `from pkg import mod` binds a submodule when pkg has no such name.
      if (!target.classes.has(imported.name) && !target.functions.has(imported.name) && !target.assigns.has(imported.name) && !target.imports.has(imported.name)) {
        const sub = ctx.project.resolveModule(`${imported.module}.${imported.name}`.replace(/^(\.+)\./, '$1'), module);
        if (sub) return {t: 'module', info: sub};
      }
      if (ctx.depth > MAX_DEPTH) return {t: 'unknown', expr: name};
      return lookupModuleName(target, imported.name, {...ctx, depth: ctx.depth + 1});
    }
    // Imported from outside the charm (ops, a package): a class reference by name.
    return {t: 'class', ref: {name: imported.name, module: imported.module}};
  }
  return {t: 'unknown', expr: name};
}

/** The value of the last `name = ...` in a function body before offset `before` (control flow is not modelled). */
function lastLocalAssignment(body: SyntaxNode, name: string, before: number, ctx: Ctx): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  walkStatements(body, (stmt) => {
    if (stmt.from >= before || stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    if (value && value.to <= before && targets.some((t) => t.name === 'VariableName' && text(ctx.module.py, t) === name)) found = value;
  });
  return found;
}

function evaluateMember(node: SyntaxNode, ctx: Ctx): Value {
  const py = ctx.module.py;
  const children = kids(node);
  const objectNode = children[0]!;
  const subscript = children.some((c) => c.name === '[');
  const owner = evaluate(objectNode, ctx);
  const expr = text(py, node);
  if (subscript) {
    const keyNode = parts(node)[1];
    const key = keyNode ? evaluate(keyNode, ctx) : null;
    if (owner.t === 'on' && owner.owner.t === 'charm') {
      const keys = key?.t === 'alts' ? key.items : key ? [key] : [];
      if (keys.length && keys.every((k) => k.t === 'str')) return alts(keys.map((k) => ({t: 'keyed-on', key: (k as {v: string}).v, expr})));
      return {t: 'unknown', expr};
    }
    if (owner.t === 'seq' && key?.t === 'num') return owner.items[key.v] ?? {t: 'unknown', expr};
    if (owner.t === 'dict' && key?.t === 'str') {
      const v = dictLookup(owner, key.v);
      if (v) return v;
    }
    return {t: 'unknown', expr};
  }
  const propNode = children.find((c) => c.name === 'PropertyName');
  if (!propNode) return {t: 'unknown', expr};
  return member(owner, text(py, propNode), expr, ctx);
}

/** `owner.attr`. */
export function member(owner: Value, attr: string, expr: string, ctx: Ctx): Value {
  switch (owner.t) {
    case 'alts':
      return alts(owner.items.map((o) => member(o, attr, expr, ctx)));
    case 'charm':
    case 'instance': {
      if (attr === 'framework') return {t: 'framework'};
      const info = owner.t === 'charm' ? owner.cls : attr === 'on' ? undefined : classInfo(owner.cls, ctx);
      if (attr === 'on') {
        if (owner.t === 'charm') return {t: 'on', owner, expr};
        // A helper's own `on` (custom events) or a library object's `on`.
        return {t: 'on', owner, expr};
      }
      if (info) {
        const found = attributeOf(info, attr, owner, ctx);
        if (found) return found;
      }
      // `Service(name="x", ...)`, `SimpleNamespace(peer="replicas")`: a keyword argument read back as an attribute.
      if (owner.t === 'instance' && owner.args && owner.argsCtx) {
        const kw = keywordArgs(owner.args, owner.argsCtx.module.py).get(attr);
        if (kw) return evaluate(kw, owner.argsCtx);
      }
      return {t: 'unknown', expr};
    }
    case 'on':
      return {t: 'event', attr, owner: owner.owner, expr};
    case 'keyed-on':
      return {t: 'event', attr, owner: {t: 'on', owner: {t: 'unknown', expr: ''}, expr: owner.expr}, key: owner.key, expr};
    case 'framework':
      return attr === 'observe' ? {t: 'observe'} : {t: 'unknown', expr};
    case 'module':
      return lookupModuleName(owner.info, attr, {...ctx, depth: ctx.depth + 1});
    case 'class': {
      const info = classInfo(owner.ref, ctx);
      const v = info?.attrs.get(attr);
      if (v && info) return evaluate(v, {...ctx, module: info.module, cls: info, fn: undefined, env: new Map(), depth: ctx.depth + 1});
      const method = info ? findMethod(info, attr, ctx) : undefined;
      if (method) return {t: 'method', name: attr, fn: method, owner};
      const nested = info?.nested.get(attr);
      if (nested) return {t: 'class', ref: {name: attr, module: nested.module.py.name, info: nested}};
      return {t: 'unknown', expr};
    }
    case 'str':
      // Enum members: `Relation.PEER.value` evaluates to the member's string.
      return attr === 'value' ? owner : {t: 'unknown', expr};
    default:
      return {t: 'unknown', expr};
  }
}

/** `self.x` on a charm or helper: a method, a class attribute, or the value assigned in a method. */
function attributeOf(info: ClassInfo, attr: string, owner: Value, ctx: Ctx): Value | undefined {
  const method = findMethod(info, attr, ctx);
  const assigned = findSelfAssignment(info, attr, ctx);
  if (assigned) {
    const [assignments, cls] = assigned;
    const values = assignments.map((a) => evaluate(a.value, {...ctx, module: cls.module, cls, fn: a.fn, self: owner, depth: ctx.depth + 1}));
    // `self.x = None` before the real assignment, or a value per branch of an `if`.
    const known = values.filter((v) => v.t !== 'unknown' && v.t !== 'none');
    if (known.length) return alts(known);
  }
  if (method) return {t: 'method', name: attr, fn: method, owner};
  // A class-level default (`_service_name = "app"`) when the instance value is not static.
  for (const cls of classChain(info, ctx)) {
    const v = cls.attrs.get(attr);
    if (!v) continue;
    const value = evaluate(v, {...ctx, module: cls.module, cls, fn: undefined, env: new Map(), depth: ctx.depth + 1});
    // `upgrade_done = EventSource(UpgradeDone)` on the object itself: observing it names an event.
    if (value.t === 'instance' && value.cls.name === 'EventSource') return {t: 'event', attr, owner, expr: attr};
    return value;
  }
  if (assigned) return {t: 'unknown', expr: attr};
  return undefined;
}

export function findMethod(info: ClassInfo, name: string, ctx: Ctx): FunctionInfo | undefined {
  for (const cls of classChain(info, ctx)) {
    const m = cls.methods.get(name);
    if (m) return m;
  }
  return undefined;
}

function findSelfAssignment(info: ClassInfo, attr: string, ctx: Ctx): [Array<{value: SyntaxNode; fn: FunctionInfo}>, ClassInfo] | undefined {
  for (const cls of classChain(info, ctx)) {
    const list = cls.selfAssignments.get(attr);
    if (list?.length) {
      // Prefer assignments in __init__: they name the object for the charm's life.
      const init = list.filter((a) => a.fn.name === '__init__');
      return [init.length ? init : [list[0]!], cls];
    }
  }
  return undefined;
}

/** Collapses equal alternatives; a single one is itself. */
export function alts(values: Value[]): Value {
  const flat = values.flatMap((v) => (v.t === 'alts' ? v.items : [v]));
  const unique: Value[] = [];
  for (const v of flat) if (!unique.some((u) => sameValue(u, v))) unique.push(v);
  return unique.length === 1 ? unique[0]! : {t: 'alts', items: unique};
}

function sameValue(a: Value, b: Value): boolean {
  if (a.t !== b.t) return false;
  if ((a.t === 'str' || a.t === 'num' || a.t === 'bool') && 'v' in b) return a.v === b.v;
  if (a.t === 'charm' && b.t === 'charm') return a.cls === b.cls;
  return a === b;
}

/** The class and its bases that are defined in the charm's source or lib/ (method resolution order, roughly). */
export function classChain(info: ClassInfo, ctx: Ctx): ClassInfo[] {
  const out: ClassInfo[] = [];
  const visit = (c: ClassInfo, depth: number): void => {
    if (out.includes(c) || depth > 8) return;
    out.push(c);
    for (const b of c.baseNodes) {
      const v = evaluate(b, {...ctx, module: c.module, cls: undefined, fn: undefined, env: new Map(), depth: ctx.depth + 1});
      const base = v.t === 'class' ? classInfo(v.ref, ctx) : undefined;
      if (base) visit(base, depth + 1);
    }
  };
  visit(info, 0);
  return out;
}

function evaluateCall(node: SyntaxNode, ctx: Ctx): Value {
  const callee = node.firstChild!;
  // `getattr(obj, "name")` with a constant name is `obj.name`.
  if (callee.name === 'VariableName' && text(ctx.module.py, callee) === 'getattr') {
    const args = node.getChild('ArgList');
    const [objectNode, nameNode] = args ? positionalArgs(args) : [];
    const attr = nameNode ? evaluate(nameNode, ctx) : null;
    if (objectNode && attr?.t === 'str') return member(evaluate(objectNode, ctx), attr.v, text(ctx.module.py, node), ctx);
    if (objectNode && attr?.t === 'alts' && attr.items.every((a) => a.t === 'str')) {
      const owner = evaluate(objectNode, ctx);
      return alts(attr.items.map((a) => member(owner, (a as {v: string}).v, text(ctx.module.py, node), ctx)));
    }
    return {t: 'unknown', expr: text(ctx.module.py, node)};
  }
  const fnValue = evaluate(callee, ctx);
  const expr = text(ctx.module.py, node);
  if (fnValue.t === 'class') {
    const args = node.getChild('ArgList');
    return {t: 'instance', cls: fnValue.ref, expr, ...relationOf(fnValue.ref, args, ctx), ...(args ? {args, argsCtx: ctx} : {})};
  }
  if (callee.name === 'MemberExpression') {
    const prop = callee.getChild('PropertyName');
    const objectNode = callee.firstChild!;
    const method = prop ? text(ctx.module.py, prop) : '';
    if (method === 'items' || method === 'keys' || method === 'values' || method === 'get') {
      const obj = evaluate(objectNode, ctx);
      if (obj.t === 'dict') {
        const items = dictItems(obj);
        if (items.t !== 'seq') return items;
        const pairs = items.items as Array<{t: 'seq'; items: Value[]}>;
        if (method === 'items') return items;
        if (method === 'keys') return {t: 'seq', items: pairs.map((p) => p.items[0]!)};
        if (method === 'values') return {t: 'seq', items: pairs.map((p) => p.items[1]!)};
        const args = node.getChild('ArgList');
        const [keyNode, defaultNode] = args ? positionalArgs(args) : [];
        const key = keyNode ? evaluate(keyNode, ctx) : null;
        if (key?.t !== 'str') return {t: 'unknown', expr};
        const hit = pairs.find((p) => p.items[0]?.t === 'str' && (p.items[0] as {v: string}).v === key.v);
        return hit ? hit.items[1]! : defaultNode ? evaluate(defaultNode, ctx) : {t: 'none'};
      }
    }
    if (STRING_METHODS.has(method)) {
      const obj = evaluate(objectNode, ctx);
      if (obj.t === 'str') {
        const args = node.getChild('ArgList');
        const values = args ? positionalArgs(args).map((a) => evaluate(a, ctx)) : [];
        if (values.every((v) => v.t === 'str')) {
          const a = values.map((v) => (v as {v: string}).v);
          switch (method) {
            case 'replace':
              if (a.length === 2) return {t: 'str', v: obj.v.split(a[0]!).join(a[1]!)};
              break;
            case 'lower':
              return {t: 'str', v: obj.v.toLowerCase()};
            case 'upper':
              return {t: 'str', v: obj.v.toUpperCase()};
            case 'strip':
              return {t: 'str', v: a.length ? obj.v : obj.v.trim()};
          }
        }
      }
    }
  }
  return {t: 'unknown', expr};
}

/** String methods whose result is still a constant when applied to a constant. */
const STRING_METHODS = new Set(['replace', 'lower', 'upper', 'strip']);

const RELATION_KWARGS = ['relation_name', 'relation', 'endpoint', 'endpoint_name', 'relationship_name'];

/** The relation a library object is bound to: a keyword, a second positional string, or the class's parameter default. */
function relationOf(ref: ClassRef, args: SyntaxNode | null, ctx: Ctx): {relation?: string} {
  const py = ctx.module.py;
  if (args) {
    const items = kids(args);
    for (let i = 0; i < items.length; i++) {
      const c = items[i]!;
      if (c.name === 'VariableName' && items[i + 1]?.name === 'AssignOp' && RELATION_KWARGS.includes(text(py, c))) {
        const v = evaluate(items[i + 2] ?? null, ctx);
        if (v.t === 'str') return {relation: v.v};
      }
    }
    const positional = positionalArgs(args);
    if (positional[1]) {
      const v = evaluate(positional[1], ctx);
      if (v.t === 'str') return {relation: v.v};
    }
  }
  const info = classInfo(ref, ctx);
  const init = info ? findMethod(info, '__init__', ctx) : undefined;
  const param = init?.params.find((p) => RELATION_KWARGS.includes(p.name));
  if (param?.default && init) {
    const v = evaluate(param.default, {...ctx, module: init.module, cls: init.cls, fn: undefined, env: new Map(), depth: ctx.depth + 1});
    if (v.t === 'str') return {relation: v.v};
  }
  return {};
}

/** The parsed class behind a reference, parsing its library module on first need. */
export function classInfo(ref: ClassRef, ctx: Ctx): ClassInfo | undefined {
  if (ref.info) return ref.info;
  if (!ref.module) return undefined;
  const mod = ctx.project.resolveModule(ref.module, ctx.module);
  if (!mod) return undefined;
  const v = lookupModuleName(mod, ref.name, {...ctx, module: mod, depth: ctx.depth + 1});
  ref.info = v.t === 'class' && v.ref !== ref ? classInfo(v.ref, ctx) : undefined;
  return ref.info;
}

/** Positional arguments of a call (keyword arguments and `*`/`**` spreads left out). */
export function positionalArgs(args: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const items = kids(args);
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    if (c.name === '(' || c.name === ')' || c.name === ',' || c.name === 'Comment') continue;
    if (items[i + 1]?.name === 'AssignOp') {
      i += 2;
      continue;
    }
    if (c.name === '*' || c.name === '**') {
      i += 1;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Keyword arguments of a call by name. */
export function keywordArgs(args: SyntaxNode, py: ModuleInfo['py']): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  const items = kids(args);
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    if (c.name === 'VariableName' && items[i + 1]?.name === 'AssignOp' && items[i + 2]) out.set(text(py, c), items[i + 2]!);
  }
  return out;
}

export interface DictEntry {
  key: Value | null;
  keyNode: SyntaxNode | null;
  valueNode: SyntaxNode;
  /** `**spread` entries have no key. */
  spread: boolean;
}

export function dictEntries(dict: Extract<Value, {t: 'dict'}>): DictEntry[] {
  const items = kids(dict.node).filter((c) => !['{', '}', ',', ':', 'Comment'].includes(c.name));
  const out: DictEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    if (c.name === '**') {
      const v = items[i + 1];
      if (v) out.push({key: null, keyNode: null, valueNode: v, spread: true});
      i += 1;
      continue;
    }
    const v = items[i + 1];
    if (!v) break;
    out.push({key: evaluate(c, dict.ctx), keyNode: c, valueNode: v, spread: false});
    i += 1;
  }
  return out;
}

function dictLookup(dict: Extract<Value, {t: 'dict'}>, key: string): Value | undefined {
  const entry = dictEntries(dict).find((e) => e.key?.t === 'str' && e.key.v === key);
  return entry ? evaluate(entry.valueNode, dict.ctx) : undefined;
}

function dictItems(dict: Extract<Value, {t: 'dict'}>): Value {
  const entries = dictEntries(dict);
  if (entries.some((e) => e.spread)) return {t: 'unknown', expr: text(dict.ctx.module.py, dict.node)};
  return {t: 'seq', items: entries.map((e) => ({t: 'seq', items: [e.key ?? {t: 'unknown', expr: ''}, evaluate(e.valueNode, dict.ctx)]}))};
}
