import {charmCodeModules} from '../python-domain.js';
import type {PebbleLayer} from '../../types.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import type {LayerPlacements} from './placements.js';
import {buildLayer} from './python-layer-contents.js';
import {ctxOf, findFunction, LAYER_CALL} from './layer-context.js';
import {type PythonProject} from '../../python/project.js';
import {assignmentParts} from '../../python/module-index.js';
import {type ClassInfo, type FunctionInfo, type ModuleInfo} from '../../python/module-info.js';
import {childOf, kids, text, type SyntaxNode} from '../../python/syntax.js';
import {CHECK_MARKERS, LAYER_KEYS, SERVICE_MARKERS} from './shape.js';
import {lastAssignment} from './layer-arguments.js';

/** Calls that build a service from keywords or a dict. */
const SERVICE_CALL = /(^|\.)(ServiceDict|Service|dict)$/;

interface Candidate {
  node: SyntaxNode;
  module: ModuleInfo;
  fn?: FunctionInfo;
  /** Names the layer can be reached by, most precise first: a module or class constant, or the enclosing function. */
  owners: string[];
}

/**
 * Pebble layers written in Python: literal dicts with layer keys, `Layer({...})`,
 * `LayerDict(...)` / `ServiceDict(...)`, module constants and builder functions.
 * Literal parts are recorded; what is computed at runtime keeps its source
 * expression and is marked computed.
 */
export function pythonLayers(
  project: PythonProject,
  isCharmClass: (c: ClassInfo) => boolean,
  containers: string[],
  placements: LayerPlacements,
  charmOf?: (c: ClassInfo) => ClassInfo,
): PebbleLayer[] {
  const candidates: Candidate[] = [];
  for (const module of charmCodeModules(project, isCharmClass)) {
    const found: Candidate[] = [];
    collectCandidates(module, found);
    // In a vendored charm base class, only what its charm classes build (not the library's other code).
    candidates.push(...(module.origin === 'lib' ? found.filter((c) => c.fn?.cls && isCharmClass(c.fn.cls)) : found));
  }
  return candidates.map((c) => {
    const ctx = ctxOf(project, c.module, c.fn, isCharmClass, charmOf);
    const layer = buildLayer(c.node, ctx);
    const placed = [...c.owners, `node:${c.module.py.file.path}:${c.node.from}`]
      .map((o) => placements.get(o))
      .find((p) => p !== undefined);
    layer.container = placed?.container ?? (containers.length === 1 ? containers[0]! : null);
    if (placed?.label) layer.label = placed.label;
    return layer;
  });
}

function literalKeys(module: ModuleInfo, dict: SyntaxNode): string[] | null {
  const keys: string[] = [];
  const items = kids(dict).filter((c) => !['{', '}', ',', ':', 'Comment'].includes(c.name));
  for (let i = 0; i < items.length; i += 2) {
    const k = items[i]!;
    if (k.name === '**') continue;
    if (k.name !== 'String') return null;
    keys.push(text(module.py, k).replace(/^[rbuRBU]*['"]+|['"]+$/g, ''));
  }
  return keys;
}

function isLayerDict(module: ModuleInfo, node: SyntaxNode): boolean {
  const keys = literalKeys(module, node);
  if (!keys?.length || !keys.every((k) => LAYER_KEYS.has(k))) return false;
  if (!keys.includes('services') && !keys.includes('checks')) return false;
  // Services must look like services: Traefik/HAProxy `services` hold load balancers, not commands.
  const servicesNode = valueOfKey(module, node, keys.includes('services') ? 'services' : 'checks');
  if (!servicesNode) return true;
  if (servicesNode.name !== 'DictionaryExpression') return true;
  const inner = kids(servicesNode).filter((c) => c.name === 'DictionaryExpression' || c.name === 'CallExpression');
  if (!inner.length) return true;
  const markers = keys.includes('services') ? SERVICE_MARKERS : CHECK_MARKERS;
  return inner.some((d) => {
    if (d.name === 'CallExpression') return SERVICE_CALL.test(text(module.py, d.firstChild!));
    return (literalKeys(module, d) ?? []).some((k) => markers.has(k));
  });
}

function valueOfKey(module: ModuleInfo, dict: SyntaxNode, key: string): SyntaxNode | null {
  const items = kids(dict).filter((c) => !['{', '}', ',', ':', 'Comment'].includes(c.name));
  for (let i = 0; i < items.length; i += 2) {
    const k = items[i]!;
    if (k.name === 'String' && text(module.py, k).replace(/^[rbuRBU]*['"]+|['"]+$/g, '') === key)
      return items[i + 1] ?? null;
  }
  return null;
}

function collectCandidates(module: ModuleInfo, out: Candidate[]): void {
  const py = module.py;
  // Layers are found in document order and never nest (their subtrees are skipped): the last one is enough.
  const taken: Array<[number, number]> = [];
  const inside = (n: SyntaxNode): boolean => {
    const last = taken[taken.length - 1];
    return !!last && n.from >= last[0] && n.to <= last[1];
  };
  py.tree.iterate({
    enter(ref) {
      // The name first: materialising a node object for every node of every module is most of a walk's cost.
      if (ref.name !== 'CallExpression' && ref.name !== 'DictionaryExpression') return;
      const n = ref.node;
      let layerNode: SyntaxNode | null = null;
      if (
        (n.name === 'CallExpression' && LAYER_CALL.test(text(py, n.firstChild!))) ||
        (n.name === 'DictionaryExpression' && isLayerDict(module, n))
      )
        layerNode = n;
      if (!layerNode || inside(layerNode) || updatesLayerVariable(module, layerNode)) return;
      if (layerNode.name === 'CallExpression') {
        // `Layer(variable)`: the dict itself is found where it is written.
        const args = childOf(layerNode, 'ArgList');
        const first = args ? positionalArgs(args)[0] : undefined;
        const kw = args ? keywordArgs(args, py) : new Map();
        if (first && first.name !== 'DictionaryExpression') return;
        if (!first && !kw.has('services') && !kw.has('checks')) return;
      }
      taken.push([layerNode.from, layerNode.to]);
      out.push({node: layerNode, module, ...ownerOf(module, layerNode)});
      return false;
    },
  });
}

/**
 * `layer.update({"checks": {...}})` where `layer` was assigned a layer dict in the same function:
 * the argument updates that layer (dict-mutations.ts), it is no second layer.
 */
function updatesLayerVariable(module: ModuleInfo, node: SyntaxNode): boolean {
  const call = node.parent?.name === 'ArgList' ? node.parent.parent : null;
  const callee = call?.name === 'CallExpression' ? call.firstChild : null;
  const m = callee ? /^(\w+)\.update$/.exec(text(module.py, callee)) : null;
  if (!m) return false;
  let fnNode: SyntaxNode | null = node.parent;
  while (fnNode && fnNode.name !== 'FunctionDefinition') fnNode = fnNode.parent;
  const body = fnNode?.getChild('Body');
  const assigned = body ? lastAssignment(body, m[1]!, module.py) : undefined;
  return assigned?.name === 'DictionaryExpression' && assigned.from < node.from && isLayerDict(module, assigned);
}

/** The name a layer node is reachable by: `CONST = {...}`, `Class.ATTR = {...}`, or the function that builds it. */
function ownerOf(module: ModuleInfo, node: SyntaxNode): {owners: string[]; fn?: FunctionInfo} {
  let fnNode: SyntaxNode | null = null;
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === 'FunctionDefinition') {
      fnNode = p;
      break;
    }
    if (p.name === 'AssignStatement' && p.parent?.name === 'Script') {
      const [targets] = assignmentParts(p);
      const t = targets.find((x) => x.name === 'VariableName');
      if (t) return {owners: [`const:${text(module.py, t)}`]};
    }
    if (p.name === 'AssignStatement' && p.parent?.parent?.name === 'ClassDefinition') {
      const [targets] = assignmentParts(p);
      const t = targets.find((x) => x.name === 'VariableName');
      if (t) return {owners: [`const:${text(module.py, t)}`]};
    }
  }
  if (fnNode) {
    const fn = findFunction(module, fnNode);
    if (fn) return {owners: [...(fn.cls ? [`fn:${fn.cls.name}.${fn.name}`] : []), `fn:${fn.name}`], fn};
  }
  return {owners: [`node:${module.py.file.path}:${node.from}`]};
}
