/**
 * Which configured charm a directive means: its `charm` attribute, else `defaultCharm`, else the
 * only charm. Shared by the remark half (which reports why none fits) and the webpack pre-loader.
 * Ids are looked up as own keys only: `charm="constructor"` is not Object.prototype.constructor.
 */
export type CharmChoice =
  | {id: string}
  | {problem: 'empty-charm' | 'unknown-charm'; written: string}
  | {problem: 'no-charm'};

export function chooseCharm(written: string | undefined, charms: Readonly<Record<string, unknown>>, defaultCharm?: string): CharmChoice {
  if (written !== undefined) {
    if (written.trim() === '') return {problem: 'empty-charm', written};
    return Object.hasOwn(charms, written) ? {id: written} : {problem: 'unknown-charm', written};
  }
  const ids = Object.keys(charms);
  const id = defaultCharm ?? (ids.length === 1 ? ids[0] : undefined);
  return id !== undefined && Object.hasOwn(charms, id) ? {id} : {problem: 'no-charm'};
}

/** The charm id a directive means, or undefined when none fits. */
export function charmIdOf(written: string | undefined, charms: Readonly<Record<string, unknown>>, defaultCharm?: string): string | undefined {
  const choice = chooseCharm(written, charms, defaultCharm);
  return 'id' in choice ? choice.id : undefined;
}
