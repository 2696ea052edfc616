import {charmCodeModules} from '../python-domain.js';
import {evaluate} from '../../python/evaluate.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {type PythonProject} from '../../python/project.js';
import {type ClassInfo, type FunctionInfo} from '../../python/module-info.js';
import {childOf, text, type SyntaxNode} from '../../python/syntax.js';
import {ctxOf, enclosingFunction} from './layer-context.js';
import {containerOf, layerFiles, layerOwners} from './layer-arguments.js';
import {callSitesOf, isParameter, type Located} from './helper-call-sites.js';

/** Where a layer is added: its container and label. Keyed by layer owner (`const:NAME`, `fn:Class.name` or `fn:name`, `node:file:offset`, `file:name.yaml`). */
export type LayerPlacements = Map<string, {container: string; label?: string}>;

/**
 * Where layers are added: `container.add_layer(label, layer, ...)` with the container
 * from `get_container(NAME)`, `containers[NAME]`, or `event.workload` in a handler of a
 * container's pebble-ready event (`handlerContainers`: handler name -> container).
 * A helper that takes the container or the layer as a parameter
 * (`def _update_layer(self, container, name, layer): container.add_layer(name, layer)`)
 * places what each of its callers passes it.
 */
export function layerPlacements(
  project: PythonProject,
  isCharmClass: (c: ClassInfo) => boolean,
  handlerContainers: ReadonlyMap<string, string>,
  charmOf?: (c: ClassInfo) => ClassInfo,
  charmName?: string,
): LayerPlacements {
  const out: LayerPlacements = new Map();
  const modules = charmCodeModules(project, isCharmClass);
  const ctxFor = (module: Located['ctx']['module'], fn: FunctionInfo | undefined): Ctx =>
    ctxOf(project, module, fn, isCharmClass, charmOf);
  const place = (receiver: Located, layer: Located, label: Located | undefined): void => {
    const fn = receiver.ctx.fn;
    const container =
      /^\w+\.workload$/.test(text(receiver.ctx.module.py, receiver.node)) && fn
        ? (handlerContainers.get(fn.name) ?? null)
        : containerOf(receiver.node, receiver.ctx, charmName);
    if (!container) return;
    const labelValue = label ? evaluate(label.node, label.ctx) : null;
    const placement = {container, ...(labelValue?.t === 'str' ? {label: labelValue.v} : {})};
    for (const owner of [...layerOwners(layer.node, layer.ctx), ...layerFiles(layer.node, layer.ctx)])
      if (!out.has(owner)) out.set(owner, placement);
  };
  for (const module of modules) {
    const py = module.py;
    if (!py.file.text.includes('add_layer')) continue;
    py.tree.iterate({
      enter(ref) {
        const n = ref.node;
        if (n.name !== 'CallExpression') return;
        const callee = n.firstChild!;
        if (callee.name !== 'MemberExpression' || !text(py, callee).endsWith('.add_layer')) return;
        const args = childOf(n, 'ArgList');
        const positional = args ? positionalArgs(args) : [];
        const layerArg = positional[1] ?? (args ? keywordArgs(args, py).get('layer') : undefined);
        if (!layerArg) return;
        const fn = enclosingFunction(module, n);
        const ctx = ctxFor(module, fn);
        const here = (node: SyntaxNode | undefined): Located | undefined => (node ? {node, ctx} : undefined);
        const receiver = callee.firstChild!;
        const labelArg = positional[0] ?? (args ? keywordArgs(args, py).get('label') : undefined);
        const forwarded = fn && [receiver, layerArg, labelArg].some((a) => a && isParameter(a, fn, py));
        if (!fn || !forwarded) {
          place({node: receiver, ctx}, {node: layerArg, ctx}, here(labelArg));
          return;
        }
        // Each caller's arguments stand for the helper's parameters.
        for (const site of callSitesOf(fn, modules, ctxFor)) {
          const bound = (node: SyntaxNode | undefined): Located | undefined => {
            if (!node || !isParameter(node, fn, py)) return here(node);
            const arg = site.args.get(text(py, node));
            return arg ? {node: arg, ctx: site.ctx} : undefined;
          };
          const r = bound(receiver);
          const l = bound(layerArg);
          if (r && l) place(r, l, bound(labelArg));
        }
      },
    });
  }
  return out;
}
