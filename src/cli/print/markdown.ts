/**
 * Markdown and MyST text from the section builders' mdast.
 *
 * Charm text reaches the tree as plain text nodes; here it is made inert for every Markdown
 * dialect the output is pasted into, beyond what CommonMark needs: MDX (`{expressions}`, `<JSX>`,
 * `import`/`export` lines, `:directives`), MyST (`{role}` and `{{ substitutions }}`, `$math$`,
 * `(target)=`, `% comments`, `:::` fences, `+++` breaks). Every escape is a CommonMark backslash
 * escape (or a character reference), so the text reads the same everywhere.
 */
import type {Heading, Root, RootContent} from 'mdast';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown, type Unsafe} from 'mdast-util-to-markdown';
import {headingId} from './sphinx-tree.js';

const INERT: Unsafe[] = [
  {character: '{', inConstruct: 'phrasing'},
  {character: '}', inConstruct: 'phrasing'},
  {character: '<', inConstruct: 'phrasing'},
  {character: '$', inConstruct: 'phrasing'},
  {character: ':', after: '[A-Za-z:{]', inConstruct: 'phrasing'},
  {atBreak: true, character: '('},
  {atBreak: true, character: '%'},
  {atBreak: true, character: '+'},
  // MDX reads a line starting with `import ` or `export ` as JavaScript.
  {atBreak: true, character: 'i', after: 'mport\\b'},
  {atBreak: true, character: 'e', after: 'xport\\b'},
];

/** GFM Markdown (GitHub, Docusaurus .md and .mdx pages): diagrams as ```mermaid fences. */
export function printMarkdown(nodes: RootContent[]): string {
  return print({type: 'root', children: nodes});
}

/** MyST for Sphinx (nodes already passed through `sphinxTree`): `(label)=` targets and ```{mermaid} directives. */
export function printMyst(nodes: RootContent[]): string {
  return print({type: 'root', children: nodes.flatMap(mystBlock)});
}

function mystBlock(node: RootContent): RootContent[] {
  if (node.type === 'code' && node.lang === 'mermaid') return [{...node, lang: '{mermaid}'}];
  if (node.type === 'heading') {
    const id = headingId(node as Heading);
    return id ? [{type: 'html', value: `(${id})=`}, node] : [node];
  }
  if ('children' in node && node.type !== 'paragraph' && node.type !== 'table') {
    return [{...node, children: (node.children as RootContent[]).flatMap(mystBlock)} as RootContent];
  }
  return [node];
}

function print(tree: Root): string {
  return toMarkdown(tree, {extensions: [gfmToMarkdown()], unsafe: INERT, bullet: '-', fences: true, rule: '-'});
}
