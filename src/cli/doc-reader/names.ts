/** Names as people write them on a page: code, links, refs, list leads, headings. */
import {blockText, sectionBlocks, type DocBlock, type DocSection, type DocToken} from './types.js';

export interface Name {
  text: string;
  line: number;
  /** The name a list item, table row or heading starts with: what the block is about. */
  lead: boolean;
  via: DocToken['type'] | 'heading' | 'plain';
  /** Written as (or inside) a link's text: often a partner charm or a reference page. */
  link?: boolean;
}

/** A heading's own number: `1. `, `12) `. */
const NUMBERED = /^\d+[.)]\s+/;
export const SEPARATOR_AFTER_LEAD = /^\s*([^\s:,()]+)\s*(?::|—|–|\s-\s|\(|$)/;
/** Identifiers in running text: `upgrade_charm`, `wordpress-replica_relation_changed`, `<container name>_pebble_ready`. */
export const PLAIN_IDENTIFIER = /(?:<[^<>\n]+>|\{[^{}\n]+\}|[A-Za-z0-9]+)(?:[_-](?:<[^<>\n]+>|[A-Za-z0-9]+))+/g;

export function namesOf(block: DocBlock): Name[] {
  const names: Name[] = [];
  const tokens = block.tokens;
  if (block.kind === 'heading') {
    // code spans, roles, and code inside a link's text (`### 1. [`ready`](url)`, as `render` numbers events for Sphinx);
    // a link's plain text too once the heading has code besides (rst links hold no code: `ready <url>`__ on ``ingress``)
    const hasCode = tokens.some((t) => t.type === 'code' || t.type === 'ref');
    const codes = tokens.flatMap((t): Array<{text: string; via: DocToken['type']}> => {
      if (t.type === 'code' || t.type === 'ref') return [{text: t.text, via: t.type}];
      if (t.type !== 'link') return [];
      if (t.codes) return t.codes.map((text) => ({text, via: 'code'}));
      return hasCode ? [{text: t.text, via: 'link'}] : [];
    });
    if (codes.length) codes.forEach((t, i) => names.push({text: t.text, line: block.line, lead: i === 0, via: t.via}));
    else
      names.push({text: blockText(block).trim().replace(NUMBERED, ''), line: block.line, lead: true, via: 'heading'});
    return names;
  }
  const first = tokens.find((t) => t.type !== 'text' || t.text.trim() !== '');
  let leadDone = block.kind === 'paragraph';
  if (first?.type === 'text' && !leadDone) {
    const m = SEPARATOR_AFTER_LEAD.exec(first.text);
    if (m) names.push({text: m[1]!, line: first.line, lead: true, via: 'plain'});
    leadDone = true;
  }
  for (const t of tokens) {
    if (t.type === 'text') {
      for (const m of t.text.matchAll(PLAIN_IDENTIFIER))
        names.push({text: m[0], line: t.line, lead: false, via: 'plain'});
      continue;
    }
    const codes = t.type === 'link' && t.codes?.length ? t.codes : undefined;
    for (const text of codes ?? [t.text]) {
      names.push({
        text,
        line: t.line,
        lead: !leadDone,
        via: codes ? 'code' : t.type,
        ...(t.type === 'link' ? {link: true} : {}),
      });
      leadDone = true;
    }
  }
  return names;
}

export function* namesIn(sections: DocSection[]): Generator<Name & {block: DocBlock}> {
  for (const section of sections) {
    for (const block of sectionBlocks(section)) for (const n of namesOf(block)) yield {...n, block};
  }
}
