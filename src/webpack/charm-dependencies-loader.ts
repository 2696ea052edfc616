import {isAbsolute, join, resolve} from 'node:path';
import {loadCharmCached} from '../model/cache.js';
import {isFamilySection} from '../sections/family.js';

/** Options the plugin passes: charm id -> absolute directory, and the directive names to look for. */
export interface LoaderOptions {
  charms: Record<string, string>;
  defaultCharm?: string;
  directives: string[];
  maxFileBytes: number;
}

interface LoaderContext {
  getOptions(): LoaderOptions;
  addDependency(file: string): void;
  addContextDependency(dir: string): void;
}

/**
 * A pass-through pre-loader for Markdown pages. A remark plugin cannot tell webpack
 * what it read, so this loader declares the charm files a page's directives use:
 * `docusaurus start` recompiles the page when they change, and the persistent cache
 * never serves a stale page.
 */
export default function charmDependenciesLoader(this: LoaderContext, source: string): string {
  const options = this.getOptions();
  const names = options.directives.join('|');
  const directive = new RegExp(`^\\s*:{2,}(${names})\\b(.*)$`, 'gm');
  const ids = new Set<string>();
  for (const m of source.matchAll(directive)) {
    // The family directives read every configured charm (at most).
    if (isFamilySection(m[1] ?? '')) Object.keys(options.charms).forEach((id) => ids.add(id));
    const id = /\bcharm\s*=\s*["']?([\w-]+)/.exec(m[2] ?? '')?.[1] ?? options.defaultCharm ?? (Object.keys(options.charms).length === 1 ? Object.keys(options.charms)[0] : undefined);
    if (id) ids.add(id);
  }
  for (const id of ids) {
    const dir = options.charms[id];
    if (!dir) continue;
    this.addContextDependency(dir);
    try {
      const model = loadCharmCached(dir, {maxFileBytes: options.maxFileBytes});
      for (const f of model.sources) this.addDependency(isAbsolute(f) ? f : resolve(join(dir, f)));
    } catch {
      // The remark plugin reports the error with its position; here only dependencies matter.
      for (const f of ['charmcraft.yaml', 'metadata.yaml', 'config.yaml', 'actions.yaml']) this.addDependency(join(dir, f));
    }
  }
  return source;
}
