/**
 * The map's default direction is the narrower one: for each family below, both directions are
 * laid out by mermaid 11 in headless Chromium and the direction integrationMapDiagram picks by
 * itself must be the narrower, or within 10% of it. Skipped without Chromium.
 */
import {existsSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {chromium, type Browser, type Page} from 'playwright-core';
import {matchFamily, type FamilyCharm} from '../../src/diagrams/family-match.js';
import {integrationMapDiagram} from '../../src/diagrams/integration-map.js';
import {layers} from '../../src/diagrams/map-direction.js';
import {loadCharmCached} from '../../src/model/charm/cache.js';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../e2e/browser.js';
import {endpoint, makeModel} from '../diagrams/model-factory.js';
import {largeFamily} from './synthetic-family.js';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FAMILIES = join(ROOT, 'test', 'fixtures', 'families');
const maybe = existsSync(CHROMIUM_PATH) ? describe : describe.skip;

const fromDirs = (dirs: string[]): FamilyCharm[] => dirs.map((d) => ({id: d, model: loadCharmCached(d)}));
const fixture = (name: string): FamilyCharm[] =>
  fromDirs(
    readdirSync(join(FAMILIES, name), {withFileTypes: true})
      .filter((e) => e.isDirectory())
      .map((e) => join(FAMILIES, name, e.name))
      .sort(),
  );

/** Five applications needing one database: a star. */
function star(): FamilyCharm[] {
  const apps = ['wiki', 'forum', 'tracker', 'chat', 'mail-archive'].map((name) => ({
    id: name,
    model: makeModel({name, endpoints: [endpoint('database', 'requires', 'postgresql_client')]}),
  }));
  return [
    ...apps,
    {
      id: 'db',
      model: makeModel({name: 'postgresql', endpoints: [endpoint('database', 'provides', 'postgresql_client')]}),
    },
  ];
}

const CASES: Array<[string, () => FamilyCharm[]]> = [
  [
    'demo site (a chain of 3)',
    () => fromDirs(['pastebin-k8s', 'logsink', 'log-relay-k8s'].map((d) => join(ROOT, 'website', 'charms', d))),
  ],
  ['two-providers', () => fixture('two-providers')],
  ['missing-provider', () => fixture('missing-provider')],
  ['peers', () => fixture('peers')],
  ['star of 5 requirers', star],
  ['12 charms, 150 endpoints', largeFamily],
];

test('layers: longest path, cycles broken', () => {
  expect(
    layers(4, [
      {from: 0, to: 1, label: ''},
      {from: 1, to: 2, label: ''},
      {from: 0, to: 2, label: ''},
      {from: 2, to: 0, label: ''},
    ]),
  ).toEqual([0, 1, 2, 0]);
  expect(layers(3, [])).toEqual([0, 0, 0]);
});

maybe('default direction of the map, against Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
    page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.setContent('<!doctype html><html><body><div id="host"></div></body></html>');
    await page.addScriptTag({path: require.resolve('mermaid/dist/mermaid.min.js')});
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const width = (source: string): Promise<number> =>
    page.evaluate(async (src) => {
      const m = (
        window as unknown as {
          mermaid: {initialize(c: object): void; render(id: string, s: string): Promise<{svg: string}>};
        }
      ).mermaid;
      m.initialize({startOnLoad: false, securityLevel: 'strict'});
      document.getElementById('host')!.innerHTML = (await m.render(`d${Math.floor(Math.random() * 1e9)}`, src)).svg;
      return Math.round(document.querySelector<SVGSVGElement>('#host svg')!.viewBox.baseVal.width);
    }, source);

  test.each(CASES)(
    '%s',
    async (name, family) => {
      const match = matchFamily(family());
      const lr = await width(integrationMapDiagram(match, {direction: 'LR'}).source);
      const tb = await width(integrationMapDiagram(match, {direction: 'TB'}).source);
      const picked = /^flowchart (LR|TB)$/m.exec(integrationMapDiagram(match).source)![1] as 'LR' | 'TB';
      console.log(`${name}: LR ${lr} px, TB ${tb} px, picked ${picked}`);
      expect((picked === 'LR' ? lr : tb) <= Math.min(lr, tb) * 1.1).toBe(true);
    },
    60_000,
  );
});
