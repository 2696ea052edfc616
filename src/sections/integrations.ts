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
  // Scope matters to a reader only where it is not Juju's default: one container-scoped endpoint shows it for all.
  const scoped = ctx.model.endpoints.some((e) => e.scope === 'container');
  if (scoped) out.push(scopeParagraph(ctx.model.subordinate === true));
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
        ['Endpoint', 'Interface', ...(scoped ? ['Scope'] : []), 'Optional', 'Limit', 'Description'],
        endpoints.map((e) => [
          [code(e.name), ...origin(e.origin)],
          [code(e.interface)],
          ...(scoped ? [[text(e.scope ?? 'global')]] : []),
          [text(e.optional ? 'yes' : 'no')],
          [e.limit !== undefined ? text(String(e.limit)) : dash()],
          e.description ? charmInline(e.description, ctx.links) : [dash()],
        ]),
      ),
    );
  }
  return out;
}

/** What a `container` scope means, said once above the tables that show it. */
function scopeParagraph(subordinate: boolean): RootContent {
  return paragraph(
    text('An endpoint of '),
    code('container'),
    text(
      subordinate
        ? ' scope joins only units on one machine: through it, this subordinate charm attaches to its principal application, and each of its units runs beside a principal unit. '
        : " scope joins only units on one machine: a subordinate application attaches to this one through it, its units beside this charm's. ",
    ),
    code('global'),
    text(" (Juju's default) joins units wherever they run."),
  );
}

export const integrationsDirective: CharmDirective = {
  name: 'charm-integrations',
  attributes: charmAttributes(),
  build: charmIntegrations,
  checks: ['endpoint'],
  titles: [/^integrations$/, /^relations$/, /^endpoints$/],
  starter: {part: 'reference'},
};
