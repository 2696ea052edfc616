import type {PhrasingContent, RootContent} from 'mdast';
import {EVENT_KIND_ORDER} from '../model/python/event-names.js';
import type {ObservedEvent} from '../model/types.js';
import {sourceUrl, type SectionContext} from './context.js';
import {eventUrl, whenItFires} from './event-reference.js';
import {blockquote, charmInline, code, heading, link, list, paragraph, slug, strong, text} from './mdast.js';

/** Events in page order: by kind (lifecycle, workload, relations, actions, ...), then name; unresolved last. */
export function orderedEvents(events: ObservedEvent[], exclude: ReadonlySet<string> = new Set()): ObservedEvent[] {
  const rank = (e: ObservedEvent): number => (e.resolved ? EVENT_KIND_ORDER.indexOf(e.kind) : EVENT_KIND_ORDER.length);
  return events
    .filter((e) => !e.name || !exclude.has(e.name))
    .slice()
    .sort((a, b) => rank(a) - rank(b) || (a.name ?? a.expression).localeCompare(b.name ?? b.expression) || a.file.localeCompare(b.file) || a.line - b.line);
}

/** One entry per event name: handlers of the same event are listed together. */
function groupByName(events: ObservedEvent[]): ObservedEvent[][] {
  const groups: ObservedEvent[][] = [];
  for (const e of events) {
    const g = e.name ? groups.find((x) => x[0]!.name === e.name) : undefined;
    if (g) g.push(e);
    else groups.push([e]);
  }
  return groups;
}

export function jujuEvents(ctx: SectionContext): RootContent[] {
  const exclude = new Set((ctx.attributes['exclude'] ?? '').split(',').map((s) => s.trim().replace(/_/g, '-')).filter(Boolean));
  const events = orderedEvents(ctx.model.events, exclude);
  const out: RootContent[] = [heading(ctx.headingLevel, 'juju-events', text('Juju events'))];
  if (!events.length) {
    out.push(paragraph(text('This charm observes no Juju events in its own source.')));
    return out;
  }
  out.push(paragraph(text('For this charm, the following Juju events are observed:')));
  const groups = groupByName(events);
  const eventList = list(true, groups.map((group) => eventItem(group, ctx)));
  // Each resolved event gets a stable anchor (`#event-config-changed`) to link to from other pages.
  eventList.children.forEach((item, i) => {
    const name = groups[i]![0]!.name;
    if (name) item.data = {hProperties: {id: `event-${slug(name)}`}};
  });
  out.push(eventList);
  out.push(blockquote(paragraph(text('See more in the Juju docs: '), link(ctx.links.jujuDocsUrl, text('Hook')))));
  return out;
}

function eventItem(group: ObservedEvent[], ctx: SectionContext): import('mdast').BlockContent[] {
  const first = group[0]!;
  const url = eventUrl(first, ctx.links);
  const name: PhrasingContent = first.name ? (url ? link(url, code(first.name)) : code(first.name)) : code(first.expression);
  const head: PhrasingContent[] = [strong(name)];
  if (!first.resolved) head.push(text(' (not resolved statically: '), code(first.expression), text(')'));
  if (first.kind === 'library' && first.emitter?.class) head.push(text(' from '), code(first.emitter.class), ...(first.emitter.relation ? [text(' on '), code(first.emitter.relation)] : []));
  if (first.inherited) head.push(text(` (observed by the framework${first.inheritedFrom ? `: ${first.inheritedFrom}` : ''})`));
  const when = whenItFires(first);
  if (when) head.push(text(`: ${when}`));
  const blocks: import('mdast').BlockContent[] = [paragraph(...head)];
  const note = ctx.annotations.find((a) => first.name && a.event === first.name);
  for (const e of group) {
    const handlerLine: PhrasingContent[] = [text('Action: ')];
    if (note && e === first) handlerLine.push(...note.content, text(' '));
    if (e.handlerDoc) handlerLine.push(...charmInline(e.handlerDoc));
    else if (!note) handlerLine.push(text('handled by '), e.handler ? code(e.handler) : code(e.handlerExpression), text('.'));
    const where = sourceUrl(ctx.links, e.handlerFile ?? e.file, e.handlerLine ?? e.line);
    const handlerRef = code(e.handler ?? e.handlerExpression);
    if (e.handlerDoc || note) handlerLine.push(text(' ('), where ? link(where, handlerRef) : handlerRef, text(')'));
    blocks.push(paragraph(...handlerLine));
  }
  return blocks;
}
