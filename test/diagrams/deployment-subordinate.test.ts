/**
 * The deployment diagram of a subordinate charm: its principal shares the machine box with it,
 * joined by the container-scoped endpoints, instead of standing outside as a box named after an
 * endpoint (what hardware-observer's `general-info` and pgbouncer's `juju-info` looked like).
 */
import {charmDiagram, deploymentDiagram} from '../../src/diagrams/index.js';
import {parseMermaid} from './mermaid-parse.js';
import {classesOf} from './source-helpers.js';
import {endpoint, makeModel} from './model-factory.js';

/** First line of each node's label, by id. */
function labels(source: string): Map<string, string> {
  return new Map([...source.matchAll(/^\s*(n\d+)[[(]+"([^"<]*)/gm)].map((m) => [m[1]!, m[2]!.replace(/#58;/g, ':')]));
}

function idOf(source: string, label: string): string {
  const hit = [...labels(source)].find(([, l]) => l === label);
  if (!hit) throw new Error(`no node ${label} in\n${source}`);
  return hit[0];
}

/** Node ids written inside each subgraph block, by the subgraph's id. */
function members(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: string[] = [];
  for (const line of source.split('\n')) {
    const open = /^\s*subgraph (\w+)\[/.exec(line);
    if (open) {
      stack.push(open[1]!);
      out.set(stack.at(-1)!, []);
    } else if (/^\s*end$/.test(line)) stack.pop();
    else {
      const node = /^\s*(n\d+)[[(]/.exec(line);
      if (node && stack.length) out.get(stack.at(-1)!)!.push(node[1]!);
    }
  }
  return out;
}

function edgeLines(source: string): string[] {
  return source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^(n|sg)\d+ (-->|-\.->)/.test(l));
}

// hardware-observer's shape: one container-scoped juju-info endpoint under its own name, and cos-agent.
const monitor = makeModel({
  name: 'hw-monitor',
  kind: 'machine',
  subordinate: true,
  endpoints: [
    endpoint('general-info', 'requires', 'juju-info', {scope: 'container'}),
    endpoint('cos-agent', 'provides', 'cos_agent', {limit: 1}),
  ],
});

// pgbouncer's shape: it also serves a client on the same machine, and needs a database elsewhere.
const pooler = makeModel({
  name: 'pooler',
  kind: 'machine',
  subordinate: true,
  endpoints: [
    endpoint('juju-info', 'requires', 'juju-info', {scope: 'container'}),
    endpoint('backend', 'requires', 'postgresql_client'),
    endpoint('certificates', 'requires', 'tls-certificates', {optional: true}),
    endpoint('database', 'provides', 'postgresql_client', {scope: 'container', optional: true}),
    endpoint('db', 'provides', 'pgsql', {scope: 'container', optional: true}),
    endpoint('cos-agent', 'provides', 'cos_agent'),
    endpoint('s3', 'requires', 's3'),
  ],
});

describe('deployment diagram of a subordinate charm', () => {
  test.each(['auto', 'full', 'compact'] as const)('%s layout parses with mermaid', async (layout) => {
    await expect(parseMermaid(deploymentDiagram(pooler, {layout}).source)).resolves.toBe('flowchart-v2');
    await expect(parseMermaid(deploymentDiagram(monitor, {layout}).source)).resolves.toBe('flowchart-v2');
  });

  test('the principal shares the machine box (class unit) with the charm; no box is named after the endpoint', () => {
    const {source} = deploymentDiagram(monitor);
    const charm = idOf(source, 'hw-monitor');
    const principal = idOf(source, 'Principal application');
    const machine = /^\s*class (sg\d+) ca-unit$/m.exec(source)?.[1];
    expect(members(source).get(machine!)).toEqual([charm, principal]);
    // Untitled: top to bottom, the arrows from above would run through a title's text.
    expect(source).toContain(`subgraph ${machine}["#32;"]`);
    expect([...labels(source).values()]).not.toContain('general-info');
    expect(source).toContain('hw-monitor<br>subordinate machine charm');
    expect(source).toContain('Principal application<br>any charm (juju-info)<br>same machine as hw-monitor');
    expect(classesOf(source, principal)).toEqual(['external']);
    expect(edgeLines(source)).toContain(`${charm} -->|"general-info#58; juju-info"| ${principal}`);
  });

  test('requires points at the principal, provides from it; optional ones dotted; the rest drawn as before', () => {
    const {source} = deploymentDiagram(pooler, {layout: 'full'});
    const charm = idOf(source, 'pooler');
    const principal = idOf(source, 'Principal application');
    const edges = edgeLines(source);
    expect(edges).toEqual(
      expect.arrayContaining([
        `${charm} -->|"juju-info#58; juju-info"| ${principal}`,
        `${principal} -.->|"database#58; postgresql#95;client"| ${charm}`,
        `${principal} -.->|"db#58; pgsql"| ${charm}`,
        `${charm} -->|"backend#58; postgresql#95;client"| ${idOf(source, 'PostgreSQL')}`,
      ]),
    );
    // One principal box for all three container-scoped endpoints, named by what it can be.
    expect(source).toContain(
      'Principal application<br>any charm (juju-info) or PostgreSQL client<br>same machine as pooler',
    );
    expect(edges.filter((e) => e.includes(principal))).toHaveLength(3);
    expect([...labels(source).values()]).not.toContain('PostgreSQL client');
  });

  test('compact layout: the groups hold only the endpoints outside the machine, and count only them', () => {
    const {source, alt} = deploymentDiagram(pooler, {layout: 'compact'});
    expect(edgeLines(source)).toEqual(expect.arrayContaining([expect.stringMatching(/"requires 3"/)]));
    expect(edgeLines(source)).toEqual(expect.arrayContaining([expect.stringMatching(/"provides 1"/)]));
    const principalGroup = alt.find((g) => g.label === 'Principal (same machine, container scope)');
    expect(principalGroup?.items).toEqual([
      'juju-info (juju-info), requires the principal application',
      'database (postgresql_client), provides to the principal application, optional',
      'db (pgsql), provides to the principal application, optional',
    ]);
    expect(alt.find((g) => g.label === 'This charm')?.items).toEqual(['pooler (subordinate machine charm)']);
  });

  test('auto layout counts only the endpoints outside the machine: 2 of them stay in the full form', () => {
    const {source} = deploymentDiagram(monitor);
    expect(source).not.toContain('"Provides"');
    expect(source).toContain('Observability#58; reads from this charm');
  });

  test('the description says how to read the shared box', () => {
    const {description} = deploymentDiagram(monitor);
    expect(description).toContain(
      'hw-monitor is a subordinate charm: each of its units runs on the machine of a principal unit',
    );
  });

  test('a principal charm with a container-scoped endpoint is drawn as it always was', () => {
    const principal = makeModel({
      name: 'app',
      kind: 'machine',
      endpoints: [endpoint('logging', 'provides', 'logging-agent', {scope: 'container'})],
    });
    const unscoped = makeModel({
      name: 'app',
      kind: 'machine',
      endpoints: [endpoint('logging', 'provides', 'logging-agent')],
    });
    expect(deploymentDiagram(principal)).toEqual(deploymentDiagram(unscoped));
  });

  test("the charm diagram puts a subordinate's unit beside a principal unit, not on a machine of its own", async () => {
    const sub = charmDiagram(pooler);
    const own = charmDiagram({...pooler, subordinate: undefined});
    expect(sub.source).toContain('unit (beside a principal unit)');
    expect(sub.source).toContain('runs on the machine of a principal unit');
    expect(sub.source).not.toContain('is a machine running the charm');
    expect(own.source).toContain('unit (machine)');
    await expect(parseMermaid(sub.source)).resolves.toBe('flowchart-v2');
  });
});
