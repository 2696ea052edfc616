/**
 * A machine charm's diagram with its workload (snaps, an apt package, systemd units, a computed
 * name), rendered for real in headless Chromium with mermaid 11, Infima's CSS and the theme's
 * `themeCSS`, light and dark: every workload node sits inside the machine unit's box, and every
 * node and the `installs and manages` label reach 4.5:1 against what is behind them.
 *
 * Needs Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH); skipped when there is none.
 */
import type {Page} from 'playwright-core';
import {charmDiagram} from '../../src/diagrams/index.js';
import {diagramPageForTests, hasBrowser, renderDiagram} from './browser-page.js';
import {contrast} from './contrast.js';
import {makeModel} from './model-factory.js';

const maybe = hasBrowser ? describe : describe.skip;

const model = makeModel({
  name: 'beacon',
  kind: 'machine',
  machineWorkload: {
    snaps: [
      {name: 'beacon-server', file: 'src/w.py', line: 3, channel: '2/stable', services: ['beacond', 'exporter']},
      {name: 'f"plugin-{name}"', computed: true, file: 'src/w.py', line: 9, services: []},
    ],
    packages: [{name: 'nginx-light', file: 'src/charm.py', line: 4}],
    systemdUnits: [{name: 'nginx.service', file: 'src/charm.py', line: 7}],
  },
});

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Shown {
  unit: Rect;
  nodes: Array<{rect: Rect; text: string; fill: string; color: string}>;
  label: {text: string; color: string; background: string} | null;
}

async function shown(page: Page, dark: boolean): Promise<Shown> {
  await renderDiagram(page, charmDiagram(model).source, dark);
  return page.evaluate(() => {
    const rectOf = (e: Element): Rect => {
      const r = e.getBoundingClientRect();
      return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
    };
    const opaqueBehind = (e: Element | null): string => {
      for (; e && e !== document.documentElement; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return 'rgba(0, 0, 0, 0)';
    };
    const host = document.getElementById('host')!;
    const labelText = [...host.querySelectorAll('g.edgeLabel p, g.edgeLabel span')].find(
      (t) => t.textContent?.trim() === 'installs and manages',
    );
    return {
      unit: rectOf(host.querySelector('g.cluster.ca-unit rect')!),
      nodes: [...host.querySelectorAll('g.node')].map((g) => ({
        rect: rectOf(g),
        text: g.querySelector('.nodeLabel')?.textContent ?? '',
        fill: getComputedStyle(g.querySelector('rect, path')!).fill,
        color: getComputedStyle(g.querySelector('.nodeLabel p, .nodeLabel')!).color,
      })),
      label: labelText
        ? {text: 'installs and manages', color: getComputedStyle(labelText).color, background: opaqueBehind(labelText)}
        : null,
    };
  });
}

const within = (a: Rect, b: Rect): boolean => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;

maybe('a machine charm diagram with its workload, rendered in Chromium', () => {
  const page = diagramPageForTests();

  test.each([false, true])(
    'dark=%s: workload nodes in the unit box, every text readable',
    async (dark) => {
      const r = await shown(page(), dark);
      const names = ['beacon-server', 'f"plugin-{name}"', 'nginx-light', 'nginx.service'];
      const workload = r.nodes.filter((n) => names.some((name) => n.text.startsWith(name)));
      expect(workload.map((n) => ({text: n.text.slice(0, 12), inside: within(n.rect, r.unit)}))).toEqual(
        names.map((name) => ({text: expect.stringContaining(name.slice(0, 12)) as string, inside: true})),
      );
      expect(r.label).not.toBeNull();
      const low = [
        ...r.nodes.map((n) => ({text: n.text, ratio: contrast(n.fill, n.color)})),
        {text: r.label!.text, ratio: contrast(r.label!.color, r.label!.background)},
      ].filter((x) => x.ratio < 4.5);
      expect({dark, low}).toEqual({dark, low: []});
    },
    60_000,
  );
});
