/**
 * What a directive is: one descriptor per directive, exported by the section module that builds
 * it and collected in registry.ts. The adapters (remark, the webpack pre-loader, the build
 * warnings, the CLI and its doc reader) read everything they know about a directive from here.
 */
import {Joi, type ObjectSchema, type SchemaMap, type StringSchema} from '../joi.js';
import type {CharmModel} from '../model/index.js';
import type {SectionBuilder} from './context.js';
import type {FamilySectionBuilder} from './family.js';

/** What `charm-arch check` compares; a directive that lists one makes the page's section of it generated. */
export type CheckCategory = 'event' | 'container' | 'rock' | 'endpoint' | 'action';

/** How `charm-arch init` puts the directive on a team's starter page. */
export interface Starter {
  /** In the page proper, or under its closing `## Reference` heading. */
  part: 'page' | 'reference';
  /** Whether the charm has anything for it (a machine charm has no containers); always when omitted. */
  when?: (model: CharmModel) => boolean;
  /** TODO lines for the team to replace with what only they know. */
  prose?: (model: CharmModel) => string[];
}

interface DirectiveBase {
  /** `:::name` on a page, `--section name` on the command line. */
  name: string;
  /** Every attribute it takes, values checked: `charmAttributes()` / `familyAttributes()`. */
  attributes: ObjectSchema;
  /** The check categories its output lists (`charm-arch check` does not compare what a directive writes). */
  checks: readonly CheckCategory[];
}

/** A directive that documents one charm. */
export interface CharmDirective extends DirectiveBase {
  family?: false;
  build: SectionBuilder;
  /** Author headings it adopts, matched against `normaliseTitle()` of the heading (see titles.ts). */
  titles: readonly RegExp[];
  /** Its list items that start with an event name are notes on that event (drift-checked). */
  annotations?: boolean;
  starter?: Starter;
}

/** A directive that reads every configured charm (or those its `charms` attribute names). */
export interface FamilyDirective extends DirectiveBase {
  family: true;
  build: FamilySectionBuilder;
  /** It links to other pages of the site: the pre-loader watches them, remark finds them. */
  readsSitePages?: boolean;
  /** `charm-arch render-map`: the flag that adds it to the family page (none: always there), and its place there. */
  renderMap: {flag?: string; rank: number};
  /** Author headings it adopts (`## Catalog` over the catalog), as a one-charm directive's `titles`. */
  titles: readonly RegExp[];
}

export type Directive = CharmDirective | FamilyDirective;

/** A string attribute with a fixed set of values (`layout="full"`). */
export function oneOf(...values: string[]): StringSchema {
  return Joi.string()
    .valid(...values)
    .messages({'any.only': `{#label} must be one of ${values.join(', ')}, not \`{#value}\`.`});
}

/** A free attribute: what it may say is checked where it is used (an empty `charm=""` is reported there). */
export function anyText(): StringSchema {
  return Joi.string().allow('');
}

const HEADING_LEVEL = '{#label} must be a number from 1 to 6, not `{#value}`.';

/** The attributes every directive takes, in the order `Allowed:` lists them. */
const COMMON: SchemaMap = {
  charm: anyText(),
  'heading-level': Joi.string()
    .pattern(/^[1-6]$/)
    .messages({'string.pattern.base': HEADING_LEVEL, 'string.empty': HEADING_LEVEL}),
  ref: anyText(),
};

/** The attributes of a one-charm directive: the common ones, then its own. */
export function charmAttributes(own: SchemaMap = {}): ObjectSchema {
  return Joi.object({...COMMON, ...own});
}

/** A family directive's: it names its charms with `charms="a, b"` (a `charm` is refused with a hint). */
export function familyAttributes(own: SchemaMap = {}): ObjectSchema {
  return Joi.object({...COMMON, charms: anyText(), ...own});
}

/** A directive's attributes found wrong, in the words the page's author reads. */
export interface AttributeProblem {
  code: 'unknown-attribute' | 'bad-attribute';
  message: string;
  hint?: string;
}

/**
 * The directive's attributes against its schema: an unknown attribute (the first one written), and
 * the first bad value (in the schema's order). Kept apart because the remark half reports an
 * unknown attribute before it resolves the charm, and a bad value after.
 */
export function checkAttributes(
  directive: Directive,
  attributes: Readonly<Record<string, string>>,
): {unknown?: AttributeProblem; value?: AttributeProblem} {
  const {error} = directive.attributes.validate(attributes, {abortEarly: false, errors: {wrap: {label: false}}});
  const details = error?.details ?? [];
  const unknown = details.find((d) => d.type === 'object.unknown');
  const value = details.find((d) => d.type !== 'object.unknown');
  return {
    ...(unknown
      ? {
          unknown: {
            code: 'unknown-attribute',
            message: `Unknown attribute \`${String(unknown.context?.key)}\` on :::${directive.name}.`,
            hint: `Allowed: ${attributeNames(directive).join(', ')}.`,
          },
        }
      : {}),
    ...(value ? {value: {code: 'bad-attribute', message: value.message}} : {}),
  };
}

/** The attributes a directive takes, in schema order. */
export function attributeNames(directive: Directive): string[] {
  const {keys} = directive.attributes.describe() as {keys?: Record<string, unknown>};
  return Object.keys(keys ?? {});
}
