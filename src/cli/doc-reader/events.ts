/** Events: the page's event names against the observed events. */
import {normaliseEventName, type CharmModel, type ObservedEvent} from '../../model/index.js';
import {blockText, sectionBlocks, type DocBlock, type DocSection} from './types.js';
import {missingFinding, staleFinding, type Finding} from './findings.js';
import {namesIn} from './names.js';
import {cleanName, didYouMean} from './rename-hints.js';

export const STANDARD_HOOKS = new Set([
  'install',
  'start',
  'stop',
  'remove',
  'config-changed',
  'update-status',
  'upgrade-charm',
  'leader-elected',
  'leader-settings-changed',
  'collect-metrics',
  'pre-series-upgrade',
  'post-series-upgrade',
  'secret-changed',
  'secret-expired',
  'secret-remove',
  'secret-rotate',
  'collect-unit-status',
  'collect-app-status',
]);
export const RELATION_SUFFIXES = ['created', 'joined', 'changed', 'departed', 'broken'];
export const HOOK_SUFFIX =
  /-(relation-(created|joined|changed|departed|broken)|pebble-(ready|custom-notice|check-failed|check-recovered)|storage-(attached|detaching)|action)$/;
/** Names that stand for every event of a kind when written without their prefix. */
export const BARE_GENERIC = new Set([
  ...RELATION_SUFFIXES.map((s) => `relation-${s}`),
  'pebble-ready',
  'pebble-custom-notice',
  'pebble-check-failed',
  'pebble-check-recovered',
  'storage-attached',
  'storage-detaching',
]);

/** `container-pebble-ready`, `workload-pebble-ready`, `workload-container-pebble-check-failed`: any container's event. */
const GENERIC_CONTAINER_EVENT =
  /^(?:workload-)?(?:container|workload)(?:-name)?-(pebble-(?:ready|custom-notice|check-failed|check-recovered))$/;

export function isHookShaped(name: string): boolean {
  return STANDARD_HOOKS.has(name) || HOOK_SUFFIX.test(name) || BARE_GENERIC.has(name) || name.startsWith('*-');
}

/**
 * The hook-style forms a written event name may stand for, most likely first; `*` marks a
 * placeholder (`<container name>_pebble_ready` -> `*-pebble-ready`). Empty when the text is not
 * an event name (prose, a handler `_on_x`, a file name).
 */
export function eventForms(raw: string, fromCode: boolean): string[] {
  let s = raw
    .trim()
    .replace(/^[`'"“”*]+|[`'"“”*]+$/g, '')
    .replace(/\\(.)/g, '$1');
  s = s
    .replace(/\(\)$/, '')
    .replace(/[:.,;]+$/, '')
    .trim();
  if (!s || s.startsWith('_')) return [];
  s = s.replace(/<[^<>]*>|\{[^{}]*\}/g, '*');
  // ops attribute paths and event classes: `self.on.config_changed`, `ConfigChangedEvent`
  if (/^[\w*]+(\.[\w*[\]"']+)+$/.test(s)) s = s.split('.').pop()!;
  if (/^[A-Z][a-z]+([A-Z][a-z]+)*Event$/.test(s)) s = s.replace(/Event$/, '').replace(/([a-z])([A-Z])/g, '$1-$2');
  s = s
    .toLowerCase()
    .replace(/^(the|juju|ops)\s+/, '')
    .replace(/^(event|hook)s?\s+/, '')
    .replace(/\s+(event|hook)s?$/, '')
    .trim();
  const words = s.split(/\s+/);
  let forms: string[];
  if (words.length === 1) forms = [s];
  else if (words.length <= 3 && (fromCode || words.some((w) => /[_-]/.test(w))))
    forms = [words.join('-'), words[words.length - 1]!];
  else return [];
  return forms
    .map((f) => normaliseEventName(f).replace(/^on-(?=[a-z])/, ''))
    .map((f) => (BARE_GENERIC.has(f) ? `*-${f}` : f))
    .filter((f) => /^[a-z0-9*][a-z0-9*-]*$/.test(f) && /[a-z]/.test(f));
}

/** One observed event as the page may name it: by name, and by emitter when library events share a name. */
export interface EventEntry {
  /** Unique key: the name, or `name@emitter` when several emitters fire events of that name. */
  id: string;
  name: string;
  emitter?: string;
  event: ObservedEvent;
}

export function emitterKey(e: ObservedEvent): string | undefined {
  const raw =
    e.emitter?.relation ??
    e.endpoint ??
    e.emitter?.expression.replace(/^self\.?_?/, '').replace(/\[["']([^"']+)["']\]/g, '-$1');
  return raw
    ? normaliseEventName(raw)
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
    : undefined;
}

export function observedEvents(model: CharmModel): EventEntry[] {
  const byName = new Map<string, ObservedEvent[]>();
  for (const e of model.events)
    if (e.name) byName.set(normaliseEventName(e.name), [...(byName.get(normaliseEventName(e.name)) ?? []), e]);
  const out: EventEntry[] = [];
  for (const [name, events] of byName) {
    const emitters = new Map<string, ObservedEvent>();
    for (const e of events) {
      const k = e.kind === 'library' || e.kind === 'custom' ? (emitterKey(e) ?? '') : '';
      if (!emitters.has(k)) emitters.set(k, e);
    }
    for (const [k, e] of emitters)
      out.push({id: emitters.size > 1 && k ? `${name}@${k}` : name, name, ...(k ? {emitter: k} : {}), event: e});
  }
  return out;
}

export function emitterMatches(prefix: string, emitter: string | undefined): boolean {
  if (!emitter) return false;
  if (emitter === prefix) return true;
  const tokens = emitter.split('-');
  return prefix.split('-').every((t) => tokens.includes(t)) || prefix.split('-').includes(emitter);
}

export function matchEvent(form: string, events: EventEntry[]): EventEntry[] {
  if (form.includes('*')) {
    const re = new RegExp(
      `^${form
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[a-z0-9-]+')}$`,
    );
    return events.filter((e) => re.test(e.name));
  }
  const exact = events.filter((e) => e.name === form);
  if (exact.length) return exact;
  // Juju's generic spelling of a per-container event: `container-pebble-ready`, `workload-pebble-ready`
  const generic = GENERIC_CONTAINER_EVENT.exec(form);
  if (generic) return matchEvent(`*-${generic[1]}`, events);
  const action = events.filter((e) => e.name === `${form}-action`);
  if (action.length) return action;
  // `rabbitmq_joined` for `rabbitmq_relation_joined`
  const relation = /^(.+)-(created|joined|changed|departed|broken)$/.exec(form);
  if (relation && !relation[1]!.endsWith('-relation')) {
    const full = events.filter((e) => e.name === `${relation[1]}-relation-${relation[2]}`);
    if (full.length) return full;
  }
  // a library or custom event named with its emitter: `ingress_ready`, `s3_credentials_changed`, `traefik_route ready`
  // (only when the prefix names the emitter: `redis_pebble_ready` is not the ingress library's `ready`)
  if (isHookShaped(form)) return [];
  return events.filter(
    (e) =>
      (e.event.kind === 'library' || e.event.kind === 'custom') &&
      form.endsWith(`-${e.name}`) &&
      emitterMatches(form.slice(0, -(e.name.length + 1)), e.emitter),
  );
}

/** The first form that names observed events. */
export function matchForms(forms: string[], events: EventEntry[]): EventEntry[] {
  for (const f of forms) {
    const m = matchEvent(f, events);
    if (m.length) return m;
  }
  return [];
}

/** "The charm observes the lifecycle events ("created", "changed", "broken"...) of its relations." */
export function prosePlaceholders(block: DocBlock): string[] {
  const text = blockText(block);
  if (!/\brelations?\b/i.test(text)) return [];
  const quoted = [...text.matchAll(/["“'‘](created|joined|changed|departed|broken)["”'’]/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  if (!quoted.length) return [];
  const all = /(["”'’]\s*(\.\.\.|…|etc\.?))/.test(text);
  return (all ? RELATION_SUFFIXES : quoted).map((s) => `*-relation-${s}`);
}

export function observedAt(e: ObservedEvent): string {
  if (e.inherited) return `observed by ${e.inheritedFrom ?? 'an inherited base class'}`;
  return `observed at ${e.file}:${e.line}`;
}

export function compareEvents(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const events = observedEvents(model);
  const covered = new Set<string>();
  const stale = new Map<string, {name: string; line: number; form: string}>();
  for (const n of namesIn(sections)) {
    const forms = eventForms(n.text, n.via === 'code');
    if (!forms.length) continue;
    const matched = matchForms(forms, events);
    if (matched.length) {
      for (const m of matched) covered.add(m.id);
      continue;
    }
    const form = forms.find((f) => isHookShaped(f)) ?? forms[0]!;
    // Hook names in an item's description ("fired after `secret-rotate`") describe the item's event;
    // elsewhere (a heading, an item's lead, running prose) they claim the charm observes them.
    const candidate =
      (isHookShaped(form) && (n.lead || n.block.kind === 'paragraph')) ||
      (n.lead && n.via !== 'plain' && (n.via !== 'heading' || form.includes('-'))) ||
      (n.lead && n.via === 'plain' && form.includes('-'));
    if (candidate && !stale.has(form)) stale.set(form, {name: cleanName(n.text), line: n.line, form});
  }
  for (const section of sections) {
    for (const block of sectionBlocks(section)) {
      for (const p of prosePlaceholders(block)) for (const m of matchEvent(p, events)) covered.add(m.id);
      // a table's first cell names the row's event, also in words ("config changed")
      if (block.kind === 'row')
        for (const m of matchForms(eventForms(blockText(block).split(' | ')[0]!, true), events)) covered.add(m.id);
    }
  }

  const heading = sections[0]!;
  // Events only library objects observe, in the library's code, may be documented, but need not be.
  const missing = events.filter((e) => !covered.has(e.id) && !e.event.handledBy);
  const findings: Finding[] = missing.map((e) =>
    missingFinding(
      'event',
      e.name,
      {file, line: heading.line},
      `${e.id !== e.name && e.emitter ? ` from \`${e.emitter}\`` : ''} (${observedAt(e.event)})`,
    ),
  );
  for (const s of stale.values()) {
    const hint = didYouMean(
      s.form,
      missing.map((e) => e.name),
    );
    const why = 'documented, but the charm does not observe it';
    findings.push(staleFinding('event', s.name, {file, line: s.line}, why, hint, 'renamed? '));
  }
  return findings;
}
