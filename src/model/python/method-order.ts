/**
 * Python's method resolution order (C3 linearisation) over the classes the project defines. A
 * depth-first walk of the bases gets a diamond wrong: with `class Provider(Data, Handlers)` where
 * both derive from `Base`, Python looks in `Handlers` before `Base`, so an override in `Handlers`
 * hides `Base`'s abstract stub. Bases the project does not define (`ops.Object`) are left out.
 */
import type {ClassInfo} from './module-info.js';

/** How deep base classes are followed (a cycle or a very deep chain stops here). */
const MAX_BASE_DEPTH = 8;

/**
 * The class and its project-defined bases, most-derived first, as Python orders them. `basesOf`
 * gives a class's direct bases the project defines, in the order written. When the bases admit no
 * consistent order (Python would refuse the class), the depth-first order is kept.
 */
export function methodResolutionOrder(info: ClassInfo, basesOf: (cls: ClassInfo) => ClassInfo[]): ClassInfo[] {
  const bases = new Map<ClassInfo, ClassInfo[]>();
  const direct = (c: ClassInfo): ClassInfo[] => {
    let list = bases.get(c);
    if (!list) bases.set(c, (list = [...new Set(basesOf(c))]));
    return list;
  };
  const linear = new Map<ClassInfo, ClassInfo[] | null>();
  const linearise = (c: ClassInfo, depth: number): ClassInfo[] | null => {
    if (linear.has(c)) return linear.get(c) ?? null;
    // A class met again while its own order is being made: a cycle in the bases.
    linear.set(c, null);
    if (depth > MAX_BASE_DEPTH) return null;
    const parents = direct(c);
    const orders: ClassInfo[][] = [];
    for (const p of parents) {
      const order = linearise(p, depth + 1);
      if (!order) return null;
      orders.push(order);
    }
    const merged = merge([...orders, parents]);
    const result = merged ? [c, ...merged] : null;
    linear.set(c, result);
    return result;
  };
  return linearise(info, 0) ?? depthFirst(info, direct);
}

/** C3 merge: repeatedly take the first head that is in no other list's tail. */
function merge(lists: ClassInfo[][]): ClassInfo[] | null {
  const rest = lists.map((l) => [...l]).filter((l) => l.length);
  const out: ClassInfo[] = [];
  while (rest.length) {
    const head = rest.map((l) => l[0]!).find((h) => !rest.some((l) => l.indexOf(h) > 0));
    if (!head) return null;
    out.push(head);
    for (const l of rest) if (l[0] === head) l.shift();
    for (let i = rest.length - 1; i >= 0; i--) if (!rest[i]!.length) rest.splice(i, 1);
  }
  return out;
}

/** Each class once, bases visited left to right before the next base (the order used before C3). */
function depthFirst(info: ClassInfo, direct: (c: ClassInfo) => ClassInfo[]): ClassInfo[] {
  const out: ClassInfo[] = [];
  const visit = (c: ClassInfo, depth: number): void => {
    if (out.includes(c) || depth > MAX_BASE_DEPTH) return;
    out.push(c);
    for (const b of direct(c)) visit(b, depth + 1);
  };
  visit(info, 0);
  return out;
}
