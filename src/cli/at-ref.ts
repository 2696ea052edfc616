import {lstatSync} from 'node:fs';
import {join} from 'node:path';
import {charmDirProblem, findCharms, loadCharmCachedAt} from '../model/index.js';
import type {CharmModel} from '../model/index.js';
import {UsageError} from '../errors.js';

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
  if (ref === undefined) checkCharmDir(dir);
  const {model, revision} = loadCharmCachedAt(dir, ref);
  return revision ? {model, commit: revision.commit, charmPathInRepository: revision.charmPath || '.'} : {model};
}

/** Whether the folder has a charmcraft.yaml or metadata.yaml entry at all, even one that cannot be read (a link loop). */
function hasMetadataEntry(dir: string): boolean {
  return ['charmcraft.yaml', 'metadata.yaml'].some((name) => lstatSync(join(dir, name), {throwIfNoEntry: false}));
}

/** How many charms below a folder the message names before it counts the rest. */
const LISTED_CHARMS = 8;

/**
 * A folder that is no charm (a repository of several charms, a folder of checkouts) is a mistake on
 * the command line, not a position in a charmcraft.yaml that does not exist: say which folder, and
 * which charms lie below it.
 */
function checkCharmDir(dir: string): void {
  const problem = charmDirProblem(dir);
  // A missing folder, or a file, the model reports itself (charm-not-found).
  if (!problem?.startsWith('is not a charm directory') || hasMetadataEntry(dir)) return;
  const below = findCharms(dir);
  const shown = below.slice(0, LISTED_CHARMS).join(', ');
  const more = below.length > LISTED_CHARMS ? ` and ${below.length - LISTED_CHARMS} more` : '';
  throw new UsageError(
    `${dir} ${problem}.` +
      (below.length
        ? ` Charms below it: ${shown}${more}. Give the folder of one of them (${join(dir, below[0]!)}).`
        : ' No charm below it either: give the folder that holds the charm.'),
  );
}
