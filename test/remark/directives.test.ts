import {jest} from '@jest/globals';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {normalizeOptions} from '../../src/options.js';
import {fixtures, options, run} from './harness.js';

/** `UPDATE=1` (or the model fixtures' `UPDATE_EXPECTED=1`) writes output.md; otherwise a missing one fails. */
const UPDATE = process.env['UPDATE'] === '1' || process.env['UPDATE_EXPECTED'] === '1';

/** Runs `<dir>/input.md` and compares with `<dir>/output.md`; writes it only when `update` says so. */
function checkFixture(dir: string, update: boolean): void {
  const {output} = run(readFileSync(join(dir, 'input.md'), 'utf8'));
  const expectedPath = join(dir, 'output.md');
  if (update) writeFileSync(expectedPath, output);
  if (!existsSync(expectedPath))
    throw new Error(
      `${expectedPath} is missing: run this test with UPDATE=1 to write it, then review it before committing`,
    );
  expect(output).toBe(readFileSync(expectedPath, 'utf8'));
}

describe('directive fixtures (input.md -> output.md)', () => {
  for (const name of readdirSync(fixtures).filter((d) => existsSync(join(fixtures, d, 'input.md')))) {
    test(name, () => checkFixture(join(fixtures, name), UPDATE));
  }

  test('a fixture without output.md fails and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charm-arch-fixture-'));
    try {
      writeFileSync(join(dir, 'input.md'), ':::charm-config{charm="logsink"}\n:::\n');
      expect(() => checkFixture(dir, false)).toThrow(/output\.md is missing: run this test with UPDATE=1/);
      expect(readdirSync(dir)).toEqual(['input.md']);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('remarkCharmDirectives', () => {
  test('every directive of the plugin is replaced (none reaches the unused-directive warning)', () => {
    const {tree} = run(
      ':::charm-architecture\n:::\n\n:::pebble-layers{container="nginx"}\n:::\n\n:::charm-config{charm="logsink"}\n:::\n',
    );
    const left: string[] = [];
    const walk = (n: {type: string; name?: string; children?: unknown[]}): void => {
      if (n.type.endsWith('Directive') && n.name !== 'warning') left.push(n.name ?? '');
      (n.children as Array<typeof n> | undefined)?.forEach(walk);
    };
    walk(tree);
    expect(left).toEqual([]);
  });

  test('generated headings carry the anchor the site gives their text, and a stable Sphinx label', () => {
    // toc="event": pastebin-k8s lists 32 events (22 its own, 10 only its library objects observe), above the auto threshold.
    const {tree} = run('# Page\n\n:::juju-events{toc="event"}\n:::\n');
    const ids = tree.children.filter((n) => n.type === 'heading').map((h) => h.data?.hProperties?.id);
    expect(ids).toEqual([undefined, 'juju-events']);
    // Each event is a heading one level down inside its list item, a TOC entry: `#<name>`, labelled `event-<name>`.
    const list = tree.children.find((n) => n.type === 'list')!;
    const eventHeadings = list.children.map((item) => item.children[0] as import('mdast').Heading);
    expect(eventHeadings.every((h) => h.type === 'heading' && h.depth === 3)).toBe(true);
    expect(eventHeadings.map((h) => h.data?.hProperties?.id)).toEqual(
      expect.arrayContaining(['config-changed', 'pastebin-pebble-ready', 'database-created']),
    );
    expect(eventHeadings.map((h) => h.data?.charmLabel)).toEqual(
      expect.arrayContaining(['event-config-changed', 'event-pastebin-pebble-ready', 'event-database-created']),
    );
    const h = tree.children.find((n) => n.type === 'heading' && n.depth === 2);
    expect(h).toBeDefined();
  });

  test("a directive under the heading of its own section adopts it: one heading, the author's with its own anchor, events one level below", () => {
    const {output, tree, file} = run(
      '# Page\n\n## Events\n\n:::juju-events{toc="event"}\nWe keep this short.\n\n- config-changed: we re-render the NGINX config.\n- `install`: never observed, so this is drift.\n:::\n',
    );
    const headings = tree.children.filter((n): n is import('mdast').Heading => n.type === 'heading');
    // The author's heading is left to the site, which gives it the anchor of its text (`#events`), as on a pasted page.
    expect(headings.map((h) => [h.depth, h.data?.hProperties?.id])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(output).not.toContain('Juju events\n');
    const list = tree.children.find((n) => n.type === 'list')!;
    expect((list.children[0]!.children[0] as import('mdast').Heading).depth).toBe(3);
    expect(output.indexOf('We keep this short.')).toBeGreaterThan(output.indexOf('## Events'));
    expect(output.indexOf('We keep this short.')).toBeLessThan(output.indexOf('For this charm'));
    expect(output).toContain('we re-render the NGINX config.');
    expect(file.messages.map((m) => `${m.line}: ${m.reason}`)).toEqual([
      expect.stringMatching(/^9: Drift: the page annotates `install`/),
    ]);
  });

  test('an author heading of another section, the page title, an explicit heading-level or a custom id are respected', () => {
    const ids = (source: string): Array<[number, string | undefined]> =>
      run(source)
        .tree.children.filter((n): n is import('mdast').Heading => n.type === 'heading')
        .map((h) => [h.depth, h.data?.hProperties?.id]);
    expect(ids('## Background\n\n:::charm-actions\n:::\n')).toEqual([
      [2, undefined],
      [3, 'actions'],
    ]);
    expect(ids('# Juju events\n\n:::juju-events{toc="event"}\n:::\n')).toEqual([
      [1, undefined],
      [2, 'juju-events'],
    ]);
    expect(ids('## Juju events\n\n:::juju-events{heading-level="3" toc="event"}\n:::\n')).toEqual([
      [2, undefined],
      [3, 'juju-events'],
    ]);
    expect(ids('## Configuration {#config}\n\n:::charm-config\n:::\n')).toEqual([[2, undefined]]);
    expect(ids('## High-level overview of the Pastebin deployment\n\n:::deployment-diagram\n:::\n')).toEqual([
      [2, undefined],
    ]);
  });

  test('toc="auto" gives one heading per event up to 25 events, one per group above', () => {
    const depths = (source: string): number[] =>
      run(source)
        .tree.children.filter((n): n is import('mdast').Heading => n.type === 'heading')
        .map((h) => h.depth);
    // logsink lists 15 events: per event (inside the list items), no group headings.
    expect(depths('## Juju events\n\n:::juju-events{charm="logsink"}\n:::\n')).toEqual([2]);
    // pastebin-k8s lists 32 (22 its own, 10 only its library objects observe): one heading per group,
    // the events only library code handles last, under a heading of their own.
    expect(depths('## Juju events\n\n:::juju-events\n:::\n')).toEqual([2, 3, 3, 3, 3, 3, 3, 3]);
    expect(depths('## Juju events\n\n:::juju-events{toc="group"}\n:::\n')).toEqual([2, 3, 3, 3, 3, 3, 3, 3]);
    expect(() => run(':::juju-events{toc="all"}\n:::\n')).toThrow(
      /bad-attribute: toc must be one of auto, event, group, not `all`/,
    );
  });

  test("the charm's own warnings reach the build log once per load, with their position", () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      run(':::charm-config{charm="unknownkey"}\n:::\n\n:::charm-actions{charm="unknownkey"}\n:::\n');
      run(':::charm-config{charm="unknownkey"}\n:::\n');
      const lines = warn.mock.calls.map((c) => c.join(' ')).filter((l) => l.includes('unknown-key'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /test\/fixtures\/charms\/broken\/unknown-key\/charmcraft\.yaml:8:1: unknown-key: Unknown top-level key `require`/,
      );
    } finally {
      warn.mockRestore();
    }
  });

  test("onDrift: 'throw' fails on a note for an event the charm does not observe, even with onError: 'warn'", () => {
    const strict = normalizeOptions({...options, onDrift: 'throw', onError: 'warn'});
    expect(() => run('## Juju events\n\n:::juju-events\n- install: never observed.\n:::\n', strict)).toThrow(
      /page\.md:4:1: event-not-observed: Drift: the page annotates `install`, which the charm pastebin-k8s does not observe\./,
    );
  });

  test('a note that names an emitter the event does not come from is drift, and says which emitters there are', () => {
    const strict = normalizeOptions({...options, onDrift: 'throw'});
    const page = '## Juju events\n\n:::juju-events{charm="shapes"}\n- database-created on `redis`: cached.\n:::\n';
    expect(() => run(page, strict)).toThrow(
      /page\.md:4:1: event-not-observed: Drift: the page annotates `database-created` from `redis`, but the charm shapes-k8s observes `database-created` only from `mysql`, `postgresql`\./,
    );
    // Named right, it is no drift and shows under that emitter's entry only.
    const {output} = run(page.replace('`redis`', 'mysql'), strict);
    expect(output.match(/Action: cached\./g)).toHaveLength(1);
    expect(output).toMatch(/on `mysql`\n\n.*\n\n {3}Action: cached\. Use the MySQL database/);
  });

  test("every generated table scrolls sideways by its own inline style, whatever the site's table CSS", () => {
    const {tree} = run(':::charm-integrations\n:::\n\n:::charm-config\n:::\n');
    const tables = tree.children.filter((n) => n.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const t of tables)
      expect(t.data).toMatchObject({
        hProperties: {className: ['charm-arch-table'], style: 'display: block; overflow-x: auto; max-width: 100%'},
      });
  });

  test('exclude filters events', () => {
    const {output} = run(':::juju-events{exclude="update-status,collect-unit-status"}\n:::\n');
    expect(output).not.toContain('`collect-unit-status`');
    expect(output).toContain('`config-changed`');
  });

  test('same-named events of different emitters are separate entries with unique anchors and stable labels; the charm\'s own base class is named, not "the framework"', () => {
    const ids = (toc: string): Array<[string | undefined, string | undefined]> => {
      const ids: Array<[string | undefined, string | undefined]> = [];
      const walk = (n: {data?: unknown; children?: unknown[]}): void => {
        const data = n.data as {hProperties?: {id?: string}; charmLabel?: string} | undefined;
        if (data?.charmLabel?.startsWith('event-')) ids.push([data.hProperties?.id, data.charmLabel]);
        (n.children as Array<typeof n> | undefined)?.forEach(walk);
      };
      walk(run(`## Juju events\n\n:::juju-events{charm="shapes" toc="${toc}"}\n:::\n`).tree);
      return ids;
    };
    const expected = [
      ['config-changed', 'event-config-changed'],
      ['shapes-pebble-ready', 'event-shapes-pebble-ready'],
      ['database-created-on-mysql', 'event-mysql-database-created'],
      ['database-created-on-postgresql', 'event-postgresql-database-created'],
      ['ready-on-ingress', 'event-ingress-ready'],
      ['ready-on-queue', 'event-queue-ready'],
      ['restart-shapes', 'event-restart-shapes'],
    ];
    expect(ids('event')).toEqual(expected);
    expect(ids('group').filter(([, label]) => !label!.startsWith('events-'))).toEqual(expected);
    const {output} = run(':::juju-events{charm="shapes"}\n:::\n');
    expect(output).not.toContain('framework');
    expect(output).toContain(
      "Observed by the charm's base class `ShapesBaseCharm` in [`charms.shapes_base.v0.base`](https://github.com/example/shapes-operator/blob/main/charm/lib/charms/shapes_base/v0/base.py#L24)",
    );
    expect(run(':::juju-events{charm="shapes" toc="group"}\n:::\n').output).toContain(
      "### The charm's own events\n\n7. #### `restart-shapes`",
    );
  });

  test('an unknown attribute fails with the page position', () => {
    expect(() => run('text\n\n:::juju-events{colour="red"}\n:::\n')).toThrow(
      /page\.md:3:1: unknown-attribute: Unknown attribute `colour`/,
    );
  });

  test('an unknown attribute names every attribute the directive takes, the common ones first', () => {
    expect(() => run(':::juju-events{colour="red"}\n:::\n')).toThrow(
      'Unknown attribute `colour` on :::juju-events. Allowed: charm, heading-level, ref, exclude, toc.',
    );
    expect(() => run(':::charm-config{layout="full"}\n:::\n')).toThrow(
      'Unknown attribute `layout` on :::charm-config. Allowed: charm, heading-level, ref.',
    );
  });

  test('bad attribute values fail with the page position and the allowed values', () => {
    expect(() => run(':::deployment-diagram{layout="huge"}\n:::\n')).toThrow(
      /page\.md:1:1: bad-attribute: layout must be one of auto, full, compact, not `huge`/,
    );
    expect(() => run(':::charm-overview{heading-level="9"}\n:::\n')).toThrow(
      /bad-attribute: heading-level must be a number from 1 to 6/,
    );
    expect(() => run(':::pebble-layers{container="mysql"}\n:::\n')).toThrow(
      /unknown-container: The charm pastebin-k8s has no container `mysql`\. Its containers: pastebin, nginx, pastebin-exporter\./,
    );
  });

  test('a charm id that looks like a path is just an unknown id', () => {
    expect(() => run(':::juju-events{charm="../../etc"}\n:::\n')).toThrow(
      /unknown-charm: Unknown charm `\.\.\/\.\.\/etc`/,
    );
  });

  test('an unknown charm id fails and names the configured charms', () => {
    expect(() => run(':::juju-events{charm="nope"}\n:::\n')).toThrow(
      /unknown-charm: .*Configured charms: pastebin, logsink, hostile, broken/,
    );
  });

  test('a charm that fails to load names the page and the charm file:line:column', () => {
    expect(() => run(':::charm-config{charm="broken"}\n:::\n')).toThrow(
      /page\.md:1:1: the charm could not be read:\ncharmcraft\.yaml:13:\d+: yaml-syntax/,
    );
  });

  test('onError warn shows a warning admonition instead of failing', () => {
    const warn = normalizeOptions({...options, onError: 'warn'});
    const {tree, file} = run(':::charm-config{charm="broken"}\n:::\n', warn);
    expect(tree.children[0]).toMatchObject({type: 'containerDirective', name: 'warning'});
    expect(file.messages[0]?.reason).toMatch(/yaml-syntax/);
  });

  test('hostile charm text stays inert: no html, no JSX, no extra headings', () => {
    const {tree} = run(':::charm-overview{charm="hostile"}\n:::\n\n:::charm-config{charm="hostile"}\n:::\n');
    const types = new Set<string>();
    const walk = (n: {type: string; children?: unknown[]}): void => {
      types.add(n.type);
      (n.children as Array<typeof n> | undefined)?.forEach(walk);
    };
    walk(tree);
    expect(types.has('html')).toBe(false);
    expect([...types].filter((t) => t.startsWith('mdx'))).toEqual([]);
    expect(tree.children.filter((n) => n.type === 'heading')).toHaveLength(2);
    expect(JSON.stringify(tree)).not.toContain('should-never-appear');
  });
});
