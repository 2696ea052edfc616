/** Containers, rocks, endpoints and actions: the page's mentions against the charm. */
import {
  hookName,
  normaliseEventName,
  opsAttributeName,
  type CharmModel,
  type Container,
  type Endpoint,
  type Rock,
} from '../../model/index.js';
import {blockText, sectionBlocks, type DocSection} from './types.js';
import {cleanName, didYouMean} from './events.js';
import type {Finding} from './findings.js';
import {namesIn, namesOf, type Name} from './names.js';

export const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
export const rockDir = (r: Rock): string => {
  const parts = r.path.split('/');
  return parts.length > 1 ? parts[parts.length - 2]! : r.name;
};
export const stem = (s: string, suffix: RegExp): string => s.replace(suffix, '');

export function mentions(text: string, name: string): boolean {
  const variants = new Set([name, opsAttributeName(name), hookName(name)]);
  for (const v of variants) {
    const re = new RegExp(`(^|[^A-Za-z0-9_-])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`, 'i');
    if (re.test(text)) return true;
  }
  return false;
}

export function sectionText(sections: DocSection[]): string {
  const parts: string[] = [];
  for (const s of sections)
    for (const b of sectionBlocks(s, true)) {
      parts.push(blockText(b));
      for (const t of b.tokens) if (t.url) parts.push(t.url);
    }
  return parts.join('\n');
}

/** A sub-section under "Containers" about a process, not a container ("runs in the same container as ..."). */
export const NOT_A_CONTAINER =
  /pebble layer|same container|runs? (in|inside) the [\w -]+ container|inside the [\w -]+ container/i;
export const CHARM_CONTAINER = /\b(charm|juju|sidecar|pebble|overview|diagram|services?)\b/i;

export function containerKeys(c: Container, model: CharmModel): string[] {
  const keys = [c.name];
  if (c.resource) keys.push(stem(c.resource, /[-_](image|oci-image)$/));
  const rocks = model.rocks.filter(
    (r) =>
      r.container === c.name ||
      (c.resource && r.resource === c.resource) ||
      (model.containers.length === 1 && model.rocks.length === 1),
  );
  for (const r of rocks) keys.push(r.name, stem(rockDir(r), /[-_]rock$/));
  return keys.map(key);
}

export function compareContainers(sections: DocSection[], model: CharmModel, file: string): Finding[] {
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
      if (title && !CHARM_CONTAINER.test(s.title) && !NOT_A_CONTAINER.test(body))
        candidates.push({text: title, line: s.line, lead: true, via: 'heading'});
      s.children.forEach(visit);
    };
    section.children.forEach(visit);
  }
  const matched = new Set<string>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const k = key(cand.text.replace(/\b(the|an?|main|workload|containers?)\b/gi, ''));
    const hits = model.containers.filter((c) => containerKeys(c, model).includes(k));
    // A heading in words ("Notes operator", "Jenkins agent") describes; only a name can be stale.
    const prose = cand.via === 'heading' && /\s/.test(cand.text.trim());
    if (hits.length) hits.forEach((c) => matched.add(c.name));
    else if (prose)
      model.containers
        .filter((c) => containerKeys(c, model).some((ck) => ck.length > 2 && k.includes(ck)))
        .forEach((c) => matched.add(c.name));
    else if (k && !stale.some((s) => key(s.text) === key(cand.text))) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const c of model.containers) {
    if (matched.has(c.name) || mentions(text, c.name)) continue;
    findings.push({
      kind: 'missing',
      category: 'container',
      name: c.name,
      file,
      line: sections[0]!.line,
      message: `missing container \`${c.name}\` (declared in charmcraft.yaml${c.line ? `:${c.line}` : ''})`,
    });
  }
  const names = model.containers.filter((c) => !matched.has(c.name)).map((c) => c.name);
  for (const s of stale) {
    const name = cleanName(s.text);
    const hint = didYouMean(key(name), names);
    findings.push({
      kind: 'stale',
      category: 'container',
      name,
      file,
      line: s.line,
      message: `stale container \`${name}\`: the charm declares no such container${hint ? ` (did you mean \`${hint}\`)` : ''}`,
    });
  }
  return findings;
}

export const ROCK_MENTION = /([a-z0-9][a-z0-9_-]*?)[_-]rocks?(?![a-z0-9])/gi;

export function compareRocks(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of sectionBlocks(section)) {
      for (const t of block.tokens) {
        // rock directories in text and code (`nginx_rock/rockcraft.yaml`), in link paths
        // (`.../tree/main/indico_rock`, `github.com/canonical/traefik-rock`), and link texts ("Synapse rock")
        const sources =
          t.type === 'text' || t.type === 'code' || t.type === 'strong'
            ? [t.text]
            : t.type === 'link' && t.url && /^(https?:|\.|\/|[\w-]+\/)/.test(t.url)
              ? t.url.split(/[/?#]/)
              : [];
        for (const src of sources) {
          for (const m of src.matchAll(ROCK_MENTION))
            candidates.push({text: m[1]!, line: t.line, lead: false, via: t.type});
          for (const m of src.matchAll(/([\w.-]+)\/rockcraft\.ya?ml/g))
            candidates.push({text: m[1]!.replace(/[_-]rocks?$/, ''), line: t.line, lead: false, via: t.type});
        }
        if (t.type === 'link') {
          const m = /^(\S+(?:\s\S+)?)\s+rocks?$/i.exec(t.text.trim());
          if (m) candidates.push({text: m[1]!, line: t.line, lead: false, via: 'link'});
        }
      }
    }
  }
  const known = (r: Rock): string[] =>
    [
      r.name,
      stem(rockDir(r), /[-_]rock$/),
      ...(r.container ? [r.container] : []),
      ...(r.resource ? [stem(r.resource, /[-_]image$/)] : []),
    ].map(key);
  // the charm's own name ("Notes K8s rock" for the notes-k8s charm's image) is no stale rock either
  const other = [
    model.name,
    stem(model.name, /[-_](k8s|operator)$/),
    model.displayName ?? '',
    ...model.containers.map((c) => c.name),
    ...model.resources
      .filter((r) => r.type === 'oci-image')
      .flatMap((r) => [
        r.name,
        stem(r.name, /[-_](image|oci-image)$/),
        (r.upstreamSource ?? '').split('/').pop()!.split(':')[0]!,
      ]),
  ]
    .map(key)
    .filter(Boolean);
  const matched = new Set<Rock>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const k = key(cand.text);
    if (!k || k === 'oci' || k === 'the') continue;
    const words = cand.via === 'link' && /\s/.test(cand.text.trim());
    // link text in words ("Notes web rock"): a rock whose name it contains
    const hits = model.rocks.filter(
      (r) => known(r).includes(k) || (words && known(r).some((rk) => rk.length > 2 && k.includes(rk))),
    );
    hits.forEach((r) => matched.add(r));
    if (!hits.length && !other.includes(k) && !stale.some((s) => key(s.text) === k)) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const r of model.rocks) {
    if (matched.has(r) || mentions(text, r.name) || mentions(text, rockDir(r))) continue;
    findings.push({
      kind: 'missing',
      category: 'rock',
      name: r.name,
      file,
      line: sections[0]!.line,
      message: `missing rock \`${r.name}\` (${r.path})`,
    });
  }
  for (const s of stale) {
    const name = cleanName(s.text);
    findings.push({
      kind: 'stale',
      category: 'rock',
      name,
      file,
      line: s.line,
      message: `stale rock \`${name}\`: the charm has no such rock or OCI image`,
    });
  }
  return findings;
}

/** Words that name a partner charm or its role rather than an endpoint, and what they are usually wired to. */
export const ENDPOINT_SYNONYMS: Record<string, string[]> = {
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
export const ENDPOINT_NOISE =
  /\b(integrations?|relations?|interfaces?|endpoints?|charms?|operators?|k8s|the|with|and)\b/gi;

export function matchEndpoint(text: string, endpoints: Endpoint[]): Endpoint[] {
  const id = text
    .toLowerCase()
    .replace(ENDPOINT_NOISE, ' ')
    .trim()
    .replace(/[\s_]+/g, '-');
  if (!id) return [];
  const exact = endpoints.filter((e) => hookName(e.name) === id || hookName(e.interface) === id);
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
    const score = [...tokens].reduce(
      (sum, t) => sum + (nameTokens.has(t) ? 2 : 0) + (interfaceTokens.has(t) ? 1 : 0),
      0,
    );
    if (score > best) [best, hits] = [score, [e]];
    else if (score === best && score > 0) hits.push(e);
  }
  return hits;
}

export function compareEndpoints(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of sectionBlocks(section, false))
      for (const n of namesOf(block)) if (n.via !== 'plain' || n.lead) candidates.push(n);
  }
  const matched = new Set<string>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const hits = matchEndpoint(cand.text, model.endpoints);
    hits.forEach((e) => matched.add(e.name));
    // Prose names ("Grafana", "MySQL Router") name partner charms; only an identifier the page
    // writes as code, or a list item's lead name, can be stale.
    const identifier =
      /^[a-z0-9][a-z0-9_-]*$/.test(cand.text.trim()) &&
      cand.lead &&
      !cand.link &&
      (cand.via === 'code' || /[-_]/.test(cand.text));
    if (!hits.length && identifier && !stale.some((s) => s.text === cand.text)) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const e of model.endpoints) {
    if (e.role === 'peers' || matched.has(e.name) || mentions(text, e.name)) continue;
    findings.push({
      kind: 'missing',
      category: 'endpoint',
      name: e.name,
      file,
      line: sections[0]!.line,
      message: `missing endpoint \`${e.name}\` (${e.role}, interface \`${e.interface}\`${e.line ? `, charmcraft.yaml:${e.line}` : ''})`,
    });
  }
  const names = model.endpoints.map((e) => e.name);
  for (const s of stale) {
    const name = cleanName(s.text);
    const hint = didYouMean(name, names);
    findings.push({
      kind: 'stale',
      category: 'endpoint',
      name,
      file,
      line: s.line,
      message: `stale endpoint \`${name}\`: the charm has no such endpoint or interface${hint ? ` (did you mean \`${hint}\`)` : ''}`,
    });
  }
  return findings;
}

export function compareActions(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const actions = new Set(model.actions.map((a) => normaliseEventName(a.name)));
  const matched = new Set<string>();
  const stale = new Map<string, Name>();
  for (const n of namesIn(sections)) {
    const id = normaliseEventName(cleanName(n.text).replace(/^juju run\s+\S+\s+/, '')).replace(/-action$/, '');
    if (!/^[a-z][a-z0-9-]*$/.test(id)) continue;
    if (actions.has(id)) {
      matched.add(id);
      continue;
    }
    const candidate = n.lead && (n.via !== 'heading' || id.includes('-')) && (n.via !== 'plain' || id.includes('-'));
    // in a table only the first cell names an action; code in the others is parameters and values
    const inRow = n.block.kind === 'row' && !n.lead;
    if ((candidate || (n.via === 'code' && id.includes('-') && !inRow)) && !stale.has(id)) stale.set(id, n);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const a of model.actions) {
    if (matched.has(normaliseEventName(a.name)) || mentions(text, a.name)) continue;
    findings.push({
      kind: 'missing',
      category: 'action',
      name: a.name,
      file,
      line: sections[0]!.line,
      message: `missing action \`${a.name}\``,
    });
  }
  const missing = model.actions.filter((a) => !matched.has(normaliseEventName(a.name))).map((a) => a.name);
  for (const [id, n] of stale) {
    const name = cleanName(n.text);
    const hint = didYouMean(id, missing);
    findings.push({
      kind: 'stale',
      category: 'action',
      name,
      file,
      line: n.line,
      message: `stale action \`${name}\`: the charm defines no such action${hint ? ` (did you mean \`${hint}\`)` : ''}`,
    });
  }
  return findings;
}
