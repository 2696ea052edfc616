/**
 * Two containers that share one OCI image resource run the same rock: the containers section and
 * the charm diagram list the same services for each (issue #18 item 9), from one model query.
 */
import {afterAll, expect, test} from '@jest/globals';
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {toMarkdown} from 'mdast-util-to-markdown';
import {charmDiagram} from '../../src/diagrams/index.js';
import {containerServices} from '../../src/model/charm/container-services.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {charmContainers} from '../../src/sections/containers.js';

const dir = mkdtempSync(join(tmpdir(), 'shared-image-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

writeFileSync(
  join(dir, 'charmcraft.yaml'),
  `name: twin
type: charm
summary: Two workers from one image.
description: Two workers from one image.
containers:
  worker-a:
    resource: worker-image
  worker-b:
    resource: worker-image
resources:
  worker-image:
    type: oci-image
    description: The worker rock.
`,
);
mkdirSync(join(dir, 'src'));
writeFileSync(
  join(dir, 'src', 'charm.py'),
  'import ops\n\n\nclass TwinCharm(ops.CharmBase):\n    pass\n\n\nif __name__ == "__main__":\n    ops.main(TwinCharm)\n',
);
mkdirSync(join(dir, 'worker_rock'));
writeFileSync(
  join(dir, 'worker_rock', 'rockcraft.yaml'),
  `name: worker
base: ubuntu@24.04
version: "1"
summary: worker
description: worker
platforms:
  amd64:
services:
  queue-worker:
    override: replace
    command: /usr/bin/worker --queue
    startup: enabled
`,
);

test('both containers run the rock of their shared image, in the section and in the diagram', () => {
  const model = loadCharm(dir);
  const [a, b] = model.containers;
  expect([a?.name, b?.name]).toEqual(['worker-a', 'worker-b']);
  expect(containerServices(model, a!).services.map((s) => s.name)).toEqual(['queue-worker']);
  expect(containerServices(model, b!).services.map((s) => s.name)).toEqual(['queue-worker']);

  const section = toMarkdown({
    type: 'root',
    children: charmContainers({
      model,
      headingLevel: 2,
      links: {jujuDocsUrl: 'https://j', charmhubUrl: 'https://c'},
      attributes: {},
      annotations: [],
    }),
  });
  expect(section.match(/Pebble services: `queue-worker`\./g)).toHaveLength(2);

  const {alt} = charmDiagram(model);
  const groups = alt.filter((g) => /worker-[ab]/.test(g.label));
  expect(groups).toHaveLength(2);
  for (const g of groups) expect(g.items.some((i) => i.startsWith('queue-worker'))).toBe(true);
});
