import type {RootContent} from 'mdast';
import {charmCodeOverview} from './code-overview.js';
import {charmContainers} from './containers.js';
import type {SectionBuilder, SectionContext} from './context.js';
import {charmDiagram, deploymentDiagram} from './diagrams.js';
import {jujuEvents} from './juju-events.js';
import {charmMetrics} from './metrics.js';
import {ociImages} from './oci-images.js';
import {charmOverview} from './overview.js';
import {pebbleLayers} from './pebble-layers.js';
import {charmActions, charmConfig, charmIntegrations} from './reference-tables.js';
import {FAMILY_ATTRIBUTES, FAMILY_SECTIONS} from './family.js';

export type {SectionBuilder, SectionContext, LinkOptions, EventAnnotation} from './context.js';

/** The whole page, in template order, its sections at the directive's heading level (the page title is the author's). */
const charmArchitecture: SectionBuilder = (ctx) => {
  const sub = ctx;
  const out: RootContent[] = [];
  out.push(...charmOverview(sub), ...deploymentDiagram(sub), ...charmDiagram(sub));
  out.push(...charmContainers({...sub, headingLevel: sub.headingLevel + 1}));
  out.push(...ociImages(sub), ...charmMetrics(sub), ...jujuEvents(sub), ...charmCodeOverview(sub));
  return out;
};

/** Directive name -> section builder. */
export const SECTIONS: Readonly<Record<string, SectionBuilder>> = {
  'charm-architecture': charmArchitecture,
  'charm-overview': charmOverview,
  'deployment-diagram': deploymentDiagram,
  'charm-diagram': charmDiagram,
  'charm-containers': charmContainers,
  'oci-images': ociImages,
  'charm-metrics': charmMetrics,
  'juju-events': jujuEvents,
  'charm-code-overview': charmCodeOverview,
  'pebble-layers': pebbleLayers,
  'charm-integrations': charmIntegrations,
  'charm-config': charmConfig,
  'charm-actions': charmActions,
};

/** Every directive: one charm's sections and the family ones (which read every configured charm). */
export const DIRECTIVE_NAMES = [...Object.keys(SECTIONS), ...Object.keys(FAMILY_SECTIONS)];

/** Attributes each directive accepts (beyond `charm` and `heading-level`). */
export const DIRECTIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'juju-events': ['exclude', 'toc'],
  'pebble-layers': ['container'],
  'deployment-diagram': ['layout', 'direction'],
  'charm-architecture': ['exclude', 'layout', 'direction', 'toc'],
  ...FAMILY_ATTRIBUTES,
};

export function buildSection(name: string, ctx: SectionContext): RootContent[] {
  const builder = Object.hasOwn(SECTIONS, name) ? SECTIONS[name] : undefined;
  if (!builder) throw new Error(`Unknown section ${name}`);
  return builder(ctx);
}
