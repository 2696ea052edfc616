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
import {toMarkdown, type Options, type Unsafe} from 'mdast-util-to-markdown';
import {withStaticStyles, type CharmDiagramNode} from '../../diagrams/index.js';
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

/**
 * The CLI's diagram adapter for Markdown and MyST: a `charmDiagram` node (src/diagrams/node.ts)
 * printed as a fenced block of its Mermaid source, ```mermaid (GFM: GitHub and Docusaurus render
 * it) or ```{mermaid} (MyST's directive syntax, sphinxcontrib-mermaid). The fence is written by
 * mdast-util-to-markdown's own code handler, which picks a fence longer than any in the source.
 */
export function diagramToMarkdown(fence: 'mermaid' | '{mermaid}'): Options {
  return {
    handlers: {
      charmDiagram: (node: CharmDiagramNode, parent, state, info) =>
        state.handle(
          {type: 'code', lang: fence, meta: null, value: withStaticStyles(node.source)},
          parent,
          state,
          info,
        ),
    },
  };
}

/** GFM Markdown (GitHub, Docusaurus .md and .mdx pages): diagrams as ```mermaid fences. */
export function printMarkdown(nodes: RootContent[]): string {
  return print({type: 'root', children: nodes}, 'mermaid');
}

/** MyST for Sphinx (nodes already passed through `sphinxTree`): `(label)=` targets and ```{mermaid} directives. */
export function printMyst(nodes: RootContent[]): string {
  return print({type: 'root', children: nodes.flatMap(mystBlock)}, '{mermaid}');
}

/** Blocks get their `(label)=` target. */
function mystBlock(node: RootContent): RootContent[] {
  const id = elementId(node);
  const target: RootContent[] = id ? [{type: 'html', value: `(${id})=`}] : [];
  if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
    return [...target, {...node, children: (node.children as RootContent[]).flatMap(mystBlock)} as RootContent];
  }
  return [...target, node];
}

/** `{ref}` with the reference's text kept to what a role's content may hold. */
const sphinxRef = (node: SphinxRef): string =>
  `{ref}\`${node.title.replace(/[`<>]/g, '').replace(/\s+/g, ' ').trim() || node.label} <${node.label}>\``;

function print(tree: Root, diagramFence: 'mermaid' | '{mermaid}'): string {
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown(), diagramToMarkdown(diagramFence)],
    unsafe: INERT,
    bullet: '-',
    fences: true,
    rule: '-',
    // A bare address in charm text is a link whose text is its URL; printed as an autolink
    // `<https://...>` MDX would read it as JSX and fail the whole build. `[url](url)` reads the same.
    resourceLink: true,
    handlers: {sphinxRef},
  });
}
