import type {RootContent} from 'mdast';
import {charmDiagram as buildCharmDiagram} from '../diagrams/index.js';
import {charmTitle, type SectionContext} from './context.js';
import {diagramNode} from './diagrams.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {heading, intro, text} from './mdast.js';
import type {CharmModel} from '../model/index.js';

/** Section 3: the charm container and each workload container with its Pebble services. */
export function charmDiagram(ctx: SectionContext): RootContent[] {
  return [
    heading(ctx.headingLevel, 'charm-architecture-diagram', text('Charm architecture')),
    intro(text(`The following diagram shows the architecture of the ${charmTitle(ctx.model)} charm:`)),
    diagramNode(buildCharmDiagram(ctx.model)),
  ];
}

export const charmDiagramDirective: CharmDirective = {
  name: 'charm-diagram',
  attributes: charmAttributes(),
  build: charmDiagram,
  checks: [],
  titles: [/^charm architecture( diagram)?$/],
  starter: {part: 'page', when: isSidecarCharm},
};

/** A Kubernetes charm with workload containers: the charm diagram and the containers section have something to show. */
export function isSidecarCharm(model: CharmModel): boolean {
  return model.kind === 'kubernetes' && model.containers.length > 0;
}
