import {charmCodeModules} from '../python-domain.js';
import {evaluate} from '../../python/evaluate.js';
import {keywordArgs, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {type PythonProject} from '../../python/project.js';
import {assignmentParts, walkStatements} from '../../python/module-index.js';
import {type ClassInfo, type ModuleInfo} from '../../python/module-info.js';
import {childOf, kids, text, type SyntaxNode} from '../../python/syntax.js';
import {ctxOf, findFunction, LAYER_CALL} from './layer-context.js';

/** Where a layer is added: its container and label. Keyed by layer owner (`const:NAME`, `fn:name`, `node:file:offset`, `file:name.yaml`). */
export type LayerPlacements = Map<string, {container: string; label?: string}>;

/**
 * Where layers are added: `container.add_layer(label, layer, ...)` with the container
 * from `get_container(NAME)`, `containers[NAME]`, or `event.workload` in a handler of a
 * container's pebble-ready event (`handlerContainers`: handler name -> container).
 */
export function layerPlacements(
  project: PythonProject,
  isCharmClass: (c: ClassInfo) => boolean,
  handlerContainers: ReadonlyMap<string, string>,
  charmOf?: (c: ClassInfo) => ClassInfo,
  charmName?: string,
): LayerPlacements {
  const out: LayerPlacements = new Map();
  for (const module of charmCodeModules(project, isCharmClass)) {
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
        let fnNode: SyntaxNode | null = null;
        for (let p = n.parent; p; p = p.parent)
          if (p.name === 'FunctionDefinition') {
            fnNode = p;
            break;
          }
        const fn = fnNode ? findFunction(module, fnNode) : undefined;
        const ctx = ctxOf(project, module, fn, isCharmClass, charmOf);
        const receiver = callee.firstChild!;
        const container =
          /^\w+\.workload$/.test(text(py, receiver)) && fn
            ? (handlerContainers.get(fn.name) ?? null)
            : containerOf(receiver, ctx, charmName);
        if (!container) return;
        const labelValue = positional[0] ? evaluate(positional[0], ctx) : null;
        const placement = {container, ...(labelValue?.t === 'str' ? {label: labelValue.v} : {})};
        for (const owner of [...layerOwners(layerArg, ctx), ...layerFiles(layerArg, ctx)])
          if (!out.has(owner)) out.set(owner, placement);
      },
    });
  }
  return out;
}

/** Layer files a layer argument reads (`yaml.safe_load(LAYER_FILE.read_text())`): `file:<name>` keys from the string literals it or its constants hold. */
function layerFiles(node: SyntaxNode, ctx: Ctx): string[] {
  const out: string[] = [];
  const visitStrings = (n: SyntaxNode, mod: ModuleInfo, depth: number): void => {
    const cursor = n.cursor();
    do {
      const t = mod.py.file.text.slice(cursor.from, cursor.to);
      if (cursor.name === 'String') {
        const m = /([\w.-]+\.ya?ml)['"]$/.exec(t);
        if (m) out.push(`file:${m[1]}`);
      } else if (cursor.name === 'VariableName' && depth < 2) {
        const assigned = mod.assigns.get(t);
        if (assigned) visitStrings(assigned, mod, depth + 1);
      }
    } while (cursor.next() && cursor.from < n.to);
  };
  visitStrings(node, ctx.module, 0);
  return out;
}

/** `self.meta.name`, `self.app.name`, `self.model.app.name`: the charm's name (a container named after the charm, as deployed by default). */
const CHARM_NAME = /^self\.(meta|app|model\.app)\.name$/;

function containerOf(node: SyntaxNode, ctx: Ctx, charmName?: string): string | null {
  const py = ctx.module.py;
  let expr: SyntaxNode | null = node;
  // Follow a local variable or `self._container` to what it was assigned from.
  for (let hops = 0; expr && hops < 4; hops++) {
    const t = text(py, expr);
    const get = t.includes('get_container(') && expr.name === 'CallExpression' ? expr : null;
    if (get) {
      const args = childOf(get, 'ArgList');
      const first = args ? positionalArgs(args)[0] : undefined;
      return first ? containerName(first, ctx, charmName) : null;
    }
    if (
      expr.name === 'MemberExpression' &&
      kids(expr).some((c) => c.name === '[') &&
      text(py, expr.firstChild!).endsWith('containers')
    ) {
      const key = kids(expr).filter((c) => !['[', ']'].includes(c.name))[1];
      return key ? containerName(key, ctx, charmName) : null;
    }
    if (expr.name === 'VariableName' && ctx.fn?.body) {
      expr = lastAssignment(ctx.fn.body, t, py) ?? null;
      continue;
    }
    if (expr.name === 'MemberExpression' && /^self\.\w+$/.test(t) && ctx.cls) {
      const assigned = ctx.cls.selfAssignments.get(t.slice(5))?.[0];
      if (!assigned) return null;
      ctx = {...ctx, fn: assigned.fn};
      expr = assigned.value;
      continue;
    }
    return null;
  }
  return null;
}

function containerName(node: SyntaxNode, ctx: Ctx, charmName?: string): string | null {
  if (charmName && CHARM_NAME.test(text(ctx.module.py, node).replace(/\s+/g, ''))) return charmName;
  const v = evaluate(node, ctx);
  return v.t === 'str' ? v.v : null;
}

function lastAssignment(body: SyntaxNode, name: string, py: ModuleInfo['py']): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  walkStatements(body, (stmt) => {
    if (stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    if (value && targets.some((t) => t.name === 'VariableName' && text(py, t) === name)) found = value;
  });
  return found;
}

/** Owners a layer argument may name: a builder call, a constant, a local variable, or an inline literal. */
function layerOwners(node: SyntaxNode, ctx: Ctx): string[] {
  const py = ctx.module.py;
  const t = text(py, node);
  if (node.name === 'CallExpression') {
    const callee = text(py, node.firstChild!);
    if (LAYER_CALL.test(callee)) {
      const args = childOf(node, 'ArgList');
      const first = args ? positionalArgs(args)[0] : undefined;
      return [`node:${py.file.path}:${node.from}`, ...(first ? layerOwners(first, ctx) : [])];
    }
    const m = /(\w+)$/.exec(callee);
    return m ? [`fn:${m[1]}`] : [];
  }
  if (node.name === 'DictionaryExpression') return [`node:${py.file.path}:${node.from}`];
  if (node.name === 'VariableName') {
    const local = ctx.fn?.body ? lastAssignment(ctx.fn.body, t, py) : undefined;
    if (local) return layerOwners(local, ctx);
    return [`const:${t}`];
  }
  if (node.name === 'MemberExpression') {
    const m = /(\w+)$/.exec(t);
    return m ? [`const:${m[1]}`, `fn:${m[1]}`] : [];
  }
  return [];
}
