/**
 * `charm-arch render-map` on the fixture families in test/fixtures/families/<case>/: each case
 * is a folder of charms (loaded in folder-name order) and its reviewed output,
 * expected.md and expected.myst.md. A missing expected file fails; regenerate with
 * `UPDATE_EXPECTED=1` and review the diff.
 *
 * - two-providers: PostgreSQL and PgBouncer both provide `postgresql_client`; Webshop requires it
 *   (ambiguous: both listed as alternatives); PgBouncer requires it from PostgreSQL only.
 * - missing-provider: Portal requires `s3`, `ingress` and observability interfaces nobody provides.
 * - peers: both charms have peer relations, shown in their boxes, never as edges.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {main} from '../../src/cli/index.js';
import {parseMermaid} from '../diagrams/mermaid-parse.js';

const FAMILIES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'families');
const UPDATE = process.env['UPDATE_EXPECTED'] === '1';
const CASES = readdirSync(FAMILIES)
  .filter((d) => existsSync(join(FAMILIES, d, 'expected.md')) || UPDATE)
  .sort();

async function run(argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: {write: (s: string) => (stdout += s)},
    stderr: {write: (s: string) => (stderr += s)},
    cwd: FAMILIES,
  });
  return {code, stdout, stderr};
}

function charmDirs(family: string): string[] {
  return readdirSync(join(FAMILIES, family), {withFileTypes: true})
    .filter((e) => e.isDirectory())
    .map((e) => `${family}/${e.name}`)
    .sort();
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:mermaid|\{mermaid\})\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

test('every fixture family folder has its expected output', () => {
  const folders = readdirSync(FAMILIES, {withFileTypes: true})
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(folders).toEqual(['missing-provider', 'peers', 'subordinate', 'two-providers']);
  for (const f of folders) {
    expect({
      f,
      md: existsSync(join(FAMILIES, f, 'expected.md')),
      myst: existsSync(join(FAMILIES, f, 'expected.myst.md')),
    }).toEqual({f, md: true, myst: true});
  }
});

describe.each(CASES)('family %s', (family) => {
  test.each([
    ['md', 'expected.md'],
    ['myst', 'expected.myst.md'],
  ])(
    '--format %s matches %s, and its diagram parses with Mermaid',
    async (format, expectedFile) => {
      const r = await run(['render-map', ...charmDirs(family), '--catalog', '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const path = join(FAMILIES, family, expectedFile);
      if (UPDATE) writeFileSync(path, r.stdout);
      expect(r.stdout).toBe(readFileSync(path, 'utf8'));
      const blocks = mermaidBlocks(r.stdout);
      expect(blocks).toHaveLength(1);
      await expect(parseMermaid(blocks[0]!)).resolves.toBe('flowchart-v2');
    },
    30_000,
  );
});

describe('what each family shows', () => {
  test('two providers of one interface: both are alternatives, neither is picked', async () => {
    const {stdout} = await run(['render-map', ...charmDirs('two-providers')]);
    const diagram = mermaidBlocks(stdout)[0]!;
    // Webshop (n2, folder order pgbouncer, postgresql, webshop) has one edge to each provider.
    expect(diagram.match(/^ {2}n2 -->/gm)).toHaveLength(2);
    expect(diagram).toContain('1 of 2');
    expect(diagram).toContain('2 of 2');
    expect(stdout).toContain(
      '- **Webshop** `database` (`postgresql_client`) can use any one of: **PgBouncer** `database`, **PostgreSQL** `database`. Choose one when you deploy.',
    );
    // PgBouncer's backend has one provider: no alternative note.
    expect(stdout).toMatch(
      /\| PgBouncer `backend-database` \| PostgreSQL `database` +\| `postgresql_client` \| limit 1 +\|/,
    );
  });

  test('a requirement nobody provides is listed under the charm, grouped by interface, not drawn', async () => {
    const {stdout} = await run(['render-map', ...charmDirs('missing-provider')]);
    const diagram = mermaidBlocks(stdout)[0]!;
    expect(diagram.match(/-->|-\.->/g)).toHaveLength(1);
    expect(diagram).toContain('external needs#58; 3');
    expect(stdout).toContain('  - needs `s3`: `s3-credentials`, `media` (optional)');
    expect(stdout).toContain(
      '  - needs observability: `logging` (`loki_push_api`, optional), `tracing` (`tracing`, optional)',
    );
    expect(stdout).toContain('  - offers `http`: `admin-api`');
  });

  test('peers are lines in their charm box, never edges', async () => {
    const {stdout} = await run(['render-map', ...charmDirs('peers')]);
    const diagram = mermaidBlocks(stdout)[0]!;
    expect(diagram).toContain('peer replicas (cluster#95;db#95;replicas)<br>peer upgrade (upgrade)');
    expect(diagram.match(/-->|-\.->/g)).toEqual(['-.->']);
  });
});

describe('render-map usage errors', () => {
  test.each([
    [['render-map'], 'name at least one charm directory'],
    [['render-map', 'peers/db-client', '--format', 'html'], '--format must be md, myst or rst, not html'],
    [['render-map', 'peers/db-client', '--heading-level', '9'], '--heading-level must be a number from 1 to 6, not 9'],
    [['render-map', 'peers/db-client', '--colour'], 'unknown option --colour'],
  ])('%j -> exit 2 with %s', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`charm-arch render-map: ${message}`);
  });

  test('render --section integration-map points at render-map', async () => {
    const r = await run(['render', 'peers/db-client', '--section', 'integration-map']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^charm-arch render: integration-map reads several charms: use charm-arch render-map <charm-dir>\.\.\.\n/,
    );
  });

  test('a directory that holds no charm is reported with its file, not a stack trace', async () => {
    const r = await run(['render-map', 'peers/db-client', 'peers']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\S*:\d+:\d+: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
