/**
 * Which assignments of a function's local name can reach a point of its body (reaching definitions,
 * per name, evaluated only at the end). Straight-line code keeps the last assignment; an `if` whose
 * condition is not static, a loop, `try`/`except` and `match` let several reach, and then the name
 * is one of their values (`alts`), never one branch's. A branch whose condition is statically false
 * (`if TYPE_CHECKING:`, `if False:`) cannot run and is skipped; a branch that ends in `return`,
 * `raise`, `break` or `continue` does not reach what follows it.
 */
import {ifBranches, truth} from './conditions.js';
import {type Assignment, type Def, SCOPES, assignmentsOf} from './local-assignments.js';
import {type SyntaxNode, childOf, kids} from './syntax.js';
import {type Ctx, MAX_DEPTH, type Value, alts, unknown} from './values.js';

const LEAVES = new Set(['ReturnStatement', 'RaiseStatement', 'BreakStatement', 'ContinueStatement']);

/**
 * The value of local `name` just before offset `at` in `ctx.fn`, or `undefined` when no assignment
 * of it reaches there (the caller then reads the parameter, the module, the imports). `outer` is the
 * name's value on entry (a parameter's), undefined when it has none: a path where the name was never
 * assigned would raise in Python and is not one of its values.
 */
export function reachingValue(name: string, at: number, ctx: Ctx, outer: () => Value | undefined): Value | undefined {
  const fn = ctx.fn;
  if (!fn?.body) return undefined;
  const assignments = (assignmentsOf(fn, fn.body).get(name) ?? []).filter((a) => a.stmt.from < at);
  if (assignments.length === 0) return undefined;
  const body = fn.body;
  const defs = assignments.every((a) => a.stmt.parent?.from === body.from)
    ? [lastBefore(assignments, at)] // straight-line: the last assignment wins
    : (new Walk(assignments, ctx).block(fn.body, at, ['outer']) ?? []);
  if (defs.length === 1 && defs[0] === 'outer') return undefined;
  const values: Value[] = [];
  for (const d of defs) {
    const v = d === 'outer' ? outer() : d === 'unknown' ? {t: 'unknown' as const, expr: name} : ctx.evaluate(d, ctx);
    if (v) values.push(v);
  }
  if (values.length === 1) return values[0];
  // Several runtime values (`x = " ".join(...)` then `x += "..."`): the name itself is as precise (`{x}` in a string).
  if (values.every((v) => v.t === 'unknown' && v.partial === undefined)) return {t: 'unknown', expr: name};
  return alts(values);
}

/** The last top-level assignment whose value ends before `at` (`x = f(x)` reads the x before it). */
function lastBefore(assignments: Assignment[], at: number): Def {
  const done = assignments.filter((a) => a.stmt.to <= at);
  return done.length > 0 ? done[done.length - 1]!.def : 'outer';
}

function union(...sets: Array<Def[] | null>): Def[] | null {
  const out: Def[] = [];
  let reached = false;
  for (const s of sets) {
    if (!s) continue;
    reached = true;
    for (const d of s) if (!out.includes(d)) out.push(d);
  }
  return reached ? out : null;
}

/** One walk of a function body for one name's assignments. A `null` set: control does not get past this point. */
class Walk {
  constructor(
    private readonly assignments: Assignment[],
    private readonly ctx: Ctx,
  ) {}

  /** Runs the statements of a block that end before `at`, and descends into the one that holds it. */
  block(block: SyntaxNode, at: number, defs: Def[] | null): Def[] | null {
    let current = defs;
    for (const stmt of kids(block)) {
      if (stmt.from >= at || !current) break;
      if (stmt.to > at) return this.descend(stmt, at, current);
      current = this.run(stmt, current);
    }
    return current;
  }

  private assigns(stmt: SyntaxNode): boolean {
    return this.assignments.some((a) => a.stmt.from >= stmt.from && a.stmt.to <= stmt.to);
  }

  /** Every value assigned inside a statement: what a loop's later iterations or an interrupted `try` may leave. */
  private assignedIn(stmt: SyntaxNode): Def[] {
    return this.assignments.filter((a) => a.stmt.from >= stmt.from && a.stmt.to <= stmt.to).map((a) => a.def);
  }

  private run(stmt: SyntaxNode, defs: Def[]): Def[] | null {
    if (LEAVES.has(stmt.name)) return null;
    if (SCOPES.has(stmt.name) || !this.assigns(stmt)) return defs;
    switch (stmt.name) {
      case 'AssignStatement':
      case 'UpdateStatement':
        return [this.assignments.find((a) => a.stmt.from === stmt.from)!.def];
      case 'IfStatement':
        return this.runIf(stmt, defs);
      case 'WithStatement':
        return this.block(bodies(stmt)[0]!, stmt.to, defs);
      case 'ForStatement':
      case 'WhileStatement':
        return this.runLoop(stmt, defs);
      case 'TryStatement':
        return this.runTry(stmt, defs);
      case 'MatchStatement':
        return this.runMatch(stmt, defs);
      default:
        return union(defs, this.assignedIn(stmt));
    }
  }

  /** `at` is inside this statement: the defs that reach the block holding it. */
  private descend(stmt: SyntaxNode, at: number, defs: Def[]): Def[] | null {
    if (SCOPES.has(stmt.name)) return defs;
    const clause = stmt.name === 'MatchStatement' ? matchClauses(stmt).find((c) => c.from <= at && at <= c.to) : stmt;
    const inner = clause ? bodies(clause).find((b) => b.from <= at && at <= b.to) : undefined;
    if (!inner) return defs;
    // Syntax nodes are built afresh on each access: the first body is told by its position.
    const first = inner.from === bodies(stmt)[0]?.from;
    const loops = stmt.name === 'ForStatement' || stmt.name === 'WhileStatement';
    if (loops && first) return this.block(inner, at, union(defs, this.assignedIn(inner)));
    if (stmt.name === 'TryStatement' && !first) return this.runTry(stmt, defs, at);
    return this.block(inner, at, defs);
  }

  /**
   * Whether a condition is known before the code runs. What a caller passes is not (a parameter's
   * default, `self.x` whose class says `x = None` but `__init__` sets it), so an operand that reads
   * a parameter this call does not bind is unknown: `if TYPE_CHECKING:`, `if False:`, a module
   * constant and a bound argument decide; `if not is_main:` does not.
   */
  private truth(cond: SyntaxNode): boolean | undefined {
    const ctx = {...this.ctx, depth: this.ctx.depth + 1};
    const free = new Set(this.ctx.fn!.params.map((p) => p.name).filter((n) => !this.ctx.env.has(n)));
    return truth(cond, ctx, (n) => (readsAny(n, free, ctx) ? unknown(ctx, n) : ctx.evaluate(n, ctx)));
  }

  /** The branch whose condition holds runs; a statically false one cannot; else any of them may. */
  private runIf(stmt: SyntaxNode, defs: Def[]): Def[] | null {
    const outcomes: Array<Def[] | null> = [];
    for (const {cond, body} of ifBranches(stmt)) {
      // A condition that reads this name reads it through another walk: bounded like any recursion.
      const holds = !cond ? true : this.ctx.depth > MAX_DEPTH ? undefined : this.truth(cond);
      if (holds === false) continue;
      outcomes.push(this.block(body, body.to, defs));
      if (holds === true) return union(...outcomes);
    }
    // No branch certainly ran: the defs before the `if` also reach past it.
    return union(...outcomes, defs);
  }

  /** The body may run no times or many: what it assigns joins what was there; `else` runs after. */
  private runLoop(stmt: SyntaxNode, defs: Def[]): Def[] | null {
    const [body, orElse] = bodies(stmt);
    const after = union(defs, this.assignedIn(body!));
    return orElse ? union(after, this.block(orElse, orElse.to, after)) : after;
  }

  /**
   * `try` ran whole (then `else`), or stopped anywhere in it and a handler ran; `finally` after either.
   * With `at` inside a handler, `else` or `finally`, the defs that reach it.
   */
  private runTry(stmt: SyntaxNode, defs: Def[], at?: number): Def[] | null {
    const children = kids(stmt);
    const [tryBody] = bodies(stmt);
    const interrupted = union(defs, this.assignedIn(tryBody!));
    let completed = this.block(tryBody!, tryBody!.to, defs);
    const handled: Array<Def[] | null> = [];
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const body = children.slice(i + 1).find((b) => b.name === 'Body');
      if (!body || !['except', 'else', 'finally'].includes(c.name)) continue;
      const inside = at !== undefined && body.from <= at && at <= body.to;
      if (c.name === 'except') {
        if (inside) return this.block(body, at, interrupted);
        handled.push(this.block(body, body.to, interrupted));
      } else if (c.name === 'else') {
        completed = this.block(body, inside ? at : body.to, completed);
        if (inside) return completed;
      } else {
        // `finally` runs on every way out (an exception too); past it, only the ways that fall through.
        if (inside) return this.block(body, at, union(completed, ...handled, interrupted));
        return this.block(body, body.to, union(completed, ...handled));
      }
    }
    return union(completed, ...handled);
  }

  /** The clause that matches runs; without a `case _:` none may. */
  private runMatch(stmt: SyntaxNode, defs: Def[]): Def[] | null {
    const clauses = matchClauses(stmt);
    const outcomes = clauses.map((c) => this.block(bodies(c)[0]!, c.to, defs));
    // `case _:` or `case name:` without a guard matches anything.
    const catchAll = clauses.some((c) => kids(c).some((k) => k.name === 'CapturePattern') && !childOf(c, 'Guard'));
    return catchAll ? union(...outcomes) : union(...outcomes, defs);
  }
}

/** Whether an expression reads one of `names` (as a variable, not an attribute of something else). */
function readsAny(node: SyntaxNode, names: ReadonlySet<string>, ctx: Ctx): boolean {
  if (names.size === 0) return false;
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.from >= end) break;
    if (cursor.name === 'VariableName' && names.has(ctx.module.py.file.text.slice(cursor.from, cursor.to))) return true;
  } while (cursor.next());
  return false;
}

function bodies(node: SyntaxNode): SyntaxNode[] {
  return kids(node).filter((c) => c.name === 'Body');
}

function matchClauses(stmt: SyntaxNode): SyntaxNode[] {
  const body = kids(stmt).find((c) => c.name === 'MatchBody');
  return body ? kids(body).filter((c) => c.name === 'MatchClause') : [];
}
