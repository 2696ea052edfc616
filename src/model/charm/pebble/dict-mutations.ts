/**
 * What a function does to a dict after building it: `layer["checks"] = {...}`,
 * `layer.update({...})`, `services[name] = {...}` (in a loop or not). Those entries belong to
 * the same dict, not to a second one; a key computed at runtime is kept as its source text.
 */
import {evaluate} from '../../python/evaluate.js';
import {dictEntries} from '../../python/dicts.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {assignmentParts, walkStatements} from '../../python/module-index.js';
import {kids, parts, text, type SyntaxNode} from '../../python/syntax.js';

export interface DictMutation {
  /** The key when it is a constant string, else null (`keyNode` holds its source). */
  key: string | null;
  keyNode: SyntaxNode | null;
  value: SyntaxNode;
}

/** The local variable a dict literal is assigned to in the function being read, if any. */
export function variableOf(literal: SyntaxNode, ctx: Ctx): string | undefined {
  let name: string | undefined;
  if (!ctx.fn?.body) return undefined;
  walkStatements(ctx.fn.body, (stmt) => {
    if (name || stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    const target = targets.length === 1 ? targets[0] : undefined;
    if (value?.from === literal.from && target?.name === 'VariableName') name = text(ctx.module.py, target);
  });
  return name;
}

/** Entries added to the local dict `name` after `after` (an offset) in the function being read. */
export function laterMutations(name: string, after: number, ctx: Ctx): DictMutation[] {
  const out: DictMutation[] = [];
  if (!ctx.fn?.body) return out;
  const py = ctx.module.py;
  walkStatements(ctx.fn.body, (stmt) => {
    if (stmt.from < after) return;
    if (stmt.name === 'AssignStatement') {
      const [targets, value] = assignmentParts(stmt);
      for (const t of targets) {
        const c = kids(t);
        if (!value || t.name !== 'MemberExpression' || !c.some((k) => k.name === '[') || text(py, c[0]!) !== name)
          continue;
        const keyNode = parts(t)[1] ?? null;
        const key = keyNode ? evaluate(keyNode, ctx) : null;
        out.push({key: key?.t === 'str' ? key.v : null, keyNode: key?.t === 'str' ? null : keyNode, value});
      }
      return;
    }
    const call = stmt.name === 'ExpressionStatement' ? stmt.firstChild : null;
    if (call?.name !== 'CallExpression' || text(py, call.firstChild!) !== `${name}.update`) return;
    const args = call.getChild('ArgList');
    if (!args) return;
    for (const [k, v] of keywordArgs(args, py)) out.push({key: k, keyNode: null, value: v});
    const first = positionalArgs(args)[0];
    const dict = first ? evaluate(first, ctx) : null;
    if (dict?.t !== 'dict') {
      if (first) out.push({key: null, keyNode: first, value: first});
      return;
    }
    for (const e of dictEntries(dict))
      out.push(
        e.key?.t === 'str'
          ? {key: e.key.v, keyNode: null, value: e.valueNode}
          : {key: null, keyNode: e.keyNode ?? e.valueNode, value: e.valueNode},
      );
  });
  return out;
}
