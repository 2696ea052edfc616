/**
 * website/ as built: no warning in the build log, every page of the sitemap built, and every page
 * opened in Chromium without a console error, a page error or a failed diagram.
 */
import {describe, expect, test} from '@jest/globals';
import {BUILD_TIMEOUT} from '../temp-site.js';
import type {BuiltWebsite} from './built.js';
import {builtPages, sitemapPaths} from './read.js';
import {visit, type Visit} from './visit.js';

export function describeBuildAndEveryPage(site: BuiltWebsite): void {
  describe('docusaurus build of website/', () => {
    // A failed build fails every test (useBuiltWebsite throws in beforeAll).
    test('succeeds without unused-directive warnings or other warnings', () => {
      expect(site.output).not.toMatch(/unused Markdown directives/i);
      const warnings = site.output.split('\n').filter((line) => /\[WARNING\]|\[ERROR\]/.test(line));
      expect(warnings).toEqual([]);
    });

    test('builds every page listed in the sitemap, and the architecture demos', () => {
      const pages = builtPages(site.dir);
      expect(pages).toEqual(expect.arrayContaining(['/', '/docs/architecture/pastebin', '/docs/architecture/logsink', '/docs/directives/juju-events']));
      for (const path of sitemapPaths(site.dir)) expect(pages).toContain(path);
    });
  });

  describe('every page in Chromium', () => {
    test(
      'loads with no console error, no page error and no failed diagram',
      async () => {
        const failures: string[] = [];
        for (const path of builtPages(site.dir)) {
          let v: Visit | undefined;
          try {
            v = await visit(site, path);
            const problems = [...v.errors];
            if ((await v.page.locator('h1').count()) === 0) problems.push('no <h1>');
            const broken = await v.page.locator('[role="alert"]').allInnerTexts();
            for (const b of broken) problems.push(`alert on page: ${b.slice(0, 300)}`);
            if (problems.length) failures.push(`${path}:\n  ${problems.join('\n  ')}`);
          } catch (error) {
            failures.push(`${path}: ${(error as Error).message}`);
          } finally {
            await v?.close();
          }
        }
        expect(failures).toEqual([]);
      },
      BUILD_TIMEOUT,
    );
  });
}
