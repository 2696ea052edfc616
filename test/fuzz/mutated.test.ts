/**
 * Fuzzing (issue §4), mutated charms: the generated charms of charms.test.ts with wrong types,
 * deep nesting, alias floods, truncation, byte flips, deleted/duplicated lines, unbalanced
 * brackets, re-indentation, BOM/CRLF/NUL/UTF-16 in charmcraft.yaml, legacy YAML files, layer
 * files, rocks and Python. loadCharm never throws anything but a positioned CharmArchError, never
 * hangs (each case is timed), and what does load still gives valid sections and diagrams.
 */
import fc from 'fast-check';
import {mutatedCharmArb, sectionOptionsArb} from './core.mjs';
import {casesLabel, fcParams, makeFuzzer, runsFor, summary, warmUp} from './harness.js';

const {fuzzer, dispose} = makeFuzzer();
beforeAll(warmUp, 60_000);
afterAll(dispose);
const runs = runsFor(0.3);

test(`mutated charms: positioned errors or valid output (${casesLabel(runs)})`, async () => {
  const start = performance.now();
  await fc.assert(
    fc.asyncProperty(mutatedCharmArb, sectionOptionsArb, (c, o) => fuzzer.checkCharm(c, o)),
    fcParams(runs),
  );
  console.log(summary('mutated charms', fuzzer, performance.now() - start));
  expect(fuzzer.stats.loadErrors).toBeGreaterThan(0);
}, 600_000);
