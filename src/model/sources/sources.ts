/** CharmSources: every file of one charm read once, from the working tree or a commit. */
import {lstatSync, realpathSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {CharmArchError} from '../../errors.js';
import {normalise, repositoryAround} from './paths.js';
import {SKIPPED_DIRS, type SkippedPath, type SourceTree} from './source-tree.js';
import {decodeSourceText, type SourceFile} from './text.js';
import {linkTarget, readWorkingTreeFile} from './working-tree-file.js';
import {listWorkingTree} from './working-tree-list.js';

/** Files larger than this are refused (a charm's largest real source files are well under 1 MB). */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SourceOptions {
  maxFileBytes?: number;
  /** Read from this tree (a git commit: git/tree.ts) instead of the working tree. */
  tree?: SourceTree;
}

export interface ListOptions {
  /** Folder levels below `dir` to look into (default 8). */
  maxDepth?: number;
  /** Leave out folders that hold another charm (default true). */
  stopAtCharms?: boolean;
  /**
   * Stop the walk once the files found so far answer the caller's question (`more than one charm
   * in this repository?`): the list is then the files found up to that point, in walk order.
   */
  until?: (found: readonly string[]) => boolean;
}

const until = (opts: ListOptions): {until?: ListOptions['until']} => (opts.until ? {until: opts.until} : {});

/**
 * Every file of one charm is read through here, once: size limit, text check,
 * symlinks refused when they leave the charm root, and a line index for positions.
 */
export class CharmSources {
  readonly root: string;
  /** The charm's real path (symbolic links resolved). */
  readonly realRoot: string;
  /**
   * Where symbolic links may lead: the charm, and the repository around it (real charms link
   * shared packages from a sibling folder: `src/pkg -> ../../common/pkg`). Nowhere else.
   */
  private readonly allowedRoots: string[];
  private readonly cache = new Map<string, SourceFile | null>();
  private readonly maxFileBytes: number;
  private readonly tree: SourceTree | undefined;
  /** What `list` passed over (an unreadable folder, a pipe named `*.py`, a link back to a folder it reads), in order found. */
  readonly skipped: SkippedPath[] = [];

  constructor(root: string, options: SourceOptions = {}) {
    this.root = resolve(root);
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.tree = options.tree;
    if (this.tree) {
      // A commit's tree: the working-tree folder may be gone; links are checked by the tree.
      this.realRoot = this.root;
      this.allowedRoots = [];
      return;
    }
    let stat;
    try {
      stat = statSync(this.root);
    } catch {
      throw new CharmArchError({
        code: 'charm-not-found',
        message: `Charm directory not found: ${root}.`,
        file: root,
        hint: 'Check the charm path (relative paths are resolved from the site or current directory).',
      });
    }
    if (!stat.isDirectory()) {
      throw new CharmArchError({
        code: 'charm-not-directory',
        message: `Charm path is not a directory: ${root}.`,
        file: root,
        hint: 'Point at the directory that holds charmcraft.yaml or metadata.yaml.',
      });
    }
    this.realRoot = realpathSync.native(this.root);
    const repo = repositoryAround(this.realRoot);
    this.allowedRoots = repo && repo !== this.realRoot ? [this.realRoot, repo] : [this.realRoot];
  }

  /** Absolute path of a charm-relative path. */
  absolute(path: string): string {
    return join(this.root, path);
  }

  /** Another directory of the same repository, read from the same place (working tree or commit). */
  at(root: string): CharmSources {
    return new CharmSources(root, {
      maxFileBytes: this.maxFileBytes,
      ...(this.tree ? {tree: this.tree.at(resolve(root))} : {}),
    });
  }

  exists(path: string): boolean {
    if (this.tree) return this.tree.exists(normalise(path));
    // Most paths asked about do not exist (a module lookup tries each import root): no exception for those.
    const lst = lstatSync(this.absolute(path), {throwIfNoEntry: false});
    if (!lst) return false;
    if (lst.isFile()) return true;
    try {
      return statSync(this.absolute(path)).isFile();
    } catch {
      return false;
    }
  }

  /** Reads a file, or returns null when it does not exist. Throws CharmArchError for files it refuses. */
  read(path: string): SourceFile | null {
    const key = normalise(path);
    if (this.cache.has(key)) return this.cache.get(key)!;
    const file = this.load(key);
    this.cache.set(key, file);
    return file;
  }

  /** Files that were read and exist, for watching and cache keys. */
  readFiles(): string[] {
    return [...this.cache.entries()]
      .filter(([, f]) => f !== null)
      .map(([p]) => p)
      .sort();
  }

  /**
   * Lists files below `dir` (charm-relative) whose name passes `accept`, sorted,
   * skipping VCS/build/test folders and any folder that holds another charm.
   */
  list(dir: string, accept: (name: string) => boolean, opts: ListOptions = {}): string[] {
    const maxDepth = opts.maxDepth ?? 8;
    const stopAtCharms = opts.stopAtCharms !== false;
    if (this.tree)
      return this.tree.list(normalise(dir), accept, {maxDepth, stopAtCharms, skipped: SKIPPED_DIRS, ...until(opts)});
    return listWorkingTree(this, normalise(dir), accept, {maxDepth, stopAtCharms, ...until(opts)});
  }

  /** Records what `list` passed over, once per path and kind. */
  skip(problem: SkippedPath): void {
    if (!this.skipped.some((p) => p.path === problem.path && p.code === problem.code)) this.skipped.push(problem);
  }

  /** The real path of a charm-relative path, or its absolute path when it cannot be resolved. */
  realpathOf(path: string): string {
    try {
      return realpathSync.native(this.absolute(path));
    } catch {
      return this.absolute(path);
    }
  }

  /** Whether `path` really leads inside the charm or its repository (links followed). */
  isInside(path: string): boolean {
    return linkTarget(this.absolute(path), this.allowedRoots) === 'inside';
  }

  private load(path: string): SourceFile | null {
    if (this.tree) {
      const bytes = this.tree.readBytes(path, this.maxFileBytes);
      return bytes && decodeSourceText(path, bytes, this.maxFileBytes);
    }
    return readWorkingTreeFile(path, this.absolute(path), this.allowedRoots, this.maxFileBytes);
  }
}
