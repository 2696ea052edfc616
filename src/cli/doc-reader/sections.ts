/** Finding the sections of a hand-written page that list each category. */
import type {DocSection} from './types.js';
import type {Category} from './findings.js';
import {directiveNamed} from '../../sections/registry.js';

/** Which category a heading introduces, from its text. */
export function categoryOf(title: string): Category | null {
  const t = title.toLowerCase().replace(/[`*:]/g, '').replace(/\s+/g, ' ').trim();
  const words = t.split(' ').length;
  if (/\bdiagram\b/.test(t)) return null;
  if (/\b(oci|rocks?|images?)\b/.test(t) && words <= 4) return 'rock';
  if (/\bcontainers?\b/.test(t) && words <= 4) return 'container';
  if (/\b(events?|hooks?)\b/.test(t) && words <= 5 && !/^event\s+\S/.test(t)) return 'event';
  if (/^(charm |juju )?(integrations?|relations?|relation endpoints|endpoints|interfaces)$/.test(t)) return 'endpoint';
  if (/^(charm |juju )?actions?$/.test(t)) return 'action';
  return null;
}

/** The categories a directive of this plugin generates (none for any other name). */
export function generatedBy(directive: string): readonly Category[] {
  return directiveNamed(directive)?.checks ?? [];
}

export function findSections(
  sections: DocSection[],
  inside = new Set<Category>(),
  out = new Map<Category, DocSection[]>(),
): Map<Category, DocSection[]> {
  for (const s of sections) {
    const c = categoryOf(s.title);
    const here = new Set(inside);
    if (c && !inside.has(c)) {
      out.set(c, [...(out.get(c) ?? []), s]);
      here.add(c);
    }
    findSections(s.children, here, out);
  }
  return out;
}
