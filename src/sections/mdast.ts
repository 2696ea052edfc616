/** Builders of mdast nodes, so section modules read like the page they produce. */
import type {
  BlockContent,
  Code,
  Heading,
  InlineCode,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
  Text,
} from 'mdast';
import {isPublishableUrl} from './charm-links.js';

/** Small builders so section modules read like the page they produce. */
export const text = (value: string): Text => ({type: 'text', value});
export const code = (value: string): InlineCode => ({type: 'inlineCode', value});
export const strong = (...children: PhrasingContent[]): PhrasingContent => ({type: 'strong', children});
export const emphasis = (...children: PhrasingContent[]): PhrasingContent => ({type: 'emphasis', children});
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children});

/**
 * A section's introductory sentence, the one the page template has under the section heading
 * ("The following diagram shows ..."). Marked so that, when the author kept the template's own
 * sentence under the heading the section adopts, the adapter drops this one (src/remark/adopt.ts).
 */
export const intro = (...children: PhrasingContent[]): Paragraph => ({
  type: 'paragraph',
  children,
  data: {charmIntro: true} as Paragraph['data'],
});

/** Whether a generated node is a section's introductory sentence (see `intro`). */
export const isIntro = (node: RootContent): boolean =>
  node.type === 'paragraph' && (node.data as {charmIntro?: boolean} | undefined)?.charmIntro === true;

/** A link to a web page, a mail address or an anchor; any other URL leaves its children as they are. */
export function link(url: string, ...children: PhrasingContent[]): PhrasingContent {
  if (!isPublishableUrl(url)) return children.length === 1 ? children[0]! : {type: 'emphasis', children};
  return {type: 'link', url, children};
}

/**
 * The anchor a heading of this text gets from GitHub and from Docusaurus (github-slugger) when it
 * names none: lowercased, every character but letters, marks, decimal and letter numbers,
 * connector punctuation, spaces and hyphens removed, spaces made hyphens. (github-slugger's table
 * is of an older Unicode: letters added since are kept here and dropped there.) A page repeats an
 * anchor with `-1`, `-2`, ... appended, in page order, which the site does itself.
 */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** A heading's text as Docusaurus reads it for its anchor (mdast-util-to-string). */
export function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) =>
      'value' in n ? n.value : 'children' in n ? plainText(n.children) : n.type === 'image' ? (n.alt ?? '') : '',
    )
    .join('');
}

declare module 'mdast' {
  interface HeadingData {
    /** The section's name for Sphinx labels (`pastebin-k8s-event-config-changed`), see src/cli/print/sphinx-tree.ts. */
    charmLabel?: string;
  }
}

/**
 * A section's heading. Its anchor is the one the site gives its text anyway (`headingSlug`), so a
 * page that pastes `charm-arch render` output (GitHub, a Docusaurus .md or .mdx page, Sphinx with
 * MyST, whose section ids are the same for these texts) has the anchors of the directive page.
 * `label` names the section for Sphinx's `(label)=` / `.. _label:` targets.
 */
export function heading(depth: number, label: string, ...children: PhrasingContent[]): Heading {
  // A heading is one line of Markdown, like a table row.
  const line = children.map(oneLine);
  return {
    type: 'heading',
    depth: Math.min(6, Math.max(1, depth)) as Heading['depth'],
    children: line,
    data: {hProperties: {id: headingSlug(plainText(line))}, charmLabel: label},
  };
}

export function list(ordered: boolean, items: Array<BlockContent[] | PhrasingContent[]>): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((content): ListItem => ({
      type: 'listItem',
      spread: false,
      children: isBlocks(content) ? content : [paragraph(...content)],
    })),
  };
}

/** A list whose items hold several blocks (a heading, paragraphs): loose, so each paragraph stays a block. */
export function looseList(ordered: boolean, items: BlockContent[][]): List {
  const out = list(ordered, items);
  out.spread = true;
  for (const item of out.children) item.spread = true;
  return out;
}

function isBlocks(content: Array<BlockContent | PhrasingContent>): content is BlockContent[] {
  return (
    content.length > 0 &&
    content.every((c) =>
      ['paragraph', 'list', 'code', 'table', 'blockquote', 'heading', 'thematicBreak'].includes(c.type),
    )
  );
}

export function codeBlock(value: string, lang?: string, meta?: string): Code {
  return {type: 'code', lang: lang ?? null, meta: meta ?? null, value};
}

/** Table rows and headings are one line of Markdown: line breaks inside their text become spaces. */
function oneLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'text' || node.type === 'inlineCode')
    return {...node, value: node.value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')};
  if ('children' in node) return {...node, children: node.children.map(oneLine)};
  return node.type === 'break' ? text(' ') : node;
}

export function table(
  header: string[],
  rows: PhrasingContent[][][],
  align?: Array<'left' | 'right' | 'center' | null>,
): Table {
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

/** Slug for ids built from charm names (Juju names are already lowercase and hyphenated). */
export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
