import {charmContext} from '../python-domain.js';
import {findExtensionByBaseClass} from '../../extensions/catalog.js';
import type {CharmClass} from '../../types.js';
import {evaluate} from '../../python/evaluate.js';
import {classInfo} from '../../python/classes.js';
import {positionalArgs} from '../../python/arguments.js';
import type {PythonProject} from '../../python/project.js';
import type {ClassInfo, ModuleInfo} from '../../python/module-info.js';
import {childOf, line, text, type SyntaxNode} from '../../python/syntax.js';

/** Base class expressions that make a class a charm: `CharmBase` in any spelling, or a framework charm base. */
function isCharmBaseExpression(expr: string): boolean {
  const plain = expr.replace(/\[[\s\S]*\]$/, '').replace(/\s+/g, '');
  return /(^|\.)\w*CharmBase$/.test(plain) || findExtensionByBaseClass(plain) !== undefined;
}

/** An installed (not vendored) framework base named like a charm: `sunbeam_charm.OSBaseOperatorCharm`. */
function isExternalCharmLike(module: string | undefined, name: string): boolean {
  return name.endsWith('Charm') && !/^(ops|charms)\b/.test(module ?? '');
}

/** Decides which classes are charms: derived (through src/ or lib/ classes) from CharmBase or a framework base. */
export function charmClassPredicate(project: PythonProject): (cls: ClassInfo) => boolean {
  const memo = new Map<ClassInfo, boolean>();
  const check = (cls: ClassInfo, depth: number): boolean => {
    const known = memo.get(cls);
    if (known !== undefined) return known;
    memo.set(cls, false);
    let result = false;
    for (let i = 0; i < cls.baseNodes.length && !result; i++) {
      if (isCharmBaseExpression(cls.bases[i]!)) result = true;
      else if (depth < 8) {
        const ctx = charmContext(project, cls.module, () => false);
        const v = evaluate(cls.baseNodes[i]!, ctx);
        const info = v.t === 'class' ? classInfo(v.ref, ctx) : undefined;
        if (info) result = check(info, depth + 1);
        else if (
          v.t === 'class' &&
          (isCharmBaseExpression(`${v.ref.module ?? ''}.${v.ref.name}`) ||
            isExternalCharmLike(v.ref.module, v.ref.name))
        )
          result = true;
      }
    }
    memo.set(cls, result);
    return result;
  };
  return (cls) => check(cls, 0);
}

/**
 * The charm class(es) the entry point runs: the argument of `ops.main(...)` (or `main(...)`)
 * in the entry point, else the most derived charm classes of the source. When `main` is
 * called more than once (a guard class for a wrong architecture, then the real charm), the
 * class that runs is the one passed by the unconditional call: directly in the body of
 * `if __name__ == "__main__":` (or at the top level of the module).
 */
export function mainCharmClasses(
  project: PythonProject,
  entrypoint: ModuleInfo | undefined,
  isCharmClass: (c: ClassInfo) => boolean,
): ClassInfo[] {
  if (entrypoint) {
    const found: Array<{cls: ClassInfo; unconditional: boolean}> = [];
    entrypoint.py.tree.iterate({
      enter(n) {
        if (n.name !== 'CallExpression') return;
        const callee = text(entrypoint.py, n.node.firstChild!);
        if (!/(^|\.)main$/.test(callee)) return;
        const args = childOf(n.node, 'ArgList');
        const first = args ? positionalArgs(args)[0] : undefined;
        if (!first) return;
        const v = evaluate(first, charmContext(project, entrypoint, isCharmClass));
        if (v.t === 'class' && v.ref.info)
          found.push({cls: v.ref.info, unconditional: isUnconditionalMain(entrypoint, n.node)});
      },
    });
    const chosen = found.some((f) => f.unconditional) ? found.filter((f) => f.unconditional) : found;
    if (chosen.length) return [...new Set(chosen.map((f) => f.cls))];
  }
  const charms = project
    .sourceModules()
    .flatMap((m) => [...m.classes.values()])
    .filter(isCharmClass);
  // Drop classes another charm class derives from (abstract bases).
  const bases = new Set<ClassInfo>();
  for (const c of charms) {
    for (const b of c.baseNodes) {
      const v = evaluate(b, charmContext(project, c.module, isCharmClass));
      if (v.t === 'class' && v.ref.info) bases.add(v.ref.info);
    }
  }
  const leaves = charms.filter((c) => !bases.has(c));
  const inEntrypoint = leaves.filter((c) => c.module === entrypoint);
  return inEntrypoint.length ? inEntrypoint : leaves;
}

export function describeCharmClass(cls: ClassInfo): CharmClass {
  const pos = line(cls.module.py, cls.node);
  return {name: cls.name, bases: cls.bases, file: cls.module.py.file.path, line: pos.line, column: pos.column};
}

const MAIN_GUARD = /^__name__\s*==\s*(['"])__main__\1$|^(['"])__main__\2\s*==\s*__name__$/;

/** A `main(...)` statement at module level, or directly in the body of `if __name__ == "__main__":`. */
function isUnconditionalMain(module: ModuleInfo, call: SyntaxNode): boolean {
  const statement = call.parent;
  if (statement?.name !== 'ExpressionStatement') return false;
  const holder = statement.parent;
  if (holder?.name === 'Script') return true;
  const guard = holder?.name === 'Body' ? holder.parent : null;
  const condition = guard?.name === 'IfStatement' ? guard.firstChild?.nextSibling : null;
  return guard?.parent?.name === 'Script' && !!condition && MAIN_GUARD.test(text(module.py, condition).trim());
}
