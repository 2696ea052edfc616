import type {RootContent} from 'mdast';
import {charmDiagram as buildCharmDiagram, deploymentDiagram as buildDeploymentDiagram, type CharmDiagramNode, type DiagramResult} from '../diagrams/index.js';
import {charmTitle, type SectionContext} from './context.js';
import {heading, paragraph, text} from './mdast.js';

/**
 * A diagram as a `charmDiagram` node (src/diagrams/node.ts): the Docusaurus adapter turns it into
 * the themed <CharmDiagram> element, the CLI prints a Mermaid fence or directive.
 */
export function diagramNode(result: DiagramResult): CharmDiagramNode {
  return {type: 'charmDiagram', source: result.source, title: result.title, description: result.description, alt: result.alt};
}

export function deploymentDiagram(ctx: SectionContext): RootContent[] {
  const layout = ctx.attributes['layout'];
  const direction = ctx.attributes['direction'];
  const result = buildDeploymentDiagram(ctx.model, {
    ...(layout === 'full' || layout === 'compact' || layout === 'auto' ? {layout} : {}),
    ...(direction === 'LR' || direction === 'TB' ? {direction} : {}),
  });
  return [
    heading(ctx.headingLevel, 'deployment-overview', text(`High-level overview of ${charmTitle(ctx.model)} deployment`)),
    paragraph(text(`The following diagram shows a typical deployment of the ${charmTitle(ctx.model)} charm${ctx.model.kind === 'kubernetes' ? ' on a Kubernetes cloud' : ' on machines'}, with one box per application it integrates with. Arrows point from the requirer to the provider; dotted arrows are optional integrations.`)),
    diagramNode(result),
  ];
}

export function charmDiagram(ctx: SectionContext): RootContent[] {
  return [
    heading(ctx.headingLevel, 'charm-architecture-diagram', text('Charm architecture')),
    paragraph(text(`The following diagram shows the architecture of the ${charmTitle(ctx.model)} charm:`)),
    diagramNode(buildCharmDiagram(ctx.model)),
  ];
}
