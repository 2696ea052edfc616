import type {PhrasingContent, RootContent} from 'mdast';
import {EVENT_KIND_ORDER} from '../model/python/event-names.js';
import type {ObservedEvent} from '../model/types.js';
import {sourceUrl, type SectionContext} from './context.js';
import {eventUrl, whenItFires} from './event-reference.js';
import {blockquote, charmInline, code, heading, link, list, paragraph, slug, text} from './mdast.js';

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
  // Loose: each item holds a heading and paragraphs, rendered as blocks.
  eventList.spread = true;
  for (const item of eventList.children) item.spread = true;
  out.push(eventList);
  out.push(blockquote(paragraph(text('See more in the Juju docs: '), link(ctx.links.jujuDocsUrl, text('Hook')))));
  return out;
}

/** Drops the trailing space of the last text node (details are built as sentences followed by a space). */
function trimEnd(nodes: PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') return [...nodes.slice(0, -1), text(last.value.trimEnd())];
  return nodes;
}

function eventItem(group: ObservedEvent[], ctx: SectionContext): import('mdast').BlockContent[] {
  const first = group[0]!;
  const url = eventUrl(first, ctx.links);
  const name: PhrasingContent = first.name ? (url ? link(url, code(first.name)) : code(first.name)) : code(first.expression);
  // Each event is a heading inside its list item: it gets a stable id (`#event-config-changed`) and a
  // table-of-contents entry, and the list keeps the template's numbering.
  const id = `event-${slug(first.name ?? first.expression)}`;
  const details: PhrasingContent[] = [];
  if (!first.resolved) details.push(text('Not resolved statically: '), code(first.expression), text('. '));
  if (first.kind === 'library' && first.emitter?.class) details.push(text('From '), code(first.emitter.class), ...(first.emitter.relation ? [text(' on '), code(first.emitter.relation)] : []), text('. '));
  if (first.inherited) details.push(text(`Observed by the framework${first.inheritedFrom ? `: ${first.inheritedFrom}` : ''}. `));
  const when = whenItFires(first);
  if (when) details.push(text(when));
  const blocks: import('mdast').BlockContent[] = [heading(ctx.headingLevel + 1, id, name)];
  if (details.length) blocks.push(paragraph(...trimEnd(details)));
  const note = ctx.annotations.find((a) => first.name && a.event === first.name);
  for (const e of group) {
    const handlerLine: PhrasingContent[] = [text('Action: ')];
    if (note && e === first) handlerLine.push(...note.content, text(' '));
    if (e.handlerDoc) handlerLine.push(...charmInline(e.handlerDoc, ctx.links));
    else if (!note) handlerLine.push(text('handled by '), e.handler ? code(e.handler) : code(e.handlerExpression), text('.'));
    const where = sourceUrl(ctx.links, e.handlerFile ?? e.file, e.handlerLine ?? e.line);
    const handlerRef = code(e.handler ?? e.handlerExpression);
    if (e.handlerDoc || note) handlerLine.push(text(' ('), where ? link(where, handlerRef) : handlerRef, text(')'));
    blocks.push(paragraph(...handlerLine));
  }
  return blocks;
}
