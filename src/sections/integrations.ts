import type {RootContent} from 'mdast';
import type {SectionContext} from './context.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {charmInline} from './charm-markdown.js';
import {code, heading, paragraph, table, text} from './mdast.js';
import {dash, origin} from './reference-tables.js';

/** Endpoints by role. */
export function charmIntegrations(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'integrations', text('Integrations'))];
  if (!ctx.model.endpoints.length) return [...out, paragraph(text('This charm declares no integration endpoints.'))];
  for (const role of ['requires', 'provides', 'peers'] as const) {
    const endpoints = ctx.model.endpoints.filter((e) => e.role === role);
    if (!endpoints.length) continue;
    out.push(
      heading(
        ctx.headingLevel + 1,
        `integrations-${role}`,
        text(role === 'peers' ? 'Peers' : role === 'requires' ? 'Requires' : 'Provides'),
      ),
    );
    out.push(
      table(
        ['Endpoint', 'Interface', 'Optional', 'Limit', 'Description'],
        endpoints.map((e) => [
          [code(e.name), ...origin(e.origin)],
          [code(e.interface)],
          [text(e.optional ? 'yes' : 'no')],
          [e.limit !== undefined ? text(String(e.limit)) : dash()],
          e.description ? charmInline(e.description, ctx.links) : [dash()],
        ]),
      ),
    );
  }
  return out;
}

export const integrationsDirective: CharmDirective = {
  name: 'charm-integrations',
  attributes: charmAttributes(),
  build: charmIntegrations,
  checks: ['endpoint'],
  titles: [/^integrations$/, /^relations$/, /^endpoints$/],
  starter: {part: 'reference'},
};
