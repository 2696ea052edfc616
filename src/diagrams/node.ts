/**
 * A generated diagram in the section builders' mdast: its own node type, declared by module
 * augmentation of `mdast` as mdast-util-directive declares its directive nodes, so every
 * consumer of a section's `RootContent[]` sees it typed, with no cast to build or read it.
 *
 * Why a node type of its own rather than a ```mermaid `code` node with extra `data`: a printer
 * that does not know about diagrams would print such a code node as a plain fence, silently
 * dropping the title and the text alternative; a `charmDiagram` node reaches output only through
 * an adapter (remark: the `<CharmDiagram>` element, src/remark/diagram-component.ts; CLI: a
 * Markdown or MyST fence, an rst directive, src/cli/print/), and mdast-util-to-markdown refuses
 * it loudly ("Cannot handle unknown node") until the printer registers the CLI's
 * `diagramToMarkdown` handler. It also means a charm's own ```mermaid fence can never pass for a
 * generated diagram.
 */
import type {Node} from 'mdast';
import type {DiagramResult} from './props.js';

/** A diagram built by src/diagrams, carried as is: Mermaid source, title, description, text alternative. */
export interface CharmDiagramNode extends Node, DiagramResult {
  type: 'charmDiagram';
}

declare module 'mdast' {
  // Section builders place diagrams at the top level of their output only.
  interface RootContentMap {
    charmDiagram: CharmDiagramNode;
  }
}
