/**
 * Every call of a parsed module, found in one walk of its tree. Three readers look for calls in
 * the charm's whole modules (observe calls, constructor calls of library objects, calls of
 * functions that may build them); each walked every tree on its own, and a cold load of a large
 * charm spent a tenth of its time outside the parser in those walks.
 */
import type {Tree} from '@lezer/common';
import {text, type PyModule, type SyntaxNode} from './syntax.js';

export interface ModuleCall {
  /** The CallExpression node. */
  node: SyntaxNode;
  /** What is called (the call's first child). */
  callee: SyntaxNode | null;
  /** The callee's source text (`self.framework.observe`, `Helper`). */
  calleeText: string;
}

/** By tree: a tree is immutable, and a remembered parse (syntax.ts) serves every load of the same text. */
const callsCache = new WeakMap<Tree, ModuleCall[]>();

/** The calls of the whole module, in source order (pre-order: an outer call before the calls in its arguments). */
export function callsOf(py: PyModule): readonly ModuleCall[] {
  const tree = py.tree;
  let calls = callsCache.get(tree);
  if (calls) return calls;
  calls = [];
  const cursor = tree.cursor();
  do {
    if (cursor.name !== 'CallExpression') continue;
    const node = cursor.node;
    const callee = node.firstChild;
    calls.push({node, callee, calleeText: callee ? text(py, callee) : ''});
  } while (cursor.next());
  callsCache.set(tree, calls);
  return calls;
}
