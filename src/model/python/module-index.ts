/** Indexing one parsed module: its imports, constants, classes (methods, attributes, `self.x = ...`) and functions. */
import {childOf, kids, parts, text, type PyModule, type SyntaxNode} from './syntax.js';
import {docstringOf} from './strings.js';
import type {ClassInfo, FunctionInfo, ImportBinding, ModuleInfo, ParamInfo} from './module-info.js';

export function moduleNameOf(path: string, root: string): string {
  const rel = root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  return rel
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .split('/')
    .join('.');
}

export function indexModule(py: PyModule, origin: 'src' | 'lib'): ModuleInfo {
  const info: ModuleInfo = {
    py,
    origin,
    imports: new Map(),
    assigns: new Map(),
    classes: new Map(),
    functions: new Map(),
  };
  const top = py.tree.topNode;
  for (const stmt of statementsOf(top)) {
    indexStatement(info, stmt);
  }
  return info;
}

/** Statements of a block, looking through `if`/`try`/`with` blocks (module constants are often guarded). */
export function statementsOf(block: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of kids(block)) {
    if (c.name === 'IfStatement' || c.name === 'TryStatement' || c.name === 'WithStatement') {
      for (const b of kids(c)) if (b.name === 'Body') out.push(...statementsOf(b));
    } else {
      out.push(c);
    }
  }
  return out;
}

/** Adds what one top-level statement defines to the module's index (a later definition of a name replaces an earlier one). */
export function indexStatement(info: ModuleInfo, stmt: SyntaxNode): void {
  const py = info.py;
  if (stmt.name === 'ImportStatement') {
    for (const [local, binding] of parseImport(text(py, stmt))) info.imports.set(local, binding);
  } else if (stmt.name === 'AssignStatement') {
    const [targets, value] = assignmentParts(stmt);
    if (value) for (const t of targets) if (t.name === 'VariableName') info.assigns.set(text(py, t), value);
  } else if (stmt.name === 'ClassDefinition') {
    const cls = indexClass(info, stmt);
    info.classes.set(cls.name, cls);
  } else if (stmt.name === 'FunctionDefinition') {
    const fn = indexFunction(info, stmt);
    info.functions.set(fn.name, fn);
  } else if (stmt.name === 'DecoratedStatement') {
    const inner = childOf(stmt, 'ClassDefinition') ?? childOf(stmt, 'FunctionDefinition');
    if (inner) indexStatement(info, inner);
  }
}

/**
 * `import a.b as c, d` / `from .x import (y as z, w)`. The statement node is already
 * delimited by the parser; these few regular expressions only split its names.
 */
export function parseImport(source: string): Array<[string, ImportBinding]> {
  const flat = source
    .replace(/\\\r?\n/g, ' ')
    .replace(/#[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const from = /^from (\S+) import \(?(.*?)\)?$/.exec(flat);
  const out: Array<[string, ImportBinding]> = [];
  if (from) {
    for (const part of from[2]!.split(',')) {
      const m = /^\s*([\w*]+)(?: as (\w+))?\s*$/.exec(part);
      if (m && m[1] !== '*') out.push([m[2] ?? m[1]!, {module: from[1]!, name: m[1]!}]);
    }
    return out;
  }
  const imp = /^import (.*)$/.exec(flat);
  if (imp) {
    for (const part of imp[1]!.split(',')) {
      const m = /^\s*([\w.]+)(?: as (\w+))?\s*$/.exec(part);
      if (!m) continue;
      // `import a.b` binds `a`; `import a.b as c` binds `c` to a.b.
      if (m[2]) out.push([m[2], {module: m[1]!}]);
      else out.push([m[1]!.split('.')[0]!, {module: m[1]!.split('.')[0]!}]);
    }
  }
  return out;
}

/** Targets and value of `a = b = value` / `x: T = value`. */
export function assignmentParts(stmt: SyntaxNode): [SyntaxNode[], SyntaxNode | null] {
  const children = kids(stmt);
  const ops = children.map((c, i) => (c.name === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
  if (ops.length === 0) return [[], null];
  const last = ops[ops.length - 1]!;
  const value = children.slice(last + 1).find((c) => c.name !== 'Comment') ?? null;
  const targets = children
    .slice(0, last)
    .filter((c) => c.name !== 'AssignOp' && c.name !== 'TypeDef' && c.name !== ',');
  // `a, b = ...` keeps the comma-separated names as targets (unpacking is not modelled).
  return [targets, value];
}

function indexClass(module: ModuleInfo, node: SyntaxNode): ClassInfo {
  const py = module.py;
  const nameNode = childOf(node, 'VariableName');
  const argList = childOf(node, 'ArgList');
  const baseNodes = argList
    ? parts(argList).filter((c) => c.name !== 'VariableName' || c.nextSibling?.name !== 'AssignOp')
    : [];
  // Drop `metaclass=X` keyword pairs.
  const bases = baseNodes.filter(
    (b, i) => !(baseNodes[i + 1]?.name === 'AssignOp') && b.prevSibling?.name !== 'AssignOp',
  );
  const cls: ClassInfo = {
    name: nameNode ? text(py, nameNode) : '?',
    node,
    module,
    bases: bases.map((b) => text(py, b)),
    baseNodes: bases,
    methods: new Map(),
    attrs: new Map(),
    selfAssignments: new Map(),
    nested: new Map(),
  };
  const body = childOf(node, 'Body');
  if (!body) return cls;
  for (const stmt of statementsOf(body)) {
    const fnNode =
      stmt.name === 'FunctionDefinition'
        ? stmt
        : stmt.name === 'DecoratedStatement'
          ? childOf(stmt, 'FunctionDefinition')
          : null;
    if (fnNode) {
      const fn = indexFunction(module, fnNode, cls);
      cls.methods.set(fn.name, fn);
      collectSelfAssignments(cls, fn);
    } else if (stmt.name === 'AssignStatement') {
      const [targets, value] = assignmentParts(stmt);
      if (value) for (const t of targets) if (t.name === 'VariableName') cls.attrs.set(text(py, t), value);
    } else if (stmt.name === 'ClassDefinition') {
      const inner = indexClass(module, stmt);
      cls.nested.set(inner.name, inner);
    }
  }
  return cls;
}

function indexFunction(module: ModuleInfo, node: SyntaxNode, cls?: ClassInfo): FunctionInfo {
  const py = module.py;
  const nameNode = childOf(node, 'VariableName');
  const body = childOf(node, 'Body');
  const fn: FunctionInfo = {
    name: nameNode ? text(py, nameNode) : '?',
    node,
    body,
    params: paramsOf(py, childOf(node, 'ParamList')),
    module,
    ...(cls ? {cls} : {}),
  };
  // Read on first use: few functions are handlers, and a large lib/ has thousands of docstrings.
  let doc: string | undefined | null = null;
  Object.defineProperty(fn, 'doc', {
    enumerable: true,
    get: () => (doc === null ? (doc = docstringOf(py, body)) : doc),
  });
  return fn;
}

/** The parameters a `ParamList` declares, with their defaults, annotations and stars. */
export function paramsOf(py: PyModule, list: SyntaxNode | null): ParamInfo[] {
  if (!list) return [];
  const out: ParamInfo[] = [];
  let star: '*' | '**' | undefined;
  let current: ParamInfo | null = null;
  let expectDefault = false;
  for (const c of kids(list)) {
    if (c.name === '*' || c.name === '**') star = c.name;
    else if (c.name === 'VariableName' && !expectDefault) {
      current = {name: text(py, c), ...(star ? {star} : {})};
      star = undefined;
      out.push(current);
    } else if (c.name === 'TypeDef' && current) current.annotation = text(py, c).replace(/^:\s*/, '');
    else if (c.name === 'AssignOp') expectDefault = true;
    else if (c.name === ',' || c.name === ')') {
      // A bare `*` (keyword-only marker) binds no name.
      expectDefault = false;
      star = undefined;
    } else if (expectDefault && current) {
      current.default = c;
      expectDefault = false;
    }
  }
  return out;
}

function collectSelfAssignments(cls: ClassInfo, fn: FunctionInfo): void {
  if (!fn.body) return;
  const py = cls.module.py;
  const selfName = fn.params[0]?.name ?? 'self';
  walkStatements(fn.body, (stmt) => {
    if (stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    if (!value) return;
    for (const t of targets) {
      if (t.name !== 'MemberExpression') continue;
      const m = /^(\w+)\.(\w+)$/.exec(text(py, t));
      if (m?.[1] === selfName) {
        const list = cls.selfAssignments.get(m[2]!) ?? [];
        list.push({value, fn});
        cls.selfAssignments.set(m[2]!, list);
      }
    }
  });
}

/** Visits every statement of a function body, not entering nested functions or classes. */
export function walkStatements(body: SyntaxNode, visit: (stmt: SyntaxNode) => void): void {
  for (const c of kids(body)) {
    if (c.name === 'FunctionDefinition' || c.name === 'ClassDefinition' || c.name === 'DecoratedStatement') continue;
    visit(c);
    for (const b of kids(c)) if (b.name === 'Body' || b.name.endsWith('Clause')) walkStatements(b, visit);
  }
}

const functionIndex = new WeakMap<ModuleInfo, {generation: number; index: Map<number, FunctionInfo>}>();

/** The function or method whose `def` starts at `from` (an index built once per module, again when a lazy module parsed more). */
export function functionDefinedAt(module: ModuleInfo, from: number): FunctionInfo | undefined {
  const lazy = module.lazy;
  lazy?.needAt(from);
  const generation = lazy?.generation ?? 0;
  let cached = functionIndex.get(module);
  if (cached?.generation !== generation) {
    const index = new Map<number, FunctionInfo>();
    // A lazy module's parsed entries only: iterating its maps would parse the whole file.
    for (const f of lazy ? lazy.parsedFunctions() : module.functions.values()) index.set(f.node.from, f);
    for (const c of lazy ? lazy.parsedClasses() : module.classes.values())
      for (const m of c.methods.values()) if (!index.has(m.node.from)) index.set(m.node.from, m);
    cached = {generation, index};
    functionIndex.set(module, cached);
  }
  return cached.index.get(from);
}
