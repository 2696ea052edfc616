import {charmCodeModules} from '../python-domain.js';
import {evaluate} from '../../python/evaluate.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {type PythonProject} from '../../python/project.js';
import {type ClassInfo, type FunctionInfo, type ModuleInfo} from '../../python/module-info.js';
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
    if (!py.file.text.includes('add_layer') && !py.file.text.includes('update_layer')) continue;
    py.tree.iterate({
      enter(ref) {
        // The name first: materialising a node object for every node of every module is most of a walk's cost.
        if (ref.name !== 'CallExpression') return;
        const n = ref.node;
        const call = addLayerCall(n, module);
        if (!call) return;
        const {receiver, layer: layerArg, label: labelArg} = call;
        const fn = enclosingFunction(module, n);
        const ctx = ctxFor(module, fn);
        const here = (node: SyntaxNode | undefined): Located | undefined => (node ? {node, ctx} : undefined);
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

/** The container, layer and label arguments of a call that adds a layer, if `call` is one. */
function addLayerCall(
  call: SyntaxNode,
  module: ModuleInfo,
): {receiver: SyntaxNode; layer: SyntaxNode; label: SyntaxNode | undefined} | undefined {
  const py = module.py;
  const callee = call.firstChild!;
  const args = childOf(call, 'ArgList');
  if (!args) return undefined;
  const positional = positionalArgs(args);
  const keywords = keywordArgs(args, py);
  // `container.add_layer(label, layer, combine=True)`
  if (callee.name === 'MemberExpression' && text(py, callee).endsWith('.add_layer')) {
    const layer = positional[1] ?? keywords.get('layer');
    return layer ? {receiver: callee.firstChild!, layer, label: positional[0] ?? keywords.get('label')} : undefined;
  }
  // charmed-kubeflow-chisme's `update_layer(container_name, container, new_layer, logger)`, used by
  // the Kubeflow charms, adds the layer under the container's name.
  const name = text(py, callee);
  const binding = module.imports.get(name);
  if (callee.name !== 'VariableName' || binding?.module !== 'charmed_kubeflow_chisme.pebble') return undefined;
  if ((binding.name ?? name) !== 'update_layer') return undefined;
  const receiver = positional[1] ?? keywords.get('container');
  const layer = positional[2] ?? keywords.get('new_layer');
  return receiver && layer ? {receiver, layer, label: positional[0] ?? keywords.get('container_name')} : undefined;
}
