import {CharmArchError} from '../../errors.js';
import type {CharmSources} from '../sources/sources.js';
import {lazyModule} from './lazy-module.js';
import {indexModule, moduleNameOf} from './module-index.js';
import type {ModuleInfo} from './module-info.js';
import {parseModule} from './syntax.js';

/**
 * A project's Python source, parsed once: src/ eagerly, lib/ only when a name must
 * be resolved there (lib/ is most of a large project's Python).
 */
export class PythonProject {
  readonly modules = new Map<string, ModuleInfo>();
  /** Modules that failed to load (missing), so they are not retried. */
  private readonly missing = new Set<string>();

  constructor(
    private readonly sources: CharmSources,
    /** Import roots in lookup order, e.g. ['src', 'lib', ''] */
    private readonly roots: Array<{dir: string; origin: 'src' | 'lib'}>,
    /** A module that cannot be read (too large, a link leaving the repository) is skipped and reported here. */
    private readonly onUnreadable: (error: CharmArchError) => void = () => undefined,
  ) {}

  /** Loads every module under the `src` roots. */
  loadSources(): ModuleInfo[] {
    const out: ModuleInfo[] = [];
    for (const root of this.roots.filter((r) => r.origin === 'src')) {
      for (const path of this.sources.list(root.dir, (n) => n.endsWith('.py'))) {
        const info = this.loadFile(path, moduleNameOf(path, root.dir), 'src');
        if (info) out.push(info);
      }
    }
    return out;
  }

  /** Resolves an absolute or relative (`.mod`) module name imported from `from`. */
  resolveModule(spec: string, from?: ModuleInfo): ModuleInfo | undefined {
    let name = spec;
    if (spec.startsWith('.') && from) {
      const dots = /^\.+/.exec(spec)![0].length;
      const isPackage = from.py.file.path.endsWith('__init__.py');
      const pkg = from.py.name.split('.').slice(0, isPackage ? undefined : -1);
      const base = pkg.slice(0, pkg.length - (dots - 1));
      const rest = spec.slice(dots);
      name = [...base, ...(rest ? [rest] : [])].join('.');
    }
    const loaded = this.modules.get(name);
    if (loaded) return loaded;
    if (this.missing.has(name)) return undefined;
    for (const root of this.roots) {
      const prefix = root.dir ? `${root.dir}/` : '';
      const rel = name.split('.').join('/');
      for (const candidate of [`${prefix}${rel}.py`, `${prefix}${rel}/__init__.py`]) {
        if (this.sources.exists(candidate)) {
          const info = this.loadFile(candidate, name, root.origin);
          if (info) return info;
        }
      }
    }
    this.missing.add(name);
    return undefined;
  }

  /** The text of a module, without parsing it (`undefined` when it is not in the project). */
  moduleText(name: string): string | undefined {
    const loaded = this.modules.get(name);
    if (loaded) return loaded.py.file.text;
    const rel = name.split('.').join('/');
    for (const root of this.roots) {
      const prefix = root.dir ? `${root.dir}/` : '';
      for (const candidate of [`${prefix}${rel}.py`, `${prefix}${rel}/__init__.py`]) {
        if (!this.sources.exists(candidate)) continue;
        try {
          return this.sources.read(candidate)?.text;
        } catch {
          return undefined;
        }
      }
    }
    return undefined;
  }

  /** Source modules only (src/, not lib/). */
  sourceModules(): ModuleInfo[] {
    return [...this.modules.values()]
      .filter((m) => m.origin === 'src')
      .sort((a, b) => (a.py.file.path < b.py.file.path ? -1 : 1));
  }

  private loadFile(path: string, name: string, origin: 'src' | 'lib'): ModuleInfo | undefined {
    const existing = this.modules.get(name);
    if (existing) return existing;
    let file;
    try {
      file = this.sources.read(path);
    } catch (error) {
      if (!(error instanceof CharmArchError)) throw error;
      this.onUnreadable(error);
      this.missing.add(name);
      return undefined;
    }
    if (!file) return undefined;
    const info =
      (origin === 'lib' ? lazyModule(file, name, origin) : undefined) ?? indexModule(parseModule(file, name), origin);
    this.modules.set(name, info);
    return info;
  }
}
