/** Listing the working tree's files below a folder: sorted, links followed once, skipped folders and other charms left out. */
import {readdirSync, realpathSync, statSync} from 'node:fs';
import {isCharmDir, relativePath} from './paths.js';
import {SKIPPED_DIRS, type SkippedPath, type TreeListOptions} from './source-tree.js';

/** What the walk needs from the CharmSources it lists for. */
export interface WalkContext {
  /** The charm's real path (symbolic links resolved), for messages. */
  realRoot: string;
  absolute(path: string): string;
  /** Whether a symbolic link stays inside the charm or its repository. */
  isInside(path: string): boolean;
  realpathOf(path: string): string;
  skip(problem: SkippedPath): void;
}

/**
 * Files below `dir` (charm-relative, normalised) whose name passes `accept`, pre-order, names sorted;
 * what it passes over that a reader would expect to be read goes to `ctx.skip`.
 */
export function listWorkingTree(
  ctx: WalkContext,
  dir: string,
  accept: (name: string) => boolean,
  opts: Omit<TreeListOptions, 'skipped'>,
): string[] {
  const {maxDepth} = opts;
  const out: string[] = [];
  let done = false;
  const found = (path: string): void => {
    out.push(path);
    done = opts.until?.(out) ?? false;
  };
  // Real paths of the folders and files walked: a link back into them (`src/self -> .`) would read them twice.
  const visited = new Set<string>();
  const seenFiles = new Set<string>();
  const walk = (rel: string, depth: number): void => {
    let entries;
    try {
      visited.add(realpathSync.native(ctx.absolute(rel)));
      entries = readdirSync(ctx.absolute(rel), {withFileTypes: true});
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder that is not there is simply not part of this charm.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        ctx.skip({
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
      if (done) return;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        // Followed only when it stays inside the charm or its repository (loops and escapes are skipped).
        if (!ctx.isInside(childRel)) continue;
        let st;
        try {
          st = statSync(ctx.absolute(childRel));
        } catch {
          continue;
        }
        const real = realpathSync.native(ctx.absolute(childRel));
        if (st.isFile() && accept(entry.name)) {
          if (seenFiles.has(real))
            ctx.skip({
              code: 'symlink-duplicate',
              path: childRel,
              message: `${childRel} links to a file that is read already; it is read once.`,
              hint: 'Remove the link if it is not needed.',
            });
          else {
            seenFiles.add(real);
            found(childRel);
          }
        } else if (st.isDirectory() && depth < maxDepth && !SKIPPED_DIRS.has(entry.name)) {
          if (visited.has(real))
            ctx.skip({
              code: 'symlink-duplicate',
              path: childRel,
              message: `${childRel} links to a folder that is read already (${relativePath(ctx.realRoot, real) || '.'}); it is read once.`,
              hint: 'Remove the link: each file is read once.',
            });
          else walk(childRel, depth + 1);
        }
        continue;
      }
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || depth >= maxDepth) continue;
        // Another charm's directory (several charms in one repository) belongs to that charm.
        if (opts.stopAtCharms && isCharmDir(ctx.absolute(childRel))) continue;
        walk(childRel, depth + 1);
      } else if (entry.isFile() && accept(entry.name)) {
        const real = ctx.realpathOf(childRel);
        if (!seenFiles.has(real)) {
          seenFiles.add(real);
          found(childRel);
        }
      } else if (!entry.isFile() && !entry.isDirectory() && accept(entry.name)) {
        ctx.skip({
          code: 'not-a-file',
          path: childRel,
          message: `${childRel} is not a regular file (a pipe, socket or device); it is left out.`,
          hint: 'Replace it with a regular file.',
        });
      }
    }
  };
  walk(dir, 0);
  return out;
}
