/**
 * Renders the generated diagrams for real, in headless Chromium with the
 * browser build of mermaid 11, Infima's CSS and the theme's `themeCSS`, and
 * checks what a reader gets: classes on the SVG nodes, labels showing the text
 * literally (hostile strings included), no injected elements, and a text
 * contrast of at least 4.5:1 for every themed node in light and dark mode.
 *
 * Needs Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH); skipped
 * when there is none (jsdom cannot lay out SVG, so this cannot run there).
 */
import {contrast} from './contrast.js';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {chromium, type Browser, type Page} from 'playwright-core';
import {
  charmDiagram,
  COMPACT_COLUMNS,
  deploymentDiagram,
  normalizeText,
  withStaticStyles,
  type DiagramResult,
} from '../../src/diagrams/index.js';
import {CHARM_DIAGRAM_THEME_CSS} from '../../theme/CharmDiagram/themeCss.js';
import {renderDiagram} from './browser-page.js';
import {HOSTILE_STRINGS} from './hostile.js';
import {endpoint, makeModel, sampleK8sModel} from './model-factory.js';

const require = createRequire(import.meta.url);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(executablePath);
const maybe = hasBrowser ? describe : describe.skip;

interface NodeInfo {
  classes: string;
  text: string;
  fill: string;
  color: string;
}

async function render(
  page: Page,
  d: DiagramResult,
  dark: boolean,
  css: string = CHARM_DIAGRAM_THEME_CSS,
): Promise<{nodes: NodeInfo[]; clusters: NodeInfo[]; injected: number; svg: string; title: string}> {
  await renderDiagram(page, d.source, dark, css);
  return page.evaluate(() => {
    const host = document.getElementById('host')!;
    const info = (g: Element, shapeSel: string, textSel: string) => {
      const shape = g.querySelector(shapeSel);
      const text = g.querySelector(textSel);
      return {
        classes: g.getAttribute('class') ?? '',
        text: (g.querySelector('.nodeLabel, .cluster-label') ?? g).textContent ?? '',
        fill: shape ? getComputedStyle(shape).fill : '',
        color: text ? getComputedStyle(text).color : '',
      };
    };
    const nodes = [...host.querySelectorAll('g.node')].map((g) =>
      info(g, 'rect, path, polygon, circle, ellipse', '.nodeLabel p, .nodeLabel'),
    );
    const clusters = [...host.querySelectorAll('g.cluster')].map((g) => info(g, 'rect', '.nodeLabel p, .nodeLabel'));
    const injected = host.querySelectorAll('script, img, iframe, [onerror], a').length;
    return {
      nodes,
      clusters,
      injected,
      svg: host.innerHTML,
      title: host.querySelector('svg > title')?.textContent ?? '',
    };
  });
}

/** Each edge label's text, its text colour and the first opaque background behind it. */
async function edgeLabelColours(page: Page): Promise<Array<{text: string; color: string; background: string}>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#host g.edgeLabel')]
      .map((g) => {
        const text = g.querySelector('p, span, text');
        if (!text || !(text.textContent ?? '').trim()) return null;
        let background = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = text; e && e !== document.documentElement; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
            background = bg;
            break;
          }
        }
        return {text: (text.textContent ?? '').trim(), color: getComputedStyle(text).color, background};
      })
      .filter((x): x is {text: string; color: string; background: string} => x !== null),
  );
}

maybe('diagrams rendered in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    const infima = readFileSync(require.resolve('infima/dist/css/default/default.css'), 'utf8');
    await page.setContent(
      `<!doctype html><html data-theme="light"><head><meta charset="utf-8"></head><body><div id="host"></div></body></html>`,
    );
    await page.addStyleTag({content: infima});
    await page.addScriptTag({path: require.resolve('mermaid/dist/mermaid.min.js')});
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('classes end up on SVG nodes and clusters, colours follow Infima in light and dark', async () => {
    const d = deploymentDiagram(sampleK8sModel(), {layout: 'full'});
    const c = charmDiagram(sampleK8sModel());
    for (const dark of [false, true]) {
      const r = await render(page, d, dark);
      const charm = r.nodes.find((n) => /\bca-charm\b/.test(n.classes))!;
      expect(charm).toBeDefined();
      expect(charm.text).toContain('indico');
      expect(r.nodes.filter((n) => /\bca-external\b/.test(n.classes))).toHaveLength(8);
      expect(r.nodes.filter((n) => /\bca-optional\b/.test(n.classes))).toHaveLength(1);
      expect(r.clusters.some((n) => /\bca-observability\b/.test(n.classes))).toBe(true);
      // Infima's primary contrast pair, swapped in dark mode.
      expect(charm.fill).toBe(dark ? 'rgb(16, 36, 69)' : 'rgb(235, 242, 252)');
      const rc = await render(page, c, dark);
      expect(rc.nodes.filter((n) => /\bca-exporter\b/.test(n.classes)).map((n) => n.text)).toEqual(
        expect.arrayContaining([expect.stringContaining('nginx-exporter')]),
      );
      expect(rc.clusters.some((n) => /\bca-unit\b/.test(n.classes))).toBe(true);
      expect(rc.clusters.filter((n) => /\bca-container\b/.test(n.classes)).length).toBe(3);
      for (const n of [...r.nodes, ...rc.nodes, ...rc.clusters]) {
        if (!n.fill || !n.color || n.fill === 'none') continue;
        expect({node: n.text, ratio: contrast(n.fill, n.color) >= 4.5}).toEqual({node: n.text, ratio: true});
      }
      if (process.env.DIAGRAM_SNAPSHOT_DIR) {
        const dir = process.env.DIAGRAM_SNAPSHOT_DIR;
        await render(page, d, dark);
        await page.screenshot({path: `${dir}/deployment-${dark ? 'dark' : 'light'}.png`, fullPage: true});
        await render(page, c, dark);
        await page.screenshot({path: `${dir}/charm-${dark ? 'dark' : 'light'}.png`, fullPage: true});
        writeFileSync(`${dir}/charm-${dark ? 'dark' : 'light'}.svg`, rc.svg);
      }
    }
  }, 60_000);

  test('edge labels reach 4.5:1 in light and dark mode (computed colours)', async () => {
    const ratios: Array<{label: string; dark: boolean; ratio: number}> = [];
    for (const dark of [false, true]) {
      for (const d of [
        deploymentDiagram(sampleK8sModel(), {layout: 'full'}),
        deploymentDiagram(sampleK8sModel(), {layout: 'compact'}),
        charmDiagram(sampleK8sModel()),
      ]) {
        await render(page, d, dark);
        ratios.push(
          ...(await edgeLabelColours(page)).map((l) => ({
            label: l.text,
            dark,
            ratio: Math.round(contrast(l.color, l.background) * 100) / 100,
          })),
        );
      }
    }
    // Every kind of edge label of both diagrams was measured: Pebble API, image, mounted at, requires N, endpoint: interface.
    for (const text of ['Pebble API', 'image', 'mounted at /srv/indico', 'requires 5', 'database: postgresql_client']) {
      expect(
        ratios
          .filter((r) => r.label === text)
          .map((r) => r.dark)
          .sort(),
      ).toEqual(expect.arrayContaining([false, true]));
    }
    expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
  }, 60_000);

  test.each([false, true])(
    'CLI output (no theme CSS, dark Mermaid theme: %s): the charm, external, observability, workload boxes keep distinct colours, text 4.5:1',
    async (dark) => {
      const model = sampleK8sModel();
      for (const d of [deploymentDiagram(model, {layout: 'full'}), charmDiagram(model)]) {
        const r = await render(page, {...d, source: withStaticStyles(d.source)}, dark, '');
        const fillOf = (cls: string): Set<string> =>
          new Set(r.nodes.filter((n) => new RegExp(`\\bca-${cls}\\b`).test(n.classes)).map((n) => n.fill));
        for (const n of r.nodes) expect(contrast(n.color, n.fill)).toBeGreaterThanOrEqual(4.5);
        const charm = [...fillOf('charm')];
        expect(charm).toEqual(['rgb(235, 242, 252)']);
        for (const other of ['external', 'observability', 'workload', 'exporter'])
          for (const fill of fillOf(other)) expect(fill).not.toBe(charm[0]);
      }
      const deployment = await render(
        page,
        {...deploymentDiagram(model), source: withStaticStyles(deploymentDiagram(model).source)},
        dark,
        '',
      );
      const observability = deployment.nodes.filter((n) => /\bca-observability\b/.test(n.classes));
      expect(observability.length).toBeGreaterThan(0);
      expect(new Set(observability.map((n) => n.fill))).toEqual(new Set(['rgb(238, 249, 253)']));
    },
    60_000,
  );

  test("optional boxes are dashed with no theme CSS (Markdown, MyST) and keep their size under Sphinx's `.optional` rule", async () => {
    const d = deploymentDiagram(sampleK8sModel(), {layout: 'compact'});
    // As Sphinx's basic.css has it; the diagram must not pick it up.
    await page.evaluate(() =>
      document.head.insertAdjacentHTML(
        'beforeend',
        '<style id="host-page">.optional { font-size: 1.3em; } .external { font-size: 2em; }</style>',
      ),
    );
    const r = await render(page, d, false, '');
    const dashes = await page.evaluate(() =>
      [...document.querySelectorAll('#host g.node')].map((g) => ({
        optional: g.classList.contains('ca-optional'),
        dash: getComputedStyle(g.querySelector('rect, path')!).strokeDasharray,
        font: getComputedStyle(g.querySelector('.nodeLabel')!).fontSize,
      })),
    );
    expect(r.nodes.filter((n) => /\bca-optional\b/.test(n.classes))).toHaveLength(1);
    expect(dashes.filter((n) => n.optional).map((n) => n.dash)).toEqual(['6px, 4px']);
    expect(new Set(dashes.filter((n) => !n.optional).map((n) => n.dash))).toEqual(new Set(['none']));
    expect(new Set(dashes.map((n) => n.font)).size).toBe(1);
    await page.evaluate(() => document.getElementById('host-page')?.remove());
  }, 60_000);

  test.each([4, 5, 7, 8, 9, 11, 16])(
    'compact group of %i boxes: full rows of COMPACT_COLUMNS from the top left',
    async (count) => {
      const endpoints = Array.from({length: count}, (_, i) =>
        endpoint(`ep${i}`, 'requires', `iface${i}`, {optional: i % 3 === 2}),
      );
      const d = deploymentDiagram(makeModel({endpoints}), {layout: 'compact'});
      await render(page, d, false);
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('#host g.node.ca-external')].map((g) => {
          const b = g.getBoundingClientRect();
          return {y: Math.round(b.top + b.height / 2)};
        }),
      );
      expect(boxes).toHaveLength(count);
      const rows = [...new Set(boxes.map((b) => b.y))].sort((a, b) => a - b).map((y) => boxes.filter((b) => b.y === y));
      const full = Math.floor(count / COMPACT_COLUMNS);
      const expected = [
        ...Array<number>(full).fill(COMPACT_COLUMNS),
        ...(count % COMPACT_COLUMNS ? [count % COMPACT_COLUMNS] : []),
      ];
      // Only the last row may be short: no hole in the first row (before: 8 boxes in rows of 2, 3, 3).
      expect(rows.map((r) => r.length)).toEqual(expected);
    },
    60_000,
  );

  test.each(HOSTILE_STRINGS.map((s, i) => [i, s] as const))(
    'hostile string %i renders literally',
    async (_i, hostile) => {
      const model = makeModel({
        name: hostile,
        endpoints: [endpoint(hostile, 'requires', hostile), endpoint('db', 'provides', hostile, {optional: true})],
        charmClasses: [{name: hostile, bases: [], file: 'src/charm.py', line: 1, column: 1}],
      });
      for (const d of [deploymentDiagram(model), charmDiagram(model)]) {
        const r = await render(page, d, false);
        expect(r.injected).toBe(0);
        // Shown text = normalised text (whitespace collapsed, long text cut), less the invisible WORD JOINERs.
        const expected = normalizeText(hostile);
        const texts = r.nodes.map((n) => n.text.replaceAll('\u2060', ''));
        // The first line of the charm node (deployment) or the charm class node (charm diagram) is the text itself.
        expect(texts.some((t) => t.startsWith(expected))).toBe(true);
        expect(r.title.length).toBeGreaterThan(0);
      }
    },
    60_000,
  );
});
