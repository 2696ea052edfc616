import type {RootContent} from 'mdast';
import {charmDiagramDirective} from './charm-diagram.js';
import {codeOverviewDirective} from './code-overview.js';
import {containersDirective} from './containers.js';
import type {SectionContext} from './context.js';
import {DIRECTIONS, LAYOUTS, deploymentDiagramDirective} from './deployment-diagram.js';
import {charmAttributes, oneOf, type CharmDirective} from './directive.js';
import {jujuEventsAttributes, jujuEventsDirective} from './juju-events.js';
import {metricsDirective} from './metrics.js';
import {ociImagesDirective} from './oci-images.js';
import {overviewDirective} from './overview.js';

/** The page's sections in template order; the containers are sub-sections of the charm's architecture. */
const PARTS: ReadonlyArray<{directive: CharmDirective; deeper?: true}> = [
  {directive: overviewDirective},
  {directive: deploymentDiagramDirective},
  {directive: charmDiagramDirective},
  {directive: containersDirective, deeper: true},
  {directive: ociImagesDirective},
  {directive: metricsDirective},
  {directive: jujuEventsDirective},
  {directive: codeOverviewDirective},
];

/** The whole page, in template order, its sections at the directive's heading level (the page title is the author's). */
function charmArchitecture(ctx: SectionContext): RootContent[] {
  return PARTS.flatMap(({directive, deeper}) =>
    directive.build(deeper ? {...ctx, headingLevel: ctx.headingLevel + 1} : ctx),
  );
}

/**
 * The directive of a charm's whole page: a site page holding it documents that charm before any
 * other (the catalog links there), and the CLI renders it when no section is named.
 */
export const architectureDirective: CharmDirective = {
  name: 'charm-architecture',
  attributes: charmAttributes({
    exclude: jujuEventsAttributes.exclude,
    layout: oneOf(...LAYOUTS),
    direction: oneOf(...DIRECTIONS),
    toc: jujuEventsAttributes.toc,
  }),
  build: charmArchitecture,
  checks: [...new Set(PARTS.flatMap((p) => p.directive.checks))],
  titles: [],
};
