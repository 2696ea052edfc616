/**
 * Content details of a page a charm team publishes as it comes out (issue #12), on the busy-k8s
 * fixture charm (test/fixtures/remark/busy-charm/charm) and the flask-app fixture (paas-charm).
 */
import {join} from 'node:path';
import type {Heading, List} from 'mdast';
import {docusaurusStarter} from '../../src/cli/init.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {fixtures, run} from './harness.js';

/** The printed list item of `event` in the events section: from its name to the next numbered item. */
function eventItem(source: string, event: string): string {
  const {output} = run(source);
  const at = output.indexOf(`\`${event}\``);
  expect(at).toBeGreaterThan(-1);
  const next = output.slice(at).search(/\n\d+\. /);
  return output.slice(at, next < 0 ? undefined : at + next);
}

describe('page details', () => {
  test('a handler observed twice for one event gives one Action line', () => {
    // busy-k8s observes config_changed with self._reconcile twice (src/charm.py lines 16 and 43).
    const model = loadCharm(join(fixtures, 'busy-charm', 'charm'));
    expect(model.events.filter((e) => e.name === 'config-changed')).toHaveLength(2);
    const item = eventItem(':::juju-events{charm="busy"}\n:::\n', 'config-changed');
    expect(item.match(/Action:/g)).toHaveLength(1);
  });

  test("with a library handler too, the charm's own handler comes first and carries the author's note", () => {
    // pastebin-k8s: upgrade-charm is observed by the charm and by MetricsEndpointProvider (prometheus_scrape).
    const item = eventItem(
      '## Juju events\n\n:::juju-events\n- upgrade-charm: migrations run before the new image serves.\n:::\n',
      'upgrade-charm',
    );
    const lines = item.split('\n').filter((l) => /^\s*(Action|Handled by library code):/.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\s*Action: migrations run before the new image serves\. Run database migrations after a charm or image upgrade\. \(\[`_on_upgrade_charm`\]/,
    );
    // The library's handler after the charm's, named by its class and module: never an empty "Action: (...)".
    expect(lines[1]).toMatch(
      /^\s*Handled by library code: \[`_set_scrape_jobs`\]\([^)]*\) of `MetricsEndpointProvider` \(`charms\.prometheus_k8s\.v0\.prometheus_scrape`\): Write the scrape jobs /,
    );
  });

  test("a handler in the installed framework links to its source at the pinned commit, never to the charm's class line", () => {
    const item = eventItem(':::juju-events{charm="flask"}\n:::\n', 'config-changed');
    expect(item).toContain(
      '([`_on_config_changed`](https://github.com/canonical/paas-charm/blob/9846ae6cb2/src/paas_charm/charm.py#L195))',
    );
    expect(item).not.toContain('flask-app-operator/blob/main/src/charm.py');
  });

  test('above 25 events the TOC has one entry per group; each event is a heading below it, with its anchor and label', () => {
    const {tree} = run('## Juju events\n\n:::juju-events{charm="busy"}\n:::\n');
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => [h.depth, h.data?.hProperties?.id]);
    expect(headings).toEqual([
      [2, undefined], // the author's, adopted: the site gives it `#juju-events`
      [3, 'lifecycle-events'],
      [3, 'workload-events'],
      [3, 'relation-events'],
      [3, 'actions'],
      [3, 'secret-events'],
    ]);
    const events = tree.children
      .filter((n): n is List => n.type === 'list')
      .flatMap((l) => l.children.map((i) => i.children[0] as Heading));
    expect(events).toHaveLength(30);
    expect(events.every((h) => h.type === 'heading' && h.depth === 4)).toBe(true);
    expect(events.map((h) => h.data?.hProperties?.id)).toContain('config-changed');
    expect(events.map((h) => h.data?.charmLabel)).toContain('event-config-changed');
    // The same page with toc="event": one heading per event again.
    const perEvent = run('## Juju events\n\n:::juju-events{charm="busy" toc="event"}\n:::\n').tree;
    const list = perEvent.children.find((n): n is List => n.type === 'list')!;
    expect(list.children.filter((i) => i.children[0]!.type === 'heading')).toHaveLength(30);
  });

  test('init writes a one-line title from a `title: |` block', () => {
    const model = loadCharm(join(fixtures, 'busy-charm', 'charm'));
    expect(model.displayName).toBe('Busy Server\n');
    const page = docusaurusStarter(model);
    expect(page).toContain('title: "Busy Server charm architecture"\n');
    expect(page).toContain('\n# Busy Server charm architecture\n');
  });
});
