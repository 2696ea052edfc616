/** Both diagrams of every fixture and example charm parse with Mermaid's own parser, in every layout. */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {charmDiagram, deploymentDiagram} from '../../src/diagrams/index.js';
import {findCharms} from '../../src/model/sources/find-charms.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {parseMermaid} from './mermaid-parse.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const charmDirs = [
  ...findCharms(join(root, 'test', 'fixtures', 'charms')).map((d) => join(root, 'test', 'fixtures', 'charms', d)),
  ...findCharms(join(root, 'website', 'charms')).map((d) => join(root, 'website', 'charms', d)),
];

/** Fixture charms that load (the broken ones are for error tests). */
const models = charmDirs.flatMap((dir) => {
  try {
    return [[dir.slice(root.length + 1), loadCharm(dir)] as const];
  } catch {
    return [];
  }
});

test('the fixture set is the one the tests expect', () => {
  expect(models.map(([name]) => name)).toEqual(
    expect.arrayContaining([
      'test/fixtures/charms/helpers-and-loops',
      'test/fixtures/charms/hostile',
      'test/fixtures/charms/flask-app',
      'website/charms/pastebin-k8s',
      'website/charms/logsink',
    ]),
  );
});

describe.each(models)('%s', (_name, model) => {
  test.each(['auto', 'full', 'compact'] as const)('deployment diagram (%s) parses', async (layout) => {
    const d = deploymentDiagram(model, {layout});
    await expect(parseMermaid(d.source)).resolves.toBeTruthy();
    expect(d.alt.flatMap((g) => g.items).join('\n')).toContain(model.endpoints[0]?.name ?? '');
  });

  test('charm diagram parses and names every container', async () => {
    const d = charmDiagram(model);
    await expect(parseMermaid(d.source)).resolves.toBeTruthy();
    const alt = JSON.stringify(d.alt);
    for (const c of model.containers) expect(alt).toContain(c.name);
  });
});
