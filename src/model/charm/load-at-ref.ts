import {readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {loadCharmCached, persistentModels} from './cache.js';
import {loadCharm, type LoadOptions} from './load.js';
import type {CharmModel} from '../types.js';
import {refFiles, resolveRevision, type GitRevision} from '../sources/git/revision.js';
import {clearCommitTrees, treeAtRevision} from '../sources/git/tree-source.js';

/** A charm as it was at a ref. */
export interface ModelAtRef {
  model: CharmModel;
  revision: GitRevision;
  /** The git files that decide which commit the ref names (a page that reads the ref depends on them). */
  refFiles: string[];
}

/** Reads the charm in `dir` at `ref` from the git objects: no checkout, the working tree untouched. */
export function loadCharmAtRef(dir: string, ref: string, options: LoadOptions = {}): ModelAtRef {
  const revision = resolveRevision(dir, ref);
  return {model: loadRevision(revision, dir, options), revision, refFiles: refFiles(revision)};
}

interface RefEntry {
  revision: GitRevision;
  files: string[];
  stamps: string[];
}

/**
 * One cache per process, shared by every copy of this module (the config loader and webpack load
 * it separately): models by commit id, so a ref that still names the same commit is not re-read
 * (with the persistent cache on, not in the next build either), and refs by the content of their
 * ref files, so an unmoved ref costs no git process at all.
 */
const shared = globalThis as typeof globalThis &
  Record<symbol, {models: Map<string, CharmModel>; refs: Map<string, RefEntry>} | undefined>;
const KEY = Symbol.for('docusaurus-plugin-charm-architecture/ref-cache');
const state = (shared[KEY] ??= {models: new Map<string, CharmModel>(), refs: new Map<string, RefEntry>()});

/** loadCharmAtRef, cached by commit id; re-resolves the ref only when a file that decides it changed. */
export function loadCharmAtRefCached(dir: string, ref: string, options: LoadOptions = {}): ModelAtRef {
  const root = resolve(dir);
  const refKey = `${root}\0${ref}`;
  const known = state.refs.get(refKey);
  let entry: RefEntry;
  if (known?.files.every((f: string, i: number) => stampOf(f) === known.stamps[i])) entry = known;
  else {
    const revision = resolveRevision(root, ref);
    const files = refFiles(revision);
    // Stamped after resolving: a ref that moves in between is seen as moved next time.
    entry = {revision, files, stamps: files.map(stampOf)};
    state.refs.set(refKey, entry);
  }
  const {revision} = entry;
  const modelKey = `git\0${revision.top}\0${revision.commit}\0${revision.charmPath}\0${options.maxFileBytes ?? ''}`;
  let model = state.models.get(modelKey);
  if (!model) {
    // A commit never changes: the last build's model of it (on disk) is as good as a new read.
    const disk = persistentModels();
    model = disk?.get('', modelKey);
    if (!model) {
      model = loadRevision(revision, root, options);
      disk?.set(null, modelKey, model);
    }
    state.models.set(modelKey, model);
  }
  return {model, revision, refFiles: entry.files};
}

/** The charm in its working tree (`ref` undefined) or at `ref`, both cached: what a page or a check reads. */
export function loadCharmCachedAt(
  dir: string,
  ref: string | undefined,
  options: LoadOptions = {},
): {model: CharmModel} & Partial<Omit<ModelAtRef, 'model'>> {
  return ref === undefined ? {model: loadCharmCached(dir, options)} : loadCharmAtRefCached(dir, ref, options);
}

/** Forgets every ref, model and commit tree of this process (as a new process starts). */
export function clearRefCache(): void {
  state.models.clear();
  state.refs.clear();
  clearCommitTrees();
}

function loadRevision(revision: GitRevision, dir: string, options: LoadOptions): CharmModel {
  return loadCharm(dir, {...options, tree: treeAtRevision(revision, dir).tree});
}

/** Loose ref files are a commit id (compared by content); packed-refs can be large (compared by size and time). */
function stampOf(path: string): string {
  try {
    const stat = statSync(path);
    return stat.size < 4096 ? readFileSync(path, 'utf8') : `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}
