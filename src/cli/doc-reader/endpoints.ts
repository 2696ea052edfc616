/** Endpoints: the page's integration names against the charm's endpoints and interfaces. */
import {hookName, type CharmModel, type Endpoint} from '../../model/index.js';
import {sectionBlocks, type DocSection} from './types.js';
import {missingFinding, staleFinding, type Finding} from './findings.js';
import {namesOf, type Name} from './names.js';
import {mentions, sectionText} from './page-mentions.js';
import {cleanName, didYouMean} from './rename-hints.js';

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
    const declared = `${e.role}, interface \`${e.interface}\`${e.line ? `, charmcraft.yaml:${e.line}` : ''}`;
    findings.push(missingFinding('endpoint', e.name, {file, line: sections[0]!.line}, ` (${declared})`));
  }
  const names = model.endpoints.map((e) => e.name);
  for (const s of stale) {
    const name = cleanName(s.text);
    const hint = didYouMean(name, names);
    findings.push(
      staleFinding('endpoint', name, {file, line: s.line}, 'the charm has no such endpoint or interface', hint),
    );
  }
  return findings;
}
