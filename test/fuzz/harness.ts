/**
 * Jest side of the fuzzer: binds test/fuzz/core.mjs to src/ (scripts/fuzz.mjs binds it to dist/),
 * with real Mermaid parsing (test/diagrams/mermaid-parse.ts).
 *
 * FUZZ_MAX_RSS_MB bounds how far fuzzing may raise the process's peak resident memory (default 2048).
 * FUZZ_RUNS scales the run: the total number of cases across the fuzz test files (default 500,
 * split 22.5% valid charms, 30% mutated charms, 47.5% pages: a page case costs a tenth of a charm
 * case; 500 cases take about 30 s on one busy core, 2000 took 105 s). The long campaigns are
 * `node scripts/fuzz.mjs`, with a per-case time bound and a hang watchdog. FUZZ_SEED fixes the
 * seed (printed on failure by fast-check). FUZZ_CASE_MS sets a per-case time bound; the suite sets
 * none, as a wall-clock limit fails on a busy machine whatever the code does. FUZZ_KNOWN_BUGS=1
 * also generates the inputs of bugs already reported (see regressions.test.ts).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {diagramToMarkdown} from '../../src/cli/print/markdown.js';
import {clearCharmCache} from '../../src/model/charm/cache.js';
import {CharmArchError, CharmLoadError} from '../../src/errors.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {normalizeOptions} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {buildSection, DIRECTIVE_NAMES, SECTIONS} from '../../src/sections/index.js';
import {charmDiagram, deploymentDiagram, withStaticStyles} from '../../src/diagrams/index.js';
import {stateFor} from '../../src/state.js';
import {parseMermaid} from '../diagrams/mermaid-parse.js';
import {createFuzzer, generatorOptions, type Fuzzer} from './core.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const api = {
  loadCharm,
  CharmArchError,
  CharmLoadError,
  buildSection,
  SECTIONS,
  DIRECTIVE_NAMES,
  deploymentDiagram,
  charmDiagram,
  remarkCharmDirectives,
  normalizeOptions,
  stateFor,
  clearCharmCache,
  diagramToMarkdown,
  withStaticStyles,
};

const total = Number(process.env['FUZZ_RUNS'] ?? 500);
/** Cases for one property: its share of FUZZ_RUNS. */
export function runsFor(share: number): number {
  return Math.max(1, Math.round(total * share));
}
export const CASE_MS = Number(process.env['FUZZ_CASE_MS'] ?? Infinity);
/** For test titles: `N cases` plus the per-case bound when one is set. */
export const casesLabel = (runs: number): string =>
  `${runs} cases${Number.isFinite(CASE_MS) ? `, ${CASE_MS} ms each at most` : ''}`;
/** How far fuzzing may raise the process's peak resident memory (FUZZ_MAX_RSS_MB): a case needing gigabytes fails. */
export const MAX_RSS_MB = Number(process.env['FUZZ_MAX_RSS_MB'] ?? 2048);
// The bugs these inputs found are fixed: they are generated like any other input.
generatorOptions.includeKnownBugs = process.env['FUZZ_KNOWN_BUGS'] !== '0';

/**
 * fast-check parameters. The test suite runs a fixed seed, so that CI is repeatable; FUZZ_SEED=random
 * (or any number) explores further, and `node scripts/fuzz.mjs` runs long random campaigns.
 */
export function fcParams(numRuns: number): fc.Parameters<unknown> {
  const seedText = process.env['FUZZ_SEED'] ?? '20261125';
  const seed = seedText === 'random' ? undefined : Number(seedText);
  return {
    numRuns,
    ...(seed !== undefined ? {seed} : {}),
    ...(process.env['FUZZ_PATH'] ? {path: process.env['FUZZ_PATH']} : {}),
    endOnFailure: process.env['FUZZ_SHRINK'] === '0',
  };
}

/** A fuzzer with its own work directory; call `dispose` in afterAll. */
export function makeFuzzer(): {fuzzer: Fuzzer; dispose: () => void; workDir: string} {
  const workDir = mkdtempSync(join(tmpdir(), 'charm-arch-fuzz-'));
  const fuzzer = createFuzzer({
    api,
    parseMermaid,
    schemaPath: join(REPO_ROOT, 'schema/charm-model.schema.json'),
    workDir,
    caseMs: CASE_MS,
    maxRssMb: MAX_RSS_MB,
  });
  return {fuzzer, workDir, dispose: () => rmSync(workDir, {recursive: true, force: true})};
}

/** First Mermaid parse loads the flowchart grammar, first load JIT-compiles the loader: not a case's time. */
export async function warmUp(): Promise<void> {
  await parseMermaid('flowchart LR\n  a["x"] --> b');
  loadCharm(join(REPO_ROOT, 'website/charms/pastebin-k8s'));
}

/** One line for the test log. */
export function summary(label: string, f: Fuzzer, ms: number): string {
  const s = f.stats;
  const codes = [...s.errorCodes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c}:${n}`)
    .join(' ');
  return `${label}: ${s.cases} cases in ${(ms / 1000).toFixed(1)} s (slowest ${Math.round(s.slowest)} ms, peak RSS ${s.peakRssMb} MB, largest raise by one case ${s.largestRssRaiseMb} MB); loaded ${s.loaded}, load errors ${s.loadErrors} [${codes}]; sections ${s.sections}, diagrams ${s.diagrams}, pages ${s.pages} (errors ${s.pageErrors}); ms ${JSON.stringify(Object.fromEntries(Object.entries(s.ms).map(([k, v]) => [k, Math.round(v)])))}; known bugs hit ${JSON.stringify(Object.fromEntries(s.knownBugHits))}`;
}
