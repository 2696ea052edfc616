/**
 * `charm-arch render` and `init` in-process: page title, heading levels, labels, formats, --out,
 * and charm text kept inert for MDX (compiled with the @mdx-js/mdx that Docusaurus uses).
 * Expected pages live in test/cli/expected/; a missing one fails (UPDATE_EXPECTED=1 writes them).
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {compile} from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {visit} from 'unist-util-visit';
import type {Node} from 'unist';
import {runCli, type CliRun} from './run.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const INERT = 'test/sphinx/fixtures/inert-text';
const TMP = mkdtempSync(join(tmpdir(), 'charm-arch-render-'));
afterAll(() => rmSync(TMP, {recursive: true, force: true}));

const run = (...argv: string[]): Promise<CliRun> => runCli(argv, ROOT);

const headings = (page: string): string[] => page.split('\n').filter((l) => /^#{1,6} /.test(l));

function expectFile(name: string, actual: string): void {
  const path = join(HERE, 'expected', name);
  if (process.env.UPDATE_EXPECTED) writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`No expected output ${path}; write it with UPDATE_EXPECTED=1 and review it.`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('charm-arch render', () => {
  test('the whole page has a title, its sections one level below; --section prints sections only', async () => {
    const page = await run('render', 'test/fixtures/check/notes-k8s');
    expect(page.code).toBe(0);
    expect(headings(page.stdout).slice(0, 3)).toEqual([
      '# Notes charm architecture',
      '## Overview',
      '## High-level overview of Notes deployment',
    ]);
    expect(headings(page.stdout).filter((h) => h.startsWith('# '))).toHaveLength(1);
    const section = await run('render', 'test/fixtures/check/notes-k8s', '--section', 'juju-events');
    expect(headings(section.stdout)[0]).toBe('# Juju events');
    const untitled = await run('render', 'test/fixtures/check/notes-k8s', '--no-title', '--heading-level', '1');
    expect(headings(untitled.stdout)[0]).toBe('# Overview');
    const deeper = await run('render', 'test/fixtures/check/notes-k8s', '--heading-level', '3', '--format', 'myst');
    expect(headings(deeper.stdout).slice(0, 2)).toEqual(['## Notes charm architecture', '### Overview']);
  });

  test.each([['abc'], ['0'], ['-1'], ['7'], ['1.5'], ['']])(
    '--heading-level %p is a usage error (exit 2)',
    async (level) => {
      const r = await run(
        'render',
        'test/fixtures/check/notes-k8s',
        '--section',
        'juju-events',
        `--heading-level=${level}`,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `charm-arch render: --heading-level must be a whole number from 1 to 6, not ${level || 'nothing'}\n`,
      );
      expect(r.stdout).toBe('');
    },
  );

  test('under a page title, --heading-level 1 is refused and says why', async () => {
    const r = await run('render', 'test/fixtures/check/notes-k8s', '--heading-level', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'charm-arch render: --heading-level must be a whole number from 2 to 6, not 1 (level 1 is the page title; --no-title frees it)\n',
    );
  });

  test('MyST and rst labels start with the charm name, or --label-prefix', async () => {
    const myst = await run('render', 'test/fixtures/check/notes-k8s', '--format', 'myst');
    expect(myst.stdout).toMatch(
      /^\(notes-k8s-charm-architecture\)=\n\n# Notes charm architecture\n\n\(notes-k8s-overview\)=\n/,
    );
    expect(myst.stdout).toContain('(notes-k8s-event-config-changed)=\n\n### 1. [`config-changed`](');
    const rst = await run('render', 'test/fixtures/check/notes-k8s', '--format', 'rst', '--label-prefix', 'Notes Docs');
    expect(rst.stdout).toMatch(
      /^\.\. _notes-docs-charm-architecture:\n\nNotes charm architecture\n=+\n\n\.\. _notes-docs-overview:\n\nOverview\n-+\n/,
    );
    const bare = await run('render', 'test/fixtures/check/notes-k8s', '--format', 'myst', '--label-prefix', '');
    expect(bare.stdout).toMatch(/^\(charm-architecture\)=\n/);
  });

  test.each([
    ['md', 'inert-reference.md'],
    ['myst', 'inert-reference.myst.md'],
    ['rst', 'inert-reference.rst'],
  ])('--format %s of a charm whose texts carry markup: %s', async (format, expected) => {
    const r = await run(
      'render',
      INERT,
      '--format',
      format,
      '--section',
      'charm-config',
      '--section',
      'charm-actions',
      '--section',
      'charm-integrations',
    );
    expect(r.code).toBe(0);
    expectFile(expected, r.stdout);
  });

  test('md output pasted into a Docusaurus page compiles as MDX with no expression, JSX, ESM or directive from charm text', async () => {
    const r = await run(
      'render',
      INERT,
      '--section',
      'charm-architecture',
      '--section',
      'charm-config',
      '--section',
      'charm-actions',
    );
    const live: string[] = [];
    const inspect = () => (tree: Node) => {
      visit(tree, (node: Node) => {
        if (/^mdx|Directive$/.test(node.type)) live.push(node.type);
      });
    };
    await compile(r.stdout, {format: 'mdx', remarkPlugins: [remarkGfm, remarkDirective, inspect]});
    expect(live).toEqual([]);
    // and the text is still there, as text
    expect(r.stdout).toContain('MDX: \\{props.secret\\} and \\<Pwned /> and \\{#pwned-id\\} stay text.');
    // a bare address is a resource link, never an autolink `<https://...>` that MDX reads as JSX
    expect(r.stdout).toContain('[https://example.com/docs](https://example.com/docs)');
  });

  test('--out creates missing folders; a folder as --out is a clear error', async () => {
    const out = join(TMP, 'docs', 'reference', 'arch.md');
    expect((await run('render', 'test/fixtures/check/notes-k8s', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Notes charm architecture\n/);
    mkdirSync(join(TMP, 'a-folder'));
    const r = await run('render', 'test/fixtures/check/notes-k8s', '--out', join(TMP, 'a-folder'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a-folder:1:1: .*out-is-directory.*is a directory/);
    expect(r.stderr).not.toContain('internal error');
  });

  test('usage: an unknown format, section or option exits 2; --help lists which format serves which tool', async () => {
    for (const argv of [['--format', 'html'], ['--section', 'nope'], ['--bogus']]) {
      const r = await run('render', 'test/fixtures/check/notes-k8s', ...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^charm-arch render: /);
    }
    const help = await run('render', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/md +GFM Markdown .*Docusaurus \.md\/\.mdx/);
    expect(help.stdout).toMatch(/myst +MyST Markdown for Sphinx with myst_parser and sphinxcontrib\.mermaid/);
    expect(help.stdout).toMatch(/rst +reStructuredText for Sphinx with sphinxcontrib\.mermaid/);
  });
});

describe('charm-arch errors name what the reader can act on', () => {
  test('a folder of several charms: the folder and the charms below it, not a position in a charmcraft.yaml that does not exist', async () => {
    // test/fixtures/charms/two-charms holds charms/backend/ and charms/frontend/, each a charm.
    const r = await run('render', 'test/fixtures/charms/two-charms');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/charmcraft\.yaml:1:1/);
    expect(r.stderr).toBe(
      `charm-arch render: ${join(ROOT, 'test/fixtures/charms/two-charms')} is not a charm directory: it holds no charmcraft.yaml or metadata.yaml. ` +
        `Charms below it: charms/backend, charms/frontend. Give the folder of one of them (${join(ROOT, 'test/fixtures/charms/two-charms/charms/backend')}).\n`,
    );
    const none = await run('facts', 'test/fixtures/charms/two-charms/rocks');
    expect(none.stderr).toMatch(
      /rocks is not a charm directory: .* No charm below it either: give the folder that holds the charm\.\n$/,
    );
  });

  test("a Python syntax error: the command line's own way past it, never the site's onError option", async () => {
    const r = await run('render', 'test/fixtures/charms/broken/python-syntax');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^src\/charm\.py:31:17: python-syntax: /);
    expect(r.stderr).not.toContain('onError');
    expect(r.stderr).toContain('give --ref <tag or commit> to read a revision where it parses');
  });
});

describe('charm-arch init for Sphinx', () => {
  test('--format rst: the rendered page under an rst comment saying how to check and regenerate it', async () => {
    const out = join(TMP, 'init', 'arch.rst');
    const r = await run('init', 'test/fixtures/check/notes-k8s', '--format', 'rst', '--out', out);
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(
      /^\.\.\n {3}Generated by `charm-arch init --format rst` from the notes-k8s charm \(test\/fixtures\/check\/notes-k8s\)\.\n/,
    );
    expect(page).toContain(
      `\n\n.. _notes-k8s-charm-architecture:\n\nNotes charm architecture\n========================\n`,
    );
    expect(page).toContain('.. mermaid::\n\n   flowchart');
    expect((await run('check', out, 'test/fixtures/check/notes-k8s')).code).toBe(0);
  });
});
