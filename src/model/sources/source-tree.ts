/** Where a charm's files may come from besides the working tree, and what listing them passes over. */

/** Directories never scanned: VCS, build output, virtualenvs, tests. */
export const SKIPPED_DIRS = new Set([
  '.git',
  '.tox',
  '.venv',
  'venv',
  'node_modules',
  '__pycache__',
  'build',
  'dist',
  '.mypy_cache',
  '.pytest_cache',
  'tests',
  'test',
  '.github',
]);

/**
 * The second place files can come from: a tree that is not the working tree (a commit). Paths are
 * charm-relative; size, text and UTF-8 checks and the line index stay in CharmSources.
 */
export interface SourceTree {
  /** The same tree rooted at another directory of the repository (absolute working-tree path). */
  at(root: string): SourceTree;
  exists(path: string): boolean;
  /** A file's bytes, or null when there is none; throws CharmArchError for what it refuses (too large, a link leaving the repository). */
  readBytes(path: string, maxFileBytes: number): Buffer | null;
  /** Like CharmSources.list: files below `dir` whose name passes `accept`, pre-order, names sorted. */
  list(dir: string, accept: (name: string) => boolean, opts: TreeListOptions): string[];
}

/** How far `list` walks: depth, whether it stops at nested charms, folders to pass over, and when it has found enough. */
export interface TreeListOptions {
  maxDepth: number;
  stopAtCharms: boolean;
  skipped: ReadonlySet<string>;
  until?: (found: readonly string[]) => boolean;
}

/** Something `list` passed over that a reader would expect to be read: reported, never silent. */
export interface SkippedPath {
  code: 'unreadable-folder' | 'not-a-file' | 'symlink-duplicate';
  /** Charm-relative path. */
  path: string;
  message: string;
  hint: string;
}
