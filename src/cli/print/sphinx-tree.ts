/**
 * The section builders' mdast, reshaped for Sphinx (MyST and reStructuredText).
 *
 * Why: the Docusaurus page keeps each Juju event as a heading inside its numbered list item
 * (stable anchors, table-of-contents entries). MyST pulls such a heading out of the list and
 * leaves empty `<li>` items, and reStructuredText has no headings inside lists at all. So for
 * Sphinx each such item becomes a numbered sub-section: its heading (`1. config-changed`)
 * followed by the item's other blocks. Section builders stay untouched; this runs only in the CLI.
 */
import type {BlockContent, Code, Heading, List, RootContent} from 'mdast';
import {slug} from '../../sections/mdast.js';

/** Highlighting languages every Sphinx knows (Pygments lexers); any other fence language is dropped. */
const KNOWN_LEXERS = new Set(['bash', 'console', 'shell', 'sh', 'python', 'py', 'yaml', 'json', 'text', 'ini', 'toml', 'diff', 'sql', 'none']);

/** The heading id the section builders set (`data.hProperties.id`). */
export function headingId(node: Heading): string | undefined {
  return (node.data as {hProperties?: {id?: string}} | undefined)?.hProperties?.id;
}

function withId(node: Heading, id: string): Heading {
  return {...node, data: {...node.data, hProperties: {id}}};
}

/** A list whose every item opens with a heading: Sphinx cannot show it as a list. */
function isHeadedList(node: RootContent): node is List {
  return node.type === 'list' && node.children.length > 0 && node.children.every((item) => item.children[0]?.type === 'heading');
}

/** Each item of a headed list as a sub-section; ordered lists keep their numbers in the heading. */
function liftHeadings(list: List): RootContent[] {
  const start = list.start ?? 1;
  return list.children.flatMap((item, i) => {
    const [first, ...rest] = item.children as [Heading, ...BlockContent[]];
    const number = list.ordered ? [{type: 'text' as const, value: `${start + i}. `}] : [];
    return [{...first, children: [...number, ...first.children]}, ...rest];
  });
}

/** Code fences for Sphinx: the builders' diagrams stay `mermaid`; any other language only when Pygments surely knows it. */
function sphinxCode(node: Code): Code {
  if (node.lang === 'mermaid') return node;
  const lang = node.lang?.toLowerCase();
  return {...node, lang: lang && KNOWN_LEXERS.has(lang) ? lang : null, meta: null};
}

/**
 * The nodes reshaped for Sphinx, each heading's id turned into a Sphinx label: `prefix-id`
 * (the charm's name by default, so several charms' pages live in one project), unique on the page.
 */
export function sphinxTree(nodes: RootContent[], labelPrefix: string): RootContent[] {
  const prefix = slug(labelPrefix);
  const used = new Set<string>();
  const label = (id: string): string => {
    const base = prefix ? `${prefix}-${id}` : id;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    return candidate;
  };
  const visit = (node: RootContent): RootContent[] => {
    if (isHeadedList(node)) return liftHeadings(node).flatMap(visit);
    if (node.type === 'heading') {
      const id = headingId(node);
      return [id ? withId(node, label(id)) : node];
    }
    if (node.type === 'code') return [sphinxCode(node)];
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'table') {
      return [{...node, children: (node.children as RootContent[]).flatMap(visit)} as RootContent];
    }
    return [node];
  };
  return nodes.flatMap(visit);
}
