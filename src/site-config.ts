import type {DocusaurusConfig} from '@docusaurus/types';

/**
 * Where the remark half is configured: in some `beforeDefaultRemarkPlugins` (right)
 * and/or some `remarkPlugins` (too late: headings would get no ids). Walks the
 * presets' and plugins' options, where docs/blog/pages keep theirs.
 */
export function findRemarkHalf(siteConfig: DocusaurusConfig, remarkPlugin: unknown): {before: boolean; after: boolean} {
  const result = {before: false, after: false};
  const seen = new Set<unknown>();
  const isOurs = (entry: unknown): boolean =>
    entry === remarkPlugin || (Array.isArray(entry) && entry[0] === remarkPlugin);
  const walk = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v, depth + 1));
      return;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'beforeDefaultRemarkPlugins' && Array.isArray(v) && v.some(isOurs)) result.before = true;
      else if (key === 'remarkPlugins' && Array.isArray(v) && v.some(isOurs)) result.after = true;
      else walk(v, depth + 1);
    }
  };
  walk([siteConfig.presets, siteConfig.plugins, siteConfig.themes], 0);
  return result;
}
