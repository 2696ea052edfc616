/**
 * What the arguments of `container.add_layer(label, layer)` name: the container (from
 * `get_container(NAME)`, `containers[NAME]`, a `self.` attribute or property holding one), the layer
 * builders and constants the layer comes from, and the layer files it reads.
 */
import {evaluate} from '../../python/evaluate.js';
import {positionalArgs} from '../../python/arguments.js';
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
