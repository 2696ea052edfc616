import type {ListItem, PhrasingContent, RootContent} from 'mdast';
import {normaliseEventName} from '../model/index.js';
import type {EventAnnotation} from '../sections/context.js';

/** `- config-changed: what we do` / `` - `config_changed`: ... `` inside a directive that takes event notes (`annotations`). */
const NOTE = /^\s*`?([a-z0-9][a-z0-9_-]*)`?\s*:\s*/i;

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
  const [head, ...rest] = first.children;
  let event: string | undefined;
  let remainder: PhrasingContent[] = [];
  if (head?.type === 'inlineCode' && rest[0]?.type === 'text' && /^\s*:/.test(rest[0].value)) {
    event = head.value;
    remainder = [{...rest[0], value: rest[0].value.replace(/^\s*:\s*/, '')}, ...rest.slice(1)];
  } else if (head?.type === 'text') {
    const m = NOTE.exec(head.value);
    if (!m) return null;
    event = m[1]!;
    remainder = [{...head, value: head.value.slice(m[0].length)}, ...rest];
  }
  if (!event) return null;
  return {
    event: normaliseEventName(event),
    content: remainder.filter((c) => c.type !== 'text' || c.value !== ''),
    ...(item.position ? {line: item.position.start.line} : {}),
  };
}
