/**
 * The demo's diagrams themed with the site: the charm's integrations and containers, every node's
 * text readable (WCAG AA) in light mode, in dark mode and after the navbar toggle re-renders them.
 */
import {describe, expect, test} from '@jest/globals';
import {STEP_TIMEOUT, waitForMermaid} from '../browser.js';
import type {BuiltWebsite} from './built.js';
import {diagramNodes, lowContrast, screenshot, visit} from './visit.js';

export function describeThemedDiagrams(site: BuiltWebsite): void {
  describe('themed diagrams on the demo site', () => {
    const path = '/docs/architecture/pastebin';

    test(
      'show the charm\'s integrations and containers, readable (WCAG AA) in light mode, in dark mode and after a toggle',
      async () => {
        const v = await visit(site, path, 'light');
        try {
          const {page} = v;
          const light = await diagramNodes(page);
          expect(light).toHaveLength(2);
          const [deployment, charm] = light.map((d) => d.map((n) => n.text).join(' | '));
          for (const label of ['Pastebin', 'PostgreSQL', 'Redis', 'Prometheus', 'Grafana', 'Loki']) expect(deployment).toContain(label);
          for (const label of ['PastebinCharm', 'nginx', 'pastebin-exporter', 'pastebin-image']) expect(charm).toContain(label);
          expect(lowContrast(light)).toEqual([]);

          // The navbar toggle: the diagrams re-render with the dark palette, without a reload.
          await page.locator('button[class*="toggleButton"]').first().click();
          await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
          await waitForMermaid(page, {count: 2});
          await page.waitForFunction(
            (before) => {
              const shape = document.querySelector('.docusaurus-mermaid-container svg g.node rect, .docusaurus-mermaid-container svg g.node path');
              return shape !== null && getComputedStyle(shape).fill !== before;
            },
            light[0]![0]!.fill,
            {timeout: STEP_TIMEOUT},
          );
          const toggled = await diagramNodes(page);
          expect(toggled.flat().map((n) => n.text)).toEqual(light.flat().map((n) => n.text));
          expect(lowContrast(toggled)).toEqual([]);
          await screenshot(page, 'pastebin-toggled-dark');
          expect(v.errors).toEqual([]);
        } finally {
          await v.close();
        }
        const dark = await visit(site, path, 'dark');
        try {
          expect(lowContrast(await diagramNodes(dark.page))).toEqual([]);
          expect(dark.errors).toEqual([]);
        } finally {
          await dark.close();
        }
      },
      STEP_TIMEOUT * 4,
    );
  });
}
