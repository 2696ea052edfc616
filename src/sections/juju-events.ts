import type {BlockContent, List, PhrasingContent, RootContent} from 'mdast';
import {hookName, type EventKind, type ObservedEvent} from '../model/index.js';
import type {SectionContext} from './context.js';
import {actionParagraphs, inheritedSentence, libraryOnly} from './event-handlers.js';
import {eventUrl, whenItFires} from './event-reference.js';
import {provenanceDetails} from './event-provenance.js';
import {entryNote, eventEntries, type EventEntry} from './event-entries.js';
import {blockquote, code, heading, intro, link, looseList, paragraph, text} from './mdast.js';
import {anyText, charmAttributes, oneOf, type CharmDirective} from './directive.js';
import {templateBlock} from './template-prose.js';

/** The template's introduction of the section, which a page converted from it may keep. */
const EVENTS_INTRO = 'For this charm, the following Juju events are observed:';
/** Where the events only library code handles are listed, after the charm's own. */
const LIBRARY_ONLY_TITLE = 'Handled by library code only';

/** Order of kinds in pages: lifecycle, then workload, relations, actions, secrets, storage, library events. */
export const EVENT_KIND_ORDER: EventKind[] = [
  'lifecycle',
  'leader',
  'status',
  'workload',
  'relation',
  'action',
  'secret',
  'storage',
  'library',
  'custom',
  'unknown',
];

/** Events in page order: by kind (lifecycle, workload, relations, actions, ...), then name; unresolved last. */
export function orderedEvents(events: ObservedEvent[], exclude: ReadonlySet<string> = new Set()): ObservedEvent[] {
  const rank = (e: ObservedEvent): number => (e.resolved ? EVENT_KIND_ORDER.indexOf(e.kind) : EVENT_KIND_ORDER.length);
  return events
    .filter((e) => !e.name || !exclude.has(e.name))
    .slice()
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.name ?? a.expression).localeCompare(b.name ?? b.expression) ||
        a.file.localeCompare(b.file) ||
        a.line - b.line,
    );
}

/** Above this many events, `toc="auto"` gives one table-of-contents entry per event group. */
export const GROUPED_TOC_THRESHOLD = 25;

/** Event groups of the grouped table of contents, in page order (kinds follow EVENT_KIND_ORDER). */
const EVENT_GROUPS: ReadonlyArray<{id: string; title: string; kinds: readonly string[]}> = [
  {id: 'lifecycle', title: 'Lifecycle events', kinds: ['lifecycle', 'leader', 'status']},
  {id: 'workload', title: 'Workload events', kinds: ['workload']},
  {id: 'relations', title: 'Relation events', kinds: ['relation']},
  {id: 'actions', title: 'Actions', kinds: ['action']},
  {id: 'secrets', title: 'Secret events', kinds: ['secret']},
  {id: 'storage', title: 'Storage events', kinds: ['storage']},
  {id: 'library', title: 'Library events', kinds: ['library']},
  {id: 'custom', title: "The charm's own events", kinds: ['custom']},
  {id: 'other', title: 'Events not resolved statically', kinds: ['unknown']},
];

function groupOf(e: ObservedEvent): string {
  const kind = e.resolved ? (isCharmEvent(e) ? 'custom' : e.kind) : 'unknown';
  return (EVENT_GROUPS.find((g) => g.kinds.includes(kind)) ?? EVENT_GROUPS[EVENT_GROUPS.length - 1]!).id;
}

/**
 * An event the charm defines itself (an EventSource on its own `on`, maybe in its base class in lib/):
 * no library emits it, even where the model files it with library events.
 */
function isCharmEvent(e: ObservedEvent): boolean {
  return (
    e.kind === 'custom' ||
    (e.kind === 'library' && !e.emitter?.library && !e.emitter?.class && /^self\.on$/.test(e.emitter?.expression ?? ''))
  );
}

/** `toc="event"`: one heading (and TOC entry) per event; `toc="group"`: one per event group; `auto` (default) groups above 25 events. */
function tocMode(ctx: SectionContext, eventCount: number): 'event' | 'group' {
  const toc = ctx.attributes['toc'] ?? 'auto';
  if (toc === 'event' || toc === 'group') return toc;
  return eventCount > GROUPED_TOC_THRESHOLD ? 'group' : 'event';
}

export function jujuEvents(ctx: SectionContext): RootContent[] {
  const exclude = new Set(
    (ctx.attributes['exclude'] ?? '')
      .split(',')
      .map((s) => hookName(s.trim()))
      .filter(Boolean),
  );
  const events = orderedEvents(ctx.model.events, exclude);
  const out: RootContent[] = [heading(ctx.headingLevel, 'juju-events', text('Juju events'))];
  if (!events.length) {
    out.push(paragraph(text('This charm observes no Juju events in its own source.')));
    return out;
  }
  out.push(templateBlock(EVENTS_INTRO, intro(text(EVENTS_INTRO))));
  const groups = eventEntries(events);
  // The charm's own handling first; events only its libraries handle follow, each in short.
  const own = groups.filter((entry) => !libraryOnly(entry.events));
  const library = groups.filter((entry) => libraryOnly(entry.events));
  let start = 1;
  const push = (members: EventEntry[], depth: number): void => {
    const part = eventList(members, groups, depth, ctx);
    if (start > 1) part.start = start;
    start += members.length;
    out.push(part);
  };
  const mode = tocMode(ctx, groups.length);
  if (mode === 'event' && own.length) push(own, ctx.headingLevel + 1);
  else if (mode === 'group') {
    // One heading per group; the numbering runs on across the groups' lists.
    for (const g of EVENT_GROUPS) {
      const members = own.filter((entry) => groupOf(entry.events[0]!) === g.id);
      if (!members.length) continue;
      out.push(heading(ctx.headingLevel + 1, `events-${g.id}`, text(g.title)));
      push(members, ctx.headingLevel + 2);
    }
  }
  if (library.length) {
    if (mode === 'group') out.push(heading(ctx.headingLevel + 1, 'events-library-only', text(LIBRARY_ONLY_TITLE)));
    else
      out.push(
        paragraph(
          text(`${LIBRARY_ONLY_TITLE}: libraries the charm uses observe these events, the charm's own code does not.`),
        ),
      );
    push(library, ctx.headingLevel + (mode === 'group' ? 2 : 1));
  }
  out.push(
    templateBlock(
      'See more in the Juju docs: Hook',
      blockquote(paragraph(text('See more in the Juju docs: '), link(ctx.links.jujuDocsUrl, text('Hook')))),
    ),
  );
  return out;
}

/**
 * `entries`: this list's; `all`: every entry of the section (an author's note goes to one of them);
 * `depth`: the level of each entry's heading.
 */
function eventList(entries: EventEntry[], all: readonly EventEntry[], depth: number, ctx: SectionContext): List {
  // Loose: each item holds a heading and paragraphs, rendered as blocks.
  return looseList(
    true,
    entries.map((entry) => eventItem(entry, all, depth, ctx)),
  );
}

/** Drops the trailing space of the last text node (details are built as sentences followed by a space). */
function trimEnd(nodes: PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') return [...nodes.slice(0, -1), text(last.value.trimEnd())];
  return nodes;
}

function eventItem(
  entry: EventEntry,
  entries: readonly EventEntry[],
  depth: number,
  ctx: SectionContext,
): BlockContent[] {
  const {events: group, id, qualifier} = entry;
  const first = group[0]!;
  const url = eventUrl(first, ctx.links);
  const label: PhrasingContent = first.name
    ? url
      ? link(url, code(first.name))
      : code(first.name)
    : code(first.expression);
  // Same-named events of different emitters: the heading says whose (`database-created` on `mysql`).
  const name: PhrasingContent[] = qualifier
    ? [label, text(first.emitter?.relation ? ' on ' : ' of '), code(qualifier)]
    : [label];
  // Each entry is a heading inside its list item, so the list keeps the template's numbering and
  // the entry has the anchor of its text (`#config-changed`, `#database-created-on-mysql`), on the
  // directive page and on a page of pasted `charm-arch render` output alike; its Sphinx label is
  // its stable id (`event-config-changed`, event-entries.ts). In a grouped TOC the event heading is
  // one level below its group's, out of the default table of contents.
  const details: PhrasingContent[] = [];
  details.push(...provenanceDetails(group, ctx));
  if (first.kind === 'library' && first.emitter?.class)
    details.push(
      text('From '),
      code(first.emitter.class),
      ...(first.emitter.relation ? [text(' on '), code(first.emitter.relation)] : []),
      text('. '),
    );
  if (first.inherited) details.push(...inheritedSentence(first, ctx));
  // An event only library code handles is listed in short: its name links to when it fires.
  const when = libraryOnly(group) ? undefined : whenItFires(first);
  if (when) details.push(text(when));
  const blocks: BlockContent[] = [heading(depth, id, ...name)];
  if (details.length) blocks.push(paragraph(...trimEnd(details)));
  const note = entryNote(entry, entries, ctx.annotations);
  blocks.push(...actionParagraphs(group, note, ctx));
  return blocks;
}

/** `toc`: one heading per event, per event group, or groups above GROUPED_TOC_THRESHOLD events. */
export const TOC_MODES = ['auto', 'event', 'group'] as const;

/** `exclude="update-status, collect-status"` leaves those events out. */
export const jujuEventsAttributes = {exclude: anyText(), toc: oneOf(...TOC_MODES)};

export const jujuEventsDirective: CharmDirective = {
  name: 'juju-events',
  attributes: charmAttributes(jujuEventsAttributes),
  build: jujuEvents,
  checks: ['event'],
  titles: [/^(juju )?events$/, /^observed events$/],
  annotations: true,
  starter: {
    part: 'page',
    prose: (model) => {
      const firstEvent = model.events.find((e) => e.name)?.name;
      return [
        'TODO: how the charm reacts to events in general (for example, one reconcile loop).',
        ...(firstEvent
          ? [
              '',
              `- ${firstEvent}: TODO: what the handler does and why. A list item that starts with an event name`,
              '  is shown with that event; add one per event worth explaining.',
            ]
          : []),
      ];
    },
  },
};
