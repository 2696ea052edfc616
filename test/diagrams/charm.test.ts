import {charmDiagram, deploymentDiagram} from '../../src/diagrams/index.js';
import {parseMermaid} from './mermaid-parse.js';
import {classesOf} from './source-helpers.js';
import {container, endpoint, layer, makeModel, rock, sampleK8sModel, service} from './model-factory.js';

const decode = (s: string): string => s.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

/** Subgraph title -> the lines of its block (nested blocks included). */
function block(source: string, title: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => /subgraph sg\d+\["/.test(l) && decode(l).includes(`["${title}"]`));
  if (start < 0) throw new Error(`no subgraph ${title}\n${source}`);
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    if (/^\s*subgraph /.test(lines[i]!)) depth++;
    if (/^\s*end$/.test(lines[i]!)) depth--;
    if (depth === 0) return decode(lines.slice(start, i + 1).join('\n'));
  }
  throw new Error('unclosed subgraph');
}

function idOfLabel(source: string, firstLine: string): string {
  const m = [...source.matchAll(/^\s*(n\d+)[[(]+"([^"]*)"/gm)].find(
    (x) => decode(x[2]!.split('<br>')[0]!) === firstLine,
  );
  if (!m) throw new Error(`no node ${firstLine}`);
  return m[1]!;
}

describe('charmDiagram (Kubernetes)', () => {
  const d = charmDiagram(sampleK8sModel());

  test('parses with mermaid', async () => {
    await expect(parseMermaid(d.source)).resolves.toBe('flowchart-v2');
  });

  test('a pod subgraph holds the charm container and each workload container', () => {
    const pod = block(d.source, 'indico unit (Kubernetes pod)');
    expect(pod).toContain('["charm container"]');
    expect(pod).toContain('["indico container"]');
    expect(pod).toContain('["indico-nginx container"]');
    const charmBox = block(d.source, 'charm container');
    expect(charmBox).toContain('DemoCharm<br>ops + Juju agent');
    expect(classesOf(d.source, idOfLabel(d.source, 'DemoCharm'))).toEqual(['charm']);
    expect(d.source).toMatch(/class sg0 ca-unit/);
  });

  test('Pebble services from layers and the rock; exporters marked', () => {
    const indico = block(d.source, 'indico container');
    expect(indico).toContain('indico<br>Pebble service');
    expect(indico).toContain('celery<br>Pebble service');
    expect(indico).toContain('statsd-exporter<br>metrics exporter'); // from the rock + metrics.exporters
    expect(indico.match(/"indico<br>/g)).toHaveLength(1); // layer + rock service deduplicated
    const nginx = block(d.source, 'indico-nginx container');
    expect(nginx).toContain('nginx-exporter<br>metrics exporter');
    expect(classesOf(d.source, idOfLabel(d.source, 'nginx-exporter'))).toEqual(['workload', 'exporter']);
    expect(classesOf(d.source, idOfLabel(d.source, 'nginx'))).toEqual(['workload']);
  });

  test('the image feeding each container is outside the pod with an image edge', () => {
    const pod = block(d.source, 'indico unit (Kubernetes pod)');
    expect(pod).not.toContain('OCI image resource');
    const img = idOfLabel(d.source, 'indico-image (OCI image resource)');
    expect(d.source).toContain('rock#58; indico');
    const sg = /subgraph (sg\d+)\["indico container"\]/.exec(d.source)![1];
    expect(d.source).toContain(`${img} -->|"image"| ${sg}`);
    expect(classesOf(d.source, img)).toEqual(['image']);
    expect(d.source).toMatch(new RegExp(`n\\d+ -\\.->\\|"Pebble API"\\| ${sg}`));
  });

  test('storage mounts', () => {
    const st = idOfLabel(d.source, 'data');
    expect(d.source).toMatch(new RegExp(`sg\\d+ -->\\|"mounted at /srv/indico"\\| ${st}`));
    expect(classesOf(d.source, st)).toEqual(['storage']);
  });

  test('title, accTitle/accDescr, text alternative', () => {
    expect(d.title).toBe('Architecture of the indico charm');
    expect(d.source).toContain('accTitle: Architecture of the indico charm');
    expect(d.description).toContain('2 workload container(s)');
    const alt = Object.fromEntries(d.alt.map((g) => [g.label, g.items]));
    expect(alt['Unit (Kubernetes pod)']).toContain('charm container: DemoCharm on ops, with the Juju agent');
    expect(alt['Container indico']).toContain('celery (from Pebble layer in src/charm.py), command: /bin/celery');
    expect(alt['Container indico']).toContain('storage data mounted at /srv/indico');
    expect(alt['Images']).toContain(
      'indico: OCI image resource indico-image, upstream ghcr.io/x/indico:1, rock indico (indico_rock/rockcraft.yaml)',
    );
  });

  test('computed layers and unresolved containers are shown, not invented', async () => {
    const m = makeModel({
      containers: [container('app', null, {base: 'ubuntu@22.04'})],
      pebble: [layer('app', [service('web')], {computed: true}), layer(null, [service('mystery')])],
    });
    const c = charmDiagram(m);
    expect(block(c.source, 'app container')).toContain('more computed at runtime');
    // A layer of the charm code whose container is not resolved: drawn, but outside the pod.
    expect(block(c.source, 'Pebble services, container not resolved')).toContain('mystery');
    expect(block(c.source, 'demo unit (Kubernetes pod)')).not.toContain('mystery');
    expect(c.alt.find((g) => g.label === 'Images')!.items).toEqual(['app: base ubuntu@22.04 (no OCI image resource)']);
    await expect(parseMermaid(c.source)).resolves.toBe('flowchart-v2');
  });

  test("rocks that are no container's image are not drawn: the pod holds exactly the declared containers", async () => {
    // As paas-charm's flask example: one `app` container fed by one rock, two test rocks beside it.
    const exporter = service('statsd-exporter', '/bin/statsd_exporter --statsd.listen-udp=localhost:9125');
    const m = makeModel({
      containers: [container('app', 'app-image')],
      rocks: [
        rock('async-app', {
          path: '../async_rock/rockcraft.yaml',
          container: 'app',
          resource: 'app-image',
          services: [{name: 'flask', command: '/bin/flask'}],
        }),
        rock('test-app', {
          path: '../test_rock/rockcraft.yaml',
          services: [
            {name: 'celery-worker', command: '/bin/celery'},
            {name: 'statsd-exporter', command: null},
          ],
        }),
      ],
      pebble: [
        layer('app', [service('flask'), exporter], {origin: 'rockcraft', file: '../async_rock/rockcraft.yaml'}),
        layer(null, [service('celery-worker'), exporter], {origin: 'rockcraft', file: '../test_rock/rockcraft.yaml'}),
      ],
      metrics: {
        endpoints: [],
        exporters: [
          {container: 'app', service: 'statsd-exporter', command: exporter.command, port: 9125},
          {container: null, service: 'statsd-exporter', command: exporter.command, port: 9125},
        ],
        targets: [],
        dashboards: [],
        alertRules: [],
      },
    });
    const c = charmDiagram(m);
    const pod = block(c.source, 'demo unit (Kubernetes pod)');
    expect([...pod.matchAll(/subgraph sg\d+\["([^"]*)"\]/g)].map((x) => x[1])).toEqual([
      'demo unit (Kubernetes pod)',
      'charm container',
      'app container',
    ]);
    expect(block(c.source, 'app container')).toContain('statsd-exporter<br>metrics exporter');
    expect(c.source).not.toContain('celery-worker');
    expect(c.source.match(/statsd-exporter/g)).toHaveLength(1);
    expect(c.source).not.toMatch(/not resolved/);
    expect(c.alt.find((g) => g.label === "Rocks that are no container's image (not drawn)")!.items).toEqual([
      'test-app (../test_rock/rockcraft.yaml), services celery-worker, statsd-exporter',
    ]);
    // Markdown and MyST print the description (accDescr), not the text alternative: it names them too.
    expect(c.description).toMatch(/ Not drawn, as no container's image: the rock\(s\) test-app\.$/);
    await expect(parseMermaid(c.source)).resolves.toBe('flowchart-v2');
  });

  test('a container with no services says so', async () => {
    const c = charmDiagram(
      makeModel({containers: [container('empty', 'empty-image')], rocks: [rock('empty', {resource: 'empty-image'})]}),
    );
    expect(block(c.source, 'empty container')).toContain('no Pebble service found');
    expect(c.source).toContain('rock#58; empty');
    await expect(parseMermaid(c.source)).resolves.toBe('flowchart-v2');
  });
});

describe('charmDiagram (machine)', () => {
  test('the unit (machine) with the charm, services known and resources', async () => {
    const m = makeModel({
      kind: 'machine',
      charmClasses: [],
      resources: [{name: 'snap', type: 'file', description: '', origin: 'charm'}],
      pebble: [],
      metrics: {
        endpoints: [],
        exporters: [{container: null, service: 'node-exporter', command: null}],
        targets: [],
        dashboards: [],
        alertRules: [],
      },
    });
    const c = charmDiagram(m);
    const unit = block(c.source, 'demo unit (machine)');
    expect(unit).toContain('demo charm<br>ops + Juju agent');
    expect(unit).toContain('node-exporter<br>metrics exporter');
    expect(unit).not.toContain('container');
    expect(c.source).toMatch(/n\d+ -->\|"resource"\| sg0/);
    expect(c.alt.map((g) => g.label)).toEqual(['Unit (machine)', 'Services', 'Resources']);
    await expect(parseMermaid(c.source)).resolves.toBe('flowchart-v2');
  });
});

describe('every generated diagram parses', () => {
  const evil = '"]; end\nsubgraph x %%{init:{}}%% <b>#quot;';
  const models = {
    empty: makeModel(),
    machine: makeModel({kind: 'machine'}),
    sample: sampleK8sModel(),
    hostile: makeModel({
      name: evil,
      displayName: evil,
      charmClasses: [{name: evil, bases: [], file: 'x', line: 1, column: 1}],
      containers: [container(evil, evil, {mounts: [{storage: evil, location: evil}]})],
      resources: [{name: evil, type: evil, description: evil, origin: 'charm'}],
      endpoints: [
        endpoint(evil, 'requires', evil),
        endpoint(evil, 'provides', 'tracing', {optional: true}),
        endpoint(evil, 'peers', evil),
      ],
      pebble: [layer(evil, [service(evil, evil)]), layer(null, [service(evil)], {computed: true})],
      rocks: [rock(evil, {container: evil, services: [{name: evil, command: evil}]})],
    }),
  };
  test.each(Object.entries(models))('%s', async (_name, model) => {
    for (const r of [
      charmDiagram(model),
      deploymentDiagram(model),
      deploymentDiagram(model, {layout: 'compact', direction: 'TB'}),
    ]) {
      await expect(parseMermaid(r.source)).resolves.toBe('flowchart-v2');
      expect(r.alt.length).toBeGreaterThan(0);
    }
  });
});
