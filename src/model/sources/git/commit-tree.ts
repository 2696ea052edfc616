import {CharmArchError} from '../../../errors.js';
import type {GitRevision} from './revision.js';
import {runGit} from './run.js';

/** One entry of a git tree: a file, a folder, a symbolic link (mode 120000) or a submodule. */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  /** Bytes; 0 for folders and submodules. */
  size: number;
}

/** Where a path leads in the tree once symbolic links are followed. */
export type Resolved = {path: string; entry: TreeEntry} | 'outside' | 'loop' | null;

const ROOT: TreeEntry = {mode: '040000', type: 'tree', sha: '', size: 0};
/** Symbolic links followed for one path before it counts as a loop (Linux's own limit). */
const MAX_LINK_HOPS = 40;

/**
 * A commit's files, without a checkout: the whole repository tree listed once (`git ls-tree -r`),
 * blobs read many at a time (`git cat-file --batch`, one process for a whole charm). Immutable,
 * so shared by every charm and reload that names the same commit.
 */
export class CommitTree {
  private readonly folders = new Map<string, Map<string, TreeEntry>>([['', new Map()]]);
  private readonly blobs = new Map<string, Buffer>();

  constructor(readonly revision: GitRevision) {
    const listed = runGit(revision.top, ['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', revision.commit]);
    if (listed.status !== 0)
      throw gitFailed(revision, `list the files of ${revision.commit.slice(0, 12)}`, listed.stderr);
    for (const record of listed.stdout.toString('utf8').split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode, type, sha, size] = record.slice(0, tab).split(/ +/) as [string, TreeEntry['type'], string, string];
      const path = record.slice(tab + 1);
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '' : path.slice(0, slash);
      const entry: TreeEntry = {mode, type, sha, size: Number(size) || 0};
      if (type === 'tree') this.folders.set(path, this.folders.get(path) ?? new Map<string, TreeEntry>());
      let children = this.folders.get(folder);
      if (!children) this.folders.set(folder, (children = new Map<string, TreeEntry>()));
      children.set(path.slice(slash + 1), entry);
    }
  }

  /** Names in a folder (repository-relative, '' for the root), or undefined when it is no folder. */
  children(folder: string): ReadonlyMap<string, TreeEntry> | undefined {
    return this.folders.get(folder);
  }

  /** Follows symbolic links as the file system would; a link may not leave the repository. */
  resolve(path: string, hops = 0): Resolved {
    const parts = path.split('/').filter((p) => p && p !== '.');
    const current: string[] = [];
    let entry = ROOT;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '..') {
        if (!current.length) return 'outside';
        current.pop();
        entry = ROOT;
        continue;
      }
      if (entry.type !== 'tree' && current.length) return null;
      const next = this.folders.get(current.join('/'))?.get(part);
      if (!next) return null;
      if (next.mode === '120000') {
        if (hops >= MAX_LINK_HOPS) return 'loop';
        const target = this.read(next).toString('utf8');
        if (target.startsWith('/')) return 'outside';
        return this.resolve([...current, target, ...parts.slice(i + 1)].join('/'), hops + 1);
      }
      current.push(part);
      entry = next;
    }
    return {path: current.join('/'), entry};
  }

  /** A blob's bytes; the first read fetches `alongside` too, so a charm costs one git process. */
  read(entry: TreeEntry, alongside: () => TreeEntry[] = () => []): Buffer {
    const cached = this.blobs.get(entry.sha);
    if (cached) return cached;
    const wanted = [entry, ...alongside().filter((e) => !this.blobs.has(e.sha))];
    const shas = [...new Set(wanted.map((e) => e.sha))];
    const bytes = wanted.reduce((n, e) => n + e.size + 100, 1024 * 1024);
    const out = runGit(this.revision.top, ['cat-file', '--batch'], `${shas.join('\n')}\n`, bytes);
    if (out.status !== 0)
      throw gitFailed(this.revision, `read files of ${this.revision.commit.slice(0, 12)}`, out.stderr);
    let offset = 0;
    const stdout = out.stdout;
    while (offset < stdout.length) {
      const eol = stdout.indexOf(0x0a, offset);
      const [sha, type, size] = stdout.subarray(offset, eol).toString('utf8').split(' ') as [
        string,
        string,
        string | undefined,
      ];
      offset = eol + 1;
      if (type === 'missing' || size === undefined) continue;
      const end = offset + Number(size);
      this.blobs.set(sha, stdout.subarray(offset, end));
      offset = end + 1;
    }
    const read = this.blobs.get(entry.sha);
    if (!read) throw gitFailed(this.revision, `read ${entry.sha.slice(0, 12)} (missing from the object store)`, '');
    return read;
  }
}

function gitFailed(revision: GitRevision, what: string, stderr: string): CharmArchError {
  return new CharmArchError({
    code: 'git-failed',
    message: `git could not ${what} at \`${revision.ref}\`${stderr ? `: ${stderr.split('\n')[0]}` : ''}.`,
    file: revision.top,
    hint: 'A partial or shallow clone may lack the objects: `git fetch` the ref in full (git fetch --unshallow / --refetch).',
  });
}
