/** Dict literals: entries, look-ups and items. */
import {type SyntaxNode, kids, text} from './syntax.js';
import type {Value} from './values.js';

export interface DictEntry {
  key: Value | null;
  keyNode: SyntaxNode | null;
  valueNode: SyntaxNode;
  /** `**spread` entries have no key. */
  spread: boolean;
}

export function dictEntries(dict: Extract<Value, {t: 'dict'}>): DictEntry[] {
  const items = kids(dict.node).filter((c) => !['{', '}', ',', ':', 'Comment'].includes(c.name));
  const out: DictEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    if (c.name === '**') {
      const v = items[i + 1];
      if (v) out.push({key: null, keyNode: null, valueNode: v, spread: true});
      i += 1;
      continue;
    }
    const v = items[i + 1];
    if (!v) break;
    out.push({key: dict.ctx.evaluate(c, dict.ctx), keyNode: c, valueNode: v, spread: false});
    i += 1;
  }
  return out;
}

export function dictLookup(dict: Extract<Value, {t: 'dict'}>, key: string): Value | undefined {
  const entry = dictEntries(dict).find((e) => e.key?.t === 'str' && e.key.v === key);
  return entry ? dict.ctx.evaluate(entry.valueNode, dict.ctx) : undefined;
}

export function dictItems(dict: Extract<Value, {t: 'dict'}>): Value {
  const entries = dictEntries(dict);
  if (entries.some((e) => e.spread)) return {t: 'unknown', expr: text(dict.ctx.module.py, dict.node)};
  return {
    t: 'seq',
    items: entries.map((e) => ({
      t: 'seq',
      items: [e.key ?? {t: 'unknown', expr: ''}, dict.ctx.evaluate(e.valueNode, dict.ctx)],
    })),
  };
}
