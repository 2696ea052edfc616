/**
 * Markdown and MyST text from the section builders' mdast.
 *
 * Charm text reaches the tree as plain text nodes; here it is made inert for every Markdown
 * dialect the output is pasted into, beyond what CommonMark needs: MDX (`{expressions}`, `<JSX>`,
 * `import`/`export` lines, `:directives`), MyST (`{role}` and `{{ substitutions }}`, `$math$`,
 * `(target)=`, `% comments`, `:::` fences, `+++` breaks). Every escape is a CommonMark backslash
 * escape (or a character reference), so the text reads the same everywhere.
 */
import type {Root, RootContent} from 'mdast';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown, type Unsafe} from 'mdast-util-to-markdown';
import {elementId, type SphinxRef} from './sphinx-tree.js';

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

/** Blocks get their `(label)=` target; diagrams become the mermaid directive. */
function mystBlock(node: RootContent): RootContent[] {
  const id = elementId(node);
  const target: RootContent[] = id ? [{type: 'html', value: `(${id})=`}] : [];
  if (node.type === 'code' && node.lang === 'mermaid') return [...target, {...node, lang: '{mermaid}'}];
  if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
    return [...target, {...node, children: (node.children as RootContent[]).flatMap(mystBlock)} as RootContent];
  }
  return [...target, node];
}

/** `{ref}` with the reference's text kept to what a role's content may hold. */
const sphinxRef = (node: SphinxRef): string => `{ref}\`${node.title.replace(/[`<>]/g, '').replace(/\s+/g, ' ').trim() || node.label} <${node.label}>\``;

function print(tree: Root): string {
  return toMarkdown(tree, {extensions: [gfmToMarkdown()], unsafe: INERT, bullet: '-', fences: true, rule: '-', handlers: {sphinxRef}});
}
