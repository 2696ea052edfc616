/**
 * Issue #18, round two, at the loader: each case is a small charm written to a temporary folder,
 * loaded, and compared with what the model must say (a positioned diagnostic and true output).
 * Items: 3 (Object.prototype names), 4 (charm text too long or too deep), 6 (silent wrong output),
 * 9 (messages).
 */
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {CharmArchError} from '../../src/errors.js';
import {loadCharm} from '../../src/model/charm/load.js';
import type {CharmModel} from '../../src/model/types.js';
import {buildSection, SECTIONS} from '../../src/sections/index.js';
import {deploymentDiagram, charmDiagram} from '../../src/diagrams/index.js';

const TMP = mkdtempSync(join(tmpdir(), 'charm-arch-hostile-'));
afterAll(() => rmSync(TMP, {recursive: true, force: true}));
let n = 0;

const HEAD = 'name: h\ntype: charm\nsummary: s\ndescription: d\nbase: ubuntu@24.04\nplatforms:\n  amd64:\n';
const PY = (observe: string): string =>
  `import ops\n\n\nclass H(ops.CharmBase):\n    def __init__(self, framework):\n        super().__init__(framework)\n${observe}\n    def _on_x(self, event):\n        """Handles it."""\n\n\nif __name__ == "__main__":\n    ops.main(H)\n`;
const OBSERVE_INSTALL = '        framework.observe(self.on.install, self._on_x)\n';

function charm(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = join(TMP, String(++n), 'charm');
  for (const [path, text] of Object.entries({'charmcraft.yaml': HEAD, 'src/charm.py': PY(OBSERVE_INSTALL), ...files})) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    symlinkSync(target, join(dir, path));
  }
  return dir;
}

/** `file:line:column severity code` of every diagnostic, for readable expectations. */
const diagnostics = (m: CharmModel): string[] =>
  m.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
const events = (m: CharmModel): string[] => m.events.map((e) => `${e.name} -> ${e.handler}`);
function loadError(dir: string): string {
  try {
    loadCharm(dir);
  } catch (error) {
    if (error instanceof CharmArchError) return error.format();
    throw error;
  }
  throw new Error('expected the load to fail');
}

/** Every section and diagram of the model builds (the crash of item 3 was a TypeError in a builder). */
function buildsEverything(m: CharmModel): void {
  for (const name of Object.keys(SECTIONS))
    buildSection(name, {
      model: m,
      headingLevel: 2,
      links: {jujuDocsUrl: 'https://j.example/', charmhubUrl: 'https://charmhub.io'},
      attributes: {},
      annotations: [],
    });
  deploymentDiagram(m);
  charmDiagram(m);
}

describe('item 3: names of Object.prototype members are plain names', () => {
  const NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString'];

  test.each([...NAMES, 'valueOf'])('extension `%s` of a charm with a container is unknown, not a crash', (name) => {
    const m = loadCharm(
      charm({'charmcraft.yaml': `${HEAD}extensions: [${name}]\nassumes: [k8s-api]\ncontainers:\n  app: {}\n`}),
    );
    expect(m.extensions).toEqual([]);
    buildsEverything(m);
  });

  test('series, endpoints, interfaces, containers, resources, options, actions and parameters named after them', () => {
    const yaml = `${HEAD}series: [constructor, __proto__]\nassumes: [k8s-api]\ncontainers:\n  constructor:\n    resource: __proto__\nresources:\n  __proto__:\n    type: oci-image\nrequires:\n  toString:\n    interface: hasOwnProperty\nprovides:\n  hasOwnProperty:\n    interface: constructor\nconfig:\n  options:\n    constructor:\n      type: string\nactions:\n  toString:\n    params:\n      __proto__:\n        type: string\n`;
    const m = loadCharm(charm({'charmcraft.yaml': yaml}));
    expect({
      containers: m.containers.map((c) => c.name),
      endpoints: m.endpoints.map((e) => `${e.name}:${e.interface}`),
      config: m.config.map((o) => o.name),
      actions: m.actions.map((a) => `${a.name}(${a.params.map((p) => p.name).join(',')})`),
    }).toEqual({
      containers: ['constructor'],
      endpoints: ['toString:hasOwnProperty', 'hasOwnProperty:constructor'],
      config: ['constructor'],
      actions: ['toString(__proto__)'],
    });
    buildsEverything(m);
  });

  test('`self.on.constructor` & co. are events named as written, with a plain-text kind', () => {
    const observe = NAMES.map((name) => `        framework.observe(self.on.${name}, self._on_x)\n`).join('');
    const m = loadCharm(charm({'src/charm.py': PY(observe)}));
    expect(m.events.map((e) => `${e.name} ${e.kind}`)).toEqual([
      'constructor library',
      'proto-- library',
      'hasOwnProperty library',
      'toString library',
    ]);
    buildsEverything(m);
  });
});

describe('item 4: charm text too long or too deeply nested', () => {
  test('a description of 2,000 `>` warns at the description and is kept whole', () => {
    const deep = '>'.repeat(2000);
    const m = loadCharm(charm({'charmcraft.yaml': HEAD.replace('description: d', `description: "${deep}"`)}));
    expect(diagnostics(m)).toEqual(['charmcraft.yaml:4:14 warning charm-text-too-deep']);
    expect(m.description).toBe(deep);
  });

  test('a 300 KB table in a config option description warns at that description', () => {
    const table = `| a | b |\\n|---|---|\\n${'| cell | cell |\\n'.repeat(20_000)}`;
    const m = loadCharm(
      charm({
        'charmcraft.yaml': `${HEAD}config:\n  options:\n    mode:\n      type: string\n      description: "${table}"\n`,
      }),
    );
    expect(diagnostics(m)).toEqual(['charmcraft.yaml:12:20 warning charm-text-too-long']);
    expect(m.diagnostics[0]!.message).toBe(
      'The description of config option `mode` is 320020 characters long, over the 16384 read as Markdown; the page shows it as plain text.',
    );
  });

  test('a handler docstring quoted 40 levels deep warns at the handler', () => {
    const py = PY(OBSERVE_INSTALL).replace('"""Handles it."""', `"""${'> '.repeat(40)}Handles it."""`);
    const m = loadCharm(charm({'src/charm.py': py}));
    expect(diagnostics(m)).toEqual(['src/charm.py:9:1 warning charm-text-too-deep']);
  });
});

describe('item 6: no silent wrong output', () => {
  test('a folder link back into src/ (src/self -> .) reads each module once, with a warning', () => {
    const m = loadCharm(charm({}, {'src/self': '.'}));
    expect(events(m)).toEqual(['install -> _on_x']);
    expect(diagnostics(m)).toEqual(['src/self:1:1 warning symlink-duplicate']);
  });

  test('a named pipe as src/charm.py: a positioned warning, never a read that blocks', () => {
    const dir = charm({'charmcraft.yaml': HEAD});
    rmSync(join(dir, 'src', 'charm.py'));
    expect(spawnSync('mkfifo', [join(dir, 'src', 'charm.py')]).status).toBe(0);
    const m = loadCharm(dir);
    expect(events(m)).toEqual([]);
    expect(diagnostics(m)).toEqual(['src/charm.py:1:1 warning not-a-file']);
  });

  test('a missing entry point: a warning at the default path', () => {
    const dir = charm({'charmcraft.yaml': HEAD, 'src/other.py': 'X = 1\n'});
    rmSync(join(dir, 'src', 'charm.py'));
    expect(diagnostics(loadCharm(dir))).toEqual(['src/charm.py:1:1 warning missing-entrypoint']);
  });

  test('a declared entry point that does not exist: a warning at the declaration', () => {
    const m = loadCharm(charm({'charmcraft.yaml': `${HEAD}parts:\n  charm:\n    charm-entrypoint: src/main.py\n`}));
    expect(diagnostics(m)).toEqual(['charmcraft.yaml:10:23 warning missing-entrypoint']);
  });

  test('src/ as a link that loops: a warning at the folder, and the missing entry point', () => {
    const dir = charm({'charmcraft.yaml': HEAD});
    rmSync(join(dir, 'src'), {recursive: true});
    symlinkSync('src', join(dir, 'src'));
    expect(diagnostics(loadCharm(dir))).toEqual([
      'src/charm.py:1:1 warning missing-entrypoint',
      'src:1:1 warning unreadable-folder',
    ]);
  });

  // Root reads any folder whatever its mode: this case runs for other users (CI runs as one).
  const unreadable = process.getuid?.() === 0 ? test.skip : test;
  unreadable('an unreadable src/: a warning at the folder, and the missing entry point', () => {
    const dir = charm({'charmcraft.yaml': HEAD});
    chmodSync(join(dir, 'src'), 0o000);
    try {
      expect(diagnostics(loadCharm(dir))).toEqual([
        'src/charm.py:1:1 warning missing-entrypoint',
        'src:1:1 warning unreadable-folder',
      ]);
    } finally {
      chmodSync(join(dir, 'src'), 0o755);
    }
  });
});

describe('item 9: messages', () => {
  test('an entry point outside the charm is an error at its declaration in charmcraft.yaml', () => {
    const dir = charm({
      'charmcraft.yaml': `${HEAD}parts:\n  charm:\n    charm-entrypoint: ../outside.py\n`,
      '../outside.py': PY(OBSERVE_INSTALL),
    });
    expect(loadError(dir)).toBe(
      "charmcraft.yaml:10:23: entrypoint-outside-charm: The charm's entry point `../outside.py` is outside the charm directory. Set `charm-entrypoint` to a path inside the charm, such as src/charm.py.",
    );
  });

  test('`name: ""` says the name is empty, at its value', () => {
    expect(loadError(charm({'charmcraft.yaml': HEAD.replace('name: h', 'name: ""')}))).toBe(
      "charmcraft.yaml:1:7: empty-name: `name` in charmcraft.yaml is empty. Write the charm's name: `name: <charm-name>` (lowercase letters, digits and hyphens).",
    );
  });

  test('an action named "" in a legacy actions.yaml is an error at its key (the model had an empty name)', () => {
    const dir = charm({
      'charmcraft.yaml': 'type: charm\nbases:\n  - name: ubuntu\n    channel: "22.04"\n',
      'metadata.yaml': 'name: h\nsummary: s\ndescription: d\n',
      'actions.yaml': 'backup: {}\n"": {}\n',
    });
    expect(loadError(dir)).toBe(
      'actions.yaml:2:1: empty-name: An entry of actions.yaml has an empty name. Give it a name (lowercase letters, digits and hyphens).',
    );
  });

  test('an undeclared action is "an action", at the observe() line', () => {
    const m = loadCharm(charm({'src/charm.py': PY('        framework.observe(self.on.backup_action, self._on_x)\n')}));
    expect(m.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}: ${d.message}`)).toEqual([
      "src/charm.py:7 undeclared-name: `self.on.backup_action` names an action that the charm's metadata does not declare.",
    ]);
  });
});
