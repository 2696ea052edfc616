/**
 * Sections that read several charms at once (`:::integration-map`,
 * `:::charm-catalog`). They take the family, not one charm: the adapters
 * (remark, CLI `render-map`) load each charm once, through the model cache.
 */
import type {RootContent} from 'mdast';
import type {FamilyCharm} from '../diagrams/family-match.js';
import {charmCatalog} from './catalog.js';
import {integrationMap} from './integration-map.js';

export type {FamilyCharm} from '../diagrams/family-match.js';

export interface FamilySectionContext {
  /** The charms, in the order the site configures them (or the `charms` attribute names them). */
  charms: FamilyCharm[];
  /** Depth of the section's own heading. */
  headingLevel: number;
  /** Directive attributes (`charms`, `layout`, `direction`, `observability`). */
  attributes: Readonly<Record<string, string>>;
  /** Charm id -> relative Markdown link to the page that documents it (remark only). */
  pages?: ReadonlyMap<string, string>;
}

export type FamilySectionBuilder = (ctx: FamilySectionContext) => RootContent[];

/** Directive name -> builder, for the directives that read the whole family. */
export const FAMILY_SECTIONS: Readonly<Record<string, FamilySectionBuilder>> = {
  'integration-map': integrationMap,
  'charm-catalog': charmCatalog,
};

/** Attributes of the family directives (neither takes `charm`). */
export const FAMILY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'integration-map': ['charms', 'layout', 'direction', 'observability'],
  'charm-catalog': ['charms'],
};

export function isFamilySection(name: string): boolean {
  return Object.hasOwn(FAMILY_SECTIONS, name);
}
