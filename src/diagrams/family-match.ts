/**
 * Who integrates with whom across a family of charms: every `requires`
 * endpoint of one charm paired with every `provides` endpoint of another
 * charm that has the same interface. Pure data, shared by the integration
 * map diagram, its tables and the CLI.
 *
 * - A requirer with several candidate providers is ambiguous: every candidate
 *   is kept and marked (`alternatives > 1`); none is picked.
 * - A charm is never matched with itself (that would be two applications of
 *   one charm; the family map is about charms, and peers cover the rest).
 * - A container-scoped relation (either endpoint `scope: container`) joins a
 *   subordinate's units to its principal's on one machine: it is matched only
 *   between charms of one substrate (never Kubernetes with machine), and
 *   marked. Global relations across substrates (cross-model) stay.
 * - Endpoints nobody in the family serves are grouped by interface per charm;
 *   observability interfaces can be folded into one group.
 */
import {OBSERVABILITY_INTERFACES} from '../model/index.js';
import type {CharmModel, Endpoint} from '../model/index.js';

/** One configured charm: its id in the site's options (or the CLI's argument order) and its model. */
export interface FamilyCharm {
  id: string;
  model: CharmModel;
}

/** One side of an integration. */
export interface IntegrationEnd {
  charm: FamilyCharm;
  endpoint: Endpoint;
}

/** A possible integration: a requirer endpoint and a provider endpoint with the same interface. */
export interface Integration {
  requirer: IntegrationEnd;
  provider: IntegrationEnd;
  interface: string;
  /** The requirer's endpoint is optional. */
  optional: boolean;
  /** How many providers this requirer endpoint could use (1: unambiguous). */
  alternatives: number;
  /** This provider's place among them, from 1. */
  alternative: number;
  observability: boolean;
  /** Either endpoint is container-scoped: the two charms' units share a machine (a subordinate and its principal). */
  containerScoped: boolean;
}

/** Endpoints of one charm nobody in the family serves, with the same interface (or all observability ones, folded). */
export interface UnmatchedGroup {
  /** The interface, or {@link OBSERVABILITY_GROUP} when folded. */
  interface: string;
  endpoints: Endpoint[];
}

export interface UnmatchedEndpoints {
  charm: FamilyCharm;
  /** Needs from outside the family. */
  requires: UnmatchedGroup[];
  /** Offered, but required by no charm of the family. */
  provides: UnmatchedGroup[];
}

export interface FamilyMatch {
  charms: FamilyCharm[];
  integrations: Integration[];
  unmatched: UnmatchedEndpoints[];
}

/** Name of the folded observability group. */
export const OBSERVABILITY_GROUP = 'observability';

export interface MatchOptions {
  /** Fold unmatched observability endpoints into one group (default true). */
  foldObservability?: boolean;
}

export function isObservabilityEndpoint(model: CharmModel, e: Endpoint): boolean {
  return (
    OBSERVABILITY_INTERFACES.has(e.interface) ||
    model.metrics.endpoints.includes(e.name) ||
    model.metrics.endpoints.includes(e.interface)
  );
}

/** Juju makes a relation container-scoped when either of its endpoints is. */
export function isContainerScoped(a: Endpoint, b: Endpoint): boolean {
  return a.scope === 'container' || b.scope === 'container';
}

/**
 * A container-scoped relation puts both units on one machine: a Kubernetes charm and a machine
 * charm never share one, so between them only a global relation can exist.
 */
function sameMachinePossible(requirer: FamilyCharm, r: Endpoint, provider: FamilyCharm, p: Endpoint): boolean {
  return !isContainerScoped(r, p) || requirer.model.kind === provider.model.kind;
}

/** Match every requirer with every provider of its interface, in the charms' order, then endpoint order. */
export function matchFamily(charms: readonly FamilyCharm[], options: MatchOptions = {}): FamilyMatch {
  const fold = options.foldObservability ?? true;
  const integrations: Integration[] = [];
  const served = new Set<Endpoint>();
  for (const requirer of charms) {
    for (const r of requirer.model.endpoints.filter((e) => e.role === 'requires')) {
      const providers: IntegrationEnd[] = [];
      for (const provider of charms) {
        if (provider === requirer) continue;
        for (const p of provider.model.endpoints)
          if (p.role === 'provides' && p.interface === r.interface && sameMachinePossible(requirer, r, provider, p))
            providers.push({charm: provider, endpoint: p});
      }
      for (const [n, p] of providers.entries()) {
        served.add(r).add(p.endpoint);
        integrations.push({
          requirer: {charm: requirer, endpoint: r},
          provider: p,
          interface: r.interface,
          optional: r.optional,
          alternatives: providers.length,
          alternative: n + 1,
          observability:
            isObservabilityEndpoint(requirer.model, r) || isObservabilityEndpoint(p.charm.model, p.endpoint),
          containerScoped: isContainerScoped(r, p.endpoint),
        });
      }
    }
  }
  const unmatched = charms.map((charm): UnmatchedEndpoints => {
    const group = (role: 'requires' | 'provides'): UnmatchedGroup[] => {
      const groups = new Map<string, Endpoint[]>();
      for (const e of charm.model.endpoints) {
        if (e.role !== role || served.has(e)) continue;
        const key = fold && isObservabilityEndpoint(charm.model, e) ? OBSERVABILITY_GROUP : e.interface;
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      return [...groups].map(([iface, endpoints]) => ({interface: iface, endpoints}));
    };
    return {charm, requires: group('requires'), provides: group('provides')};
  });
  return {charms: [...charms], integrations, unmatched};
}

/** The charm's display name. */
export function familyCharmTitle(charm: FamilyCharm): string {
  const d = charm.model.displayName;
  return d && d.trim() !== '' ? d : charm.model.name;
}

/** How a container-scoped integration is marked in labels and tables. */
export const CONTAINER_SCOPE_NOTE = 'container scope';

/** What that mark means, said in the map's description and the section's prose. */
export const CONTAINER_SCOPE_LEGEND =
  'Integrations marked container scope join a subordinate charm to its principal on one machine; they are never matched between a Kubernetes charm and a machine charm.';

/** Whether any charm of the family has a container-scoped endpoint: only then is the legend said. */
export function familyHasContainerScope(match: FamilyMatch): boolean {
  return match.charms.some((c) => c.model.endpoints.some((e) => e.role !== 'peers' && e.scope === 'container'));
}

/** `limit 1`, `1 of 2` (an alternative): what a reader must know beside the endpoints. */
export function integrationNotes(i: Integration, alternativePrefix = ''): string[] {
  const notes: string[] = [];
  if (i.requirer.endpoint.limit !== undefined) notes.push(`limit ${i.requirer.endpoint.limit}`);
  if (i.alternatives > 1) notes.push(`${alternativePrefix}${i.alternative} of ${i.alternatives}`);
  return notes;
}

/** `database → db (postgresql_client), limit 1, 1 of 2`: both endpoint names, the interface, the notes. */
export function integrationLabel(i: Integration): string {
  return [`${i.requirer.endpoint.name} → ${i.provider.endpoint.name} (${i.interface})`, ...integrationNotes(i)].join(
    ', ',
  );
}

/** One line per integration, for text alternatives and lists: every fact, nothing cut. */
export function integrationSentence(i: Integration): string {
  const parts = [
    `${familyCharmTitle(i.requirer.charm)} ${i.requirer.endpoint.name} requires ${familyCharmTitle(i.provider.charm)} ${i.provider.endpoint.name}`,
    `interface ${i.interface}`,
  ];
  if (i.containerScoped) parts.push('container scope (both units on one machine)');
  if (i.optional) parts.push('optional');
  if (i.requirer.endpoint.limit !== undefined) parts.push(`limit ${i.requirer.endpoint.limit}`);
  if (i.alternatives > 1) parts.push(`alternative ${i.alternative} of ${i.alternatives} providers`);
  return parts.join(', ');
}
