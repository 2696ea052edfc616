import type {ListItem, RootContent} from 'mdast';
import {normaliseEventName} from '../model/index.js';
import type {EventAnnotation} from '../sections/context.js';

/**
 * `- config-changed: what we do`, `` - `config_changed`: ... ``, and for an event name several
 * emitters share, `- database-created on mysql: ...` / `` - `ready` of `IngressRequirer`: ... ``
 * (the endpoint or class the entry's heading names), inside a directive that takes event notes
 * (`annotations`). Matched against the note's lead: its text and code up to the first colon.
 */
const NOTE = /^\s*`?([a-z0-9][a-z0-9_-]*)`?(?:\s+(?:on|of)\s+`?([^`\s]+)`?)?\s*$/i;

/** Splits author prose into event notes (list items that start with an event name) and the rest. */
export function extractAnnotations(children: RootContent[]): {prose: RootContent[]; annotations: EventAnnotation[]} {
  const annotations: EventAnnotation[] = [];
  const prose: RootContent[] = [];
  for (const child of children) {
    if (child.type !== 'list') {
      prose.push(child);
      continue;
    }
    const kept: ListItem[] = [];
    for (const item of child.children) {
      const note = noteOf(item);
      if (note) annotations.push(note);
      else kept.push(item);
    }
    if (kept.length) prose.push({...child, children: kept});
  }
  return {prose, annotations};
}

function noteOf(item: ListItem): EventAnnotation | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  // The lead: text and inline code up to the first colon in a text node.
  let lead = '';
  for (const [i, child] of first.children.entries()) {
    if (child.type === 'inlineCode') lead += `\`${child.value}\``;
    else if (child.type !== 'text') return null;
    else if (child.value.includes(':')) {
      const colon = child.value.indexOf(':');
      const m = NOTE.exec(lead + child.value.slice(0, colon));
      if (!m) return null;
      const after = child.value.slice(colon + 1).replace(/^\s+/, '');
      const remainder = [...(after ? [{...child, value: after}] : []), ...first.children.slice(i + 1)];
      return {
        event: normaliseEventName(m[1]!),
        ...(m[2] ? {emitter: m[2]} : {}),
        content: remainder.filter((c) => c.type !== 'text' || c.value !== ''),
        ...(item.position ? {line: item.position.start.line} : {}),
      };
    } else lead += child.value;
  }
  return null;
}
