import {statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {loadCharm, type LoadOptions} from './load.js';
import {clearParsedTexts} from '../python/syntax.js';
import {
  PersistentModelCache,
  persistentCacheDirectory,
  scannedDirs,
  type PersistentCacheSetting,
} from './persistent-cache.js';
import type {CharmModel} from '../types.js';

interface Entry {
  model: CharmModel;
  /** mtime+size of every file read, and of the folders scanned (a new module changes its folder). */
  stamps: Map<string, string>;
}

/**
 * One cache per process, not per module instance: Docusaurus loads the config (and with it the
 * remark half) through its own module loader, and webpack loads the pre-loader natively, so this
 * module can be instantiated twice in one build. Both copies share the entries below.
 */
interface SharedState {
  cache: Map<string, Entry>;
  loadCounts: Map<string, number>;
  /** Models on disk, shared by every copy of this module; none until `usePersistentCache`. */
  persistent?: PersistentModelCache;
}
const shared = globalThis as typeof globalThis & Record<symbol, SharedState | undefined>;
const KEY = Symbol.for('docusaurus-plugin-charm-architecture/model-cache');
const state: SharedState = (shared[KEY] ??= {cache: new Map(), loadCounts: new Map()});
const cache = state.cache;
/** How many times each charm was actually parsed (the bench asserts one per build). */
export const loadCounts = state.loadCounts;

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function stampsOf(root: string, model: CharmModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of model.sources) out.set(f, stamp(join(root, f)));
  for (const d of scannedDirs(model)) out.set(`${d}/`, stamp(join(root, d)));
  return out;
}

/**
 * Turns the on-disk cache on for this process (the plugin half with the site directory and
 * `isSite`, the CLI with the current directory), or off. Returns the folder in use, if any.
 */
export function usePersistentCache(
  setting: PersistentCacheSetting | undefined,
  base: string,
  isSite = false,
): string | undefined {
  const directory = persistentCacheDirectory(setting, base, process.env, isSite);
  state.persistent = directory ? new PersistentModelCache(directory) : undefined;
  return directory;
}

/**
 * The model of a charm, loaded once and reused until a file it was read from
 * (or a folder it scanned) changes. Cheap to call per directive: one stat per file.
 * With the persistent cache on, a new process takes the model from disk when its files are unchanged.
 */
export function loadCharmCached(dir: string, options: LoadOptions = {}): CharmModel {
  const root = resolve(dir);
  const key = `${root}\0${options.maxFileBytes ?? ''}`;
  const hit = cache.get(key);
  if (hit && [...hit.stamps].every(([f, s]) => stamp(join(root, f.replace(/\/$/, ''))) === s)) return hit.model;
  let model = state.persistent?.get(root, key);
  if (!model) {
    model = loadCharm(root, options);
    loadCounts.set(root, (loadCounts.get(root) ?? 0) + 1);
    state.persistent?.set(root, key, model);
  }
  cache.set(key, {model, stamps: stampsOf(root, model)});
  return model;
}

/** The on-disk model cache in use, if any (models read at a commit are kept there by commit id). */
export function persistentModels(): PersistentModelCache | undefined {
  return state.persistent;
}

/** Forgets every model (and every remembered parse) of this process. */
export function clearCharmCache(): void {
  cache.clear();
  loadCounts.clear();
  clearParsedTexts();
}
