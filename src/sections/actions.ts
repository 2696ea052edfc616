import type {PhrasingContent, RootContent} from 'mdast';
import type {SectionContext} from './context.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {charmInline} from './charm-markdown.js';
import {code, heading, paragraph, table, text} from './mdast.js';
import {dash, origin} from './reference-tables.js';

/**
 * Parameters in one cell, each a sentence: a full stop where its description has none, then a space
 * (`User email. \`password\` ...`, never `User email.; \`password\``).
 */
function asSentences(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((part, i) => {
    const last = part[part.length - 1];
    const ended = last?.type === 'text' && /[.!?]\s*$/.test(last.value);
    return [...(i ? [text(' ')] : []), ...part, ...(ended ? [] : [text('.')])];
  });
}

/** Actions and their parameters. */
export function charmActions(ctx: SectionContext): RootContent[] {
  const out: RootContent[] = [heading(ctx.headingLevel, 'actions', text('Actions'))];
  if (!ctx.model.actions.length) return [...out, paragraph(text('This charm has no actions.'))];
  out.push(
    table(
      ['Action', 'Description', 'Parameters'],
      ctx.model.actions.map((a) => [
        [code(a.name), ...origin(a.origin)],
        a.description ? charmInline(a.description, ctx.links) : [dash()],
        a.params.length
          ? asSentences(
              a.params.map((p) => [
                code(p.name),
                text(` (${p.type}${p.required ? ', required' : ''})`),
                ...(p.description ? [text(': '), ...charmInline(p.description, ctx.links)] : []),
              ]),
            )
          : [dash()],
      ]),
    ),
  );
  return out;
}

export const actionsDirective: CharmDirective = {
  name: 'charm-actions',
  attributes: charmAttributes(),
  build: charmActions,
  checks: ['action'],
  titles: [/^actions$/],
  starter: {part: 'reference', when: (model) => model.actions.length > 0},
};
