/**
 * Swizzling CharmDiagram with the real `docusaurus swizzle` on a throwaway site: the plugin's
 * swizzle config says wrapping is safe and ejecting is not, and the wrapper Docusaurus writes
 * type-checks against the `@theme/CharmDiagram` declaration that the package's types bring.
 * Needs dist/ (`npm run build`).
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot, runDocusaurus, writeTempSite, type TempSite} from '../e2e/temp-site.js';

const THEME = 'docusaurus-plugin-charm-architecture';
let site: TempSite;

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'src', 'index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  site = writeTempSite('swizzle-site', join(repoRoot, 'website', 'charms', 'logsink'), 'logsink', '# Swizzle\n');
});
afterAll(() => site?.remove());

test('swizzle --list: CharmDiagram is safe to wrap, unsafe to eject', async () => {
  const r = await runDocusaurus(site, ['swizzle', THEME, '--list', '--typescript']);
  expect(r.code).toBe(0);
  const row = r.output.split('\n').find((l) => /│ CharmDiagram\s+│/.test(l));
  expect(
    row
      ?.split('│')
      .map((cell) => cell.trim())
      .slice(1, 4),
  ).toEqual(['CharmDiagram', 'Safe', 'Unsafe']);
}, 180_000);

test('swizzle --wrap writes a wrapper that type-checks against @theme/CharmDiagram from the package types', async () => {
  const r = await runDocusaurus(site, ['swizzle', THEME, 'CharmDiagram', '--wrap', '--typescript']);
  expect({code: r.code, output: r.code ? r.output : ''}).toEqual({code: 0, output: ''});
  const wrapper = readFileSync(join(site.dir, 'src', 'theme', 'CharmDiagram', 'index.tsx'), 'utf8');
  expect(wrapper).toContain("import CharmDiagram from '@theme-original/CharmDiagram';");
  expect(wrapper).toContain("import type CharmDiagramType from '@theme/CharmDiagram';");

  // A site sees the plugin's types by importing it (as docusaurus.config.ts does).
  writeFileSync(
    join(site.dir, 'plugin-types.ts'),
    `import type {charmArchitecture} from ${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))};\nexport type Configure = typeof charmArchitecture;\n`,
  );
  const compilerOptions = {
    jsx: 'react-jsx',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['@docusaurus/module-type-aliases'],
  };
  writeFileSync(
    join(site.dir, 'tsconfig.json'),
    JSON.stringify({compilerOptions, files: ['plugin-types.ts', 'src/theme/CharmDiagram/index.tsx']}),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', '@typescript', 'native', 'bin', 'tsc'), '-p', join(site.dir, 'tsconfig.json')],
    {encoding: 'utf8'},
  );
  expect({status: tsc.status, output: tsc.stdout + tsc.stderr}).toEqual({status: 0, output: ''});
}, 180_000);
