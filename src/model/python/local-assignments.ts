/**
 * Where a function assigns each local name: the statement and the value expression, indexed once
 * per function (reaching.ts walks these instead of re-reading the body for every lookup).
 */
import type {FunctionInfo} from './module-info.js';
import {assignmentParts} from './module-index.js';
import {type SyntaxNode, kids, text} from './syntax.js';

/** An assignment's value expression; `unknown` for `x += ...` and `a, b = ...`; `outer` for the name's value on entry. */
export type Def = SyntaxNode | 'unknown' | 'outer';

export interface Assignment {
  stmt: SyntaxNode;
  def: Def;
}

/** Per function: each local name's assignments (nested functions and classes aside), in source order. */
const assignmentIndex = new WeakMap<FunctionInfo, Map<string, Assignment[]>>();

export const SCOPES = new Set(['FunctionDefinition', 'ClassDefinition', 'DecoratedStatement']);

export function assignmentsOf(fn: FunctionInfo, body: SyntaxNode): Map<string, Assignment[]> {
  let index = assignmentIndex.get(fn);
  if (index) return index;
  const found = new Map<string, Assignment[]>();
  const py = fn.module.py;
  const add = (name: string, stmt: SyntaxNode, def: Def): void => {
    const list = found.get(name) ?? [];
    list.push({stmt, def});
    found.set(name, list);
  };
  const visit = (block: SyntaxNode): void => {
    for (const stmt of kids(block)) {
      if (SCOPES.has(stmt.name)) continue;
      if (stmt.name === 'AssignStatement') {
        const [targets, value] = assignmentParts(stmt);
        // `a, b = ...` unpacks (not modelled); `a = b = value` gives each the value.
        const unpacks = kids(stmt).some((c) => c.name === ',' && (!value || c.to <= value.from));
        for (const t of targets)
          if (t.name === 'VariableName' && value) add(text(py, t), stmt, unpacks ? 'unknown' : value);
      } else if (stmt.name === 'UpdateStatement' && stmt.firstChild?.name === 'VariableName') {
        add(text(py, stmt.firstChild), stmt, 'unknown');
      }
      for (const b of kids(stmt)) if (/Body$|Clause$/.test(b.name)) visit(b);
    }
  };
  visit(body);
  index = found;
  assignmentIndex.set(fn, index);
  return index;
}
