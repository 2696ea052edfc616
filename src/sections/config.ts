import type {PhrasingContent, RootContent} from 'mdast';
import type {ConfigOption} from '../model/index.js';
import type {SectionContext} from './context.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {charmInline} from './charm-markdown.js';
import {code, codeBlock, heading, headingSlug, link, paragraph, plainText, slug, table, text} from './mdast.js';
import {origin} from './reference-tables.js';

/** `string`, default `info`. How much the server logs. */
function descriptionCell(o: ConfigOption, ctx: SectionContext): PhrasingContent[] {
  const head: PhrasingContent[] = [
    code(o.type),
    ...(o.default === undefined ? [] : [text(', default '), ...defaultCell(o)]),
    text('.'),
  ];
  return o.description ? [...head, text(' '), ...charmInline(o.description, ctx.links)] : head;
}

/**
 * A config default as the table shows it: the empty string as `""` (an empty code chip reads as
 * nothing), a multi-line value (an NGINX snippet, YAML, JSON) as a pointer to its code block below.
 */
function defaultCell(o: ConfigOption): PhrasingContent[] {
  if (o.default === '') return [code('""')];
  if (isMultiLine(o.default))
    return [text('shown '), link(`#${headingSlug(plainText(defaultTitle(o)))}`, text('below'))];
  return [code(o.default === null ? 'null' : String(o.default))];
}

const isMultiLine = (value: ConfigOption['default']): value is string =>
  typeof value === 'string' && /\n./.test(value.trimEnd() + '\n');
const defaultId = (o: ConfigOption): string => `config-default-${slug(o.name)}`;
/** A multi-line default's heading: the table links to its anchor, the same on a page of pasted output. */
const defaultTitle = (o: ConfigOption): PhrasingContent[] => [text('Default of '), code(o.name)];

/** Config options with type and default (never a secret's default). */
export function charmConfig(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'configuration', text('Configuration'))];
  if (!ctx.model.config.length) return [...out, paragraph(text('This charm has no configuration options.'))];
  // Two columns, the type and default leading the description: four columns did not fit a docs
  // column (703 px at 1280), and the description, the part a reader came for, got ten characters a line.
  out.push(
    table(
      ['Option', 'Description'],
      ctx.model.config.map((o) => [[code(o.name), ...origin(o.origin)], descriptionCell(o, ctx)]),
    ),
  );
  // Multi-line defaults keep their lines, in a code block each, after the table.
  for (const o of ctx.model.config) {
    if (!isMultiLine(o.default)) continue;
    out.push(
      heading(ctx.headingLevel + 1, defaultId(o), ...defaultTitle(o)),
      codeBlock(o.default.replace(/\n$/, ''), 'text'),
    );
  }
  return out;
}

export const configDirective: CharmDirective = {
  name: 'charm-config',
  attributes: charmAttributes(),
  build: charmConfig,
  checks: [],
  titles: [/^config(uration)?( options)?$/],
  starter: {part: 'reference'},
};
