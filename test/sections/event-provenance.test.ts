/**
 * Library handlers of an object a factory returns (test/fixtures/charms/factories): the events section
 * says which alternative a handler belongs to, so two alternatives' handlers do not read as two
 * handlers that both run; a handler every alternative runs carries no condition.
 */
import {join} from 'node:path';
import {toMarkdown} from 'mdast-util-to-markdown';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {loadCharm} from '../../src/model/charm/load.js';
import {jujuEvents} from '../../src/sections/juju-events.js';
import {FIXTURE_CHARMS} from '../model/model-helpers.js';

const links = {
  jujuDocsUrl: 'https://documentation.ubuntu.com/juju/latest/reference/hook/',
  charmhubUrl: 'https://charmhub.io',
};
const model = loadCharm(join(FIXTURE_CHARMS, 'factories'));
const markdown = toMarkdown(
  {type: 'root', children: jujuEvents({model, headingLevel: 2, links, attributes: {}, annotations: []})},
  {extensions: [gfmToMarkdown()], bullet: '-'},
);
/** The library handler lines of one event's item (`` `method` of `Class` (`module`...): doc ``), one per line. */
const handledBy = (event: string): string => {
  const from = markdown.indexOf(`\`${event}\``);
  const item = markdown.slice(from).split(/\n\d+\. /)[0]!;
  const lines = item.split('\n').filter((l) => /^\s*`[^`]+` of `/.test(l));
  return lines.map((l) => l.trim()).join('\n') || '(none)';
};

test('two alternatives handle s3-credentials-relation-changed: each handler says when it runs', () => {
  expect(handledBy('s3-credentials-relation-changed')).toBe(
    '`_on_s3_changed` of `FullBackup` (`charms.acme_backup.v0.backup`; only when `backup()` returns it): Store the new S3 credentials.\n' +
      '`_on_s3_refused` of `ReplicaBackup` (`charms.acme_backup.v0.backup`; only when `backup()` returns it): Block: a replica cluster must not be related to S3.',
  );
});

test('a handler of the base class every alternative runs, and an object built unconditionally, carry no condition', () => {
  expect(handledBy('s3-credentials-relation-joined')).toContain(
    '`_on_s3_event` of `BackupBase` (`charms.acme_backup.v0.backup`):',
  );
  expect(handledBy('route-relation-changed')).toContain(
    '`_reconcile` of `RouteRequirer` (`charms.acme_route.v0.route`):',
  );
});

test('an object the function may not build at all (`... if enabled else None`)', () => {
  expect(handledBy('metrics-route-relation-changed')).toContain(
    '`_reconcile` of `RouteRequirer` (`charms.acme_route.v0.route`; only when `optional_route()` returns it):',
  );
});
