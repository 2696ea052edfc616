/**
 * Entries of the events section: one per event and emitter. Handlers of the same event are listed
 * together, but same-named events of different objects (`database-created` of the `mysql` and the
 * `postgresql` requirer, `ready` of ingress and of RabbitMQ) are different events: each gets its own
 * entry, headed with the endpoint (or class) it comes from.
 */
import type {ObservedEvent} from '../model/index.js';
import type {EventAnnotation} from './context.js';
import {slug} from './mdast.js';

export interface EventEntry {
  /** The observers of this event from this emitter, in page order. */
  events: ObservedEvent[];
  /** Stable name (the Sphinx label): `event-<name>`, or `event-<endpoint>-<name>` when the name is shared by several emitters. */
  id: string;
  /** What tells same-named entries apart (an endpoint, else the emitter's class or expression); absent when the name is unique. */
  qualifier?: string;
}

/** Who emits an event: the charm itself (no emitter) or one library object, by endpoint, else class, else expression. */
function emitterKey(e: ObservedEvent): string {
  const emitter = e.emitter;
  if (!emitter) return '';
  return `${emitter.class ?? ''}\u0000${emitter.library ?? ''}\u0000${emitter.relation ?? emitter.expression}`;
}

function qualifierOf(e: ObservedEvent): string {
  return e.emitter?.relation ?? e.emitter?.class ?? e.emitter?.expression ?? 'charm';
}

/** Entries in the order of `events` (already in page order): one per name and emitter. */
export function eventEntries(events: readonly ObservedEvent[]): EventEntry[] {
  const groups: ObservedEvent[][] = [];
  const byKey = new Map<string, ObservedEvent[]>();
  for (const e of events) {
    // An event the model could not name is its own entry, shown with its expression.
    const key = e.name === null ? null : `${e.name}\u0001${emitterKey(e)}`;
    const group = key === null ? undefined : byKey.get(key);
    if (group) group.push(e);
    else {
      groups.push([e]);
      if (key !== null) byKey.set(key, groups[groups.length - 1]!);
    }
  }
  const shared = new Map<string, number>();
  for (const [first] of groups) if (first!.name) shared.set(first!.name, (shared.get(first!.name) ?? 0) + 1);
  const used = new Set<string>();
  return groups.map((group) => {
    const first = group[0]!;
    const qualifier = first.name && shared.get(first.name)! > 1 ? qualifierOf(first) : undefined;
    const base = `event-${qualifier ? `${slug(qualifier)}-` : ''}${slug(first.name ?? first.expression)}`;
    // Two emitters may still slug alike (`self.a["x"]`, `self.a['x']`): a counter keeps ids unique.
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return {events: group, id, ...(qualifier ? {qualifier} : {})};
  });
}

/** Whether an author's note that names an emitter (`on mysql`, `of IngressRequirer`) names this entry's. */
function namesEmitter(note: EventAnnotation, entry: EventEntry): boolean {
  const emitter = entry.events[0]!.emitter;
  const names = [entry.qualifier, emitter?.relation, emitter?.class, emitter?.expression];
  return names.some((n) => n !== undefined && note.emitter !== undefined && slug(n) === slug(note.emitter));
}

/**
 * The author's note shown with an entry. A note that names an emitter goes to that emitter's
 * entry only; a note on the bare name goes to the name's only entry or, when several emitters
 * share the name, to the first of them (an author names the emitter to place it elsewhere).
 */
export function entryNote(
  entry: EventEntry,
  entries: readonly EventEntry[],
  notes: readonly EventAnnotation[],
): EventAnnotation | undefined {
  const name = entry.events[0]!.name;
  if (!name) return undefined;
  const ofName = notes.filter((n) => n.event === name);
  const named = ofName.find((n) => n.emitter !== undefined && namesEmitter(n, entry));
  if (named) return named;
  const firstOfName = entries.find((e) => e.events[0]!.name === name);
  return firstOfName === entry ? ofName.find((n) => n.emitter === undefined) : undefined;
}

/** Notes that name an emitter none of the entries of their event has (the event itself is observed). */
export function misplacedNotes(entries: readonly EventEntry[], notes: readonly EventAnnotation[]): EventAnnotation[] {
  return notes.filter(
    (n) =>
      n.emitter !== undefined &&
      entries.some((e) => e.events[0]!.name === n.event) &&
      !entries.some((e) => e.events[0]!.name === n.event && namesEmitter(n, e)),
  );
}
