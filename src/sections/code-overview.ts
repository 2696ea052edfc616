import type {RootContent} from 'mdast';
import {sourceUrl, type SectionContext} from './context.js';
import {blockquote, charmInline, code, codeBlock, heading, link, list, paragraph, text} from './mdast.js';

const OPS_URL = 'https://ops.readthedocs.io/en/latest/index.html';
const CHARM_URL = 'https://documentation.ubuntu.com/juju/latest/reference/charm/';

/** A config value that reads naturally in a `juju config` example. */
function exampleValue(type: string, current: unknown): string {
  if (type === 'boolean') return current === true ? 'false' : 'true';
  if (type === 'int') return typeof current === 'number' ? String(current + 1) : '10';
  if (type === 'float') return typeof current === 'number' ? String(current * 2 || 1.5) : '1.5';
  return 'new-value';
}

/** Section 8: the charm class, its base, how `__init__` observes events, and a worked `juju config` example. */
export function charmCodeOverview(ctx: SectionContext): RootContent[] {
  const m = ctx.model;
  const out: RootContent[] = [heading(ctx.headingLevel, 'charm-code-overview', text('Charm code overview'))];
  const cls = m.charmClasses[0];
  const entry = code(m.entrypoint);
  if (cls) {
    const url = sourceUrl(ctx.links, cls.file, cls.line);
    const base = cls.bases[0] ?? 'CharmBase';
    out.push(
      paragraph(
        text('The '),
        entry,
        text(' is the entry point of the charm and has the '),
        url ? link(url, code(cls.name)) : code(cls.name),
        text(' Python class which inherits from '),
        code(base),
        text(/CharmBase$/.test(base) ? '. CharmBase is the base class from which all charms are formed, defined by ' : `, which in turn builds on CharmBase from `),
        link(OPS_URL, text('Ops')),
        text(' (Python framework for developing charms).'),
      ),
    );
  } else {
    out.push(paragraph(text('No charm class was found in '), entry, text(m.framework === 'reactive' ? ': this is a reactive charm, not an Ops charm.' : '.')));
  }
  out.push(blockquote(paragraph(text('See more in the Juju docs: '), link(CHARM_URL, text('Charm')))));
  // Events library objects observe in their own code are not observers in the charm's source.
  const own = m.events.filter((e) => !e.inherited && !e.handledBy);
  out.push(paragraph(text('The '), code('__init__'), text(` method guarantees that the charm observes all events relevant to its operation and handles them${own.length ? ` (${own.length} observer${own.length === 1 ? '' : 's'} in the charm's source)` : ''}.`)));
  const option = m.config.find((o) => o.type !== 'secret') ?? m.config[0];
  const configObserver = m.events.find((e) => e.name === 'config-changed' && !e.handledBy);
  if (!option) return out;
  out.push(paragraph(text('Take, for example, when a configuration is changed by using the CLI.')));
  const handler = configObserver?.handler ?? '_on_config_changed';
  out.push(
    list(true, [
      [paragraph(text('User runs the configuration command:')), codeBlock(`juju config ${m.name} ${option.name}=${exampleValue(option.type, option.default)}`, 'bash')],
      [text('A '), code('config-changed'), text(' event is emitted.')],
      [paragraph(...(configObserver?.inherited ? [text('The framework base class defines how to handle this event:')] : [text('In the '), code('__init__'), text(' method is defined how to handle this event like this:')])), codeBlock(configObserver ? `self.framework.observe(${configObserver.expression}, ${configObserver.handlerExpression})` : 'self.framework.observe(self.on.config_changed, self._on_config_changed)', 'python')],
      [text('The method '), code(handler), ...(configObserver?.handlerDoc ? [text(', in its turn: '), ...charmInline(configObserver.handlerDoc, ctx.links)] : [text(', in its turn, takes the necessary actions such as waiting for all the relations to be ready and then configuring the containers.')])],
    ]),
  );
  return out;
}
