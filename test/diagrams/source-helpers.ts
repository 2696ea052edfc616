import {DIAGRAM_CLASS_PREFIX} from '../../src/diagrams/index.js';

/** The classes a diagram's source assigns to `id` (`class n3 ca-optional`), without the prefix, in order. */
export function classesOf(source: string, id: string): string[] {
  return [...source.matchAll(new RegExp(`^\\s*class ${id} ${DIAGRAM_CLASS_PREFIX}(\\w+)$`, 'gm'))].map((m) => m[1]!);
}
