/**
 * Issue #18, items 1 and 5, in real `docusaurus build`s:
 * - links in charm text that name files outside the charm (test/fixtures/hostile/links-charm) must
 *   not make Docusaurus copy those files into the build: the output holds only what the site's own
 *   sources make (pages, scripts, styles), and a file inside the charm becomes a repository link;
 * - a charm path of `/` or `../../..` stops the build at once with a message naming the charm,
 *   before webpack starts (it used to hash the whole file system).
 */
import {beforeAll, describe, expect, test} from '@jest/globals';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {runDocusaurus, siteConfig} from '../temp-site.js';
import {PLANTED, type FixtureSite} from './site.js';

function filesBelow(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export function describeHostilePaths(site: FixtureSite): void {
  describe('links in charm text never publish a file', () => {
    let files: string[] = [];
    let html = '';

    beforeAll(() => {
      files = filesBelow(site.cold.dir);
      html = readFileSync(join(site.cold.dir, 'links', 'index.html'), 'utf8');
    });

    test('the build holds only pages, scripts, styles and the sitemap: no copied file', () => {
      const generated = /^(?:assets\/(?:js|css)\/[^/]+|(?:[^/]+\/)*[^/]+\.html|sitemap\.xml|\.nojekyll)$/;
      expect(files.filter((f) => !generated.test(f))).toEqual([]);
      expect(files.filter((f) => f.startsWith('assets/files/') || f.startsWith('assets/images/'))).toEqual([]);
    });

    test('no file of the build holds the planted file or /etc/ld.so.conf', () => {
      const system = readFileSync('/etc/ld.so.conf', 'utf8').trim().split('\n')[0]!;
      const leaking = files.filter((f) => {
        const text = readFileSync(join(site.cold.dir, f), 'utf8');
        return text.includes(PLANTED) || text.includes(system);
      });
      expect(leaking).toEqual([]);
    });

    test('links outside the charm become text; web, mail, anchor and in-charm links stay', () => {
      const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.filter((h) => /planted|ld\.so|etc\/|assets\/files|%2e/i.test(h))).toEqual([]);
      expect(hrefs).toEqual(
        expect.arrayContaining([
          'https://documentation.ubuntu.com/juju/',
          'mailto:team@example.org',
          '#configuration',
          'https://github.com/acme/links-operator/blob/main/notes.md',
          'https://github.com/acme/links-operator/blob/main/notes.md#levels',
        ]),
      );
      // The link text is kept as text.
      for (const label of [
        'system notes',
        'site secret',
        'root-relative secret',
        'encoded secret',
        'the runbook',
        'the passwords',
      ])
        expect(html).toContain(label);
    });
  });

  describe('a charm path that is not a charm directory stops the build at once', () => {
    test.each(['/', '../../..'])(
      'path %s',
      async (path) => {
        const configFile = join(site.dir, 'docusaurus.bad-path.config.mjs');
        const charms = {links: {path, repository: 'https://github.com/acme/links-operator', branch: 'main'}};
        writeFileSync(configFile, siteConfig('hostile-paths', {plugin: {charms}}));
        const result = await runDocusaurus(site, [
          'build',
          '--config',
          configFile,
          '--out-dir',
          join(site.dir, 'build-bad-path'),
        ]);
        expect(result.code).not.toBe(0);
        expect(result.output).toContain(`the path of charm \`links\` (${path}`);
        expect(result.output).toContain('is not a charm directory: it holds no charmcraft.yaml or metadata.yaml');
        // Stopped while loading plugins: webpack never compiled (nor hashed) anything.
        expect(result.output).not.toMatch(/Compiling|Compiled|\[webpackbar\]/i);
      },
      3 * 60_000,
    );
  });
}
