import {relative, sep} from 'node:path';
import {CharmArchError} from '../../../errors.js';
import type {SourceTree, TreeListOptions} from '../source-tree.js';
import {CommitTree, type TreeEntry} from './commit-tree.js';
import {resolveRevision, type GitRevision} from './revision.js';
import {directoryNotFile, fileTooLarge, symlinkLoop} from '../file-errors.js';

/** Files a charm model reads, fetched together on the first read (anything else is fetched when asked). */
const MODEL_FILE = /\.(py|ya?ml|json|tmpl|rules?|txt)$/;

/** Commit trees by repository and commit id: the same commit is listed once per process. */
const trees = new Map<string, CommitTree>();
const MAX_TREES = 16;

/** Forgets every commit tree (and the blobs read from it) of this process. */
export function clearCommitTrees(): void {
  trees.clear();
}

/** The files of `charmDir` as they were at `ref`, and the commit that is. Throws the errors of resolveRevision, or charm-not-at-ref. */
export function gitTreeAt(charmDir: string, ref: string): {revision: GitRevision; tree: SourceTree} {
  return treeAtRevision(resolveRevision(charmDir, ref), charmDir);
}

/** The files of `charmDir` at an already resolved revision. */
export function treeAtRevision(revision: GitRevision, charmDir: string): {revision: GitRevision; tree: SourceTree} {
  const key = `${revision.top}\0${revision.commit}`;
  let commit = trees.get(key);
  if (!commit) {
    commit = new CommitTree(revision);
    if (trees.size >= MAX_TREES) trees.delete(trees.keys().next().value!);
    trees.set(key, commit);
  }
  const found = commit.resolve(revision.charmPath);
  if (revision.charmPath && (found === null || typeof found === 'string' || found.entry.type !== 'tree')) {
    throw new CharmArchError({
      code: 'charm-not-at-ref',
      message: `At \`${revision.ref}\` (${revision.commit.slice(0, 12)}) the repository ${revision.top} has no folder ${revision.charmPath}/.`,
      file: charmDir,
      hint: 'The charm was added or moved after that ref: choose a later ref, or point the charm path at where the charm was then.',
    });
  }
  return {revision, tree: new CommitSourceTree(commit, revision.top, charmDir)};
}

/** A folder of a commit, read like a folder of the working tree (CharmSources' second backend). */
class CommitSourceTree implements SourceTree {
  /** The folder inside the repository, or null when it is outside it (nothing there). */
  private readonly base: string | null;

  constructor(
    private readonly commit: CommitTree,
    private readonly top: string,
    root: string,
  ) {
    const rel = relative(top, root).split(sep).join('/');
    this.base = rel.startsWith('..') ? null : rel;
  }

  at(root: string): SourceTree {
    return new CommitSourceTree(this.commit, this.top, root);
  }

  exists(path: string): boolean {
    const found = this.find(path);
    // A link leaving the repository exists; reading it reports why it is refused.
    return found === 'outside' || (found !== null && found !== 'loop' && found.entry.type === 'blob');
  }

  readBytes(path: string, maxFileBytes: number): Buffer | null {
    const found = this.find(path);
    if (found === null) return null;
    if (found === 'outside') {
      throw new CharmArchError({
        code: 'symlink-outside-charm',
        message: `${path} is a symbolic link that leaves the repository.`,
        file: path,
        hint: 'Replace the link with the file itself, or remove it: only files inside the repository are read.',
      });
    }
    if (found === 'loop') {
      throw symlinkLoop(path);
    }
    const {entry} = found;
    if (entry.type === 'commit') return null;
    if (entry.type === 'tree') {
      throw directoryNotFile(path);
    }
    if (entry.size > maxFileBytes) {
      throw fileTooLarge(path, entry.size, maxFileBytes);
    }
    return this.commit.read(entry, () => this.modelFiles(maxFileBytes));
  }

  list(dir: string, accept: (name: string) => boolean, opts: TreeListOptions): string[] {
    const out: string[] = [];
    let done = false;
    const visited = new Set<string>();
    const walk = (rel: string, depth: number): void => {
      const found = this.find(rel);
      if (found === null || typeof found === 'string' || found.entry.type !== 'tree') return;
      const children = this.commit.children(found.path);
      if (!children) return;
      for (const name of [...children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (done) return;
        const childRel = rel ? `${rel}/${name}` : name;
        let entry = children.get(name)!;
        if (entry.mode === '120000') {
          // Followed only when it stays inside the repository (loops and escapes are skipped).
          const target = this.find(childRel);
          if (target === null || typeof target === 'string') continue;
          entry = target.entry;
          if (entry.type === 'tree') {
            if (depth >= opts.maxDepth || opts.skipped.has(name) || visited.has(target.path)) continue;
            visited.add(target.path);
            walk(childRel, depth + 1);
            continue;
          }
        } else if (entry.type === 'tree') {
          if (opts.skipped.has(name) || depth >= opts.maxDepth) continue;
          // Another charm's directory (several charms in one repository) belongs to that charm.
          if (opts.stopAtCharms && this.isCharm(childRel)) continue;
          walk(childRel, depth + 1);
          continue;
        }
        if (entry.type === 'blob' && accept(name)) {
          out.push(childRel);
          done = opts.until?.(out) ?? false;
        }
      }
    };
    walk(dir, 0);
    return out;
  }

  private find(path: string): ReturnType<CommitTree['resolve']> {
    if (this.base === null) return null;
    return this.commit.resolve(this.base ? `${this.base}/${path}` : path);
  }

  private isCharm(rel: string): boolean {
    return ['charmcraft.yaml', 'metadata.yaml'].some((name) => {
      const found = this.find(`${rel}/${name}`);
      return found !== null && typeof found !== 'string' && found.entry.type === 'blob';
    });
  }

  /** The blobs below this folder a model may read: fetched in the same git process as the first one. */
  private modelFiles(maxFileBytes: number): TreeEntry[] {
    if (this.base === null) return [];
    const out: TreeEntry[] = [];
    const walk = (folder: string): void => {
      for (const [name, entry] of this.commit.children(folder) ?? []) {
        if (entry.type === 'tree' && !['.git', 'node_modules', '.tox', '.venv', 'venv'].includes(name))
          walk(folder ? `${folder}/${name}` : name);
        else if (
          entry.type === 'blob' &&
          entry.size <= maxFileBytes &&
          (MODEL_FILE.test(name) || entry.mode === '120000')
        )
          out.push(entry);
      }
    };
    walk(this.base);
    return out;
  }
}
