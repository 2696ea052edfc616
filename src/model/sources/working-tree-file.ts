/** Reading one file of the working tree: where its links lead, and the checks before its bytes are decoded. */
import {lstatSync, readFileSync, realpathSync, statSync} from 'node:fs';
import {sep} from 'node:path';
import {CharmArchError} from '../../errors.js';
import {decodeSourceText, type SourceFile} from './text.js';
import {directoryNotFile, fileTooLarge, symlinkLoop} from './file-errors.js';

/** Where a path really leads: inside the charm (or its repository), outside it, into a symbolic link loop, or nowhere. */
export type LinkTarget = 'inside' | 'outside' | 'loop' | 'broken';

/** Where the absolute path `abs` really leads, against the folders links may lead to. */
export function linkTarget(abs: string, allowedRoots: readonly string[]): LinkTarget {
  try {
    // The native realpath (one system call) everywhere in sources/: fs.realpathSync in JavaScript
    // calls lstat on every component of the path, a tenth of a cold load's file access.
    const real = realpathSync.native(abs);
    return allowedRoots.some((r) => real === r || real.startsWith(r + sep)) ? 'inside' : 'outside';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'broken';
  }
}

/**
 * Reads the working-tree file `path` (charm-relative; `abs` its absolute path), or returns null when it
 * does not exist. Throws CharmArchError for links that loop, break or leave the charm, folders, devices
 * and files over `maxFileBytes`.
 */
export function readWorkingTreeFile(
  path: string,
  abs: string,
  allowedRoots: readonly string[],
  maxFileBytes: number,
): SourceFile | null {
  let lst;
  try {
    lst = lstatSync(abs, {throwIfNoEntry: false});
  } catch {
    return null;
  }
  if (!lst) return null;
  // Checked for every file, not only links: a linked parent folder (src -> /elsewhere) leaves the charm too.
  const where = linkTarget(abs, allowedRoots);
  if (where === 'loop') {
    throw symlinkLoop(path);
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
      throw directoryNotFile(path);
    }
    if (st.size > maxFileBytes) {
      throw fileTooLarge(path, st.size, maxFileBytes);
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
  return decodeSourceText(path, bytes, maxFileBytes);
}
