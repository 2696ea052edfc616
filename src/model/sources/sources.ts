import {lstatSync, readFileSync, readdirSync, realpathSync, statSync} from 'node:fs';
import {join, resolve, sep} from 'node:path';
import {CharmArchError} from '../../errors.js';
import {isCharmDir, normalise, relativePath, repositoryAround} from './paths.js';
import {decodeSourceText, type SourceFile} from './text.js';

/** Files larger than this are refused (a charm's largest real source files are well under 1 MB). */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Directories never scanned: VCS, build output, virtualenvs, tests. */
const SKIPPED_DIRS = new Set([
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

export interface SourceOptions {
  maxFileBytes?: number;
  /** Read from this tree (a git commit: git/tree.ts) instead of the working tree. */
  tree?: SourceTree;
}

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
  list(
    dir: string,
    accept: (name: string) => boolean,
    opts: {maxDepth: number; stopAtCharms: boolean; skipped: ReadonlySet<string>},
  ): string[];
}

/** Something `list` passed over that a reader would expect to be read: reported, never silent. */
export interface SkippedPath {
  code: 'unreadable-folder' | 'not-a-file' | 'symlink-duplicate';
  /** Charm-relative path. */
  path: string;
  message: string;
  hint: string;
}

/**
 * Every file of one charm is read through here, once: size limit, text check,
 * symlinks refused when they leave the charm root, and a line index for positions.
 */
export class CharmSources {
  readonly root: string;
  private readonly realRoot: string;
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
    this.realRoot = realpathSync(this.root);
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
  list(
    dir: string,
    accept: (name: string) => boolean,
    opts: {maxDepth?: number; stopAtCharms?: boolean} = {},
  ): string[] {
    const maxDepth = opts.maxDepth ?? 8;
    if (this.tree)
      return this.tree.list(normalise(dir), accept, {
        maxDepth,
        stopAtCharms: opts.stopAtCharms !== false,
        skipped: SKIPPED_DIRS,
      });
    const out: string[] = [];
    // Real paths of the folders and files walked: a link back into them (`src/self -> .`) would read them twice.
    const visited = new Set<string>();
    const seenFiles = new Set<string>();
    const walk = (rel: string, depth: number): void => {
      let entries;
      try {
        visited.add(realpathSync(this.absolute(rel)));
        entries = readdirSync(this.absolute(rel), {withFileTypes: true});
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A folder that is not there is simply not part of this charm.
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
          this.skip({
            code: 'unreadable-folder',
            path: rel || '.',
            message: `${rel || 'The charm directory'} cannot be read (${code ?? (error as Error).message}); the files in it are left out.`,
            hint: "Check the folder's permissions.",
          });
        }
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) {
          // Followed only when it stays inside the charm or its repository (loops and escapes are skipped).
          if (!this.isInside(childRel)) continue;
          let st;
          try {
            st = statSync(this.absolute(childRel));
          } catch {
            continue;
          }
          const real = realpathSync(this.absolute(childRel));
          if (st.isFile() && accept(entry.name)) {
            if (seenFiles.has(real))
              this.skip({
                code: 'symlink-duplicate',
                path: childRel,
                message: `${childRel} links to a file that is read already; it is read once.`,
                hint: 'Remove the link if it is not needed.',
              });
            else {
              seenFiles.add(real);
              out.push(childRel);
            }
          } else if (st.isDirectory() && depth < maxDepth && !SKIPPED_DIRS.has(entry.name)) {
            if (visited.has(real))
              this.skip({
                code: 'symlink-duplicate',
                path: childRel,
                message: `${childRel} links to a folder that is read already (${relativePath(this.realRoot, real) || '.'}); it is read once.`,
                hint: 'Remove the link: each file is read once.',
              });
            else walk(childRel, depth + 1);
          }
          continue;
        }
        if (entry.isDirectory()) {
          if (SKIPPED_DIRS.has(entry.name) || depth >= maxDepth) continue;
          // Another charm's directory (several charms in one repository) belongs to that charm.
          if (opts.stopAtCharms !== false && isCharmDir(this.absolute(childRel))) continue;
          walk(childRel, depth + 1);
        } else if (entry.isFile() && accept(entry.name)) {
          const real = this.realpathOf(childRel);
          if (!seenFiles.has(real)) {
            seenFiles.add(real);
            out.push(childRel);
          }
        } else if (!entry.isFile() && !entry.isDirectory() && accept(entry.name)) {
          this.skip({
            code: 'not-a-file',
            path: childRel,
            message: `${childRel} is not a regular file (a pipe, socket or device); it is left out.`,
            hint: 'Replace it with a regular file.',
          });
        }
      }
    };
    walk(normalise(dir), 0);
    return out;
  }

  private skip(problem: SkippedPath): void {
    if (!this.skipped.some((p) => p.path === problem.path && p.code === problem.code)) this.skipped.push(problem);
  }

  private realpathOf(path: string): string {
    try {
      return realpathSync(this.absolute(path));
    } catch {
      return this.absolute(path);
    }
  }

  private isInside(path: string): boolean {
    return this.resolveLink(path) === 'inside';
  }

  /** Where a path really leads: inside the charm, outside it, into a symlink loop, or nowhere. */
  private resolveLink(path: string): 'inside' | 'outside' | 'loop' | 'broken' {
    try {
      const real = realpathSync(this.absolute(path));
      return this.allowedRoots.some((r) => real === r || real.startsWith(r + sep)) ? 'inside' : 'outside';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'broken';
    }
  }

  private load(path: string): SourceFile | null {
    if (this.tree) {
      const bytes = this.tree.readBytes(path, this.maxFileBytes);
      return bytes && decodeSourceText(path, bytes, this.maxFileBytes);
    }
    const abs = this.absolute(path);
    let lst;
    try {
      lst = lstatSync(abs, {throwIfNoEntry: false});
    } catch {
      return null;
    }
    if (!lst) return null;
    // Checked for every file, not only links: a linked parent folder (src -> /elsewhere) leaves the charm too.
    const where = this.resolveLink(path);
    if (where === 'loop') {
      throw new CharmArchError({
        code: 'symlink-loop',
        message: `${path} is a symbolic link that loops (it resolves to itself).`,
        file: path,
        hint: 'Replace the link with the file itself, or remove it.',
      });
    }
    if (where === 'broken') {
      throw new CharmArchError({
        code: 'symlink-broken',
        message: `${path} is a symbolic link to a file that does not exist.`,
        file: path,
        hint: 'Replace the link with the file itself, or remove it.',
      });
    }
    if (where === 'outside') {
      throw new CharmArchError({
        code: 'symlink-outside-charm',
        message: lst.isSymbolicLink()
          ? `${path} is a symbolic link that leaves the charm directory.`
          : `${path} resolves outside the charm directory (through a linked folder).`,
        file: path,
        hint: 'Replace the link with the file itself, or remove it: only files inside the charm are read.',
      });
    }
    let st;
    let bytes: Buffer;
    try {
      st = statSync(abs);
      if (st.isDirectory()) {
        throw new CharmArchError({
          code: 'not-a-file',
          message: `${path} is a directory where a file was expected.`,
          file: path,
          hint: 'Remove or rename the directory.',
        });
      }
      if (st.size > this.maxFileBytes) {
        throw new CharmArchError({
          code: 'file-too-large',
          message: `${path} is ${st.size} bytes, over the limit of ${this.maxFileBytes} bytes.`,
          file: path,
          hint: 'Raise the `maxFileBytes` option if this file is really part of the charm.',
        });
      }
      if (!st.isFile()) {
        throw new CharmArchError({
          code: 'not-a-file',
          message: `${path} is not a regular file (a device, socket or pipe).`,
          file: path,
          hint: 'Replace it with a regular file.',
        });
      }
      bytes = readFileSync(abs);
    } catch (error) {
      if (error instanceof CharmArchError) throw error;
      throw new CharmArchError({
        code: 'unreadable-file',
        message: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
        file: path,
        hint: "Check the file's permissions.",
      });
    }
    return decodeSourceText(path, bytes, this.maxFileBytes);
  }
}
