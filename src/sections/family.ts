/**
 * The context of the sections that read several charms at once (the family directives, see
 * `FamilyDirective`). They take the family, not one charm: the adapters (remark, CLI
 * `render-map`) load each charm once, through the model cache.
 */
import type {RootContent} from 'mdast';
import type {FamilyCharm} from '../diagrams/family-match.js';

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
