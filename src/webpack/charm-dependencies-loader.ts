import {existsSync} from 'node:fs';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {docVersionOf, refFor} from '../doc-versions.js';
import {loadCharmAtRefCached, loadCharmCached, refFilesAround} from '../model/index.js';
import {resolvedCharmId} from '../options.js';
import {contentRoot} from '../remark/charm-pages.js';
import {pageDirectives} from '../remark/page-directives.js';

/** Options the plugin passes: charm id -> absolute directory. */
export interface LoaderOptions {
  charms: Record<string, string>;
  defaultCharm?: string;
  maxFileBytes: number;
  /** Charm id -> its `ref` option. */
  refs?: Record<string, string>;
  versions?: Record<string, string | null>;
  pluginId?: string;
  /** The site folder: a catalog page depends on its content folder's pages. */
  siteDir?: string;
}

interface LoaderContext {
  getOptions(): LoaderOptions;
  addDependency(file: string): void;
  addContextDependency(dir: string): void;
  addMissingDependency(file: string): void;
  resourcePath: string;
}

/** Files whose appearance makes a directory a charm, or changes what is read from it. */
const METADATA_FILES = ['charmcraft.yaml', 'metadata.yaml', 'config.yaml', 'actions.yaml'];

/**
 * A pass-through pre-loader for Markdown pages. A remark plugin cannot tell webpack
 * what it read, so this loader declares the charm files a page's directives use:
 * `docusaurus start` recompiles the page when they change, and the persistent cache
 * never serves a stale page.
 *
 * Only the files the charm model read are declared, and the folder of its Python entry point
 * (where a new module may appear): never the charm path itself, which webpack would hash
 * recursively (a path of `/` hashed the whole file system).
 */
export default function charmDependenciesLoader(this: LoaderContext, source: string): string {
  const options = this.getOptions();
  const uses = new Map<string, {id: string; ref: string | undefined}>();
  const docVersion = docVersionOf(options.pluginId, this.resourcePath);
  for (const {directive, node} of pageDirectives(source)) {
    const refAttribute = node.attributes?.['ref'] ?? undefined;
    const use = (id: string): void => {
      const ref = refFor(refAttribute, options.refs?.[id], options.versions, docVersion);
      uses.set(`${id}\0${ref ?? ''}`, {id, ref});
    };
    // The family directives read every configured charm (at most), each where the page reads it.
    if (directive.family) {
      Object.keys(options.charms).forEach(use);
      // The catalog links each charm to the page documenting it, read from the other pages.
      if (directive.readsSitePages && options.siteDir)
        this.addContextDependency(contentRoot(options.siteDir, this.resourcePath));
      continue;
    }
    const id = resolvedCharmId(node.attributes, options);
    if (id) use(id);
  }
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const {id, ref} of uses.values()) {
    const dir = options.charms[id]!;
    if (ref !== undefined) {
      // At a ref the page depends on what the ref names: a moved branch or a new tag recompiles it.
      let files: string[];
      try {
        files = loadCharmAtRefCached(dir, ref, {maxFileBytes: options.maxFileBytes}).refFiles;
      } catch {
        // The remark plugin reports the error with its position; a tag created later still recompiles the page.
        files = refFilesAround(dir, ref);
      }
      for (const f of files) {
        if (existsSync(f)) this.addDependency(f);
        else this.addMissingDependency(f);
      }
      continue;
    }
    for (const f of METADATA_FILES) files.add(join(dir, f));
    try {
      const model = loadCharmCached(dir, {maxFileBytes: options.maxFileBytes});
      for (const f of model.sources) files.add(isAbsolute(f) ? f : resolve(join(dir, f)));
      const entryDir = dirname(model.entrypoint);
      if (entryDir !== '.' && !entryDir.startsWith('..')) folders.add(join(dir, entryDir));
    } catch {
      // The remark plugin reports the error with its position; the metadata files above are
      // enough to notice the charm being fixed.
    }
  }
  for (const f of files) this.addDependency(f);
  for (const d of folders) this.addContextDependency(d);
  return source;
}
