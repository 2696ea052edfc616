/**
 * The code overview's worked example (issue #12, issue #18 item 6): a concrete event and handler,
 * never a loop variable; a real option with a plausible value; and, for a charm that does not
 * observe config-changed (or has no charm class), no invented observe() line.
 */
import {join} from 'node:path';
import {toMarkdown} from 'mdast-util-to-markdown';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {loadCharm} from '../../src/model/charm/load.js';
import type {CharmModel} from '../../src/model/types.js';
import {charmCodeOverview} from '../../src/sections/code-overview.js';
import {FIXTURE_CHARMS} from '../model/model-helpers.js';

const links = {
  jujuDocsUrl: 'https://documentation.ubuntu.com/juju/latest/reference/hook/',
  charmhubUrl: 'https://charmhub.io',
};

/** The example: the numbered list after "Take, for example", as Markdown. */
function example(model: CharmModel): string {
  const md = toMarkdown(
    {type: 'root', children: charmCodeOverview({model, headingLevel: 2, links, attributes: {}, annotations: []})},
    {extensions: [gfmToMarkdown()], bullet: '-', fences: true},
  );
  const at = md.indexOf('Take, for example');
  return at < 0 ? '(no example)' : md.slice(at);
}

const helpers = loadCharm(join(FIXTURE_CHARMS, 'helpers-and-loops'));
/** The first two steps of the fixture's example: its `debug` flag flipped (never its `port`, whose right new value only the reader knows). */
const FIRST_STEPS = `Take, for example, when a configuration is changed by using the CLI.

1. User runs the configuration command:
   \`\`\`bash
   juju config helpers-and-loops debug=true
   \`\`\`
2. A \`config-changed\` event is emitted.
`;

test('an observer in a loop (`for event in (...): observe(event, self._reconcile)`) is shown with the concrete event', () => {
  expect(helpers.events.find((e) => e.name === 'config-changed')?.expression).toBe('event');
  expect(example(helpers))
    .toBe(`${FIRST_STEPS}3. In the \`__init__\` method is defined how to handle this event (written there in a more general form) like this:
   \`\`\`python
   self.framework.observe(self.on.config_changed, self._reconcile)
   \`\`\`
4. The method \`_reconcile\`, in its turn: Push config files and Pebble layers to both containers and replan.
`);
});

test('a charm that never observes config-changed: no observe() line is invented', () => {
  const model: CharmModel = {...helpers, events: helpers.events.filter((e) => e.name !== 'config-changed')};
  expect(example(model))
    .toBe(`${FIRST_STEPS}3. The charm does not observe \`config-changed\`: it reads the new value the next time it handles an event that it observes.
`);
});

test('no charm class and no events: says so, and invents no observer', () => {
  const model: CharmModel = {...helpers, charmClasses: [], events: []};
  const md = example(model);
  expect(md).not.toContain('self.framework.observe');
  expect(md).toContain('The charm does not observe `config-changed`');
});

test.each([
  [{name: 'log-level', type: 'string', default: 'info'}, 'log-level=debug'],
  [{name: 'exporter-log-level', type: 'string', default: 'INFO'}, 'exporter-log-level=DEBUG'],
  [{name: 'debug', type: 'boolean', default: false}, 'debug=true'],
  [{name: 'workers', type: 'int', default: 4}, 'workers=5'],
  // Values that cannot be told right from the charm: the option with the template's placeholder.
  [{name: 'oidc-redirect-path', type: 'string', default: '/oauth/complete/oidc/'}, 'oidc-redirect-path=<value>'],
  [{name: 'config_file', type: 'string', default: ''}, 'config_file=<value>'],
  [{name: 'metrics-port', type: 'int', default: 9127}, 'metrics-port=<value>'],
  [{name: 'greeting', type: 'string', default: "it's me"}, 'greeting=<value>'],
])('option %j: %s', (option, shown) => {
  const model: CharmModel = {...helpers, config: [{description: '', origin: 'charm', ...option}]};
  expect(example(model)).toContain(`juju config helpers-and-loops ${shown}\n`);
});

test('an option whose example can be right comes first: never the next port, which another option may hold', () => {
  // hardware-observer-operator's config.yaml: two exporter ports 10200 / 10201, a log level, a timeout.
  const model: CharmModel = {
    ...helpers,
    config: [
      {name: 'hardware-exporter-port', type: 'int', default: 10200, description: '', origin: 'charm'},
      {name: 'smartctl-exporter-port', type: 'int', default: 10201, description: '', origin: 'charm'},
      {name: 'collect-timeout', type: 'int', default: 10, description: '', origin: 'charm'},
      {name: 'exporter-log-level', type: 'string', default: 'INFO', description: '', origin: 'charm'},
    ],
  };
  expect(example(model)).toContain('juju config helpers-and-loops exporter-log-level=DEBUG\n');
});

test("the charm's own option comes before an extension's, and a secret is never the example", () => {
  const model: CharmModel = {
    ...helpers,
    config: [
      {name: 'api-token', type: 'secret', description: '', origin: 'charm'},
      {name: 'webserver-workers', type: 'int', default: 2, description: '', origin: 'extension:flask-framework'},
      {name: 'workers', type: 'int', default: 2, description: '', origin: 'charm'},
    ],
  };
  expect(example(model)).toContain('juju config helpers-and-loops workers=3\n');
});

test("an extension's flag before a charm option whose value cannot be told (netbox: a path, scopes)", () => {
  const model: CharmModel = {
    ...helpers,
    config: [
      {name: 'oidc-redirect-path', type: 'string', default: '/oauth/complete/oidc/', description: '', origin: 'charm'},
      {name: 'oidc-scopes', type: 'string', default: 'openid profile email', description: '', origin: 'charm'},
      {name: 'django-debug', type: 'boolean', default: false, description: '', origin: 'extension:django-framework'},
    ],
  };
  expect(example(model)).toContain('juju config helpers-and-loops django-debug=true\n');
});
