/**
 * Every directive of the plugin, in one table: the remark half, the webpack pre-loader, the build
 * warnings and the CLI (render, render-map, init, check's doc reader) know a directive only from
 * its descriptor here.
 *
 * Adding a directive: write `src/sections/<name>.ts` with its builder (model in, mdast out) and a
 * `CharmDirective` (or `FamilyDirective`) descriptor: its name, its attributes (a Joi schema from
 * `charmAttributes()`), the check categories its output lists, the author headings it adopts, and
 * how `charm-arch init` starts it; list it below, and add its fixture under test/fixtures/remark.
 * Nothing else names it.
 */
import {actionsDirective} from './actions.js';
import {architectureDirective} from './architecture.js';
import {catalogDirective} from './catalog.js';
import {charmDiagramDirective} from './charm-diagram.js';
import {codeOverviewDirective} from './code-overview.js';
import {configDirective} from './config.js';
import {containersDirective} from './containers.js';
import {deploymentDiagramDirective} from './deployment-diagram.js';
import type {CharmDirective, Directive, FamilyDirective} from './directive.js';
import {integrationMapDirective} from './integration-map.js';
import {integrationsDirective} from './integrations.js';
import {jujuEventsDirective} from './juju-events.js';
import {metricsDirective} from './metrics.js';
import {ociImagesDirective} from './oci-images.js';
import {overviewDirective} from './overview.js';
import {pebbleLayersDirective} from './pebble-layers.js';

/** In template order (`charm-arch init` writes its page in this order), then the reference and family directives. */
export const DIRECTIVES: readonly Directive[] = [
  architectureDirective,
  overviewDirective,
  deploymentDiagramDirective,
  charmDiagramDirective,
  containersDirective,
  ociImagesDirective,
  metricsDirective,
  jujuEventsDirective,
  codeOverviewDirective,
  pebbleLayersDirective,
  integrationsDirective,
  configDirective,
  actionsDirective,
  integrationMapDirective,
  catalogDirective,
];

/** The directive of a charm's whole page. */
export const PAGE_DIRECTIVE: CharmDirective = architectureDirective;

export const DIRECTIVE_NAMES: readonly string[] = DIRECTIVES.map((d) => d.name);

export const CHARM_DIRECTIVES: readonly CharmDirective[] = DIRECTIVES.filter((d): d is CharmDirective => !d.family);
export const FAMILY_DIRECTIVES: readonly FamilyDirective[] = DIRECTIVES.filter(
  (d): d is FamilyDirective => d.family === true,
);

const BY_NAME: ReadonlyMap<string, Directive> = new Map(DIRECTIVES.map((d) => [d.name, d]));

/** The directive of that name, or undefined for any other name (`constructor` included). */
export function directiveNamed(name: string): Directive | undefined {
  return BY_NAME.get(name);
}
