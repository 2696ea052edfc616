import type {PhrasingContent, RootContent} from 'mdast';
import type {ConfigOption} from '../model/index.js';
import type {SectionContext} from './context.js';
import {charmInline, code, codeBlock, heading, link, paragraph, slug, table, text} from './mdast.js';

const dash = (): PhrasingContent => text('–');
const origin = (o: string): PhrasingContent[] => (o === 'charm' ? [] : [text(` (${o.replace('extension:', '')} extension)`)]);

/** `:::charm-integrations`: endpoints by role. */
export function charmIntegrations(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'integrations', text('Integrations'))];
  if (!ctx.model.endpoints.length) return [...out, paragraph(text('This charm declares no integration endpoints.'))];
  for (const role of ['requires', 'provides', 'peers'] as const) {
    const endpoints = ctx.model.endpoints.filter((e) => e.role === role);
    if (!endpoints.length) continue;
    out.push(heading(ctx.headingLevel + 1, `integrations-${role}`, text(role === 'peers' ? 'Peers' : role === 'requires' ? 'Requires' : 'Provides')));
    out.push(
      table(
        ['Endpoint', 'Interface', 'Optional', 'Limit', 'Description'],
        endpoints.map((e) => [[code(e.name), ...origin(e.origin)], [code(e.interface)], [text(e.optional ? 'yes' : 'no')], [e.limit !== undefined ? text(String(e.limit)) : dash()], e.description ? charmInline(e.description, ctx.links) : [dash()]]),
      ),
    );
  }
  return out;
}

/**
 * A config default as the table shows it: the empty string as `""` (an empty code chip reads as
 * nothing), a multi-line value (an NGINX snippet, YAML, JSON) as a pointer to its code block below.
 */
function defaultCell(o: ConfigOption): PhrasingContent[] {
  if (o.default === undefined) return [dash()];
  if (o.default === '') return [code('""')];
  if (isMultiLine(o.default)) return [text('see '), link(`#${defaultId(o)}`, text('below'))];
  return [code(o.default === null ? 'null' : String(o.default))];
}

const isMultiLine = (value: ConfigOption['default']): value is string => typeof value === 'string' && /\n./.test(value.trimEnd() + '\n');
const defaultId = (o: ConfigOption): string => `config-default-${slug(o.name)}`;

/** `:::charm-config`: options with type and default (never a secret's default). */
export function charmConfig(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'configuration', text('Configuration'))];
  if (!ctx.model.config.length) return [...out, paragraph(text('This charm has no configuration options.'))];
  out.push(
    table(
      ['Option', 'Type', 'Default', 'Description'],
      ctx.model.config.map((o) => [[code(o.name), ...origin(o.origin)], [code(o.type)], defaultCell(o), o.description ? charmInline(o.description, ctx.links) : [dash()]]),
    ),
  );
  // Multi-line defaults keep their lines, in a code block each, after the table.
  for (const o of ctx.model.config) {
    if (!isMultiLine(o.default)) continue;
    out.push({...paragraph(text('Default of '), code(o.name), text(':')), data: {hProperties: {id: defaultId(o)}}}, codeBlock(o.default.replace(/\n$/, ''), 'text'));
  }
  return out;
}

/** `:::charm-actions`: actions and their parameters. */
export function charmActions(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'actions', text('Actions'))];
  if (!ctx.model.actions.length) return [...out, paragraph(text('This charm has no actions.'))];
  out.push(
    table(
      ['Action', 'Description', 'Parameters'],
      ctx.model.actions.map((a) => [
        [code(a.name), ...origin(a.origin)],
        a.description ? charmInline(a.description, ctx.links) : [dash()],
        a.params.length ? a.params.flatMap((p, i) => [...(i ? [text('; ')] : []), code(p.name), text(` (${p.type}${p.required ? ', required' : ''})`), ...(p.description ? [text(': '), ...charmInline(p.description, ctx.links)] : [])]) : [dash()],
      ]),
    ),
  );
  return out;
}
