import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, extname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {SCHEMA_VERSION, type CharmModel} from '../types.js';

/**
 * Charm models kept on disk between processes (a second `docusaurus build`, a restarted
 * `docusaurus start`, the next CLI run). An entry is trusted only when every file the model was
 * read from still has the same content (SHA-256), every folder it scanned the same listing, and
 * the code that wrote it is this code; anything else (another version, a truncated or edited
 * entry, a file that is not ours) is ignored and rewritten.
 */

export const PACKAGE_NAME = 'docusaurus-plugin-charm-architecture';
/** Set to a directory to keep the cache there (wins over the option's directory). */
export const CACHE_DIR_ENV = 'CHARM_ARCH_CACHE_DIR';
/** Set to 1/true/yes to turn the persistent cache off (wins over everything). */
export const NO_CACHE_ENV = 'CHARM_ARCH_NO_CACHE';
const FORMAT = 1;

/** `true` (default place), `false` (off), or a directory (relative to the site or current directory). */
export type PersistentCacheSetting = boolean | string;

interface Entry {
  format: number;
  package: string;
  codeVersion: string;
  key: string;
  /** Charm-relative file -> SHA-256 of its bytes ('missing' when absent). */
  files: Record<string, string>;
  /** Charm-relative folder -> SHA-256 of its sorted listing. */
  dirs: Record<string, string>;
  /** SHA-256 of `model` as stored: a cut or edited entry fails this check. */
  modelHash: string;
  model: CharmModel;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function fileHash(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch {
    return 'missing';
  }
}

function listingHash(path: string): string {
  try {
    return sha256(readdirSync(path).sort().join('\n'));
  } catch {
    return 'missing';
  }
}

/**
 * The folders whose listing a model depends on: the charm root, src/, lib/ and every folder above
 * a file it read (a new module in one of them can change the model).
 */
export function scannedDirs(model: Pick<CharmModel, 'sources'>): string[] {
  const dirs = new Set<string>(['', 'src', 'lib']);
  for (const f of model.sources) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs];
}

let ownCodeVersion: string | undefined;

/**
 * The folder of all model code: every stage (sources/, python/, charm/, extensions/ and its data)
 * decides what a cached model holds, not only charm/, where this module lives.
 */
export function modelCodeRoot(): string {
  return dirname(dirname(fileURLToPath(import.meta.url)));
}

/**
 * The package version and a hash of the model code itself (`modelCodeRoot`), so a rebuilt or upgraded
 * plugin never reads models an older reader wrote, even under an unchanged version number.
 */
export function codeVersion(): string {
  if (ownCodeVersion) return ownCodeVersion;
  const here = modelCodeRoot();
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      // .ts is the code when run from source (tests); declaration files change nothing a model holds.
      else if (['.js', '.ts', '.json'].includes(extname(entry.name)) && !entry.name.endsWith('.d.ts'))
        hash.update(`${path.slice(here.length)}\0`).update(readFileSync(path));
    }
  };
  walk(here);
  let version = '0.0.0';
  for (let d = here; dirname(d) !== d; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (!existsSync(pkg)) continue;
    const json = JSON.parse(readFileSync(pkg, 'utf8')) as {name?: string; version?: string};
    if (json.name === PACKAGE_NAME) {
      version = json.version ?? version;
      break;
    }
  }
  ownCodeVersion = `${version}+${hash.digest('hex').slice(0, 16)}`;
  return ownCodeVersion;
}

/**
 * Where the cache lives, or undefined when it is off. `CHARM_ARCH_NO_CACHE` turns it off, then
 * `false` does; `CHARM_ARCH_CACHE_DIR` or a string setting names the folder. By default, for a site
 * (`isSite`), `<site>/node_modules/.cache/<package name>/` beside webpack's own cache, whether that
 * folder exists yet or not (a first build creates it: looking further up would change the folder
 * between the first build and the next); for the CLI, the same folder of the nearest folder above
 * `base` that has node_modules, else the user's cache folder.
 */
export function persistentCacheDirectory(
  setting: PersistentCacheSetting | undefined,
  base: string,
  env: NodeJS.ProcessEnv = process.env,
  isSite = false,
): string | undefined {
  if (/^(1|true|yes|on)$/i.test(env[NO_CACHE_ENV] ?? '') || setting === false) return undefined;
  if (env[CACHE_DIR_ENV]) return resolve(base, env[CACHE_DIR_ENV]);
  if (typeof setting === 'string') return resolve(base, setting);
  if (isSite) return join(resolve(base), 'node_modules', '.cache', PACKAGE_NAME);
  for (let d = resolve(base); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return join(d, 'node_modules', '.cache', PACKAGE_NAME);
    if (dirname(d) === d) break;
  }
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), PACKAGE_NAME);
}

/** One folder of cached models, one JSON file per charm directory and load options. */
export class PersistentModelCache {
  constructor(
    readonly directory: string,
    private readonly version: string = codeVersion(),
  ) {}

  /** The file that holds the entry for `key` (a charm directory and its load options). */
  entryPath(key: string): string {
    return join(this.directory, `${sha256(key).slice(0, 32)}.json`);
  }

  /** The cached model of the charm at `root`, or undefined when there is none to trust. */
  get(root: string, key: string): CharmModel | undefined {
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(readFileSync(this.entryPath(key), 'utf8')) as Partial<Entry>;
    } catch {
      return undefined;
    }
    if (
      entry.format !== FORMAT ||
      entry.package !== PACKAGE_NAME ||
      entry.codeVersion !== this.version ||
      entry.key !== key
    )
      return undefined;
    const model = entry.model;
    if (model?.schemaVersion !== SCHEMA_VERSION || entry.modelHash !== sha256(JSON.stringify(model))) return undefined;
    if (!entry.files || !entry.dirs) return undefined;
    for (const [f, h] of Object.entries(entry.files)) if (fileHash(join(root, f)) !== h) return undefined;
    for (const [d, h] of Object.entries(entry.dirs)) if (listingHash(join(root, d)) !== h) return undefined;
    return model;
  }

  /**
   * Stores a model just read from `root`. A cache that cannot be written is skipped, never an error.
   * `root` null: a model read at a commit, whose key names the commit; nothing on disk can change it.
   */
  set(root: string | null, key: string, model: CharmModel): void {
    const entry: Entry = {
      format: FORMAT,
      package: PACKAGE_NAME,
      codeVersion: this.version,
      key,
      files: root === null ? {} : Object.fromEntries(model.sources.map((f) => [f, fileHash(join(root, f))])),
      dirs: root === null ? {} : Object.fromEntries(scannedDirs(model).map((d) => [d, listingHash(join(root, d))])),
      modelHash: sha256(JSON.stringify(model)),
      model,
    };
    const path = this.entryPath(key);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(this.directory, {recursive: true});
      // Written whole, then renamed: a reader in another process never sees half an entry.
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, path);
    } catch {
      rmSync(temporary, {force: true});
    }
  }
}
