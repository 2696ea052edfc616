/**
 * The deployment diagram of a subordinate charm (pgbouncer's shape: four container-scoped endpoints
 * to one principal, five more outside), rendered for real in headless Chromium with mermaid 11,
 * Infima's CSS and the theme's `themeCSS`, in light and dark mode: the shared (untitled) machine box
 * holds the charm and its principal, the four parallel edges' labels do not cover one another, and
 * every text reaches 4.5:1 against what is behind it.
 *
 * Needs Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH); skipped when there is none.
 */
import type {Browser, Page} from 'playwright-core';
import {deploymentDiagram, type DiagramResult} from '../../src/diagrams/index.js';
import {hasBrowser, openDiagramPage, renderDiagram} from './browser-page.js';
import {contrast} from './contrast.js';
import {endpoint, makeModel} from './model-factory.js';

const maybe = hasBrowser ? describe : describe.skip;

const pooler = makeModel({
  name: 'pooler',
  kind: 'machine',
  subordinate: true,
  endpoints: [
    endpoint('backend-database', 'requires', 'postgresql_client', {limit: 1}),
    endpoint('certificates', 'requires', 'tls-certificates', {optional: true}),
    endpoint('juju-info', 'requires', 'juju-info', {scope: 'container', limit: 1}),
    endpoint('tracing', 'requires', 'tracing', {optional: true}),
    endpoint('ha', 'requires', 'hacluster', {optional: true}),
    endpoint('database', 'provides', 'postgresql_client', {scope: 'container', optional: true}),
    endpoint('db', 'provides', 'pgsql', {scope: 'container', optional: true}),
    endpoint('db-admin', 'provides', 'pgsql', {scope: 'container', optional: true}),
    endpoint('cos-agent', 'provides', 'cos_agent'),
    endpoint('pgb-peers', 'peers', 'pgb_peers'),
  ],
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Measured {
  machine: Box & {label: string};
  nodes: Array<Box & {text: string; classes: string; fill: string; color: string}>;
  labels: Array<Box & {text: string; color: string; background: string}>;
}

/** Renders `d` and measures the machine cluster, every node and every edge label. */
async function measure(page: Page, d: DiagramResult, dark: boolean): Promise<Measured> {
  await renderDiagram(page, d.source, dark);
  return page.evaluate(() => {
    const host = document.getElementById('host')!;
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    };
    const background = (e: Element): string => {
      for (let x: Element | null = e; x && x !== document.documentElement; x = x.parentElement) {
        const bg = getComputedStyle(x).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return 'rgba(0, 0, 0, 0)';
    };
    const cluster = host.querySelector('g.cluster.ca-unit')!;
    return {
      machine: {...box(cluster.querySelector('rect')!), label: cluster.querySelector('.nodeLabel')?.textContent ?? ''},
      nodes: [...host.querySelectorAll('g.node')].map((g) => ({
        ...box(g),
        text: g.querySelector('.nodeLabel')?.textContent ?? '',
        classes: g.getAttribute('class') ?? '',
        fill: getComputedStyle(g.querySelector('rect, path')!).fill,
        color: getComputedStyle(g.querySelector('.nodeLabel p, .nodeLabel')!).color,
      })),
      labels: [...host.querySelectorAll('g.edgeLabel')]
        .map((g) => g.querySelector('p, span, text'))
        .filter((t): t is Element => !!t && (t.textContent ?? '').trim() !== '')
        .map((t) => ({
          ...box(t),
          text: (t.textContent ?? '').trim(),
          color: getComputedStyle(t).color,
          background: background(t),
        })),
    };
  });
}

const inside = (inner: Box, outer: Box): boolean =>
  inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
const overlap = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

maybe('a subordinate deployment diagram rendered in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({browser, page} = await openDiagramPage());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test.each(['compact', 'full'] as const)(
    '%s layout, light and dark: the machine box holds charm and principal, labels apart and readable',
    async (layout) => {
      for (const dark of [false, true]) {
        const r = await measure(page, deploymentDiagram(pooler, {layout}), dark);
        const where = {layout, dark};
        const charm = r.nodes.find((n) => /\bca-charm\b/.test(n.classes))!;
        const principal = r.nodes.find((n) => n.text.startsWith('Principal application'))!;
        expect({...where, charm: inside(charm, r.machine), principal: inside(principal, r.machine)}).toEqual({
          ...where,
          charm: true,
          principal: true,
        });
        // Nothing else is drawn on the machine.
        expect(r.nodes.filter((n) => n !== charm && n !== principal && overlap(n, r.machine))).toEqual([]);
        // The four edges between charm and principal: four labels, none covering another.
        const container = ['juju-info: juju-info', 'database: postgresql_client', 'db: pgsql', 'db-admin: pgsql'];
        const labels = r.labels.filter((l) => container.includes(l.text));
        expect(labels.map((l) => l.text).sort()).toEqual([...container].sort());
        const covered = labels.flatMap((a, i) =>
          labels
            .slice(i + 1)
            .filter((b) => overlap(a, b))
            .map((b) => [a.text, b.text]),
        );
        expect({...where, covered}).toEqual({...where, covered: []});
        // No edge crosses a title on the machine box: it has none (its text would sit under the arrows from above).
        expect({...where, title: r.machine.label.trim()}).toEqual({...where, title: ''});
        expect(principal.text).toContain('same machine as pooler');
        const low = [
          ...[charm, principal].map((n) => ({text: n.text, ratio: contrast(n.fill, n.color)})),
          ...r.labels.map((l) => ({text: l.text, ratio: contrast(l.color, l.background)})),
        ].filter((x) => x.ratio < 4.5);
        expect({...where, low}).toEqual({...where, low: []});
      }
    },
    60_000,
  );
});
