/** Text from a charm (descriptions, docstrings) as inert Markdown: no HTML, no diagrams, only safe links. */
import type {BlockContent, PhrasingContent, RootContent} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';
import {charmTextProblem, MAX_CHARM_TEXT_DEPTH} from '../model/index.js';
import {charmLinkUrl} from './charm-links.js';
import type {LinkOptions} from './context.js';
import {code, codeBlock, paragraph, text} from './mdast.js';

/**
 * Text from a charm (descriptions, docstrings) as Markdown blocks: parsed as
 * CommonMark + GFM with no HTML or MDX, then made inert. Raw HTML becomes text,
 * headings become paragraphs (no stray TOC entries), images become text, and links
 * keep only web, mail and anchor URLs (a path in the charm becomes a repository link
 * with `links.repository`, any other path text). Text too long or too deeply nested
 * to parse in bounded time is shown as it is (the loader warns where it is).
 */
export function charmMarkdown(source: string, links?: LinkOptions): BlockContent[] {
  if (charmTextProblem(source)) return [codeBlock(source, 'text')];
  const key = `${links?.repository ?? ''}\0${links?.branch ?? ''}\0${links?.charmPathInRepository ?? ''}\0${source}`;
  const hit = markdownCache.get(key);
  if (hit) return structuredClone(hit);
  const tree = fromMarkdown(source.replace(/\r\n?/g, '\n'), {extensions: [GFM_SYNTAX], mdastExtensions: [GFM_TREE]});
  // The scan of charmTextProblem bounds nesting from the text; this bounds the tree itself (the builders recurse).
  if (treeDepth(tree) > MAX_TREE_DEPTH) return [codeBlock(source, 'text')];
  const inert = new Inert(links);
  const blocks = tree.children.map((n) => inert.block(n)).filter((n): n is BlockContent => n !== null);
  // The same descriptions and docstrings recur on every page that uses a charm; callers may mutate the result.
  if (markdownCache.size >= MARKDOWN_CACHE_SIZE) markdownCache.delete(markdownCache.keys().next().value!);
  markdownCache.set(key, blocks);
  return structuredClone(blocks);
}

const MARKDOWN_CACHE_SIZE = 2000;
/** A nesting level is up to three nodes deep (list, item, paragraph), plus emphasis inside. */
const MAX_TREE_DEPTH = 4 * MAX_CHARM_TEXT_DEPTH;

/** Depth of a tree, walked without recursion (a charm can nest deeper than the stack). */
function treeDepth(root: {children?: unknown[]}): number {
  let max = 0;
  const stack: Array<[{children?: unknown[]}, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const child of node.children ?? []) stack.push([child as {children?: unknown[]}, depth + 1]);
  }
  return max;
}
const markdownCache = new Map<string, BlockContent[]>();
/** Built once: micromark otherwise rebuilds its GFM constructs on every call. */
const GFM_SYNTAX = gfm();
const GFM_TREE = gfmFromMarkdown();

/** Text from a charm as inline content (first paragraph's phrasing, or plain text). */
export function charmInline(source: string, links?: LinkOptions): PhrasingContent[] {
  // As code, not text: shown literally, and its Markdown needs no escapes (a page of `\*` costs a reader's parser dearly).
  if (charmTextProblem(source)) return [code(source)];
  const blocks = charmMarkdown(source, links);
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

/** Makes parsed charm text inert; `links` decides where links in it may point. */
class Inert {
  constructor(private readonly links: LinkOptions | undefined) {}

  block(node: RootContent): BlockContent | null {
    switch (node.type) {
      case 'html':
        return paragraph(text(node.value));
      case 'heading':
        return paragraph(...this.phrasing(node.children));
      case 'paragraph':
        return paragraph(...this.phrasing(node.children));
      case 'definition':
      case 'footnoteDefinition':
        return null;
      case 'list':
        return {...node, children: node.children.map((li) => ({...li, children: this.blocks(li.children)}))};
      case 'blockquote':
        return {...node, children: this.blocks(node.children)};
      case 'table':
        return {
          ...node,
          children: node.children.map((row) => ({
            ...row,
            children: row.children.map((cell) => ({...cell, children: this.phrasing(cell.children)})),
          })),
        };
      case 'code':
        // Fenced code from a charm never becomes a diagram or live code.
        return {...node, lang: node.lang === 'mermaid' ? 'text' : node.lang, meta: null};
      case 'thematicBreak':
        return node;
      default:
        return paragraph(text(plain(node)));
    }
  }

  private blocks(children: RootContent[]): BlockContent[] {
    return children.map((c) => this.block(c)).filter((c): c is BlockContent => c !== null);
  }

  phrasing(children: PhrasingContent[]): PhrasingContent[] {
    return children.map((c): PhrasingContent => {
      switch (c.type) {
        case 'html':
          return text(c.value);
        case 'link': {
          const url = charmLinkUrl(c.url, this.links);
          return url === null
            ? text(plain(c))
            : {type: 'link', url, ...(c.title ? {title: c.title} : {}), children: this.phrasing(c.children)};
        }
        case 'image':
          return text(c.alt ?? '');
        case 'linkReference':
        case 'imageReference':
        case 'footnoteReference':
          return text(plain(c));
        case 'strong':
        case 'emphasis':
        case 'delete':
          return {...c, children: this.phrasing(c.children)};
        default:
          return c;
      }
    });
  }
}
