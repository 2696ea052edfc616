/**
 * What the arguments of `container.add_layer(label, layer)` name: the container (from
 * `get_container(NAME)`, `containers[NAME]`, a `self.` attribute or property holding one), the layer
 * builders and constants the layer comes from, and the layer files it reads.
 */
import {evaluate} from '../../python/evaluate.js';
import {argumentsByParameter, positionalArgs} from '../../python/arguments.js';
import {type Ctx} from '../../python/values.js';
import {assignmentParts, walkStatements} from '../../python/module-index.js';
import {type ModuleInfo} from '../../python/module-info.js';
import {childOf, kids, text, type SyntaxNode} from '../../python/syntax.js';
import {LAYER_CALL} from './layer-context.js';
import {singleReturn} from './returns.js';

/** Layer files a layer argument reads (`yaml.safe_load(LAYER_FILE.read_text())`): `file:<name>` keys from the string literals it or its constants hold. */
export function layerFiles(node: SyntaxNode, ctx: Ctx): string[] {
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

export function containerOf(node: SyntaxNode, ctx: Ctx, charmName?: string): string | null {
  let expr: SyntaxNode | null = node;
  // Follow a local variable or `self._container` to what it was assigned from.
  for (let hops = 0; expr && hops < 5; hops++) {
    const py = ctx.module.py;
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
      const local = lastAssignment(ctx.fn.body, t, py);
      // A constructor parameter (`self._container = container`): what the class's one construction passes.
      const passed = local ? undefined : constructorArgument(t, ctx);
      if (passed) ctx = passed.ctx;
      expr = local ?? passed?.node ?? null;
      continue;
    }
    if (expr.name === 'MemberExpression' && /^self\.\w+$/.test(t) && ctx.cls) {
      const assigned = ctx.cls.selfAssignments.get(t.slice(5))?.[0];
      // `self.container` may be a property returning the container (`return self._container`).
      const property = assigned ? undefined : ctx.cls.methods.get(t.slice(5));
      const returned = property ? singleReturn(property) : undefined;
      if (assigned) {
        ctx = {...ctx, fn: assigned.fn};
        expr = assigned.value;
      } else if (property && returned) {
        ctx = {...ctx, fn: property};
        expr = returned;
      } else return null;
      continue;
    }
    return null;
  }
  return null;
}

/** The argument bound to parameter `name` of `__init__` where its class is built (ctxOf binds the single construction site). */
function constructorArgument(name: string, ctx: Ctx): {node: SyntaxNode; ctx: Ctx} | undefined {
  const self = ctx.self;
  if (ctx.fn?.name !== '__init__' || self.t !== 'instance' || !self.args || !self.argsCtx) return undefined;
  const params = ctx.fn.params.slice(1).filter((p) => !p.star);
  const node = argumentsByParameter(self.args, params, self.argsCtx.module.py).get(name);
  return node ? {node, ctx: self.argsCtx} : undefined;
}

function containerName(node: SyntaxNode, ctx: Ctx, charmName?: string): string | null {
  if (charmName && CHARM_NAME.test(text(ctx.module.py, node).replace(/\s+/g, ''))) return charmName;
  const v = evaluate(node, ctx);
  return v.t === 'str' ? v.v : null;
}

export function lastAssignment(body: SyntaxNode, name: string, py: ModuleInfo['py']): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  walkStatements(body, (stmt) => {
    if (stmt.name !== 'AssignStatement') return;
    const [targets, value] = assignmentParts(stmt);
    if (value && targets.some((t) => t.name === 'VariableName' && text(py, t) === name)) found = value;
  });
  return found;
}

/** Owners a layer argument may name: a builder call, a constant, a local variable, or an inline literal. */
export function layerOwners(node: SyntaxNode, ctx: Ctx): string[] {
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
    return m ? [builderOwner(callee, m[1]!, ctx)] : [];
  }
  if (node.name === 'DictionaryExpression') return [`node:${py.file.path}:${node.from}`];
  if (node.name === 'VariableName') {
    const local = ctx.fn?.body ? lastAssignment(ctx.fn.body, t, py) : undefined;
    if (local) return layerOwners(local, ctx);
    return [`const:${t}`];
  }
  if (node.name === 'MemberExpression') {
    const m = /(\w+)$/.exec(t);
    return m ? [`const:${m[1]}`, builderOwner(t, m[1]!, ctx)] : [];
  }
  return [];
}

/**
 * `self.layer` / `self._layer()` name the method of the class being read (`fn:Class.name`): several
 * workload classes of one charm may each have a `layer` property. Other builders go by name alone.
 */
function builderOwner(expression: string, name: string, ctx: Ctx): string {
  return expression === `self.${name}` && ctx.cls?.methods.has(name) ? `fn:${ctx.cls.name}.${name}` : `fn:${name}`;
}
