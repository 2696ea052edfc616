/**
 * Charm text (descriptions, docstrings) on a page (issue #18, items 1 and 4): links may only point
 * to web pages, mail addresses and anchors, or to a file of the charm's repository; text too long
 * or nested too deeply is shown as it is, not parsed. Input -> expected output, one row per case.
 */
import {charmTextProblem, MAX_CHARM_TEXT_CHARS, MAX_CHARM_TEXT_DEPTH} from '../../src/model/sources/charm-text.js';
import {charmInline, charmMarkdown} from '../../src/sections/charm-markdown.js';
import type {LinkOptions} from '../../src/sections/context.js';

const NO_REPOSITORY: LinkOptions = {jujuDocsUrl: 'https://juju.example/hook/', charmhubUrl: 'https://charmhub.io'};
const REPOSITORY: LinkOptions = {
  ...NO_REPOSITORY,
  repository: 'https://github.com/acme/operators/',
  branch: 'v2',
  charmPathInRepository: 'charms/web',
};

/** `[label](url)` as the page shows it: `link <url>` or `text`. */
function shown(url: string, links: LinkOptions): string {
  const nodes = charmInline(`[label](${url})`, links);
  const node = nodes.length === 1 ? nodes[0] : undefined;
  return node?.type === 'link'
    ? `link ${node.url}`
    : node?.type === 'text'
      ? `text ${node.value}`
      : JSON.stringify(nodes);
}

describe('links in charm text', () => {
  test.each([
    // url written in the charm                   without `repository`              with `repository` (charm in charms/web)
    ['https://example.org/docs', 'link https://example.org/docs', 'link https://example.org/docs'],
    ['mailto:team@example.org', 'link mailto:team@example.org', 'link mailto:team@example.org'],
    ['#configuration', 'link #configuration', 'link #configuration'],
    [
      'docs/setup.md#install',
      'text label',
      'link https://github.com/acme/operators/blob/v2/charms/web/docs/setup.md#install',
    ],
    ['./src/charm.py', 'text label', 'link https://github.com/acme/operators/blob/v2/charms/web/src/charm.py'],
    ['../common/README.md', 'text label', 'link https://github.com/acme/operators/blob/v2/charms/common/README.md'],
    ['../../../../../../etc/ld.so.conf', 'text label', 'text label'],
    ['../../../secret.json', 'text label', 'text label'],
    ['%2e%2e/%2e%2e/%2e%2e/etc/passwd', 'text label', 'text label'],
    ['/../../some/secret.json', 'text label', 'text label'],
    ['/etc/passwd', 'text label', 'text label'],
    ['//evil.example/x', 'text label', 'text label'],
    ['file:///etc/passwd', 'text label', 'text label'],
    ['javascript:alert(1)', 'text label', 'text label'],
    ['data:text/html,x', 'text label', 'text label'],
  ])('[label](%s)', (url, withoutRepository, withRepository) => {
    expect(shown(url, NO_REPOSITORY)).toBe(withoutRepository);
    expect(shown(url, REPOSITORY)).toBe(withRepository);
  });

  test('autolinks and bare web addresses keep their links; a file autolink does not', () => {
    const nodes = charmInline('<https://example.org/a> www.example.org <file:///etc/passwd>', NO_REPOSITORY);
    expect(nodes.filter((n) => n.type === 'link').map((n) => (n as {url: string}).url)).toEqual([
      'https://example.org/a',
      'http://www.example.org',
    ]);
  });

  test('the same text is cached per repository: a link resolved for one site is not reused by another', () => {
    expect(shown('docs/a.md', REPOSITORY)).toBe('link https://github.com/acme/operators/blob/v2/charms/web/docs/a.md');
    expect(shown('docs/a.md', NO_REPOSITORY)).toBe('text label');
  });
});

describe('text too long or too deeply nested', () => {
  const deep = {
    '2,000 `>`': `${'>'.repeat(2000)} deep`,
    'a list nested 40 levels': Array.from({length: 40}, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n'),
    'list markers on one line': `${'- '.repeat(500)}x`,
    'emphasis nested 2,000 levels': `${'*_'.repeat(1000)}x${'_*'.repeat(1000)}`,
    'emphasis nested across words': `${'*a _b '.repeat(300)}${' b_ a*'.repeat(300)}`,
    'links nested 40 levels': `${'['.repeat(40)}x${'](y)'.repeat(40)}`,
  };
  test.each(Object.entries(deep))('%s: shown as it is, in a text block or as inline code', (_name, text) => {
    expect(charmTextProblem(text)?.code).toBe('charm-text-too-deep');
    expect(charmMarkdown(text)).toEqual([{type: 'code', lang: 'text', meta: null, value: text}]);
    expect(charmInline(text)).toEqual([{type: 'inlineCode', value: text}]);
  });

  test('a 300 KB table: shown as it is', () => {
    const table = `| a | b |\n|---|---|\n${'| cell | cell |\n'.repeat(20_000)}`;
    expect(table.length).toBeGreaterThan(300_000);
    expect(charmTextProblem(table)?.code).toBe('charm-text-too-long');
    expect(charmMarkdown(table)).toEqual([{type: 'code', lang: 'text', meta: null, value: table}]);
  });

  test.each([
    ['a list nested three levels', '- a\n  - b\n    - c\n'],
    ['snake_case names and **bold** words', 'Sets `log_level` and max_body_size; **restarts** the _workload_.'],
    [
      'a Python example indented in a fence',
      `\`\`\`python\n${Array.from({length: 12}, (_, i) => `${'    '.repeat(i)}if x:`).join('\n')}\n\`\`\``,
    ],
    [`text of exactly ${MAX_CHARM_TEXT_CHARS} characters`, 'a'.repeat(MAX_CHARM_TEXT_CHARS)],
    [`quotes nested ${MAX_CHARM_TEXT_DEPTH} levels`, `${'> '.repeat(MAX_CHARM_TEXT_DEPTH)}x`],
  ])('%s: read as Markdown', (_name, text) => {
    expect(charmTextProblem(text)).toBeNull();
    expect(charmMarkdown(text)).not.toEqual([{type: 'code', lang: 'text', meta: null, value: text}]);
  });
});
