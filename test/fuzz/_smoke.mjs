import {createRequire} from 'node:module';
import fc from 'fast-check';
const require = createRequire('/work/main/package.json');
const {JSDOM} = require('jsdom');
globalThis.window = new JSDOM('<!doctype html><html><body></body></html>').window;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
const D = '/work/main/dist/src';
const api = {
  ...(await import(`${D}/model/load.js`)), ...(await import(`${D}/model/errors.js`)), ...(await import(`${D}/sections/index.js`)),
  ...(await import(`${D}/diagrams/index.js`)), ...(await import(`${D}/remark/index.js`)), ...(await import(`${D}/options.js`)),
  ...(await import(`${D}/state.js`)), ...(await import(`${D}/model/cache.js`)),
};
const core = await import('/work/main/test/fuzz/core.mjs');
const fz = core.createFuzzer({api, parseMermaid: (s) => mermaid.parse(s), schemaPath: '/work/main/schema/charm-model.schema.json', workDir: (await import('node:fs')).mkdtempSync('/tmp/fz-smoke-')});
const which = process.argv[2];
const n = Number(process.argv[3] ?? 100);
console.warn = () => {};
const t0 = Date.now();
const prop = which === 'page' ? fc.asyncProperty(core.remarkCaseArb, (c) => fz.checkPage(c))
  : fc.asyncProperty(which === 'mut' ? core.mutatedCharmArb : core.charmArb, core.sectionOptionsArb, (c, o) => fz.checkCharm(c, o));
const r = await fc.check(prop, {numRuns: n, seed: Number(process.argv[4] ?? 1)});
console.log(Date.now() - t0, 'ms', JSON.stringify({...fz.stats, errorCodes: Object.fromEntries(fz.stats.errorCodes)}));
if (r.failed) { console.log('FAILED seed', r.seed, 'path', r.counterexamplePath); console.log(String(r.errorInstance?.message ?? r.error).slice(0, 3000)); console.log(fc.stringify(r.counterexample).slice(0, 3000)); }
