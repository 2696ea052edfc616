import type {CharmModel, Container, Endpoint, ObservedEvent, Rock} from '../../model/types.js';
import {blockText, sectionBlocks, type DocBlock, type DocOutline, type DocSection, type DocToken} from './types.js';

export type Category = 'event' | 'container' | 'rock' | 'endpoint' | 'action';

export const CATEGORIES: readonly Category[] = ['event', 'container', 'rock', 'endpoint', 'action'];

export interface Finding {
  kind: 'missing' | 'stale';
  category: Category;
  /** Missing: the charm's name (hook style for events). Stale: the name as the page writes it. */
  name: string;
  /** The page, as given on the command line. */
  file: string;
  /** Missing: the section heading's line. Stale: the first line that mentions it. */
  line: number;
  message: string;
}

/** What the check did with each category. */
export interface SectionReport {
  category: Category;
  /** `compared`; `delegated` (the section only points elsewhere); `generated` (a directive writes it); `absent`. */
  status: 'compared' | 'delegated' | 'generated' | 'absent';
  title?: string;
  line?: number;
}

export interface Comparison {
  findings: Finding[];
  sections: SectionReport[];
}

// ---------------------------------------------------------------------------------------------
// Sections

/** Which category a heading introduces, from its text. */
export function categoryOf(title: string): Category | null {
  const t = title.toLowerCase().replace(/[`*:]/g, '').replace(/\s+/g, ' ').trim();
  const words = t.split(' ').length;
  if (/\bdiagram\b/.test(t)) return null;
  if (/\b(oci|rocks?|images?)\b/.test(t) && words <= 4) return 'rock';
  if (/\bcontainers?\b/.test(t) && words <= 4) return 'container';
  if (/\b(events?|hooks?)\b/.test(t) && words <= 5 && !/^event\s+\S/.test(t)) return 'event';
  if (/^(charm |juju )?(integrations?|relations?|relation endpoints|endpoints|interfaces)$/.test(t)) return 'endpoint';
  if (/^(charm |juju )?actions?$/.test(t)) return 'action';
  return null;
}

/** Directive -> the categories it generates. */
const GENERATED_BY: Record<string, Category[]> = {
  'charm-architecture': ['event', 'container', 'rock'],
  'juju-events': ['event'],
  'charm-containers': ['container'],
  'oci-images': ['rock'],
  'charm-integrations': ['endpoint'],
  'charm-actions': ['action'],
};

function findSections(sections: DocSection[], inside: Set<Category> = new Set(), out = new Map<Category, DocSection[]>()): Map<Category, DocSection[]> {
  for (const s of sections) {
    const c = categoryOf(s.title);
    const here = new Set(inside);
    if (c && !inside.has(c)) {
      out.set(c, [...(out.get(c) ?? []), s]);
      here.add(c);
    }
    findSections(s.children, here, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names written on the page

interface Name {
  text: string;
  line: number;
  /** The name a list item, table row or heading starts with: what the block is about. */
  lead: boolean;
  via: DocToken['type'] | 'heading' | 'plain';
  /** Written as (or inside) a link's text: often a partner charm or a reference page. */
  link?: boolean;
}

const SEPARATOR_AFTER_LEAD = /^\s*([^\s:,()]+)\s*(?::|—|–|\s-\s|\(|$)/;
/** Identifiers in running text: `upgrade_charm`, `wordpress-replica_relation_changed`, `<container name>_pebble_ready`. */
const PLAIN_IDENTIFIER = /(?:<[^<>\n]+>|\{[^{}\n]+\}|[A-Za-z0-9]+)(?:[_-](?:<[^<>\n]+>|[A-Za-z0-9]+))+/g;

function namesOf(block: DocBlock): Name[] {
  const names: Name[] = [];
  const tokens = block.tokens;
  if (block.kind === 'heading') {
    const codes = tokens.filter((t) => t.type === 'code' || t.type === 'ref');
    if (codes.length) codes.forEach((t, i) => names.push({text: t.text, line: t.line, lead: i === 0, via: t.type}));
    else names.push({text: blockText(block).trim(), line: block.line, lead: true, via: 'heading'});
    return names;
  }
  const first = tokens.find((t) => t.type !== 'text' || t.text.trim() !== '');
  let leadDone = block.kind === 'paragraph';
  if (first?.type === 'text' && !leadDone) {
    const m = SEPARATOR_AFTER_LEAD.exec(first.text);
    if (m) names.push({text: m[1]!, line: first.line, lead: true, via: 'plain'});
    leadDone = true;
  }
  for (const t of tokens) {
    if (t.type === 'text') {
      for (const m of t.text.matchAll(PLAIN_IDENTIFIER)) names.push({text: m[0], line: t.line, lead: false, via: 'plain'});
      continue;
    }
    const inner = t.type === 'link' && !!t.codes?.length;
    for (const text of inner ? t.codes! : [t.text]) {
      names.push({text, line: t.line, lead: !leadDone, via: inner ? 'code' : t.type, ...(t.type === 'link' ? {link: true} : {})});
      leadDone = true;
    }
  }
  return names;
}

function* namesIn(sections: DocSection[]): Generator<Name & {block: DocBlock}> {
  for (const section of sections) {
    for (const block of sectionBlocks(section)) for (const n of namesOf(block)) yield {...n, block};
  }
}

// ---------------------------------------------------------------------------------------------
// Events

const hookStyle = (s: string): string => s.replace(/_/g, '-').toLowerCase();

const STANDARD_HOOKS = new Set([
  'install', 'start', 'stop', 'remove', 'config-changed', 'update-status', 'upgrade-charm', 'leader-elected',
  'leader-settings-changed', 'collect-metrics', 'pre-series-upgrade', 'post-series-upgrade', 'secret-changed',
  'secret-expired', 'secret-remove', 'secret-rotate', 'collect-unit-status', 'collect-app-status',
]);
const RELATION_SUFFIXES = ['created', 'joined', 'changed', 'departed', 'broken'];
const HOOK_SUFFIX = /-(relation-(created|joined|changed|departed|broken)|pebble-(ready|custom-notice|check-failed|check-recovered)|storage-(attached|detaching)|action)$/;
/** Names that stand for every event of a kind when written without their prefix. */
const BARE_GENERIC = new Set([
  ...RELATION_SUFFIXES.map((s) => `relation-${s}`),
  'pebble-ready', 'pebble-custom-notice', 'pebble-check-failed', 'pebble-check-recovered', 'storage-attached', 'storage-detaching',
]);

export function isHookShaped(name: string): boolean {
  return STANDARD_HOOKS.has(name) || HOOK_SUFFIX.test(name) || BARE_GENERIC.has(name) || /^\*-/.test(name);
}

/**
 * The hook-style forms a written event name may stand for, most likely first; `*` marks a
 * placeholder (`<container name>_pebble_ready` -> `*-pebble-ready`). Empty when the text is not
 * an event name (prose, a handler `_on_x`, a file name).
 */
export function eventForms(raw: string, fromCode: boolean): string[] {
  let s = raw.trim().replace(/^[`'"“”*]+|[`'"“”*]+$/g, '').replace(/\\(.)/g, '$1');
  s = s.replace(/\(\)$/, '').replace(/[:.,;]+$/, '').trim();
  if (!s || s.startsWith('_')) return [];
  s = s.replace(/<[^<>]*>|\{[^{}]*\}/g, '*');
  // ops attribute paths and event classes: `self.on.config_changed`, `ConfigChangedEvent`
  if (/^[\w*]+(\.[\w*[\]"']+)+$/.test(s)) s = s.split('.').pop()!;
  if (/^[A-Z][a-z]+([A-Z][a-z]+)*Event$/.test(s)) s = s.replace(/Event$/, '').replace(/([a-z])([A-Z])/g, '$1-$2');
  s = s.toLowerCase().replace(/^(the|juju|ops)\s+/, '').replace(/^(event|hook)s?\s+/, '').replace(/\s+(event|hook)s?$/, '').trim();
  const words = s.split(/\s+/);
  let forms: string[];
  if (words.length === 1) forms = [s];
  else if (words.length <= 3 && (fromCode || words.some((w) => /[_-]/.test(w)))) forms = [words.join('-'), words[words.length - 1]!];
  else return [];
  return forms
    .map((f) => hookStyle(f).replace(/^on-(?=[a-z])/, ''))
    .map((f) => (BARE_GENERIC.has(f) ? `*-${f}` : f))
    .filter((f) => /^[a-z0-9*][a-z0-9*-]*$/.test(f) && /[a-z]/.test(f));
}

/** One observed event as the page may name it: by name, and by emitter when library events share a name. */
interface EventEntry {
  /** Unique key: the name, or `name@emitter` when several emitters fire events of that name. */
  id: string;
  name: string;
  emitter?: string;
  event: ObservedEvent;
}

function emitterKey(e: ObservedEvent): string | undefined {
  const raw = e.emitter?.relation ?? e.endpoint ?? e.emitter?.expression.replace(/^self\.?_?/, '').replace(/\[["']([^"']+)["']\]/g, '-$1');
  return raw ? hookStyle(raw).replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') : undefined;
}

function observedEvents(model: CharmModel): EventEntry[] {
  const byName = new Map<string, ObservedEvent[]>();
  for (const e of model.events) if (e.name) byName.set(hookStyle(e.name), [...(byName.get(hookStyle(e.name)) ?? []), e]);
  const out: EventEntry[] = [];
  for (const [name, events] of byName) {
    const emitters = new Map<string, ObservedEvent>();
    for (const e of events) {
      const k = e.kind === 'library' || e.kind === 'custom' ? (emitterKey(e) ?? '') : '';
      if (!emitters.has(k)) emitters.set(k, e);
    }
    for (const [k, e] of emitters) out.push({id: emitters.size > 1 && k ? `${name}@${k}` : name, name, ...(k ? {emitter: k} : {}), event: e});
  }
  return out;
}

function emitterMatches(prefix: string, emitter: string | undefined): boolean {
  if (!emitter) return false;
  if (emitter === prefix) return true;
  const tokens = emitter.split('-');
  return prefix.split('-').every((t) => tokens.includes(t)) || prefix.split('-').includes(emitter);
}

function matchEvent(form: string, events: EventEntry[]): EventEntry[] {
  if (form.includes('*')) {
    const re = new RegExp(`^${form.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[a-z0-9-]+')}$`);
    return events.filter((e) => re.test(e.name));
  }
  const exact = events.filter((e) => e.name === form);
  if (exact.length) return exact;
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
  return events.filter((e) => (e.event.kind === 'library' || e.event.kind === 'custom') && form.endsWith(`-${e.name}`) && emitterMatches(form.slice(0, -(e.name.length + 1)), e.emitter));
}

/** The first form that names observed events. */
function matchForms(forms: string[], events: EventEntry[]): EventEntry[] {
  for (const f of forms) {
    const m = matchEvent(f, events);
    if (m.length) return m;
  }
  return [];
}

/** "The charm observes the lifecycle events ("created", "changed", "broken"...) of its relations." */
function prosePlaceholders(block: DocBlock): string[] {
  const text = blockText(block);
  if (!/\brelations?\b/i.test(text)) return [];
  const quoted = [...text.matchAll(/["“'‘](created|joined|changed|departed|broken)["”'’]/gi)].map((m) => m[1]!.toLowerCase());
  if (!quoted.length) return [];
  const all = /(["”'’]\s*(\.\.\.|…|etc\.?))/.test(text);
  return (all ? RELATION_SUFFIXES : quoted).map((s) => `*-relation-${s}`);
}

function observedAt(e: ObservedEvent): string {
  if (e.inherited) return `observed by ${e.inheritedFrom ?? 'an inherited base class'}`;
  return `observed at ${e.file}:${e.line}`;
}

function compareEvents(sections: DocSection[], model: CharmModel, file: string): Finding[] {
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
    const candidate = (isHookShaped(form) && (n.lead || n.block.kind === 'paragraph')) || (n.lead && n.via !== 'plain' && (n.via !== 'heading' || /-/.test(form))) || (n.lead && n.via === 'plain' && /-/.test(form));
    if (candidate && !stale.has(form)) stale.set(form, {name: cleanName(n.text), line: n.line, form});
  }
  for (const section of sections) for (const block of sectionBlocks(section)) for (const p of prosePlaceholders(block)) for (const m of matchEvent(p, events)) covered.add(m.id);

  const heading = sections[0]!;
  const missing = events.filter((e) => !covered.has(e.id));
  const findings: Finding[] = missing.map((e) => ({
    kind: 'missing',
    category: 'event',
    name: e.name,
    file,
    line: heading.line,
    message: `missing event \`${e.name}\`${e.id !== e.name && e.emitter ? ` from \`${e.emitter}\`` : ''} (${observedAt(e.event)})`,
  }));
  for (const s of stale.values()) {
    const hint = didYouMean(s.form, missing.map((e) => e.name));
    findings.push({
      kind: 'stale',
      category: 'event',
      name: s.name,
      file,
      line: s.line,
      message: `stale event \`${s.name}\`: documented, but the charm does not observe it${hint ? ` (renamed? did you mean \`${hint}\`)` : ''}`,
    });
  }
  return findings;
}

function cleanName(text: string): string {
  return text.trim().replace(/^[`'"“”*]+|[`'"“”*]+$/g, '').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
}

/**
 * The most similar name, when similar enough to be a rename: within a quarter of the length in
 * edits, or a third when both start with the same word (`redis_relation_changed` ->
 * `redis-relation-updated`).
 */
export function didYouMean(name: string, options: string[]): string | undefined {
  const plain = hookStyle(name).replace(/^\*-/, '');
  let best: string | undefined;
  let bestScore = Infinity;
  for (const o of options) {
    const d = levenshtein(plain, o) / Math.max(plain.length, o.length);
    const limit = plain.split('-')[0] === o.split('-')[0] ? 0.34 : 0.25;
    if (d <= limit && d < bestScore) {
      bestScore = d;
      best = o;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

// ---------------------------------------------------------------------------------------------
// Containers, rocks, endpoints, actions

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const rockDir = (r: Rock): string => {
  const parts = r.path.split('/');
  return parts.length > 1 ? parts[parts.length - 2]! : r.name;
};
const stem = (s: string, suffix: RegExp): string => s.replace(suffix, '');

function mentions(text: string, name: string): boolean {
  const variants = new Set([name, name.replace(/-/g, '_'), name.replace(/_/g, '-')]);
  for (const v of variants) {
    const re = new RegExp(`(^|[^A-Za-z0-9_-])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`, 'i');
    if (re.test(text)) return true;
  }
  return false;
}

function sectionText(sections: DocSection[]): string {
  const parts: string[] = [];
  for (const s of sections)
    for (const b of sectionBlocks(s, true)) {
      parts.push(blockText(b));
      for (const t of b.tokens) if (t.url) parts.push(t.url);
    }
  return parts.join('\n');
}

/** A sub-section under "Containers" about a process, not a container ("runs in the same container as ..."). */
const NOT_A_CONTAINER = /pebble layer|same container|runs? (in|inside) the [\w -]+ container|inside the [\w -]+ container/i;
const CHARM_CONTAINER = /\b(charm|juju|sidecar|pebble|overview|diagram|services?)\b/i;

function containerKeys(c: Container, model: CharmModel): string[] {
  const keys = [c.name];
  if (c.resource) keys.push(stem(c.resource, /[-_](image|oci-image)$/));
  const rocks = model.rocks.filter((r) => r.container === c.name || (c.resource && r.resource === c.resource) || (model.containers.length === 1 && model.rocks.length === 1));
  for (const r of rocks) keys.push(r.name, stem(rockDir(r), /[-_]rock$/));
  return keys.map(key);
}

function compareContainers(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'item' || !/\bcontainer\b/i.test(blockText(block))) continue;
      const first = namesOf(block).find((n) => n.via !== 'plain') ?? namesOf(block).find((n) => n.lead);
      const word = /^\s*(?:an?|the)?\s*([A-Z][\w-]*)/.exec(blockText(block));
      if (first) candidates.push(first);
      else if (word) candidates.push({text: word[1]!, line: block.line, lead: true, via: 'plain'});
    }
    const visit = (s: DocSection): void => {
      const body = s.blocks.map(blockText).join('\n');
      const title = s.title.replace(/\b(the|an?|main|workload|containers?)\b/gi, '').trim();
      if (title && !CHARM_CONTAINER.test(s.title) && !NOT_A_CONTAINER.test(body)) candidates.push({text: title, line: s.line, lead: true, via: 'heading'});
      s.children.forEach(visit);
    };
    section.children.forEach(visit);
  }
  const matched = new Set<string>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const k = key(cand.text.replace(/\b(the|an?|main|workload|containers?)\b/gi, ''));
    const hits = model.containers.filter((c) => containerKeys(c, model).includes(k));
    if (hits.length) hits.forEach((c) => matched.add(c.name));
    else if (k && !stale.some((s) => key(s.text) === key(cand.text))) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const c of model.containers) {
    if (matched.has(c.name) || mentions(text, c.name)) continue;
    findings.push({kind: 'missing', category: 'container', name: c.name, file, line: sections[0]!.line, message: `missing container \`${c.name}\` (declared in charmcraft.yaml${c.line ? `:${c.line}` : ''})`});
  }
  const names = model.containers.filter((c) => !matched.has(c.name)).map((c) => c.name);
  for (const s of stale) {
    const name = cleanName(s.text);
    const hint = didYouMean(key(name), names);
    findings.push({kind: 'stale', category: 'container', name, file, line: s.line, message: `stale container \`${name}\`: the charm declares no such container${hint ? ` (did you mean \`${hint}\`)` : ''}`});
  }
  return findings;
}

const ROCK_MENTION = /([a-z0-9][a-z0-9-]*?)[_-]rocks?(?![a-z0-9])/gi;

function compareRocks(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of sectionBlocks(section)) {
      for (const t of block.tokens) {
        // rock directories in text and code (`nginx_rock/rockcraft.yaml`), in link paths
        // (`.../tree/main/indico_rock`, `github.com/canonical/traefik-rock`), and link texts ("Synapse rock")
        const sources = t.type === 'text' || t.type === 'code' || t.type === 'strong' ? [t.text] : t.type === 'link' && t.url && /^(https?:|\.|\/|[\w-]+\/)/.test(t.url) ? t.url.split(/[/?#]/) : [];
        for (const src of sources) {
          for (const m of src.matchAll(ROCK_MENTION)) candidates.push({text: m[1]!, line: t.line, lead: false, via: t.type});
          for (const m of src.matchAll(/([\w.-]+)\/rockcraft\.ya?ml/g)) candidates.push({text: m[1]!.replace(/[_-]rocks?$/, ''), line: t.line, lead: false, via: t.type});
        }
        if (t.type === 'link') {
          const m = /^(\S+(?:\s\S+)?)\s+rocks?$/i.exec(t.text.trim());
          if (m) candidates.push({text: m[1]!, line: t.line, lead: false, via: 'link'});
        }
      }
    }
  }
  const known = (r: Rock): string[] => [r.name, stem(rockDir(r), /[-_]rock$/), ...(r.container ? [r.container] : []), ...(r.resource ? [stem(r.resource, /[-_]image$/)] : [])].map(key);
  const other = [...model.containers.map((c) => c.name), ...model.resources.filter((r) => r.type === 'oci-image').flatMap((r) => [r.name, stem(r.name, /[-_](image|oci-image)$/), (r.upstreamSource ?? '').split('/').pop()!.split(':')[0]!])].map(key).filter(Boolean);
  const matched = new Set<Rock>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const k = key(cand.text);
    if (!k || k === 'oci' || k === 'the') continue;
    const hits = model.rocks.filter((r) => known(r).includes(k));
    hits.forEach((r) => matched.add(r));
    if (!hits.length && !other.includes(k) && !stale.some((s) => key(s.text) === k)) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const r of model.rocks) {
    if (matched.has(r) || mentions(text, r.name) || mentions(text, rockDir(r))) continue;
    findings.push({kind: 'missing', category: 'rock', name: r.name, file, line: sections[0]!.line, message: `missing rock \`${r.name}\` (${r.path})`});
  }
  for (const s of stale) {
    const name = cleanName(s.text);
    findings.push({kind: 'stale', category: 'rock', name, file, line: s.line, message: `stale rock \`${name}\`: the charm has no such rock or OCI image`});
  }
  return findings;
}

/** Words that name a partner charm or its role rather than an endpoint, and what they are usually wired to. */
const ENDPOINT_SYNONYMS: Record<string, string[]> = {
  ingress: ['route'],
  prometheus: ['metrics', 'scrape', 'cos'],
  grafana: ['dashboard', 'cos'],
  loki: ['logging', 'cos'],
  tls: ['certificates'],
  oidc: ['oauth'],
  openid: ['oauth'],
  tempo: ['tracing'],
  postgres: ['postgresql'],
  data: ['database'],
  pgbouncer: ['database'],
  glauth: ['ldap'],
};
const ENDPOINT_NOISE = /\b(integrations?|relations?|interfaces?|endpoints?|charms?|operators?|k8s|the|with|and)\b/gi;


function matchEndpoint(text: string, endpoints: Endpoint[]): Endpoint[] {
  const id = text.toLowerCase().replace(ENDPOINT_NOISE, ' ').trim().replace(/[\s_]+/g, '-');
  if (!id) return [];
  const exact = endpoints.filter((e) => e.name.replace(/_/g, '-') === id || e.interface.replace(/_/g, '-') === id);
  if (exact.length) return exact;
  if (/^peers?$/.test(id)) return endpoints.filter((e) => e.role === 'peers');
  const tokens = new Set(id.split('-').filter(Boolean));
  for (const t of [...tokens]) for (const s of ENDPOINT_SYNONYMS[t] ?? []) tokens.add(s);
  let best = 0;
  let hits: Endpoint[] = [];
  for (const e of endpoints) {
    // a word of the endpoint's name counts twice a word of its interface
    const nameTokens = new Set(e.name.toLowerCase().split(/[-_]/));
    const interfaceTokens = new Set(e.interface.toLowerCase().split(/[-_]/));
    const score = [...tokens].reduce((sum, t) => sum + (nameTokens.has(t) ? 2 : 0) + (interfaceTokens.has(t) ? 1 : 0), 0);
    if (score > best) [best, hits] = [score, [e]];
    else if (score === best && score > 0) hits.push(e);
  }
  return hits;
}

function compareEndpoints(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of sectionBlocks(section, false)) for (const n of namesOf(block)) if (n.via !== 'plain' || n.lead) candidates.push(n);
  }
  const matched = new Set<string>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const hits = matchEndpoint(cand.text, model.endpoints);
    hits.forEach((e) => matched.add(e.name));
    // Prose names ("Grafana", "MySQL Router") name partner charms; only an identifier the page
    // writes as code, or a list item's lead name, can be stale.
    const identifier = /^[a-z0-9][a-z0-9_-]*$/.test(cand.text.trim()) && cand.lead && !cand.link && (cand.via === 'code' || /[-_]/.test(cand.text));
    if (!hits.length && identifier && !stale.some((s) => s.text === cand.text)) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const e of model.endpoints) {
    if (e.role === 'peers' || matched.has(e.name) || mentions(text, e.name)) continue;
    findings.push({kind: 'missing', category: 'endpoint', name: e.name, file, line: sections[0]!.line, message: `missing endpoint \`${e.name}\` (${e.role}, interface \`${e.interface}\`${e.line ? `, charmcraft.yaml:${e.line}` : ''})`});
  }
  const names = model.endpoints.map((e) => e.name);
  for (const s of stale) {
    const name = cleanName(s.text);
    const hint = didYouMean(name, names);
    findings.push({kind: 'stale', category: 'endpoint', name, file, line: s.line, message: `stale endpoint \`${name}\`: the charm has no such endpoint or interface${hint ? ` (did you mean \`${hint}\`)` : ''}`});
  }
  return findings;
}

function compareActions(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const actions = new Set(model.actions.map((a) => hookStyle(a.name)));
  const matched = new Set<string>();
  const stale = new Map<string, Name>();
  for (const n of namesIn(sections)) {
    const id = hookStyle(cleanName(n.text).replace(/^juju run\s+\S+\s+/, '')).replace(/-action$/, '');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) continue;
    if (actions.has(id)) {
      matched.add(id);
      continue;
    }
    const candidate = n.lead && (n.via !== 'heading' || /-/.test(id)) && (n.via !== 'plain' || /-/.test(id));
    if ((candidate || (n.via === 'code' && /-/.test(id))) && !stale.has(id)) stale.set(id, n);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const a of model.actions) {
    if (matched.has(hookStyle(a.name)) || mentions(text, a.name)) continue;
    findings.push({kind: 'missing', category: 'action', name: a.name, file, line: sections[0]!.line, message: `missing action \`${a.name}\``});
  }
  const missing = model.actions.filter((a) => !matched.has(hookStyle(a.name))).map((a) => a.name);
  for (const [id, n] of stale) {
    const name = cleanName(n.text);
    const hint = didYouMean(id, missing);
    findings.push({kind: 'stale', category: 'action', name, file, line: n.line, message: `stale action \`${name}\`: the charm defines no such action${hint ? ` (did you mean \`${hint}\`)` : ''}`});
  }
  return findings;
}

const COMPARE: Record<Category, (sections: DocSection[], model: CharmModel, file: string) => Finding[]> = {
  event: compareEvents,
  container: compareContainers,
  rock: compareRocks,
  endpoint: compareEndpoints,
  action: compareActions,
};

/** A section that only points elsewhere ("See [Integrations](...)"), naming nothing itself. */
function delegates(category: Category, sections: DocSection[], model: CharmModel): boolean {
  const blocks = sections.flatMap((s) => [...sectionBlocks(s)]);
  const pointer = blocks.some((b) => b.tokens.some((t) => t.type === 'link' || t.type === 'ref'));
  if (!pointer) return false;
  if (category === 'endpoint') {
    return blocks.some((b) => b.tokens.some((t) => (t.type === 'link' || t.type === 'ref') && /integration|relation|endpoint/i.test(`${t.text} ${t.url ?? ''}`)));
  }
  if (category === 'event') {
    const events = observedEvents(model);
    return !sections.some((s) => [...sectionBlocks(s)].some((b) => namesOf(b).some((n) => eventForms(n.text, n.via === 'code').some((f) => isHookShaped(f) || matchEvent(f, events).length))));
  }
  return false;
}

/** Compares the page's sections with the charm model; only categories the page has a section for. */
export function compare(outline: DocOutline, model: CharmModel, file: string, only?: ReadonlySet<Category>): Comparison {
  const found = findSections(outline.sections);
  const generated = new Set(outline.directives.flatMap((d) => GENERATED_BY[d.name] ?? []));
  const findings: Finding[] = [];
  const sections: SectionReport[] = [];
  for (const category of CATEGORIES) {
    if (only && !only.has(category)) continue;
    const s = found.get(category);
    if (generated.has(category)) {
      sections.push({category, status: 'generated', ...(s ? {title: s[0]!.title, line: s[0]!.line} : {})});
      continue;
    }
    if (!s) {
      sections.push({category, status: 'absent'});
      continue;
    }
    const where = {title: s[0]!.title, line: s[0]!.line};
    if (delegates(category, s, model)) {
      sections.push({category, status: 'delegated', ...where});
      continue;
    }
    sections.push({category, status: 'compared', ...where});
    findings.push(...COMPARE[category](s, model, file));
  }
  findings.sort((a, b) => a.line - b.line || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (a.kind === b.kind ? 0 : a.kind === 'missing' ? -1 : 1) || a.name.localeCompare(b.name));
  return {findings, sections};
}
