/**
 * Bugs the fuzzer found (test/fuzz/core.mjs), each reduced to a minimal input and kept as a
 * regression test now that it is fixed. The fuzz properties generate these inputs again
 * (`generatorOptions.includeKnownBugs` is on by default; FUZZ_KNOWN_BUGS=0 leaves them out).
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {VFile} from 'vfile';
import {deploymentDiagram} from '../../src/diagrams/index.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {normalizeOptions} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {buildSection} from '../../src/sections/index.js';
import {stateFor} from '../../src/state.js';
import {schemaErrors} from '../model/model-helpers.js';
import {jsonProblems} from './core.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'charm-arch-fuzz-regressions-'));
afterAll(() => rmSync(TMP, {recursive: true, force: true}));
let n = 0;

const HEAD = 'name: r\ntype: charm\nsummary: s\ndescription: d\nbase: ubuntu@24.04\nplatforms:\n  amd64:\n';
const CHARM_PY = 'import ops\n\n\nclass R(ops.CharmBase):\n    pass\n\n\nif __name__ == "__main__":\n    ops.main(R)\n';

function charm(files: Record<string, string>): string {
  const dir = join(TMP, String(++n));
  for (const [path, text] of Object.entries({'src/charm.py': CHARM_PY, ...files})) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const links = {
  jujuDocsUrl: 'https://documentation.ubuntu.com/juju/latest/reference/hook/',
  charmhubUrl: 'https://charmhub.io',
};

// Bug `non-finite-default`: YAML `.nan` / `.inf` defaults reach the model as NaN / Infinity, which
// JSON cannot hold (`charm-arch facts` prints them as null; the model is no longer what the schema
// describes). Found by charms.test.ts (config and action parameter defaults).
test('non-finite-default: a `.nan` config default keeps the model plain JSON', () => {
  const model = loadCharm(
    charm({'charmcraft.yaml': `${HEAD}config:\n  options:\n    ratio:\n      type: float\n      default: .nan\n`}),
  );
  expect(jsonProblems(model)).toEqual([]);
});
test('non-finite-default: a `.inf` action parameter default keeps the model plain JSON', () => {
  const model = loadCharm(
    charm({
      'charmcraft.yaml': `${HEAD}actions:\n  run:\n    params:\n      limit:\n        type: number\n        default: .inf\n`,
    }),
  );
  expect(jsonProblems(model)).toEqual([]);
});

// Bug `empty-name`: an entry named `""` (here a config option) gives a model whose option name is
// empty, which the schema forbids (minLength 1); it should be a positioned error or warning instead.
test('empty-name: a config option named "" does not make a schema-invalid model', () => {
  let model;
  try {
    model = loadCharm(charm({'charmcraft.yaml': `${HEAD}config:\n  options:\n    "":\n      type: string\n`}));
  } catch {
    return; // a positioned error is fine too
  }
  expect(schemaErrors(JSON.parse(JSON.stringify(model)))).toEqual([]);
});

// Bug `prototype-interface`: `interface: constructor` (or `toString`, `__proto__`, any Object.prototype
// key) is looked up in a plain object of well-known interfaces (src/diagrams/deployment-labels.ts,
// counterpartName) and the deployment diagram throws "Cannot read properties of undefined (reading
// 'filter')"; `charm-arch render` prints "internal error", the Docusaurus build fails with a stack trace.
test('prototype-interface: an endpoint with `interface: constructor` still gets a deployment diagram', () => {
  const model = loadCharm(charm({'charmcraft.yaml': `${HEAD}requires:\n  db:\n    interface: constructor\n`}));
  expect(() => deploymentDiagram(model)).not.toThrow();
});

// Bug `line-break-in-table-code`: a line break (here a carriage return) in a Pebble service command
// is kept in the inline code of a table cell; serialised (charm-arch render), the row ends there and
// the rest of the command is read as a paragraph with raw HTML (`<script>`). The same holds for a
// config option default with a line break (charm-config table).
test('line-break-in-table-code: a command with a carriage return serialises to Markdown without raw HTML', () => {
  const dir = charm({
    'charmcraft.yaml': `${HEAD}assumes: [k8s-api]\ncontainers:\n  app:\n    resource: app-image\nresources:\n  app-image:\n    type: oci-image\n`,
    'src/layers/app.yaml':
      'services:\n  app:\n    override: replace\n    command: "run\\ra<script>alert(1)</script>"\n',
  });
  const nodes = buildSection('pebble-layers', {
    model: loadCharm(dir),
    headingLevel: 1,
    links,
    attributes: {},
    annotations: [],
  });
  const md = toMarkdown(
    {type: 'root', children: nodes},
    {extensions: [gfmToMarkdown()], bullet: '-', fences: true, rule: '-'},
  );
  const types: string[] = [];
  const walk = (node: {type: string; children?: unknown[]}): void => {
    types.push(node.type);
    (node.children as Array<typeof node> | undefined)?.forEach(walk);
  };
  walk(fromMarkdown(md, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]}));
  expect(types).not.toContain('html');
});

// Bug `nested-directive`: a directive of ours inside another of ours (a 4-colon fence holding a
// 3-colon one) is left unexpanded. The outer one's children become its prose by reference to a copy
// of its children array, and the inner one is then spliced out of the detached original
// (src/remark/index.ts, transform/expand): the page keeps a raw `:::charm-config` directive, which
// Docusaurus reports as unused and renders as nothing.
test('nested-directive: a directive of ours inside another of ours is expanded', () => {
  const options = normalizeOptions({charms: {pastebin: {path: 'website/charms/pastebin-k8s'}}});
  stateFor(options).siteDir = join(dirname(new URL(import.meta.url).pathname), '..', '..');
  const page = '::::charm-overview\n:::charm-config\n:::\n::::\n';
  const tree = fromMarkdown(page, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
  remarkCharmDirectives(options)(tree, new VFile({path: 'page.md', value: page}));
  const left: string[] = [];
  const walk = (node: {type: string; name?: string; children?: unknown[]}): void => {
    if (node.type === 'containerDirective' || node.type === 'leafDirective') left.push(node.name ?? '');
    (node.children as Array<typeof node> | undefined)?.forEach(walk);
  };
  walk(tree);
  expect(left).toEqual([]);
});
