import type {RootContent} from 'mdast';
import type {SectionBuilder, SectionContext} from './context.js';
import type {FamilySectionBuilder} from './family.js';
import {CHARM_DIRECTIVES, FAMILY_DIRECTIVES} from './registry.js';

export type {SectionBuilder, SectionContext, LinkOptions, EventAnnotation} from './context.js';
export type {CharmDirective, Directive, FamilyDirective} from './directive.js';
export {DIRECTIVES, DIRECTIVE_NAMES, PAGE_DIRECTIVE, directiveNamed} from './registry.js';

/** Directive name -> section builder, for the directives of one charm. */
export const SECTIONS: Readonly<Record<string, SectionBuilder>> = Object.fromEntries(
  CHARM_DIRECTIVES.map((d) => [d.name, d.build]),
);

/** Directive name -> builder, for the directives that read the whole family. */
export const FAMILY_SECTIONS: Readonly<Record<string, FamilySectionBuilder>> = Object.fromEntries(
  FAMILY_DIRECTIVES.map((d) => [d.name, d.build]),
);

export function buildSection(name: string, ctx: SectionContext): RootContent[] {
  const builder = Object.hasOwn(SECTIONS, name) ? SECTIONS[name] : undefined;
  if (!builder) throw new Error(`Unknown section ${name}`);
  return builder(ctx);
}
