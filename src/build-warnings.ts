import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {docVersionOf, refFor} from './doc-versions.js';
import {loadCharmCachedAt} from './model/index.js';
import type {CharmModel} from './model/index.js';
import {resolvedCharmId, type PluginOptions} from './options.js';
import {extractAnnotations} from './remark/annotations.js';
import {pageDirectives} from './remark/page-directives.js';
import {charmWarningLines, driftedAnnotations, driftLine} from './report.js';
import {sitePages} from './site-pages.js';

export interface BuildWarnings {
  /** Each a `file:line:column: code: message` line. */
  drift: string[];
  charm: string[];
}

/**
 * What the build log must show on every build, cached or not (the remark half does not run for a
 * page webpack serves from its cache). Called once the docs plugin has loaded, so each page's doc
 * version (and with it the charm's git ref) is known: the drift of every event note (in a directive that takes them) on the site's pages,
 * and the warnings of every charm the site documents. A charm that cannot be read is left to the
 * remark half, which reports it with the page position.
 */
export function collectBuildWarnings(
  siteDir: string,
  options: PluginOptions,
  charmDirs: Readonly<Record<string, string>>,
): BuildWarnings {
  const models = new Map<string, CharmModel | null>();
  /** The charm as the page reads it: in its working tree, or at the ref of the directive, the page's doc version or the charm. */
  const model = (id: string, ref?: string): CharmModel | null => {
    const key = `${id}\0${ref ?? ''}`;
    if (!models.has(key)) {
      try {
        models.set(key, loadCharmCachedAt(charmDirs[id]!, ref, {maxFileBytes: options.maxFileBytes}).model);
      } catch {
        models.set(key, null);
      }
    }
    return models.get(key)!;
  };
  const charm = Object.keys(charmDirs).flatMap((id) => {
    const m = model(id, options.charms[id]?.ref);
    return m ? charmWarningLines(m, charmDirs[id]!) : [];
  });
  const drift: string[] = [];
  for (const page of sitePages(siteDir, {
    skip: new Set(Object.values(charmDirs).map((d) => resolve(d))),
    maxFileBytes: options.maxFileBytes,
    partials: true,
  })) {
    for (const {directive, node} of pageDirectives(readFileSync(page, 'utf8'))) {
      if (directive.family || !directive.annotations || node.type !== 'containerDirective') continue;
      const id = resolvedCharmId(node.attributes, {charms: charmDirs, defaultCharm: options.defaultCharm});
      if (id === undefined) continue;
      const m = model(
        id,
        refFor(
          node.attributes?.['ref'] ?? undefined,
          options.charms[id]?.ref,
          options.versions,
          docVersionOf(options.id, page),
        ),
      );
      if (!m) continue;
      const {annotations} = extractAnnotations(node.children);
      for (const a of driftedAnnotations(m, annotations))
        drift.push(driftLine(page, a.line ?? node.position?.start.line ?? 1, m, a));
    }
  }
  return {drift, charm};
}
