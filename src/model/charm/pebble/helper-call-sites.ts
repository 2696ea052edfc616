/**
 * The calls of a charm's helper function or method, with the argument each parameter receives:
 * how a layer added by `def _update_layer(self, container, layer)` is traced back to the
 * container and the layer its callers pass.
 */
import {argumentsByParameter} from '../../python/arguments.js';
import {walkStatements} from '../../python/module-index.js';
import {type FunctionInfo, type ModuleInfo} from '../../python/module-info.js';
import {type Ctx} from '../../python/values.js';
import {text, type SyntaxNode} from '../../python/syntax.js';
import {enclosingFunction} from './layer-context.js';
import {assignmentParts} from '../../python/module-index.js';

/** A node and the context it is read in. */
export interface Located {
  node: SyntaxNode;
  ctx: Ctx;
}

export interface CallSite {
  /** Parameter name -> the argument written at this call. */
  args: Map<string, SyntaxNode>;
  ctx: Ctx;
}

/** `node` is a bare name of one of `fn`'s parameters, never reassigned in its body. */
export function isParameter(node: SyntaxNode, fn: FunctionInfo, py: ModuleInfo['py']): boolean {
  if (node.name !== 'VariableName') return false;
  const name = text(py, node);
  if (!fn.params.some((p) => p.name === name && !p.star)) return false;
  let reassigned = false;
  if (fn.body)
    walkStatements(fn.body, (stmt) => {
      if (stmt.name !== 'AssignStatement') return;
      const [targets] = assignmentParts(stmt);
      if (targets.some((t) => t.name === 'VariableName' && text(py, t) === name)) reassigned = true;
    });
  return !reassigned;
}

/**
 * Calls of `fn` in the charm's code: `self.name(...)` inside its class for a method, `name(...)`
 * or `module.name(...)` for a module-level function.
 */
export function callSitesOf(
  fn: FunctionInfo,
  modules: readonly ModuleInfo[],
  ctxFor: (module: ModuleInfo, fn: FunctionInfo | undefined) => Ctx,
): CallSite[] {
  const out: CallSite[] = [];
  const params = fn.params.slice(fn.cls ? 1 : 0).filter((p) => !p.star);
  const callee = fn.cls ? new RegExp(`^self\\.${fn.name}$`) : new RegExp(`^(\\w+\\.)?${fn.name}$`);
  for (const module of fn.cls ? [fn.module] : modules) {
    const py = module.py;
    if (!py.file.text.includes(`${fn.name}(`)) continue;
    py.tree.iterate({
      enter(ref) {
        // The name first: materialising a node object for every node of every module is most of a walk's cost.
        if (ref.name !== 'CallExpression') return;
        const n = ref.node;
        if (!callee.test(text(py, n.firstChild!))) return;
        const argList = n.getChild('ArgList');
        if (!argList) return;
        const caller = enclosingFunction(module, n);
        if (caller === fn || (fn.cls && caller?.cls !== fn.cls)) return;
        out.push({args: argumentsByParameter(argList, params, py), ctx: ctxFor(module, caller)});
      },
    });
  }
  return out;
}
