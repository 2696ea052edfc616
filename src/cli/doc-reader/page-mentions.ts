/** What a page's sections say: their plain text, and whether it mentions a charm name in any spelling. */
import {hookName, opsAttributeName, type Rock} from '../../model/index.js';
import {blockText, sectionBlocks, type DocSection} from './types.js';

export const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
export const rockDir = (r: Rock): string => {
  const parts = r.path.split('/');
  return parts.length > 1 ? parts[parts.length - 2]! : r.name;
};
export const stem = (s: string, suffix: RegExp): string => s.replace(suffix, '');

export function mentions(text: string, name: string): boolean {
  const variants = new Set([name, opsAttributeName(name), hookName(name)]);
  for (const v of variants) {
    const re = new RegExp(`(^|[^A-Za-z0-9_-])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`, 'i');
    if (re.test(text)) return true;
  }
  return false;
}

export function sectionText(sections: DocSection[]): string {
  const parts: string[] = [];
  for (const s of sections)
    for (const b of sectionBlocks(s, true)) {
      parts.push(blockText(b));
      for (const t of b.tokens) if (t.url) parts.push(t.url);
    }
  return parts.join('\n');
}
