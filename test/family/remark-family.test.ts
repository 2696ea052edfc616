/**
 * `:::integration-map` and `:::charm-catalog` through the remark half, on a site folder written
 * for the test (docs pages) whose charms are the two-providers fixture family.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Root, RootContent} from 'mdast';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {clearCharmCache, loadCounts} from '../../src/model/charm/cache.js';
import {normalizeOptions, type Options} from '../../src/options.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {stateFor} from '../../src/state.js';

const FAMILY = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'families', 'two-providers');
const SITE = mkdtempSync(join(tmpdir(), 'charm-family-site-'));
afterAll(() => rmSync(SITE, {recursive: true, force: true}));

function page(path: string, text: string): string {
  const file = join(SITE, 'docs', path);
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, text);
  return file;
}

function optionsWith(extra: Partial<Options> = {}) {
  const options = normalizeOptions({
    id: `family-test-${extra.onError ?? 'throw'}`,
    charms: {
      webshop: {path: join(FAMILY, 'webshop')},
      postgresql: {path: join(FAMILY, 'postgresql')},
      pgbouncer: {path: join(FAMILY, 'pgbouncer')},
    },
    defaultCharm: 'webshop',
    ...extra,
  });
  stateFor(options).siteDir = SITE;
  return options;
}

function run(path: string, source: string, options = optionsWith()): Root {
  const file = page(path, source);
  const tree = fromMarkdown(source, {
    extensions: [gfm(), directive()],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
  });
  remarkCharmDirectives(options)(tree, new VFile({path: file, value: source}));
  return tree;
}

function diagramAlt(tree: Root): Array<{label: string; items: string[]}> {
  const el = tree.children.find((n) => (n as {name?: string}).name === 'CharmDiagram') as unknown as {
    attributes: Array<{name: string; value: string}>;
  };
  return JSON.parse(el.attributes.find((a) => a.name === 'alt')!.value) as Array<{label: string; items: string[]}>;
}

function links(tree: Root): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  visit(tree, 'link', (l) => void out.push([(l.children[0] as {value: string}).value, l.url]));
  return out;
}

const headingIds = (tree: Root): string[] =>
  tree.children
    .filter((n): n is RootContent & {type: 'heading'} => n.type === 'heading')
    .map((h) => h.data?.charmLabel ?? '(author)');

describe(':::integration-map', () => {
  test('expands to the diagram (its text alternative lists every integration) and the tables, under the enclosing heading', () => {
    const tree = run('map.md', '# Family\n\n:::integration-map\nOur shop and its databases.\n:::\n');
    expect(headingIds(tree)).toEqual([
      '(author)',
      'integration-map',
      'integration-map-integrations',
      'integration-map-alternatives',
      'integration-map-unmatched',
    ]);
    expect(tree.children.filter((n) => n.type === 'heading').map((h) => (h as {depth: number}).depth)).toEqual([
      1, 2, 3, 3, 3,
    ]);
    // Author prose right under the section heading.
    expect(tree.children[3]).toMatchObject({
      type: 'paragraph',
      children: [{type: 'text', value: 'Our shop and its databases.'}],
    });
    const integrations = diagramAlt(tree).find((g) => g.label.startsWith('Integrations'))!.items;
    expect(integrations).toEqual([
      'Webshop database requires PostgreSQL database, interface postgresql_client, limit 1, alternative 1 of 2 providers',
      'Webshop database requires PgBouncer database, interface postgresql_client, limit 1, alternative 2 of 2 providers',
      'PgBouncer backend-database requires PostgreSQL database, interface postgresql_client, limit 1',
    ]);
  });

  test('under `## Integration map` and `## Catalog` (a family page), each adopts the heading: none is said twice', () => {
    const tree = run(
      'family.md',
      '# Family\n\n## Catalog\n\n:::charm-catalog\n:::\n\n## Integration map\n\n:::integration-map\n:::\n',
    );
    const headings = tree.children
      .filter((n): n is RootContent & {type: 'heading'} => n.type === 'heading')
      .map((h) => `${h.depth} ${(h.children[0] as {value: string}).value} #${h.data?.hProperties?.id ?? ''}`);
    expect(headings).toEqual([
      '1 Family #',
      // The author's headings keep the anchors of their own text (README, Anchors).
      '2 Catalog #',
      '2 Integration map #',
      '3 Integrations #integrations',
      '3 Alternatives #alternatives',
      '3 Unmatched endpoints #unmatched-endpoints',
    ]);
  });

  test('charms="..." maps only the charms named, in that order', () => {
    const tree = run('map-two.md', ':::integration-map{charms="pgbouncer, webshop"}\n:::\n');
    expect(diagramAlt(tree)[0]!.items.map((i) => i.split(' (')[0])).toEqual(['PgBouncer', 'Webshop']);
    expect(diagramAlt(tree)[1]!.items).toEqual([
      'Webshop database requires PgBouncer database, interface postgresql_client, limit 1',
    ]);
  });

  test.each([
    [
      '{charms="webshop,mysql"}',
      /map-bad\.md:1:1: unknown-charm: Unknown charm `mysql` in charms on :::integration-map\. Configured charms: webshop, postgresql, pgbouncer\./,
    ],
    ['{charms=" , "}', /map-bad\.md:1:1: bad-attribute: charms on :::integration-map names no charm\./],
    [
      '{observability="hide"}',
      /map-bad\.md:1:1: bad-attribute: observability must be one of auto, show, fold, not `hide`\./,
    ],
    [
      '{charm="webshop"}',
      /map-bad\.md:1:1: unknown-attribute: :::integration-map reads several charms and takes no `charm`\. Name them with charms="id1,id2", or leave it out for every configured charm\./,
    ],
  ])('%s fails with the page position and what to do', (attrs, message) => {
    expect(() => run('map-bad.md', `:::integration-map${attrs}\n:::\n`)).toThrow(message);
  });

  test('onError warn: a warning admonition where the map would be', () => {
    const tree = run('map-warn.md', ':::integration-map{charms="nope"}\n:::\n', optionsWith({onError: 'warn'}));
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]).toMatchObject({type: 'containerDirective', name: 'warning'});
  });
});

describe(':::charm-catalog', () => {
  test('links each charm to the page that documents it, relative to the catalog page; no page, no link', () => {
    page('charms/webshop.md', '# Webshop\n\n:::charm-architecture\n:::\n');
    // A page written section by section documents its charm; one with a single section less so.
    page('a-config.md', ':::charm-config{charm="pgbouncer"}\n:::\n');
    page(
      'charms/pgbouncer.md',
      ':::charm-overview{charm="pgbouncer"}\n:::\n\n:::juju-events{charm="pgbouncer"}\n:::\n',
    );
    // An example in a code fence documents nothing; a later page for the same charm is not the link.
    page('examples.md', '```md\n:::charm-architecture{charm="postgresql"}\n:::\n```\n');
    page('zz-more/webshop-again.md', ':::charm-architecture{charm="webshop"}\n:::\n');
    const tree = run('family/catalog.md', '# Catalog\n\n:::charm-catalog\n:::\n');
    expect(links(tree)).toEqual([
      ['Webshop', '../charms/webshop.md'],
      ['PgBouncer', '../charms/pgbouncer.md'],
    ]);
    const table = tree.children.find((n) => n.type === 'table')!;
    expect(
      table.children.map((r) =>
        (r.children[0]!.children as Array<{value?: string; children?: Array<{value: string}>}>)
          .map((c) => c.value ?? c.children![0]!.value)
          .join(''),
      ),
    ).toEqual(['Charm', 'Webshop (webshop-k8s)', 'PostgreSQL (postgresql-k8s)', 'PgBouncer (pgbouncer-k8s)']);
    expect(JSON.stringify(tree)).toContain('A charm without a link has no page of its own on this site yet');
  });

  test('a site with one charm needs no charm= on its pages: the catalog links to the page of the only charm', () => {
    const site = mkdtempSync(join(tmpdir(), 'charm-one-charm-site-'));
    try {
      const options = normalizeOptions({
        id: 'family-test-only-charm',
        charms: {pgbouncer: {path: join(FAMILY, 'pgbouncer')}},
      });
      stateFor(options).siteDir = site;
      mkdirSync(join(site, 'docs', 'family'), {recursive: true});
      writeFileSync(join(site, 'docs', 'architecture.md'), '# Architecture\n\n:::charm-architecture\n:::\n');
      const source = '# Catalog\n\n:::charm-catalog\n:::\n';
      const file = join(site, 'docs', 'family', 'catalog.md');
      writeFileSync(file, source);
      const tree = fromMarkdown(source, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
      remarkCharmDirectives(options)(tree, new VFile({path: file, value: source}));
      expect(links(tree)).toEqual([['PgBouncer', '../architecture.md']]);
    } finally {
      rmSync(site, {recursive: true, force: true});
    }
  });

  test('a page edited between two catalogs is read again: the link follows it', () => {
    page('moving/first.md', ':::charm-architecture{charm="postgresql"}\n:::\n');
    expect(links(run('family/catalog.md', ':::charm-catalog{charms="postgresql"}\n:::\n'))).toEqual([
      ['PostgreSQL', '../moving/first.md'],
    ]);
    page('moving/first.md', '# Not any more\n');
    page('moving/second.md', ':::charm-architecture{charm="postgresql"}\n:::\n');
    expect(links(run('family/catalog.md', ':::charm-catalog{charms="postgresql"}\n:::\n'))).toEqual([
      ['PostgreSQL', '../moving/second.md'],
    ]);
  });

  test('map and catalog on one page load each charm once', () => {
    clearCharmCache();
    run(
      'both.md',
      ':::charm-catalog\n:::\n\n:::integration-map\n:::\n\n:::integration-map{charms="webshop,pgbouncer"}\n:::\n',
    );
    expect([...loadCounts.values()]).toEqual([1, 1, 1]);
  });
});
