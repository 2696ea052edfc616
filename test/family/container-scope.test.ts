/**
 * A container-scoped relation (either endpoint `scope: container`) puts both units on one machine:
 * the family map matches it only between charms of one substrate, and marks it. What the trial
 * found on pgbouncer: Kubernetes charms drawn as clients of a machine subordinate's `database`.
 */
import {matchFamily, type FamilyCharm} from '../../src/diagrams/family-match.js';
import {integrationMapDiagram} from '../../src/diagrams/integration-map.js';
import type {CharmKind, Endpoint} from '../../src/model/types.js';
import {endpoint, makeModel} from '../diagrams/model-factory.js';
import {parseMermaid} from '../diagrams/mermaid-parse.js';

function charm(id: string, kind: CharmKind, endpoints: Endpoint[], subordinate = false): FamilyCharm {
  return {id, model: makeModel({name: id, kind, endpoints, ...(subordinate ? {subordinate: true as const} : {})})};
}

const pooler = charm(
  'pooler',
  'machine',
  [
    endpoint('pooled-db', 'provides', 'postgresql_client', {scope: 'container'}),
    endpoint('juju-info', 'requires', 'juju-info', {scope: 'container'}),
  ],
  true,
);
const postgresql = charm('postgresql', 'machine', [endpoint('database', 'provides', 'postgresql_client')]);

/** `requirer.endpoint -> provider.endpoint`, with `[container]` when marked. */
function pairs(charms: FamilyCharm[]): string[] {
  return matchFamily(charms).integrations.map(
    (i) =>
      `${i.requirer.charm.id}.${i.requirer.endpoint.name} -> ${i.provider.charm.id}.${i.provider.endpoint.name}` +
      (i.containerScoped ? ' [container]' : ''),
  );
}

test('a Kubernetes charm is never matched with a machine subordinate through its container-scoped endpoint', () => {
  const shop = charm('shop', 'kubernetes', [endpoint('database', 'requires', 'postgresql_client')]);
  expect(pairs([shop, pooler, postgresql])).toEqual(['shop.database -> postgresql.database']);
});

test('a machine charm is, and the match is marked container-scoped', () => {
  const ledger = charm('ledger', 'machine', [endpoint('db', 'requires', 'postgresql_client')]);
  expect(pairs([ledger, pooler, postgresql])).toEqual([
    'ledger.db -> pooler.pooled-db [container]',
    'ledger.db -> postgresql.database',
  ]);
});

test('container scope on the requirer side counts too (Juju scopes the whole relation)', () => {
  const agent = charm('agent', 'machine', [endpoint('metrics', 'requires', 'prometheus', {scope: 'container'})], true);
  const k8sProm = charm('prom-k8s', 'kubernetes', [endpoint('metrics', 'provides', 'prometheus')]);
  const vmApp = charm('vm-app', 'machine', [endpoint('metrics', 'provides', 'prometheus')]);
  expect(pairs([agent, k8sProm, vmApp])).toEqual(['agent.metrics -> vm-app.metrics [container]']);
  // The endpoint nobody on its machine serves is listed as unmatched only when no charm of its substrate serves it.
  expect(matchFamily([agent, k8sProm]).unmatched[0]!.requires.map((g) => g.interface)).toEqual(['prometheus']);
});

test('global relations across substrates (cross-model) stay', () => {
  const shop = charm('shop', 'kubernetes', [endpoint('database', 'requires', 'postgresql_client')]);
  expect(pairs([shop, postgresql])).toEqual(['shop.database -> postgresql.database']);
});

test('the map marks a container-scoped edge on a line of its own, says what it means, and parses', async () => {
  const ledger = charm('ledger', 'machine', [endpoint('db', 'requires', 'postgresql_client', {limit: 1})]);
  const d = integrationMapDiagram(matchFamily([ledger, pooler, postgresql]), {layout: 'full'});
  // The alternative note stays whole: the scope is a second line, not cut off the end of the first.
  expect(d.source).toContain('"db #8594; pooled-db (postgresql#95;client), limit 1, 1 of 2<br>container scope"');
  expect(d.source).toContain('"db #8594; database (postgresql#95;client), limit 1, 2 of 2"');
  expect(d.source).toContain('pooler<br>subordinate machine charm');
  expect(d.description).toContain('Integrations marked container scope join a subordinate charm to its principal');
  expect(d.alt[1]!.items[0]).toBe(
    'ledger db requires pooler pooled-db, interface postgresql_client, container scope (both units on one machine), limit 1, alternative 1 of 2 providers',
  );
  await expect(parseMermaid(d.source)).resolves.toBe('flowchart-v2');
  const compact = integrationMapDiagram(matchFamily([ledger, pooler, postgresql]), {layout: 'compact'});
  expect(compact.source).toContain('"postgresql#95;client<br>container scope"');
  await expect(parseMermaid(compact.source)).resolves.toBe('flowchart-v2');
});

test('a family without container-scoped endpoints reads as before', () => {
  const shop = charm('shop', 'kubernetes', [endpoint('database', 'requires', 'postgresql_client')]);
  const d = integrationMapDiagram(matchFamily([shop, postgresql]));
  expect(d.description).not.toContain('container scope');
  expect(d.source).not.toContain('container scope');
});
