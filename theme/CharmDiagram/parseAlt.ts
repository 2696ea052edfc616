import type {CharmDiagramAltGroup} from './types.js';

/** Parse the `alt` prop (JSON string or array) into groups; never throws. */
export function parseAlt(alt: unknown): CharmDiagramAltGroup[] {
  let value: unknown = alt;
  if (typeof alt === 'string') {
    if (alt.trim() === '') return [];
    try {
      value = JSON.parse(alt);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(value)) return [];
  const out: CharmDiagramAltGroup[] = [];
  for (const g of value) {
    if (g === null || typeof g !== 'object') continue;
    const {label, items} = g as {label?: unknown; items?: unknown};
    if (typeof label !== 'string') continue;
    out.push({label, items: Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : []});
  }
  return out;
}

/** Replace `var(--x, fallback)` in an SVG's CSS by the values in force, so a downloaded SVG keeps its colours. */
export function inlineCssVariables(svg: string, lookup: (name: string) => string): string {
  let out = svg;
  // Repeat for nested var() fallbacks.
  for (let i = 0; i < 4 && out.includes('var(--'); i++) {
    out = out.replace(
      /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g,
      (_m, name: string, fallback?: string) => {
        const v = lookup(name).trim();
        return v !== '' ? v : (fallback ?? '').trim() || 'initial';
      },
    );
  }
  return out;
}

/** A file name from a title. */
export function fileNameFor(title: string | undefined): string {
  const base = (title ?? 'diagram')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'diagram'}.svg`;
}
