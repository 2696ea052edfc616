/**
 * Scrape jobs a charm hands to `MetricsEndpointProvider(jobs=[...])` or
 * `COSAgentProvider(metrics_endpoints=[...])`, read from its Python source.
 *
 * A job list is often a local variable built in two steps: a literal list, then
 * `jobs.append({...})` under a condition (wordpress-k8s adds its promtail job only when Loki is
 * related). The literal jobs stay literal, an appended literal job is kept with the condition it
 * is added under, and only what is really computed is marked computed.
 */
import {charmCodeModules, charmContext} from './python-domain.js';
import {evaluate} from '../python/evaluate.js';
import {dictEntries} from '../python/dicts.js';
import {keywordArgs, positionalArgs} from '../python/arguments.js';
import {functionDefinedAt, walkStatements} from '../python/module-index.js';
import type {PythonProject} from '../python/project.js';
import type {ClassInfo, ModuleInfo} from '../python/module-info.js';
import {childOf, enclosing, line, text, type SyntaxNode} from '../python/syntax.js';
import type {Ctx, Value} from '../python/values.js';
import type {MetricsTarget} from '../types.js';

const PROVIDER = /(MetricsEndpointProvider|COSAgentProvider)$/;

/** Every scrape job the charm's code (src/, and a charm base class vendored in lib/) passes to a metrics provider. */
export function scrapeTargets(project: PythonProject, isCharmClass: (c: ClassInfo) => boolean): MetricsTarget[] {
  const out: MetricsTarget[] = [];
  for (const module of charmCodeModules(project, isCharmClass)) {
    const py = module.py;
    if (!/MetricsEndpointProvider|COSAgentProvider/.test(py.file.text)) continue;
    py.tree.iterate({
      enter(ref) {
        // The name first: materialising a node object for every node of every module is most of a walk's cost.
        if (ref.name !== 'CallExpression') return;
        const n = ref.node;
        const m = PROVIDER.exec(text(py, n.firstChild!));
        const args = m ? childOf(n, 'ArgList') : null;
        if (m && args) out.push(...jobsOfCall(m[1]!, n, args, contextAt(n, project, module, isCharmClass)));
      },
    });
  }
  return out;
}

/** Where a provider is built: inside a method, its local variables resolve (`jobs=prometheus_jobs`). */
function contextAt(
  call: SyntaxNode,
  project: PythonProject,
  module: ModuleInfo,
  isCharmClass: (c: ClassInfo) => boolean,
): Ctx {
  const def = enclosing(call, ['FunctionDefinition']);
  return charmContext(project, module, isCharmClass, def ? functionDefinedAt(module, def.from) : undefined);
}

/** Keyword arguments that hold scrape jobs, per provider. */
const JOB_LISTS: Readonly<Record<string, string[]>> = {
  MetricsEndpointProvider: ['jobs'],
  COSAgentProvider: ['metrics_endpoints', 'scrape_configs'],
};

function jobsOfCall(provider: string, call: SyntaxNode, args: SyntaxNode, ctx: Ctx): MetricsTarget[] {
  const py = ctx.module.py;
  const base = {provider, file: py.file.path, ...line(py, call)};
  const kw = keywordArgs(args, py);
  const lists = (JOB_LISTS[provider] ?? []).flatMap((k) => kw.get(k) ?? []);
  // No jobs: the library's default scrapes the unit on port 80 at /metrics.
  if (!lists.length) return [{...base, targets: [], computed: false}];
  return lists.flatMap((listNode) => {
    const list = evaluate(listNode, ctx);
    if (list.t !== 'seq') return [{...base, targets: [], computed: true}];
    const out = list.items.map((item) => targetOf(base, item));
    if (listNode.name === 'VariableName') out.push(...appendedJobs(text(py, listNode), call, ctx, base));
    return out;
  });
}

/**
 * Jobs added to the local list `name` before the provider is built: `name.append(job)` (kept,
 * with the condition of the `if` it sits in) and `name.extend(...)` / `name += ...` (computed).
 */
function appendedJobs(
  name: string,
  call: SyntaxNode,
  ctx: Ctx,
  base: Omit<MetricsTarget, 'targets' | 'computed'>,
): MetricsTarget[] {
  const body = ctx.fn?.body;
  if (!body) return [];
  const py = ctx.module.py;
  const out: MetricsTarget[] = [];
  walkStatements(body, (stmt) => {
    if (stmt.from >= call.from) return;
    const expr = stmt.name === 'ExpressionStatement' ? stmt.firstChild : null;
    const callee = expr?.name === 'CallExpression' ? text(py, expr.firstChild!) : '';
    const augmented = stmt.name === 'UpdateStatement' && text(py, stmt).startsWith(`${name} `);
    if (callee !== `${name}.append` && callee !== `${name}.extend` && !augmented) return;
    const condition = conditionOf(stmt, body, py);
    const where = {...base, ...line(py, stmt), ...(condition ? {condition} : {})};
    const arg = callee === `${name}.append` ? positionalArgs(expr!.getChild('ArgList')!)[0] : undefined;
    out.push(arg ? targetOf(where, evaluate(arg, ctx)) : {...where, targets: [], computed: true});
  });
  return out;
}

/**
 * The condition of the innermost `if` branch around a statement, as written: its own test, after
 * `not (...)` of the tests of the branches before it (`elif`, `else`).
 */
function conditionOf(stmt: SyntaxNode, body: SyntaxNode, py: ModuleInfo['py']): string | undefined {
  let inner: SyntaxNode = stmt;
  // Nodes are compared by position: the syntax tree hands out a new object on every walk.
  for (let n = stmt.parent; n && n.from > body.from; inner = n, n = n.parent) {
    if (n.name !== 'IfStatement') continue;
    // Branches in order: `if`/`elif` have a test before their Body, `else` none.
    const earlier: string[] = [];
    let test: string | undefined;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.name === 'else') test = undefined;
      else if (c.name === 'Body') {
        if (c.from === inner.from && c.to === inner.to)
          return [...earlier.map((t) => `not (${t})`), ...(test ? [test] : [])].join(' and ');
        if (test) earlier.push(test);
      } else if (c.name !== 'if' && c.name !== 'elif' && c.name !== 'Comment') test = text(py, c);
    }
    return undefined;
  }
  return undefined;
}

function fields(v: Value): Map<string, Value> | null {
  if (v.t !== 'dict') return null;
  const out = new Map<string, Value>();
  for (const e of dictEntries(v)) if (e.key?.t === 'str') out.set(e.key.v, evaluate(e.valueNode, v.ctx));
  return out;
}

function targetOf(base: Omit<MetricsTarget, 'targets' | 'computed'>, item: Value): MetricsTarget {
  const f = fields(item);
  if (!f) return {...base, targets: [], computed: true};
  const str = (k: string): string | undefined => {
    const v = f.get(k);
    return v?.t === 'str' ? v.v : undefined;
  };
  const targets: string[] = [];
  let computed = false;
  const statics = f.get('static_configs');
  if (statics?.t === 'seq') {
    for (const sc of statics.items) {
      const t = fields(sc)?.get('targets');
      if (t?.t === 'seq') {
        for (const x of t.items) {
          if (x.t === 'str') targets.push(x.v);
          else computed = true;
        }
      } else computed = true;
    }
  }
  const port = f.get('port');
  const portNumber =
    port?.t === 'num'
      ? port.v
      : targets.map((t) => Number(/:(\d+)$/.exec(t)?.[1])).find((n) => Number.isFinite(n) && n > 0);
  if (port && port.t !== 'num') computed = true;
  const metricsPath = str('metrics_path') ?? str('path');
  const jobName = str('job_name');
  return {
    ...base,
    ...(jobName ? {jobName} : {}),
    ...(metricsPath ? {metricsPath} : {}),
    targets,
    ...(portNumber ? {port: portNumber} : {}),
    computed,
  };
}
