import {loadCharmCachedAt} from '../model/index.js';
import type {CharmModel} from '../model/index.js';

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

/**
 * The charm in its working tree, or at `ref` from the git objects, with where links point for that
 * commit. Cached (on disk too, with the persistent cache): unchanged files, or the same commit, are not read again.
 */
export function loadCharmFor(
  dir: string,
  ref: string | undefined,
): {model: CharmModel; commit?: string; charmPathInRepository?: string} {
  const {model, revision} = loadCharmCachedAt(dir, ref);
  return revision ? {model, commit: revision.commit, charmPathInRepository: revision.charmPath || '.'} : {model};
}
