import type {Paragraph, PhrasingContent} from 'mdast';
import type {ObservedEvent} from '../model/index.js';
import {sourceUrl, type EventAnnotation, type SectionContext} from './context.js';
import {charmInline} from './charm-markdown.js';
import {code, link, paragraph, text} from './mdast.js';
import {libraryHandlerLine} from './event-provenance.js';

/** Frameworks whose charm base classes observe events for the charm: where their source is published. */
const FRAMEWORK_REPOSITORIES: Readonly<Record<string, string>> = {
  'paas-charm': 'https://github.com/canonical/paas-charm',
};

/** `paas-charm 1.12.0 (commit 9846ae6cb2) (src/paas_charm/charm.py:195)`, as the model records it. */
const INHERITED_FROM = /^(\S+) (\S+) \(commit ([0-9a-f]{7,40})\) \(([^():]+):(\d+)\)$/;

/**
 * Where a handler's source is. The charm's own handlers link to the charm's repository; a handler in
 * an installed framework links to that framework's source at the commit the model was read from,
 * and is no link when that commit is unknown (never the charm's class line, which is not the handler).
 */
export function handlerUrl(e: ObservedEvent, ctx: SectionContext): string | null {
  if (!e.inherited || ownBaseClass(e)) return sourceUrl(ctx.links, e.handlerFile ?? e.file, e.handlerLine ?? e.line);
  const m = INHERITED_FROM.exec(e.inheritedFrom ?? '');
  const repository = m && Object.hasOwn(FRAMEWORK_REPOSITORIES, m[1]!) ? FRAMEWORK_REPOSITORIES[m[1]!] : undefined;
  return m && repository ? `${repository}/blob/${m[3]}/${m[4]}#L${m[5]}` : null;
}

/** A base class of the charm's own, in its `lib/` or `src/`: the class and its Python module. */
export interface OwnBaseClass {
  class: string;
  module: string;
}

/**
 * The charm's own base class that observes an inherited event (opensearch's OpenSearchBaseCharm in
 * lib/charms/opensearch/v0/), or undefined for an installed framework (paas-charm): the model records
 * a file of the charm as `inheritedFrom` there, a package and version for a framework.
 */
export function ownBaseClass(e: ObservedEvent): OwnBaseClass | undefined {
  if (!e.inherited || !e.inheritedFrom || !/^[^\s()]+\.py$/.test(e.inheritedFrom)) return undefined;
  const module = e.inheritedFrom
    .replace(/^(?:lib|src)\//, '')
    .replace(/(?:\/__init__)?\.py$/, '')
    .replace(/\//g, '.');
  return {class: e.observer ?? 'its base class', module};
}

/** Who observes an inherited event, as a sentence: the charm's own base class (linked where it observes), or the framework. */
export function inheritedSentence(e: ObservedEvent, ctx: SectionContext): PhrasingContent[] {
  const own = ownBaseClass(e);
  if (!own) return [text(`Observed by the framework${e.inheritedFrom ? `: ${e.inheritedFrom}` : ''}. `)];
  const where = sourceUrl(ctx.links, e.file, e.line);
  const module = code(own.module);
  return [
    text("Observed by the charm's base class "),
    code(own.class),
    text(' in '),
    where ? link(where, module) : module,
    text('. '),
  ];
}

/** The same handler observed twice for one event (two `observe` calls) is one action. */
function distinctHandlers(group: ObservedEvent[]): ObservedEvent[] {
  const seen = new Set<string>();
  return group.filter((e) => {
    const key = `${e.handler ?? e.handlerExpression}\u0000${e.handlerFile ?? ''}\u0000${e.handlerLine ?? ''}\u0000${e.inheritedFrom ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether every handler of an entry is library code: the charm's own code does nothing on the event. */
export function libraryOnly(group: readonly ObservedEvent[]): boolean {
  return group.every((e) => e.resolved && e.handledBy);
}

/**
 * What happens on an event, in the order a reader asks: one "Action:" paragraph per distinct handler
 * of the charm's own (the author's note leads the first), then one line per library handler, each
 * naming its class and module (`handledBy`), so that the charm's `_on_config_changed` and a library's
 * never read alike.
 */
export function actionParagraphs(
  group: ObservedEvent[],
  note: EventAnnotation | undefined,
  ctx: SectionContext,
): Paragraph[] {
  const handlers = distinctHandlers(group);
  const own = handlers.filter((e) => !e.handledBy);
  const out = own.map((e, i) => {
    const noted = note !== undefined && i === 0;
    const line: PhrasingContent[] = [text('Action: ')];
    if (noted) line.push(...note.content, ...(e.handlerDoc ? [text(' ')] : []));
    if (e.handlerDoc) line.push(...charmInline(e.handlerDoc, ctx.links));
    else if (!noted) line.push(text('handled by '), e.handler ? code(e.handler) : code(e.handlerExpression), text('.'));
    const where = handlerUrl(e, ctx);
    const ref = code(e.handler ?? e.handlerExpression);
    if (e.handlerDoc || noted) line.push(text(' ('), where ? link(where, ref) : ref, text(')'));
    else if (where) line.splice(line.length - 2, 1, link(where, line[line.length - 2]!));
    return paragraph(...line);
  });
  // A note on an event only library code handles still says what the charm means by it.
  if (note && !own.length) out.push(paragraph(text('Action: '), ...note.content));
  // Listed among the events only library code handles, a line needs no lead saying so.
  const lead = libraryOnly(group) ? [] : [text('Handled by library code: ')];
  for (const e of handlers) {
    if (e.handledBy)
      out.push(paragraph(...lead, ...libraryHandlerLine({...e, handledBy: e.handledBy}, handlerUrl(e, ctx), ctx)));
  }
  return out;
}
