import type {BlockContent, PhrasingContent, RootContent} from 'mdast';
import {opsAttributeName, type CharmModel, type ObservedEvent} from '../model/index.js';
import {sourceUrl, type SectionContext} from './context.js';
import {charmInline} from './charm-markdown.js';
import {blockquote, code, codeBlock, heading, link, list, paragraph, text} from './mdast.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {templateBlock, templateParagraph, templateSentence} from './template-prose.js';
import {ownBaseClass} from './event-handlers.js';
import {configExample} from './config-example.js';

const OPS_URL = 'https://ops.readthedocs.io/en/latest/index.html';
const CHARM_URL = 'https://documentation.ubuntu.com/juju/latest/reference/charm/';
/** The template's sentences this section writes (a page converted from the template may keep them). */
const TEMPLATE_CLASS =
  'The <entry point> is the default entry point for a charm and has the <relevant-charm-class> Python class which inherits from <base>';
const TEMPLATE_CHARMBASE =
  'CharmBase is the base class from which all charms are formed, defined by Ops (Python framework for developing charms).';
const TEMPLATE_EXAMPLE = 'Take, for example, when a configuration is changed by using the CLI.';

/** Section 8: the charm class, its base, how `__init__` observes events, and a worked `juju config` example. */
export function charmCodeOverview(ctx: SectionContext): RootContent[] {
  const m = ctx.model;
  const out: RootContent[] = [heading(ctx.headingLevel, 'charm-code-overview', text('Charm code overview'))];
  const cls = m.charmClasses[0];
  const entry = code(m.entrypoint);
  if (cls) {
    const url = sourceUrl(ctx.links, cls.file, cls.line);
    const base = cls.bases[0] ?? 'CharmBase';
    const opening = [
      text('The '),
      entry,
      text(' is the entry point of the charm and has the '),
      url ? link(url, code(cls.name)) : code(cls.name),
      text(' Python class which inherits from '),
      code(base),
    ];
    const ops = [link(OPS_URL, text('Ops')), text(' (Python framework for developing charms).')];
    out.push(
      base.endsWith('CharmBase')
        ? templateParagraph(
            templateSentence(TEMPLATE_CLASS, ...opening, text('. ')),
            templateSentence(
              TEMPLATE_CHARMBASE,
              text('CharmBase is the base class from which all charms are formed, defined by '),
              ...ops,
            ),
          )
        : templateParagraph(
            templateSentence(TEMPLATE_CLASS, ...opening, text(', which in turn builds on CharmBase from '), ...ops),
          ),
    );
  } else {
    out.push(
      paragraph(
        text('No charm class was found in '),
        entry,
        text(m.framework === 'reactive' ? ': this is a reactive charm, not an Ops charm.' : '.'),
      ),
    );
  }
  out.push(
    templateBlock(
      'See more in the Juju docs: Charm',
      blockquote(paragraph(text('See more in the Juju docs: '), link(CHARM_URL, text('Charm')))),
    ),
  );
  // Events library objects observe in their own code are not observers in the charm's source.
  const own = m.events.filter((e) => !e.inherited && !e.handledBy);
  out.push(
    templateBlock(
      'The `__init__` method guarantees that the charm observes all events relevant to its operation and handles them.',
      paragraph(
        text('The '),
        code('__init__'),
        text(
          ` method guarantees that the charm observes all events relevant to its operation and handles them${own.length ? ` (${own.length} observer${own.length === 1 ? '' : 's'} in the charm's source)` : ''}.`,
        ),
      ),
    ),
  );
  const example = configExample(m.config);
  if (!example) return out;
  out.push(templateBlock(TEMPLATE_EXAMPLE, paragraph(text(TEMPLATE_EXAMPLE))));
  const steps: Array<BlockContent[] | PhrasingContent[]> = [
    [
      paragraph(text('User runs the configuration command:')),
      codeBlock(`juju config ${m.name} ${example.assignment}`, 'bash'),
    ],
    [text('A '), code('config-changed'), text(' event is emitted.')],
  ];
  const observer = configObserver(m);
  if (!observer) {
    // Only what is true: this charm (or its base classes) never observes config-changed.
    steps.push([
      text('The charm does not observe '),
      code('config-changed'),
      text(': it reads the new value the next time it handles an event that it observes.'),
    ]);
    out.push(list(true, steps));
    return out;
  }
  const handler = `self.${observer.handler}`;
  steps.push(
    [
      paragraph(
        ...(observer.inherited
          ? baseClassIntro(observer)
          : [
              text('In the '),
              code('__init__'),
              text(
                ` method is defined how to handle this event${observer.expression === concreteExpression(observer) ? '' : ' (written there in a more general form)'} like this:`,
              ),
            ]),
      ),
      codeBlock(`self.framework.observe(${concreteExpression(observer)}, ${handler})`, 'python'),
    ],
    [
      text('The method '),
      code(observer.handler),
      ...(observer.handlerDoc
        ? [text(', in its turn: '), ...charmInline(observer.handlerDoc, ctx.links)]
        : [
            text(
              ', in its turn, takes the necessary actions such as waiting for all the relations to be ready and then configuring the containers.',
            ),
          ]),
    ],
  );
  out.push(list(true, steps));
  return out;
}

/** Who defines the handling of an inherited event: the charm's own base class (named, with its module), or the framework's. */
function baseClassIntro(observer: ObservedEvent): PhrasingContent[] {
  const own = ownBaseClass(observer);
  if (!own) return [text('The framework base class defines how to handle this event:')];
  return [
    text("The charm's base class "),
    code(own.class),
    text(', in '),
    code(own.module),
    text(', defines how to handle this event:'),
  ];
}

/** The observer of the charm's own `config-changed` with a named handler (not a library object's), the charm's own one first. */
function configObserver(m: CharmModel): (ObservedEvent & {handler: string}) | undefined {
  const observers = m.events.filter(
    (e): e is ObservedEvent & {handler: string} =>
      e.name === 'config-changed' &&
      !e.emitter &&
      !e.handledBy &&
      typeof e.handler === 'string' &&
      /^\w+$/.test(e.handler),
  );
  return observers.find((e) => !e.inherited) ?? observers[0];
}

/**
 * `self.on.config_changed`, whatever the source wrote: a loop variable (`for event in (...):
 * observe(event, ...)`), an alias (`on.config_changed`) or a subscript name concrete only at runtime.
 */
function concreteExpression(e: ObservedEvent): string {
  // An event without a name (only its expression is known) has no concrete form to write.
  return /^self\.on\.\w+$/.test(e.expression) || !e.name ? e.expression : `self.on.${opsAttributeName(e.name)}`;
}

export const codeOverviewDirective: CharmDirective = {
  name: 'charm-code-overview',
  attributes: charmAttributes(),
  build: charmCodeOverview,
  checks: [],
  titles: [/^(charm )?code overview$/],
  starter: {part: 'page'},
};
