/**
 * Fuzzing (issue §4), the directive transformer: pages with random blocks and directives (ours and
 * others; container and leaf; nested in quotes, lists and fences; valid and invalid attributes;
 * author notes) against a generated (sometimes mutated) charm, with onError 'throw' and 'warn'.
 * Every directive of ours is expanded, or the transformer throws an Error whose message starts with
 * `<page>:<line>:<col>:` at one of them; 'warn' never throws; no planted secret appears.
 */
import {jest} from '@jest/globals';
import fc from 'fast-check';
import {remarkCaseArb} from './core.mjs';
import {casesLabel, fcParams, makeFuzzer, runsFor, summary, warmUp} from './harness.js';

const {fuzzer, dispose} = makeFuzzer();
beforeAll(warmUp, 60_000);
afterAll(dispose);
const runs = runsFor(0.475);

test(`pages: every directive expanded or a positioned error (${casesLabel(runs)})`, async () => {
  // Drift notes and onError 'warn' go to the build log (@docusaurus/logger): keep the test log readable.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const start = performance.now();
  try {
    await fc.assert(
      fc.asyncProperty(remarkCaseArb, (c) => fuzzer.checkPage(c)),
      fcParams(runs),
    );
  } finally {
    warn.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
  console.log(summary('pages', fuzzer, performance.now() - start));
  expect(fuzzer.stats.pages - fuzzer.stats.pageErrors).toBeGreaterThan(fuzzer.stats.pages * 0.3);
}, 600_000);
