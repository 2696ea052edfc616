import {loadCharmAtRef} from '../model/git/load-at-ref.js';
import {loadCharmCached as loadCharm} from '../model/cache.js'; // a model kept on disk when the charm is unchanged
import type {CharmModel} from '../model/types.js';

/** `--ref <ref>` or `--ref=<ref>` taken out of a command's arguments (facts, render and check take it); the rest is the command's. */
export function takeRef(args: string[]): {ref?: string; rest: string[]} {
  const rest: string[] = [];
  let ref: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--ref') ref = args[++i] ?? '';
    else if (a.startsWith('--ref=')) ref = a.slice('--ref='.length);
    else rest.push(a);
  }
  return {...(ref !== undefined ? {ref} : {}), rest};
}

/** The charm in its working tree, or at `ref` from the git objects, with where links point for that commit. */
export function loadCharmFor(dir: string, ref: string | undefined): {model: CharmModel; commit?: string; charmPathInRepository?: string} {
  if (ref === undefined) return {model: loadCharm(dir)};
  const {model, revision} = loadCharmAtRef(dir, ref);
  return {model, commit: revision.commit, charmPathInRepository: revision.charmPath || '.'};
}
