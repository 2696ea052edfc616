/** The charm diagram of a machine charm draws its snaps, apt packages and systemd units inside the unit box. */
import {charmDiagram} from '../../src/diagrams/index.js';
import type {MachineWorkload} from '../../src/model/types.js';
import {parseMermaid} from './mermaid-parse.js';
import {classesOf} from './source-helpers.js';
import {makeModel} from './model-factory.js';

const workload: MachineWorkload = {
  snaps: [
    {
      name: 'charmed-db',
      file: 'src/workload.py',
      line: 12,
      channel: '8.0/stable',
      revision: 'revision[arch]',
      revisionComputed: true,
      services: ['daemon', 'exporter'],
    },
    {name: 'f"plugin-{name}"', computed: true, file: 'src/workload.py', line: 30, services: []},
  ],
  packages: [{name: 'haproxy', file: 'src/charm.py', line: 5}],
  systemdUnits: [{name: 'haproxy.service', file: 'src/charm.py', line: 9}],
};

/** The lines of the subgraph titled `title`, up to its own `end`. */
function subgraphLines(source: string, title: string): string[] {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.includes(`["${title}"]`));
  if (start < 0) throw new Error(`no subgraph ${title}\n${source}`);
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    if (/^\s*subgraph /.test(lines[i]!)) depth++;
    if (/^\s*end$/.test(lines[i]!)) depth--;
    if (depth === 0) return lines.slice(start, i + 1);
  }
  throw new Error('unclosed subgraph');
}

const idOf = (line: string): string => /^\s*(n\d+)\(/.exec(line)![1]!;

describe('charmDiagram (machine workload)', () => {
  const d = charmDiagram(makeModel({kind: 'machine', machineWorkload: workload}));

  test('one node per snap, package and unit, in a workload box inside the unit, and the charm installs it', async () => {
    const unit = subgraphLines(d.source, 'demo unit (machine)');
    const box = subgraphLines(d.source, 'workload');
    expect(unit.join('\n')).toContain(box.join('\n'));
    const nodes = box.filter((l) => /^\s*n\d+\(/.test(l));
    expect(nodes).toEqual([
      expect.stringContaining(
        '("charmed-db<br>snap<br>channel 8.0/stable<br>revision computed at runtime<br>services#58; daemon, exporter")',
      ),
      expect.stringContaining('("f#34;plugin-#123;name#125;#34;<br>snap, name computed at runtime")'),
      expect.stringContaining('("haproxy<br>apt package")'),
      expect.stringContaining('("haproxy.service<br>systemd unit")'),
    ]);
    expect(nodes.map((l) => classesOf(d.source, idOf(l)))).toEqual([
      ['workload'],
      ['computed'],
      ['workload'],
      ['workload'],
    ]);
    const boxId = /subgraph (sg\d+)/.exec(box[0]!)![1]!;
    expect(d.source).toMatch(new RegExp(`n0 -->\\|"installs and manages"\\| ${boxId}\\n`));
    await expect(parseMermaid(d.source)).resolves.toBe('flowchart-v2');
  });

  test('the description names the workload and the text alternative says where each name is read', () => {
    expect(d.description).toBe(
      'Each unit of the demo charm is a machine running the charm (DemoCharm on ops, with the Juju agent) and its workload: ' +
        'the charmed-db snap, a snap named at runtime (f"plugin-{name}"), the haproxy apt package and the haproxy.service systemd unit.',
    );
    expect(d.alt.find((g) => g.label === 'Workload (installed and managed by the charm)')?.items).toEqual([
      'snap charmed-db (channel 8.0/stable; revision computed at runtime; services: daemon, exporter), read at src/workload.py:12',
      'snap f"plugin-{name}" (name computed at runtime), read at src/workload.py:30',
      'apt package haproxy, read at src/charm.py:5',
      'systemd unit haproxy.service, read at src/charm.py:9',
    ]);
  });

  test('a name that looks like diagram syntax stays a label', async () => {
    const evil = '"]; end\nsubgraph x %%{init:{}}%% n0 --> n1';
    const e = charmDiagram(
      makeModel({
        kind: 'machine',
        machineWorkload: {snaps: [], packages: [{name: evil, file: 'src/charm.py', line: 1}], systemdUnits: []},
      }),
    );
    expect(subgraphLines(e.source, 'workload').filter((l) => /^\s*n\d+\(/.test(l))).toHaveLength(1);
    expect(e.source).not.toMatch(/^\s*subgraph x/m);
    await expect(parseMermaid(e.source)).resolves.toBe('flowchart-v2');
  });

  test('a machine charm without a known workload, or a Kubernetes charm, gets no workload box', () => {
    expect(charmDiagram(makeModel({kind: 'machine'})).source).not.toContain('installs and manages');
    // A Kubernetes charm's workload is its containers: a stray field draws nothing.
    expect(charmDiagram(makeModel({machineWorkload: workload})).source).not.toContain('charmed-db');
  });
});
