import {
  COMPACT_COLUMNS,
  COMPACT_THRESHOLD,
  counterpartName,
  DEPLOYMENT_LEGEND,
  deploymentDiagram,
  gridLinks,
  OBSERVABILITY_PROVIDES_TITLE,
  OBSERVABILITY_REQUIRES_TITLE,
} from '../../src/diagrams/index.js';
import {parseMermaid} from './mermaid-parse.js';
import {classesOf} from './source-helpers.js';
import {endpoint, makeModel, sampleK8sModel} from './model-factory.js';

/** Node id -> label (first line, entity codes decoded) from `id["…"]` / `id("…")`. */
function nodes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/^\s*(n\d+)[[(]+"([^"]*)"/gm)) {
    out.set(
      m[1]!,
      m[2]!.split('<br>')[0]!.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))),
    );
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
  arrow: string;
  label: string;
}

function edges(source: string): Edge[] {
  return [...source.matchAll(/^\s*(\w+) (-->|-\.->|==>)(?:\|"([^"]*)"\|)? (\w+)$/gm)].map((m) => ({
    from: m[1]!,
    arrow: m[2]!,
    label: (m[3] ?? '').replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))),
    to: m[4]!,
  }));
}

function idOf(source: string, label: string): string {
  for (const [id, l] of nodes(source)) if (l === label) return id;
  throw new Error(`no node ${label} in\n${source}`);
}

describe('deploymentDiagram', () => {
  // One box per endpoint, left to right: the form these tests read edge by edge.
  const d = deploymentDiagram(sampleK8sModel(), {layout: 'full'});

  test('parses with mermaid', async () => {
    await expect(parseMermaid(d.source)).resolves.toBe('flowchart-v2');
  });

  test('the charm is one node, class charm, with its peers inside', () => {
    expect(d.source.startsWith('flowchart LR\n')).toBe(true);
    const charm = idOf(d.source, 'indico');
    expect(classesOf(d.source, charm)).toEqual(['charm']);
    expect(d.source).toContain('peer indico-peers#58; indico#95;peers');
    expect(edges(d.source).some((e) => e.from === e.to)).toBe(false);
  });

  test('requirer points at the provider, edges labelled endpoint: interface', () => {
    const charm = idOf(d.source, 'indico');
    const es = edges(d.source);
    const pg = idOf(d.source, 'PostgreSQL');
    expect(es).toContainEqual({from: charm, to: pg, arrow: '-->', label: 'database: postgresql_client'});
    const http = idOf(d.source, 'HTTP client');
    expect(es).toContainEqual({from: http, to: charm, arrow: '-->', label: 'website: http'});
    const prom = idOf(d.source, 'Prometheus');
    expect(es).toContainEqual({from: prom, to: charm, arrow: '-->', label: 'metrics-endpoint: prometheus_scrape'});
    const loki = idOf(d.source, 'Loki');
    expect(es).toContainEqual({from: charm, to: loki, arrow: '-->', label: 'logging: loki_push_api'});
    // one edge per non-peer endpoint
    expect(es).toHaveLength(8);
  });

  test('optional endpoints: dotted edge and class optional', () => {
    const saml = idOf(d.source, 'SAML identity provider');
    expect(edges(d.source).find((e) => e.to === saml)!.arrow).toBe('-.->');
    expect(classesOf(d.source, saml)).toEqual(['external', 'optional']);
  });

  test('observability endpoints are grouped in subgraphs, one per side, with no edges inside', () => {
    const lines = d.source.split('\n');
    const start = lines.findIndex((l) => l.includes('Observability#58; reads from this charm'));
    expect(start).toBeGreaterThan(0);
    const block = lines.slice(start, lines.indexOf('  end', start));
    expect(block.join('\n')).toContain('Prometheus');
    expect(block.join('\n')).toContain('Grafana');
    expect(block.join('\n')).not.toMatch(/-->|-\.->/);
    expect(d.source).toContain('Observability#58; this charm sends to');
    expect(OBSERVABILITY_PROVIDES_TITLE).toContain('Observability');
    expect(OBSERVABILITY_REQUIRES_TITLE).toContain('Observability');
    expect(classesOf(d.source, idOf(d.source, 'Loki'))).toEqual(['external', 'observability']);
  });

  test('title, description (accTitle / accDescr) and text alternative', () => {
    expect(d.title).toBe('Deployment of the indico charm');
    expect(d.source).toContain('  accTitle: Deployment of the indico charm\n');
    expect(d.source).toMatch(/^ {2}accDescr: [^\n]+$/m);
    const labels = d.alt.map((g) => g.label);
    expect(labels).toEqual([
      'This charm',
      'Requires (this charm points at the provider)',
      'Provides (the requirer points at this charm)',
      'Observability',
      'Peer relations',
    ]);
    expect(d.alt[1]!.items).toContain('database (postgresql_client), requires PostgreSQL');
    expect(d.alt[1]!.items).toContain('saml (saml), requires SAML identity provider, optional');
  });

  test('counterpart names: well-known interfaces, else the endpoint name; duplicates disambiguated', () => {
    expect(counterpartName(endpoint('db', 'requires', 'postgresql_client'))).toBe('PostgreSQL');
    expect(counterpartName(endpoint('metrics', 'provides', 'prometheus_scrape'))).toBe('Prometheus');
    expect(counterpartName(endpoint('thing', 'requires', 'my_custom_iface'))).toBe('thing');
    const m = makeModel({
      endpoints: [endpoint('db', 'requires', 'postgresql_client'), endpoint('ro-db', 'requires', 'postgresql_client')],
    });
    const labels = [...nodes(deploymentDiagram(m).source).values()];
    expect(labels).toEqual(expect.arrayContaining(['PostgreSQL (db)', 'PostgreSQL (ro-db)']));
  });

  test('direction option', async () => {
    const tb = deploymentDiagram(sampleK8sModel(), {layout: 'full', direction: 'TB'});
    expect(tb.source.startsWith('flowchart TB\n')).toBe(true);
    await expect(parseMermaid(tb.source)).resolves.toBe('flowchart-v2');
  });

  test('no endpoints: the charm alone, still valid', async () => {
    const lone = deploymentDiagram(makeModel({displayName: 'Lone Charm', kind: 'machine'}));
    expect([...nodes(lone.source).values()]).toEqual(['Lone Charm']);
    expect(lone.source).toContain('machine charm');
    expect(lone.description).toContain('no integrations');
    await expect(parseMermaid(lone.source)).resolves.toBe('flowchart-v2');
  });

  describe('compact fallback', () => {
    const many = (n: number) =>
      makeModel({
        endpoints: Array.from({length: n}, (_, i) =>
          endpoint(`ep${i}`, i % 3 === 0 ? 'provides' : 'requires', i % 5 === 0 ? 'grafana_dashboard' : `iface_${i}`, {
            optional: i === 4,
          }),
        ).concat([endpoint('peers', 'peers', 'demo_peers')]),
      });

    test(`at ${COMPACT_THRESHOLD} non-peer endpoints the full layout is kept`, () => {
      const full = deploymentDiagram(many(COMPACT_THRESHOLD));
      expect(edges(full.source)).toHaveLength(COMPACT_THRESHOLD);
      expect(full.source).not.toContain('subgraph sg0["Requires"]');
    });

    test(`past ${COMPACT_THRESHOLD}: grouped by role (observability marked by class), one edge per group, rows of ${COMPACT_COLUMNS} top to bottom`, async () => {
      const c = deploymentDiagram(many(COMPACT_THRESHOLD + 10));
      expect(c.source.split('\n')[0]).toBe('flowchart TB');
      expect(c.source).toContain('["Requires"]');
      expect(c.source).toContain('["Provides"]');
      expect(c.source).not.toContain('["Observability"]');
      const es = edges(c.source);
      const charm = idOf(c.source, 'demo');
      // ep0, ep3, ep6, ep9, ep12 provide (ep0 grafana_dashboard); the other 8 require (ep5, ep10 grafana_dashboard)
      expect(
        es
          .map((e) => `${e.from === charm ? 'charm' : 'group'}->${e.to === charm ? 'charm' : 'group'}: ${e.label}`)
          .sort(),
      ).toEqual(['charm->group: requires 8', 'group->charm: provides 5']);
      // each counterpart's label carries endpoint: interface
      expect(c.source).toContain('ep1#58; iface#95;1');
      expect(c.source).toContain('ep4#58; iface#95;4 (optional)');
      // the grid: invisible links from each box to the one COMPACT_COLUMNS later in its group
      // Group order: the role's endpoints, then its observability ones (ep5, ep10).
      const requirers = [1, 2, 4, 7, 8, 11, 5, 10].map(
        (i) => new RegExp(`^\\s*(n\\d+)\\("[^"]*<br>ep${i}#58;`, 'm').exec(c.source)![1]!,
      );
      const links = [...c.source.matchAll(/^\s*(n\d+) ~~~ (n\d+)$/gm)].map((m) => `${m[1]} ~~~ ${m[2]}`);
      expect(links).toEqual(
        expect.arrayContaining(
          requirers.slice(0, -COMPACT_COLUMNS).map((id, i) => `${id} ~~~ ${requirers[i + COMPACT_COLUMNS]}`),
        ),
      );
      // plus, in each group, one link from the column left a row short to the last box (gridLinks)
      expect(links).toHaveLength(8 - COMPACT_COLUMNS + 1 + (5 - COMPACT_COLUMNS + 1));
      await expect(parseMermaid(c.source)).resolves.toBe('flowchart-v2');
      // alt data is complete whatever the layout
      expect(c.alt.flatMap((g) => g.items)).toHaveLength(COMPACT_THRESHOLD + 10 + 1 + 1);
    });

    test('grid links: each box to the one a row below; a column a row short ends on the last box', () => {
      expect(gridLinks(3, 3)).toEqual([]);
      expect(gridLinks(4, 3)).toEqual([
        [0, 3],
        [1, 3],
        [2, 3],
      ]);
      expect(gridLinks(6, 3)).toEqual([
        [0, 3],
        [1, 4],
        [2, 5],
      ]);
      // indico's 8 requirers: rows 0-2, 3-5, 6-7; column 2 (boxes 2, 5) ends on box 7
      expect(gridLinks(8, 3)).toEqual([
        [0, 3],
        [1, 4],
        [2, 5],
        [3, 6],
        [4, 7],
        [5, 7],
      ]);
      expect(gridLinks(7, 3)).toEqual([
        [0, 3],
        [1, 4],
        [2, 5],
        [3, 6],
        [4, 6],
        [5, 6],
      ]);
    });

    test('optional is visible in the compact form too: label, dashed class with its classDef; description counts = arrow labels', () => {
      const endpoints = [
        endpoint('db', 'requires', 'postgresql_client'),
        endpoint('cache', 'requires', 'redis', {optional: true}),
        endpoint('logging', 'requires', 'loki_push_api', {optional: true}),
        endpoint('website', 'provides', 'http', {optional: true}),
        endpoint('metrics-endpoint', 'provides', 'prometheus_scrape'),
        endpoint('peers', 'peers', 'p'),
      ];
      const c = deploymentDiagram(makeModel({endpoints}));
      expect(c.source).toContain('["Requires"]');
      const optionalIds = [...c.source.matchAll(/^\s*(n\d+)\("[^"]*\(optional\)"\)$/gm)].map((m) => m[1]!);
      expect(optionalIds).toHaveLength(3);
      for (const id of optionalIds) expect(classesOf(c.source, id)).toContain('optional');
      expect(c.source).toMatch(/^ {2}classDef ca-optional stroke-dasharray:6 4$/m);
      const labels = edges(c.source).map((e) => e.label);
      expect(labels.sort()).toEqual(['provides 2', 'requires 3']);
      expect(c.description).toBe(
        `The demo charm requires 3 and provides 2 integration(s) (2 for observability, 3 optional) and has 1 peer relation(s). ${DEPLOYMENT_LEGEND}`,
      );
      // the full layout counts the same arrows: one per endpoint
      const f = deploymentDiagram(makeModel({endpoints}), {layout: 'full'});
      expect(f.description).toBe(c.description);
      expect(edges(f.source).filter((e) => e.arrow === '-.->')).toHaveLength(3);
      // no optional endpoint: no classDef
      expect(
        deploymentDiagram(makeModel({endpoints: [endpoint('db', 'requires', 'mysql_client')]})).source,
      ).not.toContain('classDef');
    });

    test('layout option forces either form', () => {
      expect(deploymentDiagram(sampleK8sModel(), {layout: 'compact'}).source).toContain('["Requires"]');
      expect(deploymentDiagram(many(30), {layout: 'full'}).source).not.toContain('["Requires"]');
    });
  });

  test('hostile names stay inside labels and the diagram parses', async () => {
    const evil = 'x"]; click n0 call alert(1) %%{init: {"theme":"forest"}}%%\n<script>';
    const m = makeModel({
      name: evil,
      endpoints: [
        endpoint(evil, 'requires', evil),
        endpoint('end', 'provides', 'subgraph', {optional: true}),
        endpoint(evil, 'peers', evil),
      ],
    });
    const dd = deploymentDiagram(m);
    expect(dd.source).not.toMatch(/%%|<script|\n\s*click/);
    for (const line of dd.source.split('\n').slice(1)) {
      expect(line).toMatch(
        /^\s*(accTitle: |accDescr: |n\d+|sg\d+|subgraph sg\d+|end$|class |classDef ca-optional stroke-dasharray:6 4$|direction |$)/,
      );
    }
    await expect(parseMermaid(dd.source)).resolves.toBe('flowchart-v2');
    expect(dd.alt.flatMap((g) => g.items).join('\n')).toContain(evil); // full text in the alternative
  });
});
