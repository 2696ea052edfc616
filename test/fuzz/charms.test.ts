/**
 * Fuzzing (issue §4), generated charms with valid shapes: random names (collisions, `__proto__`),
 * hostile text, containers, layers, rocks, endpoints, config, actions and Python with random
 * observe patterns. For each: loadCharm gives a JSON-serialisable, schema-valid model (or a
 * positioned CharmArchError), every section serialises to Markdown that reads back without HTML,
 * every diagram parses with Mermaid, and no planted secret appears anywhere. See core.mjs.
 */
import fc from 'fast-check';
import {charmArb, sectionOptionsArb} from './core.mjs';
import {casesLabel, fcParams, makeFuzzer, runsFor, summary, warmUp} from './harness.js';

const {fuzzer, dispose} = makeFuzzer();
beforeAll(warmUp, 60_000);
afterAll(dispose);
const runs = runsFor(0.225);

test(`valid-shape charms: loader, sections, diagrams, secrets (${casesLabel(runs)})`, async () => {
  const start = performance.now();
  await fc.assert(
    fc.asyncProperty(charmArb, sectionOptionsArb, (c, o) => fuzzer.checkCharm(c, o)),
    fcParams(runs),
  );
  console.log(summary('valid-shape charms', fuzzer, performance.now() - start));
  // Most valid-shape charms must load, or the property says little about sections and diagrams.
  expect(fuzzer.stats.loaded).toBeGreaterThan(fuzzer.stats.cases * 0.7);
}, 600_000);
