import type {CharmDiagramNode, DiagramResult} from '../diagrams/index.js';

/**
 * A diagram as a `charmDiagram` node (src/diagrams/node.ts): the Docusaurus adapter turns it into
 * the themed <CharmDiagram> element, the CLI prints a Mermaid fence or directive.
 */
export function diagramNode(result: DiagramResult): CharmDiagramNode {
  return {
    type: 'charmDiagram',
    source: result.source,
    title: result.title,
    description: result.description,
    alt: result.alt,
  };
}
