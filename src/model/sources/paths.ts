/** Paths of a charm: `/`-separated relative paths, charm directories, the repository around a charm. */
import {existsSync, statSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';

/** Markers of a repository root (a clone has .git; an exported tree usually keeps .github). */
const REPOSITORY_MARKERS = ['.git', '.github'];

/** The repository a charm directory sits in: the nearest ancestor (the charm itself, or up to 3 levels up) with a marker. */
export function repositoryAround(realCharmRoot: string): string | null {
  let dir = realCharmRoot;
  for (let i = 0; i <= 3; i++) {
    if (REPOSITORY_MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

export function normalise(path: string): string {
  return path.split(sep).join('/').replace(/^\.\//, '');
}

/** A directory is a charm when it holds charmcraft.yaml or metadata.yaml (and is not a reactive layer only). */
export function isCharmDir(abs: string): boolean {
  // Each file checked on its own: a legacy charm has metadata.yaml and no charmcraft.yaml.
  const isFile = (name: string): boolean => {
    try {
      // Most folders walked are not charms: no exception for a marker that is not there.
      return statSync(join(abs, name), {throwIfNoEntry: false})?.isFile() ?? false;
    } catch {
      return false;
    }
  };
  return isFile('charmcraft.yaml') || isFile('metadata.yaml');
}

export function relativePath(from: string, to: string): string {
  return normalise(relative(from, to));
}
