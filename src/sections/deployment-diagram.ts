import type {RootContent} from 'mdast';
import {
  deploymentDiagram as buildDeploymentDiagram,
  DEPLOYMENT_LEGEND,
  principalEndpoints,
  subordinateLegend,
} from '../diagrams/index.js';
import {charmTitle, type SectionContext} from './context.js';
import {diagramNode} from './diagrams.js';
import {charmAttributes, oneOf, type CharmDirective} from './directive.js';
import {heading, intro, text} from './mdast.js';

/** Diagram layouts and directions the directives take (`layout="full"`, `direction="TB"`). */
export const LAYOUTS = ['auto', 'full', 'compact'] as const;
export const DIRECTIONS = ['LR', 'TB'] as const;

/** Section 2: this charm and the applications it integrates with. */
export function deploymentDiagram(ctx: SectionContext): RootContent[] {
  const layout = ctx.attributes['layout'];
  const direction = ctx.attributes['direction'];
  const result = buildDeploymentDiagram(ctx.model, {
    ...(layout === 'full' || layout === 'compact' || layout === 'auto' ? {layout} : {}),
    ...(direction === 'LR' || direction === 'TB' ? {direction} : {}),
  });
  return [
    heading(
      ctx.headingLevel,
      'deployment-overview',
      text(`High-level overview of ${charmTitle(ctx.model)} deployment`),
    ),
    intro(
      text(
        `The following diagram shows a typical deployment of the ${charmTitle(ctx.model)} charm${ctx.model.kind === 'kubernetes' ? ' on a Kubernetes cloud' : ' on machines'}, with one box per application it integrates with. ${DEPLOYMENT_LEGEND}` +
          (principalEndpoints(ctx.model).length ? ` ${subordinateLegend(charmTitle(ctx.model))}` : ''),
      ),
    ),
    diagramNode(result),
  ];
}

export const deploymentDiagramDirective: CharmDirective = {
  name: 'deployment-diagram',
  attributes: charmAttributes({layout: oneOf(...LAYOUTS), direction: oneOf(...DIRECTIONS)}),
  build: deploymentDiagram,
  checks: [],
  // The template's title names the charm: "High-level overview of <charm-name> deployment".
  titles: [
    /^high level overview of .+ deployment$/,
    /^high level overview of the deployment$/,
    /^deployment( diagram| overview)?$/,
  ],
  starter: {part: 'page', prose: () => ['TODO: a typical deployment, and which integrations are required.']},
};
