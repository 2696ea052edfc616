/**
 * Paths charms build with the standard library: `PurePath("/etc/app") / "app.cfg"`, `Path(DIR, name)`,
 * `.parent`, `.name`, `.joinpath(...)`, `str(path)`, `os.path.join(...)`. Charms run on Linux, so
 * pathlib's POSIX rules apply. A path is a value of its own (`path`), not a string: Python keeps them
 * apart (`"a" + path` fails, `path == "a"` is False); `str(path)` and f-strings give its text.
 */
import {positionalArgs} from './arguments.js';
import {lookupName} from './lookup.js';
import {kids, type SyntaxNode, text} from './syntax.js';
import type {Ctx, Value} from './values.js';

/** pathlib's classes that build a path from segments (Windows ones would not join the same way). */
const PATH_CLASSES = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath']);

/** Methods of a path whose result is static when the path and the arguments are. */
const PATH_METHODS = new Set(['joinpath', 'as_posix', 'with_name', 'with_suffix', '__str__']);

/**
 * A call of the standard library that builds or prints a path: `Path(...)`, `os.path.join(...)`,
 * `os.path.dirname(...)`, `os.fspath(p)`, `str(p)`. `undefined` for any other call.
 */
export function pathCall(node: SyntaxNode, ctx: Ctx): Value | undefined {
  const callee = node.firstChild!;
  const name = qualifiedName(callee, ctx);
  if (!name) return undefined;
  const args = node.getChild('ArgList');
  const positional = args ? positionalArgs(args) : [];
  // Spreads and keywords (`Path(*parts)`, `str(x, encoding="utf-8")`) are not read: those calls stay unknown.
  if (args && kids(args).some((c) => c.name === '*' || c.name === '**' || c.name === 'AssignOp')) return undefined;
  if ((name === 'str' || name === 'os.fspath') && positional.length === 1) {
    const v = ctx.evaluate(positional[0]!, ctx);
    return v.t === 'path' ? {t: 'str', v: v.v} : undefined;
  }
  if (!PATH_CLASSES.has(name) && !name.startsWith('os.path.')) return undefined;
  const texts: string[] = [];
  for (const a of positional) {
    const v = ctx.evaluate(a, ctx);
    if (v.t !== 'str' && v.t !== 'path') return {t: 'unknown', expr: text(ctx.module.py, node)};
    texts.push(v.v);
  }
  if (PATH_CLASSES.has(name)) return {t: 'path', v: joinPure(texts)};
  const out = osPath(name.slice('os.path.'.length), texts);
  return out === undefined ? undefined : {t: 'str', v: out};
}

/** `left / right` where either is a path. */
export function pathDivide(left: Value, right: Value): Value | undefined {
  if (left.t !== 'path' && right.t !== 'path') return undefined;
  if ((left.t !== 'path' && left.t !== 'str') || (right.t !== 'path' && right.t !== 'str')) return undefined;
  return {t: 'path', v: joinPure([left.v, right.v])};
}

/** `path.attr`: a property's value, or a method to call; `undefined` for what is not read here. */
export function pathAttribute(owner: Value & {t: 'path'}, attr: string): Value | undefined {
  const {root, parts} = split(owner.v);
  const name = parts.at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  const suffix = dot > 0 && dot < name.length - 1 ? name.slice(dot) : '';
  switch (attr) {
    case 'name':
      return {t: 'str', v: name};
    case 'suffix':
      return {t: 'str', v: suffix};
    case 'stem':
      return {t: 'str', v: suffix ? name.slice(0, dot) : name};
    case 'parent':
      return {t: 'path', v: build(root, parts.slice(0, -1))};
    default:
      return PATH_METHODS.has(attr) ? {t: 'method', name: attr, owner} : undefined;
  }
}

/** `path.method(...)` with static arguments. */
export function pathMethodCall(owner: Value & {t: 'path'}, method: string, node: SyntaxNode, ctx: Ctx): Value {
  const args = node.getChild('ArgList');
  const values = (args ? positionalArgs(args) : []).map((a) => ctx.evaluate(a, ctx));
  const unknown: Value = {t: 'unknown', expr: text(ctx.module.py, node)};
  if (values.some((v) => v.t !== 'str' && v.t !== 'path')) return unknown;
  const texts = values.map((v) => (v as {v: string}).v);
  const {root, parts} = split(owner.v);
  switch (method) {
    case 'joinpath':
      return {t: 'path', v: joinPure([owner.v, ...texts])};
    case 'as_posix':
    case '__str__':
      return texts.length ? unknown : {t: 'str', v: owner.v};
    case 'with_name':
      return texts.length === 1 && parts.length && /^[^/]+$/.test(texts[0]!) && texts[0] !== '.'
        ? {t: 'path', v: build(root, [...parts.slice(0, -1), texts[0]!])}
        : unknown;
    case 'with_suffix': {
      const suffix = texts[0];
      const name = parts.at(-1);
      if (texts.length !== 1 || !name || (suffix !== '' && !/^\.[^/.]+$/.test(suffix!))) return unknown;
      const stem = pathAttribute(owner, 'stem') as {v: string};
      return {t: 'path', v: build(root, [...parts.slice(0, -1), stem.v + suffix])};
    }
    default:
      return unknown;
  }
}

/**
 * What a callee names in the standard library (`pathlib.Path`, `os.path.join`, `str`), read through
 * the module's imports; `undefined` when the name is the module's own, a parameter or a local.
 */
function qualifiedName(callee: SyntaxNode, ctx: Ctx): string | undefined {
  const written = text(ctx.module.py, callee).replace(/\s+/g, '');
  if (!/^\w+(\.\w+)*$/.test(written)) return undefined;
  const [head, ...rest] = written.split('.') as [string, ...string[]];
  const shadowed =
    ctx.env.has(head) ||
    (ctx.fn?.params.some((p) => p.name === head) ?? false) ||
    ctx.module.functions.has(head) ||
    ctx.module.classes.has(head) ||
    ctx.module.assigns.has(head);
  if (shadowed) return undefined;
  const binding = ctx.module.imports.get(head);
  if (!binding) return !rest.length && (head === 'str' || head === 'os') ? head : undefined;
  // `from pathlib import Path`: the class by its module, unless a local of the function rebinds it.
  if (binding.name !== undefined) {
    const v = lookupName(head, callee, ctx);
    return v.t === 'class' && v.ref.module === binding.module
      ? [binding.module, binding.name, ...rest].join('.')
      : undefined;
  }
  return [binding.module, ...rest].join('.');
}

/** `PurePosixPath(*segments)`: an absolute segment starts over; `.` and empty parts are dropped. */
function joinPure(segments: string[]): string {
  let joined = '';
  for (const s of segments) {
    if (!s) continue;
    joined = s.startsWith('/') || !joined ? s : `${joined}/${s}`;
  }
  const {root, parts} = split(joined);
  return build(root, parts);
}

function split(path: string): {root: string; parts: string[]} {
  // POSIX keeps exactly two leading slashes; one, or three and more, are the root `/`.
  const root = /^\/\/(?!\/)/.test(path) ? '//' : path.startsWith('/') ? '/' : '';
  return {root, parts: path.split('/').filter((p) => p && p !== '.')};
}

function build(root: string, parts: string[]): string {
  return root + parts.join('/') || '.';
}

/** `os.path.<fn>(*texts)` (posixpath), for the functions read here. */
function osPath(fn: string, texts: string[]): string | undefined {
  const [first, ...rest] = texts;
  if (first === undefined) return undefined;
  switch (fn) {
    case 'join': {
      let path = first;
      for (const b of rest) path = b.startsWith('/') ? b : !path || path.endsWith('/') ? path + b : `${path}/${b}`;
      return path;
    }
    case 'dirname':
    case 'basename': {
      if (rest.length) return undefined;
      const i = first.lastIndexOf('/') + 1;
      if (fn === 'basename') return first.slice(i);
      const head = first.slice(0, i);
      return head && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
    }
    default:
      return undefined;
  }
}
