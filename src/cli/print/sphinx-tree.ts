/**
 * The section builders' mdast, reshaped for Sphinx (MyST and reStructuredText).
 *
 * Why: the Docusaurus page keeps each Juju event as a heading inside its numbered list item
 * (stable anchors, table-of-contents entries). MyST pulls such a heading out of the list and
 * leaves empty `<li>` items, and reStructuredText has no headings inside lists at all. So for
 * Sphinx each such item becomes a numbered sub-section: its heading (`1. config-changed`)
 * followed by the item's other blocks. Every element id becomes a Sphinx label, and an in-page
 * link (`#id`) a reference to that label. Section builders stay untouched; this runs only in the CLI.
 */
import type {BlockContent, Code, Heading, List, Node, Nodes, RootContent} from 'mdast';
import {plainText, slug} from '../../sections/mdast.js';

/** A cross-reference to a Sphinx label: `{ref}` in MyST, `:ref:` in rst. Only `sphinxTree` makes them. */
export interface SphinxRef extends Node {
  type: 'sphinxRef';
  label: string;
  /** Plain text shown for the reference. */
  title: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    sphinxRef: SphinxRef;
  }
  interface RootContentMap {
    sphinxRef: SphinxRef;
  }
}

/** Highlighting languages every Sphinx knows (Pygments lexers); any other fence language is dropped. */
const KNOWN_LEXERS = new Set([
  'bash',
  'console',
  'shell',
  'sh',
  'python',
  'py',
  'yaml',
  'json',
  'text',
  'ini',
  'toml',
  'diff',
  'sql',
  'none',
]);

/** The Sphinx label of a section the builders name (a heading's `charmLabel`); after `sphinxTree`, its `hProperties.id`. */
export function elementId(node: Nodes): string | undefined {
  return node.type === 'heading' ? (node.data?.charmLabel ?? node.data?.hProperties?.id) : node.data?.hProperties?.id;
}

/** The anchor a section has on the directive page (see `heading` in src/sections/mdast.ts). */
const anchorOf = (node: Nodes): string | undefined => node.data?.hProperties?.id;

function withId<T extends Nodes>(node: T, id: string): T {
  const {charmLabel: _, ...data} = (node.data ?? {}) as {charmLabel?: string};
  return {...node, data: {...data, hProperties: {id}}};
}

/** A list whose every item opens with a heading: Sphinx cannot show it as a list. */
function isHeadedList(node: RootContent): node is List {
  return (
    node.type === 'list' &&
    node.children.length > 0 &&
    node.children.every((item) => item.children[0]?.type === 'heading')
  );
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

/** Code fences for Sphinx: a language only when Pygments surely knows it (diagrams are `charmDiagram` nodes, not code). */
function sphinxCode(node: Code): Code {
  const lang = node.lang?.toLowerCase();
  return {...node, lang: lang && KNOWN_LEXERS.has(lang) ? lang : null, meta: null};
}

/**
 * The nodes reshaped for Sphinx, each element id turned into a Sphinx label: `prefix-id` (the
 * charm's name by default, so several charms' pages live in one project), unique on the page.
 */
export function sphinxTree(nodes: RootContent[], labelPrefix: string): RootContent[] {
  const prefix = slug(labelPrefix);
  const labels = new Map<string, string>();
  const used = new Set<string>();
  // In-page links name the directive page's anchors (`#config-changed`): each leads to its section's label.
  const label = (id: string, anchor: string | undefined): string => {
    const base = prefix ? `${prefix}-${id}` : id;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    for (const key of [id, anchor]) if (key !== undefined && !labels.has(key)) labels.set(key, candidate);
    return candidate;
  };
  const block = (node: RootContent): RootContent[] => {
    if (isHeadedList(node)) return liftHeadings(node).flatMap(block);
    const id = elementId(node);
    const labelled = id ? withId(node, label(id, anchorOf(node))) : node;
    if (labelled.type === 'code') return [sphinxCode(labelled)];
    if ('children' in labelled)
      return [{...labelled, children: (labelled.children as RootContent[]).flatMap(block)} as RootContent];
    return [labelled];
  };
  // Links are rewritten once every label is known: a link may point below itself.
  const links = (node: RootContent): RootContent => {
    if (node.type === 'link' && node.url.startsWith('#')) {
      const target = labels.get(node.url.slice(1));
      // an anchor of no element on this page (charm text may write one) is text in Sphinx, never a dangling reference
      return target
        ? {type: 'sphinxRef', label: target, title: plainText(node.children)}
        : {type: 'text', value: plainText(node.children)};
    }
    return 'children' in node
      ? ({...node, children: (node.children as RootContent[]).map(links)} as RootContent)
      : node;
  };
  return nodes.flatMap(block).map(links);
}
