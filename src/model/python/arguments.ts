/** Arguments of a call, as written. */
import type {ModuleInfo} from './module-info.js';
import {type SyntaxNode, kids, text} from './syntax.js';

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
    if (c.name === 'VariableName' && items[i + 1]?.name === 'AssignOp' && items[i + 2])
      out.set(text(py, c), items[i + 2]!);
  }
  return out;
}

/**
 * The argument each parameter receives at a call, by Python's rules: positional arguments fill the
 * parameters in order, keywords by name. `params` leaves out `self` and `*args`/`**kwargs`.
 */
export function argumentsByParameter(
  args: SyntaxNode,
  params: ReadonlyArray<{name: string}>,
  py: ModuleInfo['py'],
): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  positionalArgs(args).forEach((a, i) => {
    const p = params[i];
    if (p) out.set(p.name, a);
  });
  for (const [k, v] of keywordArgs(args, py)) if (params.some((p) => p.name === k)) out.set(k, v);
  return out;
}
