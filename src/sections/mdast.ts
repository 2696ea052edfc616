import type {BlockContent, Code, Heading, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell, Text} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';

/** Small builders so section modules read like the page they produce. */
export const text = (value: string): Text => ({type: 'text', value});
export const code = (value: string): InlineCode => ({type: 'inlineCode', value});
export const strong = (...children: PhrasingContent[]): PhrasingContent => ({type: 'strong', children});
export const emphasis = (...children: PhrasingContent[]): PhrasingContent => ({type: 'emphasis', children});
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children});

/** Only http(s) and relative links: a charm's `javascript:` URL stays text. */
export function safeUrl(url: string): boolean {
  return /^(https?:\/\/|\/|#|\.\.?\/)/i.test(url.trim());
}

export function link(url: string, ...children: PhrasingContent[]): PhrasingContent {
  if (!safeUrl(url)) return children.length === 1 ? children[0]! : {type: 'emphasis', children};
  return {type: 'link', url, children} as Link;
}

export function heading(depth: number, id: string, ...children: PhrasingContent[]): Heading {
  // Docusaurus's heading plugin keeps an id already set in hProperties: stable anchors.
  // A heading is one line of Markdown, like a table row.
  return {type: 'heading', depth: Math.min(6, Math.max(1, depth)) as Heading['depth'], children: children.map(oneLine), data: {hProperties: {id}}};
}

export function list(ordered: boolean, items: Array<BlockContent[] | PhrasingContent[]>): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((content): ListItem => ({
      type: 'listItem',
      spread: false,
      children: isBlocks(content) ? content : [paragraph(...(content as PhrasingContent[]))],
    })),
  };
}

function isBlocks(content: Array<BlockContent | PhrasingContent>): content is BlockContent[] {
  return content.length > 0 && content.every((c) => ['paragraph', 'list', 'code', 'table', 'blockquote', 'heading', 'thematicBreak'].includes(c.type));
}

export function codeBlock(value: string, lang?: string, meta?: string): Code {
  return {type: 'code', lang: lang ?? null, meta: meta ?? null, value};
}

/** Table rows and headings are one line of Markdown: line breaks inside their text become spaces. */
function oneLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'text' || node.type === 'inlineCode') return {...node, value: node.value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')};
  if ('children' in node) return {...node, children: (node.children as PhrasingContent[]).map(oneLine)} as PhrasingContent;
  return node.type === 'break' ? text(' ') : node;
}

export function table(header: string[], rows: PhrasingContent[][][], align?: Array<'left' | 'right' | 'center' | null>): Table {
  const cell = (children: PhrasingContent[]): TableCell => ({type: 'tableCell', children: children.map(oneLine)});
  return {
    type: 'table',
    align: align ?? header.map(() => null),
    children: [
      {type: 'tableRow', children: header.map((h) => cell([text(h)]))},
      ...rows.map((r) => ({type: 'tableRow' as const, children: r.map(cell)})),
    ],
  };
}

export function blockquote(...children: BlockContent[]): RootContent {
  return {type: 'blockquote', children};
}

/**
 * Text from a charm (descriptions, docstrings) as Markdown blocks: parsed as
 * CommonMark + GFM with no HTML or MDX, then made inert. Raw HTML becomes text,
 * headings become paragraphs (no stray TOC entries), unsafe links and images become text.
 */
export function charmMarkdown(source: string): BlockContent[] {
  const hit = markdownCache.get(source);
  if (hit) return structuredClone(hit);
  const tree = fromMarkdown(source.replace(/\r\n?/g, '\n'), {extensions: [GFM_SYNTAX], mdastExtensions: [GFM_TREE]});
  const blocks = tree.children.map((n) => inertBlock(n as RootContent)).filter((n): n is BlockContent => n !== null);
  // The same descriptions and docstrings recur on every page that uses a charm; callers may mutate the result.
  if (markdownCache.size >= MARKDOWN_CACHE_SIZE) markdownCache.delete(markdownCache.keys().next().value!);
  markdownCache.set(source, blocks);
  return structuredClone(blocks);
}

const MARKDOWN_CACHE_SIZE = 2000;
const markdownCache = new Map<string, BlockContent[]>();
/** Built once: micromark otherwise rebuilds its GFM constructs on every call. */
const GFM_SYNTAX = gfm();
const GFM_TREE = gfmFromMarkdown();

/** Text from a charm as inline content (first paragraph's phrasing, or plain text). */
export function charmInline(source: string): PhrasingContent[] {
  const blocks = charmMarkdown(source);
  const out: PhrasingContent[] = [];
  for (const b of blocks) {
    if (out.length) out.push(text(' '));
    if (b.type === 'paragraph') out.push(...b.children);
    else out.push(text(plain(b)));
  }
  return out;
}

function plain(node: unknown): string {
  const n = node as {value?: string; children?: unknown[]};
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(plain).join(n.children && (node as {type: string}).type === 'list' ? ' ' : '');
}

function inertBlock(node: RootContent): BlockContent | null {
  switch (node.type) {
    case 'html':
      return paragraph(text(node.value));
    case 'heading':
      return paragraph(...inertPhrasing(node.children));
    case 'paragraph':
      return paragraph(...inertPhrasing(node.children));
    case 'definition':
    case 'footnoteDefinition':
      return null;
    case 'list':
      return {...node, children: node.children.map((li) => ({...li, children: li.children.map((c) => inertBlock(c)).filter((c): c is BlockContent => c !== null)}))};
    case 'blockquote':
      return {...node, children: node.children.map((c) => inertBlock(c)).filter((c): c is BlockContent => c !== null)};
    case 'table':
      return {...node, children: node.children.map((row) => ({...row, children: row.children.map((cell) => ({...cell, children: inertPhrasing(cell.children)}))}))};
    case 'code':
      // Fenced code from a charm never becomes a diagram or live code.
      return {...node, lang: node.lang === 'mermaid' ? 'text' : node.lang, meta: null};
    case 'thematicBreak':
      return node;
    default:
      return paragraph(text(plain(node)));
  }
}

function inertPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((c): PhrasingContent => {
    switch (c.type) {
      case 'html':
        return text(c.value);
      case 'link':
        return safeUrl(c.url) ? {...c, children: inertPhrasing(c.children)} : text(plain(c));
      case 'image':
        return text(c.alt ?? '');
      case 'linkReference':
      case 'imageReference':
      case 'footnoteReference':
        return text(plain(c));
      case 'strong':
      case 'emphasis':
      case 'delete':
        return {...c, children: inertPhrasing(c.children)};
      default:
        return c;
    }
  });
}

/** Slug for ids built from charm names (Juju names are already lowercase and hyphenated). */
export function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
