import {isAbsolute, join, resolve} from 'node:path';

/**
 * Which Docusaurus doc version each doc source file belongs to, as the docs plugin itself loaded
 * it (never guessed from the path): the plugin half records it in `allContentLoaded`; the remark
 * half and the webpack pre-loader look pages up by their absolute path.
 */
export type DocVersions = ReadonlyMap<string, string>;

/** The part of @docusaurus/plugin-content-docs's loaded content read here. */
interface LoadedDocsContent {
  loadedVersions?: ReadonlyArray<{versionName?: unknown; docs?: ReadonlyArray<{source?: unknown}>}>;
}

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';

/** Source path -> version name for every doc of every docs plugin instance (`allContent` of allContentLoaded). */
export function docVersionsIn(
  allContent: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
  siteDir: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const content of Object.values(allContent[DOCS_PLUGIN] ?? {})) {
    for (const version of (content as LoadedDocsContent | undefined)?.loadedVersions ?? []) {
      if (typeof version.versionName !== 'string') continue;
      for (const doc of version.docs ?? []) {
        if (typeof doc.source === 'string') out.set(sitePath(doc.source, siteDir), version.versionName);
      }
    }
  }
  return out;
}

/** `@site/versioned_docs/version-1.x/a.md` -> an absolute path. */
function sitePath(source: string, siteDir: string): string {
  if (source.startsWith('@site/')) return join(siteDir, source.slice('@site/'.length));
  return isAbsolute(source) ? source : resolve(siteDir, source);
}

/**
 * One registry per process, shared by every copy of this module: webpack loads the pre-loader
 * natively, apart from the copy Docusaurus's config loader made.
 */
const shared = globalThis as typeof globalThis & Record<symbol, Map<string, DocVersions> | undefined>;
const registry = (shared[Symbol.for('docusaurus-plugin-charm-architecture/doc-versions')] ??= new Map<
  string,
  DocVersions
>());

export function recordDocVersions(pluginId: string | undefined, versions: DocVersions): void {
  registry.set(pluginId ?? 'default', versions);
}

/** The doc version Docusaurus gave the page at `path`, or undefined (a page, a blog post, an unversioned site). */
export function docVersionOf(pluginId: string | undefined, path: string | undefined): string | undefined {
  return path ? registry.get(pluginId ?? 'default')?.get(resolve(path)) : undefined;
}

/**
 * The ref a directive reads its charm at, or undefined for the working tree. The directive's own
 * `ref` wins; then the `versions` entry of the page's doc version (null: the working tree); then
 * the charm's `ref` option.
 */
export function refFor(
  attribute: string | undefined,
  charmRef: string | undefined,
  versions: Readonly<Record<string, string | null>> | undefined,
  docVersion: string | undefined,
): string | undefined {
  if (attribute !== undefined) return attribute;
  if (docVersion !== undefined && versions && Object.prototype.hasOwnProperty.call(versions, docVersion))
    return versions[docVersion] ?? undefined;
  return charmRef;
}
