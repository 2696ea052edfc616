import {readdirSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {isCharmDir, normalise} from './paths.js';

const SKIP = new Set(['.git', 'node_modules', '.tox', '.venv', 'venv', 'build', 'dist', 'lib', 'src', 'tests', 'test']);

/** Charm directories in a repository (a charm's own subfolders are not searched). Paths relative to `root`, sorted. */
export function findCharms(root: string, maxDepth = 4): string[] {
  const base = resolve(root);
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (isCharmDir(dir)) {
      out.push(normalise(relative(base, dir)) || '.');
      return;
    }
    if (depth >= maxDepth) return;
    let entries;
    try {
      entries = readdirSync(dir, {withFileTypes: true});
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth + 1);
    }
  };
  walk(base, 0);
  return out;
}

/**
 * Why `dir` cannot be a charm directory, or null when it can: checked before anything is read or
 * watched, so that a charm path of `/` or `../../..` stops at once instead of being walked.
 */
export function charmDirProblem(dir: string): string | null {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    return 'does not exist';
  }
  if (!isDirectory) return 'is not a directory';
  return isCharmDir(dir) ? null : 'is not a charm directory: it holds no charmcraft.yaml or metadata.yaml';
}
