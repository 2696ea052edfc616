/**
 * The architecture demos of website/ in Chromium: pastebin (one :::charm-architecture directive),
 * logsink (section directives with author prose and event notes), in light and dark mode, and a
 * directive reference page (the source shown unexpanded, its live output below).
 */
import {describe, expect, test} from '@jest/globals';
import {STEP_TIMEOUT} from '../browser.js';
import type {BuiltWebsite} from './built.js';
import {headingText, sectionText, tocTargets} from './read.js';
import {screenshot, visit} from './visit.js';

const JUJU_HOOK_DOCS = 'https://documentation.ubuntu.com/juju/latest/reference/hook/';

export function describeArchitectureDemos(site: BuiltWebsite): void {
  describe('architecture demo: pastebin (one :::charm-architecture directive)', () => {
    const path = '/docs/architecture/pastebin';

    test(
      'has the generated sections, TOC, events, containers, endpoints and rendered diagrams',
      async () => {
        const v = await visit(site, path);
        try {
          const {page} = v;
          expect(v.errors).toEqual([]);
          expect(await page.locator('h1').innerText()).toBe('Pastebin architecture');
          expect(await headingText(page, 'overview')).toBe('Overview');
          expect(await headingText(page, 'high-level-overview-of-pastebin-deployment')).toMatch(
            /High-level overview of .* deployment/,
          );
          expect(await headingText(page, 'charm-architecture')).toBe('Charm architecture');
          expect(await headingText(page, 'containers')).toBe('Containers');
          expect(await headingText(page, 'oci-images')).toBe('OCI images');
          expect(await headingText(page, 'metrics')).toBe('Metrics');
          expect(await headingText(page, 'juju-events')).toBe('Juju events');
          expect(await headingText(page, 'charm-code-overview')).toBe('Charm code overview');

          const toc = await tocTargets(page);
          for (const id of ['overview', 'high-level-overview-of-pastebin-deployment', 'charm-architecture', 'oci-images', 'metrics', 'juju-events', 'charm-code-overview']) {
            expect(toc).toContain(`#${id}`);
          }

          const events = await sectionText(page, 'juju-events');
          for (const name of ['config-changed', 'pastebin-pebble-ready', 'nginx-pebble-ready', 'pastebin-exporter-pebble-ready', 'upgrade-charm', 'redis-relation-changed', 'create-admin-action', 'database-created']) {
            expect(events).toContain(name);
          }
          const hookLinks = await page.locator(`#juju-events ~ ol a[href^="${JUJU_HOOK_DOCS}"]`).count();
          expect(hookLinks).toBeGreaterThanOrEqual(5);
          await expect(page.locator(`a[href^="${JUJU_HOOK_DOCS}"]`, {hasText: 'config-changed'}).count()).resolves.toBeGreaterThan(0);

          const containers = await sectionText(page, 'containers');
          for (const name of ['pastebin', 'nginx', 'pastebin-exporter']) expect(containers).toContain(name);
          // each container's heading, `pastebin`, with the anchor of its name
          for (const id of ['pastebin', 'nginx', 'pastebin-exporter']) {
            expect(await page.locator(`#${id}`).count()).toBe(1);
          }

          const article = await page.locator('article').innerText();
          for (const endpoint of ['database', 'redis', 'ingress', 'metrics-endpoint', 'grafana-dashboard', 'pastebin-peers']) {
            expect(article).toContain(endpoint);
          }
          expect(article).toContain('postgresql_client');
          expect(article).toMatch(/4\/4/); // kubectl READY: three workload containers + the charm container

          // Both diagrams (deployment, charm) rendered as SVG with content.
          const svgs = page.locator('.docusaurus-mermaid-container svg');
          expect(await svgs.count()).toBeGreaterThanOrEqual(2);
          const deploymentSvg = await page.locator('.docusaurus-mermaid-container svg').first().innerHTML();
          expect(deploymentSvg).toContain('PostgreSQL');
          expect(await page.locator('[role="alert"]').count()).toBe(0);

          await screenshot(page, 'pastebin-light');
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );

    test(
      'renders in dark mode, diagrams included',
      async () => {
        const v = await visit(site, path, 'dark');
        try {
          expect(v.errors).toEqual([]);
          expect(await v.page.getAttribute('html', 'data-theme')).toBe('dark');
          expect(await v.page.locator('.docusaurus-mermaid-container svg').count()).toBeGreaterThanOrEqual(2);
          await screenshot(v.page, 'pastebin-dark');
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );
  });

  describe('architecture demo: logsink (section directives with author prose)', () => {
    const path = '/docs/architecture/logsink';

    test(
      'has the sections, the author prose and the event notes',
      async () => {
        const v = await visit(site, path);
        try {
          const {page} = v;
          expect(v.errors).toEqual([]);
          for (const [id, text] of [
            ['overview', 'Overview'],
            ['integrations', 'Integrations'],
            ['metrics', 'Metrics'],
            ['juju-events', 'Juju events'],
            ['charm-code-overview', 'Charm code overview'],
            ['configuration', 'Configuration'],
            ['actions', 'Actions'],
          ] as const) {
            expect(await headingText(page, id)).toBe(text);
          }
          expect(await headingText(page, 'high-level-overview-of-logsink-deployment')).toMatch(
            /High-level overview of .* deployment/,
          );
          const toc = await tocTargets(page);
          for (const id of ['overview', 'high-level-overview-of-logsink-deployment', 'integrations', 'juju-events', 'configuration', 'actions']) {
            expect(toc).toContain(`#${id}`);
          }

          // Author prose, kept above the generated content.
          const overview = await sectionText(page, 'overview');
          expect(overview).toContain('runs its receiver as a systemd service');

          const events = await sectionText(page, 'juju-events');
          for (const name of ['install', 'config-changed', 'leader-elected', 'data-storage-attached', 'logs-relation-joined', 'rotate-logs-action', 'certificate-available']) {
            expect(events).toContain(name);
          }
          expect(events).not.toMatch(/\bupdate-status\b/); // excluded
          // Event notes from the page source, attached to their events.
          expect(events).toContain('We install the snap from the configured channel');
          expect(events).toContain('Only the first leader creates the client token');
          expect(await page.locator(`a[href^="${JUJU_HOOK_DOCS}"]`, {hasText: 'install'}).count()).toBeGreaterThan(0);

          const integrations = await sectionText(page, 'integrations');
          for (const endpoint of ['cos-agent', 'certificates', 'logs', 'logsink-replicas', 'cos_agent', 'tls-certificates']) {
            expect(integrations).toContain(endpoint);
          }
          const config = await sectionText(page, 'configuration');
          for (const option of ['listen-port', 'retention-days', 'channel']) expect(config).toContain(option);

          expect(await page.locator('.docusaurus-mermaid-container svg').count()).toBeGreaterThanOrEqual(1);
          expect(await page.locator('[role="alert"]').count()).toBe(0);
          await screenshot(page, 'logsink-light');
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );

    test(
      'renders in dark mode',
      async () => {
        const v = await visit(site, path, 'dark');
        try {
          expect(v.errors).toEqual([]);
          expect(await v.page.getAttribute('html', 'data-theme')).toBe('dark');
          await screenshot(v.page, 'logsink-dark');
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );
  });

  describe('directive reference pages', () => {
    test(
      'show the directive source unexpanded and its live output below',
      async () => {
        const v = await visit(site, '/docs/directives/juju-events');
        try {
          const {page} = v;
          expect(v.errors).toEqual([]);
          const source = await page.locator('pre').filter({hasText: ':::juju-events{exclude='}).count();
          expect(source).toBeGreaterThan(0);
          // The page title `:::juju-events` already slugs to `juju-events`: the generated heading gets a suffix.
          const heading = page.locator('article h3', {hasText: 'Juju events'});
          expect(await heading.count()).toBe(1);
          const id = await heading.getAttribute('id');
          expect(id).toMatch(/^juju-events/);
          expect(await tocTargets(page)).toContain(`#${id}`);
          const events = await sectionText(page, id!);
          expect(events).toContain('pastebin-pebble-ready');
          expect(events).not.toMatch(/\bupdate-status\b/);
          expect(events).toContain('Gunicorn is not started until the database relation');
        } finally {
          await v.close();
        }
      },
      STEP_TIMEOUT * 3,
    );
  });
}
