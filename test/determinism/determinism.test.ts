/**
 * Determinism (issue §5): the same charm and page always produce byte-identical output, whatever the
 * file system order, the process, the working directory, or the number and order of pages that
 * share the charm.
 *
 * - `charm-arch render` (md and myst) and `facts` of every charm run in two processes, from
 *   different working directories, the commands in opposite orders: byte-identical (needs dist/:
 *   `npm run build`). Two processes in all, not two per command: a fresh process per command
 *   proved nothing more and cost 30 process starts (~2 s each on a busy machine).
 * - A charm copied into two directories, one on disk and one on tmpfs (/dev/shm when there is one),
 *   files written in opposite orders, different mtimes, and extra unrelated files in the second:
 *   identical rendered page (md and myst) and model JSON (after removing the absolute directory),
 *   in process.
 * - The remark transformer over N pages sharing charms, in several orders, with a cold and a warm
 *   charm cache: each page's output is identical to its output when transformed alone.
 * - Generated charms (test/fuzz/core.mjs) written in opposite orders: identical model and page.
 */
import {spawnSync} from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {jest} from '@jest/globals';
import fc from 'fast-check';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {VFile} from 'vfile';
import {renderPage} from '../../src/cli/render.js';
import {clearCharmCache} from '../../src/model/charm/cache.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {normalizeOptions} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {stateFor} from '../../src/state.js';
import {buildCharm, charmArb} from '../fuzz/core.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI_BATCH = join(ROOT, 'test', 'determinism', 'cli-batch.mjs');
const CHARMS = {
  'pastebin-k8s': join(ROOT, 'website/charms/pastebin-k8s'),
  logsink: join(ROOT, 'website/charms/logsink'),
  'helpers-and-loops': join(ROOT, 'test/fixtures/charms/helpers-and-loops'),
  hostile: join(ROOT, 'test/fixtures/charms/hostile'),
  'legacy-split': join(ROOT, 'test/fixtures/charms/legacy-split'),
};

const DISK = mkdtempSync(join(tmpdir(), 'charm-arch-determinism-'));
const SHM =
  existsSync('/dev/shm') && statSync('/dev/shm').isDirectory()
    ? mkdtempSync('/dev/shm/charm-arch-determinism-')
    : mkdtempSync(join(tmpdir(), 'charm-arch-determinism-b-'));
afterAll(() => {
  rmSync(DISK, {recursive: true, force: true});
  rmSync(SHM, {recursive: true, force: true});
});
jest.setTimeout(120_000);

/** fast-check's seed: fixed unless DETERMINISM_SEED says `random` or another number. */
function seedParam(): {seed?: number} {
  const text = process.env['DETERMINISM_SEED'] ?? '20261125';
  return text === 'random' ? {} : {seed: Number(text)};
}

/** Runs the `charm-arch` commands in one process (cli-batch.mjs) from `cwd`; each command's stdout, in order. */
function cliBatch(argvs: string[][], cwd: string): string[] {
  const r = spawnSync(process.execPath, [CLI_BATCH, JSON.stringify(argvs)], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`cli-batch.mjs exited ${r.status}: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as Array<{code: number; stdout: string; stderr: string}>;
  return results.map((out, i) => {
    if (out.code !== 0) throw new Error(`charm-arch ${argvs[i]!.join(' ')} exited ${out.code}: ${out.stderr}`);
    return out.stdout;
  });
}

/** Every file of a charm (path -> bytes), skipping nothing: the copy must be the same charm. */
function filesOf(dir: string, base = dir, out: Array<[string, Buffer]> = []): Array<[string, Buffer]> {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) filesOf(abs, base, out);
    else out.push([relative(base, abs), readFileSync(abs)]);
  }
  return out;
}

/** Writes files in the given order (folders created as first needed), with a given mtime. */
function writeInOrder(dir: string, files: Array<[string, Buffer | string]>, mtime: Date): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), content);
    utimesSync(join(dir, path), mtime, mtime);
  }
}

/** Files a charm does not read: docs, tests, VCS-ish and build folders, notes beside the sources. */
const UNRELATED: Array<[string, string]> = [
  ['README.md', '# Unrelated readme\n'],
  ['LICENSE', 'Apache-2.0\n'],
  ['tox.ini', '[tox]\nenvlist = lint\n'],
  ['docs/index.md', '# Docs\n\n:::juju-events\n:::\n'],
  [
    'tests/unit/test_charm.py',
    'import ops\n\n\nclass Fake(ops.CharmBase):\n    def __init__(self, f):\n        f.observe(self.on.install, self._x)\n',
  ],
  ['build/lib/charm.py', 'raise SystemExit\n'],
  ['.tox/lint/notes.yaml', 'services: {x: {command: y}}\n'],
  ['src/NOTES.txt', 'not python\n'],
  ['zz-unrelated/data.json', '{"a": 1}\n'],
];

/** Directory listing order of every folder, to show the copies really differ in file system order. */
function listingOrders(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const names = readdirSync(d);
    out.push(`${relative(dir, d)}: ${names.join(',')}`);
    for (const n of names) if (statSync(join(d, n)).isDirectory()) walk(join(d, n));
  };
  walk(dir);
  return out;
}

const stripDir = (text: string, dir: string): string => text.split(dir).join('<charm>');

/** The whole page and the reference sections: everything a charm's files feed. */
const PAGE_SECTIONS = ['charm-architecture', 'pebble-layers', 'charm-config', 'charm-actions', 'charm-integrations'];

describe('separate processes', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/src/cli/index.js')))
      throw new Error('dist/ is missing: run `npm run build` first.');
  });

  /** Every charm's render (md, myst) and facts. */
  const commands = Object.entries(CHARMS).flatMap(([name, dir]) =>
    [
      ['render', dir],
      ['render', dir, '--format', 'myst'],
      ['facts', dir],
    ].map((argv) => ({name, argv})),
  );
  const PASTEBIN_RELATIVE = ['render', relative(ROOT, CHARMS['pastebin-k8s'])];

  // One process in the repository (the persistent model cache of node_modules/.cache in reach), the
  // other in a temporary folder (none) running the same commands in the opposite order: an output
  // that depended on the process, the folder or what ran before it in the process would differ.
  let forward: string[];
  let backward: string[];
  let relativePath: string;
  beforeAll(() => {
    const argvs = commands.map((c) => c.argv);
    const [first, ...rest] = cliBatch([PASTEBIN_RELATIVE, ...argvs], ROOT);
    if (first === undefined) throw new Error('cli-batch printed nothing for the first command');
    [relativePath, forward] = [first, rest];
    backward = cliBatch([...argvs].reverse(), DISK).reverse();
  });

  for (const name of Object.keys(CHARMS)) {
    test(`${name}: render (md, myst) and facts are byte-identical across processes, working directories and command orders`, () => {
      commands.forEach((c, i) => {
        if (c.name !== name) return;
        expect(forward[i]!.length).toBeGreaterThan(100);
        expect({command: c.argv.join(' '), output: backward[i]}).toEqual({
          command: c.argv.join(' '),
          output: forward[i],
        });
      });
      // A relative path gives the same page as an absolute one.
      if (name === 'pastebin-k8s') expect(relativePath).toBe(backward[commands.findIndex((c) => c.name === name)]);
    });
  }
});

describe('file system order', () => {
  for (const [name, dir] of Object.entries(CHARMS)) {
    test(`${name}: copies written in opposite orders, with unrelated files, render the same`, () => {
      const files = filesOf(dir);
      const a = join(DISK, `${name}-a`);
      const b = join(SHM, `${name}-b`);
      writeInOrder(a, files, new Date('2020-01-01T00:00:00Z'));
      writeInOrder(b, [...UNRELATED, ...files].reverse(), new Date('2024-06-30T12:34:56Z'));
      // The test only means something if the listings differ somewhere (tmpfs lists newest first).
      expect(listingOrders(b)).not.toEqual(listingOrders(a));

      // In process (src/, no build needed): file order is no property of a process, and the CLI's
      // own determinism is tested above; 6 fewer processes per charm (a busy machine pays ~2 s each).
      for (const format of ['md', 'myst'] as const)
        expect(renderPage(b, {format, sections: PAGE_SECTIONS, headingLevel: 1, title: true})).toBe(
          renderPage(a, {format, sections: PAGE_SECTIONS, headingLevel: 1, title: true}),
        );
      // The model, with absolute paths removed.
      expect(stripDir(JSON.stringify(loadCharm(b)), b)).toBe(stripDir(JSON.stringify(loadCharm(a)), a));
    });
  }

  test('generated charms (test/fuzz/core.mjs) written in opposite orders give the same model and page', () => {
    let n = 0;
    fc.assert(
      fc.property(charmArb, ({spec, mutations}) => {
        const {files} = buildCharm(spec, mutations);
        const entries = Object.entries(files);
        const a = join(DISK, `gen-${++n}-a`);
        const b = join(SHM, `gen-${n}-b`);
        writeInOrder(a, entries, new Date('2020-01-01T00:00:00Z'));
        writeInOrder(b, [...UNRELATED, ...entries].reverse(), new Date('2024-06-30T12:34:56Z'));
        const outcome = (dir: string): string => {
          try {
            return stripDir(
              `${JSON.stringify(loadCharm(dir))}\n${renderPage(dir, {format: 'md', sections: PAGE_SECTIONS, headingLevel: 1})}`,
              dir,
            );
          } catch (error) {
            return `error: ${stripDir(String((error as Error).message), dir)}`;
          }
        };
        expect(outcome(b)).toBe(outcome(a));
        rmSync(a, {recursive: true, force: true});
        rmSync(b, {recursive: true, force: true});
      }),
      // Seeded like the fuzz suite (test/fuzz/harness.ts), so a failure replays; DETERMINISM_SEED=random explores.
      {numRuns: Number(process.env['DETERMINISM_RUNS'] ?? 25), ...seedParam()},
    );
  });
});

describe('pages sharing charms', () => {
  const options = normalizeOptions({
    charms: {
      pastebin: {path: 'website/charms/pastebin-k8s', repository: 'https://github.com/example/pastebin-k8s-operator'},
      logsink: {path: 'website/charms/logsink'},
      helpers: {path: 'test/fixtures/charms/helpers-and-loops'},
    },
    defaultCharm: 'pastebin',
  });
  stateFor(options).siteDir = ROOT;

  const PAGES: string[] = [
    '# Architecture\n\n:::charm-architecture\n:::\n',
    '## Events\n\n:::juju-events{exclude="update-status"}\nProse above.\n\n- config-changed: re-renders the config.\n:::\n',
    ':::pebble-layers{container="nginx"}\n:::\n\n:::deployment-diagram{layout="compact" direction="TB"}\n:::\n',
    '# Logsink\n\n:::charm-overview{charm="logsink"}\n:::\n\n:::charm-diagram{charm="logsink"}\n:::\n\n:::charm-metrics{charm="logsink"}\n:::\n',
    ':::charm-config\n:::\n\n:::charm-actions{charm="logsink"}\n:::\n\n:::charm-integrations{charm="helpers"}\n:::\n',
    '### Deep\n\n:::charm-code-overview{charm="helpers" heading-level="5"}\n:::\n\n:::juju-events{charm="helpers"}\n:::\n\n:::oci-images\n:::\n\n:::charm-containers\n:::\n',
  ];

  /** A page's output: the transformed tree (positions included) and the page's messages. */
  function transform(index: number): string {
    const source = PAGES[index]!;
    const tree = fromMarkdown(source, {
      extensions: [gfm(), directive()],
      mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
    });
    const file = new VFile({path: join(ROOT, 'website/docs', `page-${index}.md`), value: source});
    remarkCharmDirectives(options)(tree, file);
    return `${JSON.stringify(tree)}\n${file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`).join('\n')}`;
  }

  function runInOrder(order: number[], cold: boolean): string[] {
    if (cold) clearCharmCache();
    const out: string[] = [];
    for (const i of order) out[i] = transform(i);
    return out;
  }

  test('each page is byte-identical alone, in order, reversed, shuffled, repeated, with a cold or warm cache', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const alone = PAGES.map((_, i) => {
        clearCharmCache();
        return transform(i);
      });
      const indexes = PAGES.map((_, i) => i);
      const orders = [
        indexes,
        [...indexes].reverse(),
        ...fc.sample(fc.shuffledSubarray(indexes, {minLength: indexes.length}), {numRuns: 3, seed: 42}),
      ];
      for (const order of orders) {
        for (const cold of [true, false]) expect(runInOrder(order, cold)).toEqual(alone);
      }
      // Many pages on one charm (a large site): the 20th page is the same as the first.
      clearCharmCache();
      const many = Array.from({length: 20}, () => transform(0));
      expect(new Set(many).size).toBe(1);
      expect(many[0]).toBe(alone[0]);
    } finally {
      warn.mockRestore();
    }
  });
});
