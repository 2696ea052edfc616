/**
 * Pages at a ref: the directive's `ref`, the charm's `ref` option, `versions` by the page's doc
 * version, links at the ref's commit; and the CLI's `--ref` for facts, render and check.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {directive} from 'micromark-extension-directive';
import {VFile} from 'vfile';
import {main} from '../../src/cli/index.js';
import {docVersionsIn, recordDocVersions} from '../../src/doc-versions.js';
import {normalizeOptions, type Options} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {stateFor} from '../../src/state.js';
import {loadedDocs, makeFixtureRepo, type FixtureRepo} from './fixture-repo.js';

const REPOSITORY = 'https://github.com/example/notebook-k8s-operator';
let repo: FixtureRepo;
beforeAll(() => {
  repo = makeFixtureRepo();
});
afterAll(() => repo?.remove());

/** Expands `source` as the page at `pagePath`, and prints the result as Markdown. */
function expand(
  source: string,
  extra: Partial<Options> = {},
  charm: Record<string, string> = {},
  pagePath = join(repo.dir, 'docs', 'page.md'),
): string {
  const options = normalizeOptions({
    charms: {nb: {path: repo.dir, repository: REPOSITORY, ...charm}},
    id: 'git-ref-test',
    onError: 'throw',
    ...extra,
  });
  stateFor(options).siteDir = dirname(repo.dir);
  const tree = fromMarkdown(source, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
  remarkCharmDirectives(options)(tree, new VFile({path: pagePath, value: source}));
  return toMarkdown(tree, {extensions: [gfmToMarkdown()]});
}

const eventsIn = (markdown: string): string[] =>
  [...markdown.matchAll(/\[`([a-z-]+)`\]\(https:\/\/documentation/g)].map((m) => m[1]!).sort();

describe('directives at a ref', () => {
  test("`ref` on a directive: that tag's events, linked to handlers at its commit", () => {
    const page = expand(':::juju-events{ref="v1"}\n:::\n');
    expect(eventsIn(page)).toEqual(['config-changed', 'notebook-pebble-ready']);
    expect(page).toContain(`([\`_on_notebook_ready\`](${REPOSITORY}/blob/${repo.v1}/src/charm.py#L15))`);
    expect(page).not.toContain('/blob/main/');
  });

  test("the charm's `ref` option, and the working tree without one", () => {
    expect(eventsIn(expand(':::juju-events\n:::\n', {}, {ref: 'v1'}))).toEqual([
      'config-changed',
      'notebook-pebble-ready',
    ]);
    const working = expand(':::charm-overview\n:::\n');
    expect(working).toContain('Unreleased work adds');
    expect(expand(':::charm-overview{ref="v2"}\n:::\n')).toContain('Release 2 adds');
  });

  test("`versions`: the page's doc version picks the ref; `null` is the working tree", () => {
    const old = join(repo.dir, 'versioned_docs', 'version-1.x', 'arch.md');
    const current = join(repo.dir, 'docs', 'arch.md');
    recordDocVersions(
      'git-ref-test',
      new Map([
        [old, '1.x'],
        [current, 'current'],
      ]),
    );
    const versions = {versions: {'1.x': 'v1', current: null}};
    expect(eventsIn(expand(':::juju-events\n:::\n', versions, {}, old))).toEqual([
      'config-changed',
      'notebook-pebble-ready',
    ]);
    expect(eventsIn(expand(':::juju-events\n:::\n', versions, {}, current))).toEqual([
      'config-changed',
      'exporter-pebble-ready',
      'notebook-pebble-ready',
      'upgrade-charm',
    ]);
    // The directive's own ref still wins over the version's.
    expect(eventsIn(expand(':::juju-events{ref="v2"}\n:::\n', versions, {}, old))).toContain('upgrade-charm');
  });

  test('the family directives read each charm at the ref too', () => {
    const containersCell = (ref: string): string | undefined =>
      /\| notebook-k8s \(`notebook-k8s`\) \|[^|]*\|[^|]*\| ([^|]*?) +\|/.exec(
        expand(`:::charm-catalog{ref="${ref}"}\n:::\n`),
      )?.[1];
    expect([containersCell('v1'), containersCell('v2')]).toEqual(['`notebook`', '`exporter`, `notebook`']);
  });

  test('an unknown ref fails the build at the page position, with the nearest refs', () => {
    expect(() => expand('# Events\n\n:::juju-events{ref="v3"}\n:::\n')).toThrow(
      /page\.md:3:1: the charm could not be read:\n.*unknown-ref: `v3` names no commit .* Nearest refs: v1, v2, main\./,
    );
  });

  test('a ref that is not a git ref is refused with the options', () => {
    expect(() => normalizeOptions({charms: {nb: {path: '.', ref: '--upload-pack=x'}}})).toThrow(/must be a git ref/);
    expect(() => normalizeOptions({charms: {nb: {path: '.'}}, versions: {'1.x': 'has space'}})).toThrow(
      /must be a git ref/,
    );
  });
});

describe('doc versions as the docs plugin loaded them', () => {
  test('each doc source of each version maps to its version name', () => {
    const allContent = {
      ...loadedDocs({current: ['@site/docs/arch.md'], '1.x': ['@site/versioned_docs/version-1.x/arch.md']}),
      'docusaurus-plugin-content-pages': {default: [{source: '@site/src/pages/index.md'}]},
    };
    expect([...docVersionsIn(allContent, '/site')]).toEqual([
      ['/site/docs/arch.md', 'current'],
      ['/site/versioned_docs/version-1.x/arch.md', '1.x'],
    ]);
  });
});

async function cli(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: {write: (s: string) => (stdout += s)},
    stderr: {write: (s: string) => (stderr += s)},
    cwd: repo.dir,
  });
  return {code, stdout, stderr};
}

describe('charm-arch --ref', () => {
  test('facts: the model at the ref', async () => {
    const out = await cli('facts', '--ref', 'v1', '.');
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as {containers: Array<{name: string}>}).containers.map((c) => c.name)).toEqual([
      'notebook',
    ]);
  });

  test('render: links at the commit', async () => {
    const out = await cli('render', '.', '--section', 'juju-events', '--repository', REPOSITORY, '--ref=v2');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${REPOSITORY}/blob/${repo.v2}/src/charm.py#L`);
    expect(out.stdout).toContain('upgrade-charm');
  });

  test('check: a 2.x page matches v2 and drifts from v1', async () => {
    writeFileSync(
      join(repo.dir, 'arch-2.x.md'),
      '# Architecture\n\n## Juju events\n\n- config-changed\n- notebook-pebble-ready\n- exporter-pebble-ready\n- upgrade-charm\n',
    );
    expect((await cli('check', 'arch-2.x.md', '.', '--ref', 'v2')).code).toBe(0);
    const old = await cli('check', 'arch-2.x.md', '.', '--ref', 'v1');
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('upgrade-charm');
  });

  test('an unknown ref: exit 2 and one positioned line with the nearest refs', async () => {
    const out = await cli('facts', '.', '--ref', 'v9');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `${repo.dir}:1:1: unknown-ref: \`v9\` names no commit in ${repo.dir}. Nearest refs: v1, v2, main. Check the spelling, or \`git fetch --tags\` if it was made elsewhere.\n`,
    );
  });
});
