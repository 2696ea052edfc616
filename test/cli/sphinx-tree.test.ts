/**
 * The Sphinx reshaping of the builders' mdast, printed as MyST and rst: headed list items become
 * numbered sub-sections, ids become prefixed labels (unique on the page), and in-page links become
 * references to those labels, or plain text when nothing on the page has that id.
 */
import type {RootContent} from 'mdast';
import {code, heading, link, list, paragraph, text} from '../../src/sections/mdast.js';
import {printMyst} from '../../src/cli/print/markdown.js';
import {printRst} from '../../src/cli/print/rst.js';
import {sphinxTree} from '../../src/cli/print/sphinx-tree.js';

const page = (): RootContent[] => [
  heading(2, 'juju-events', text('Juju events')),
  list(true, [
    [
      heading(3, 'event-start', code('start')),
      paragraph(
        text('Action: see '),
        link('#note', text('the note')),
        text(' and '),
        link('#nowhere', text('an anchor from charm text')),
        text('.'),
      ),
    ],
    [heading(3, 'event-stop', code('stop')), paragraph(text('Action: stop.'))],
  ]),
  {...paragraph(text('A note.')), data: {hProperties: {id: 'note'}}},
  heading(2, 'note', text('Same id twice')),
];

test('MyST', () => {
  expect(printMyst(sphinxTree(page(), 'My Charm'))).toBe(
    [
      '(my-charm-juju-events)=',
      '',
      '## Juju events',
      '',
      '(my-charm-event-start)=',
      '',
      '### 1. `start`',
      '',
      'Action: see {ref}`the note <my-charm-note>` and an anchor from charm text.',
      '',
      '(my-charm-event-stop)=',
      '',
      '### 2. `stop`',
      '',
      'Action: stop.',
      '',
      '(my-charm-note)=',
      '',
      'A note.',
      '',
      '(my-charm-note-2)=',
      '',
      '## Same id twice',
      '',
    ].join('\n'),
  );
});

test('rst', () => {
  expect(printRst(sphinxTree(page(), 'my-charm'))).toBe(
    [
      '.. _my-charm-juju-events:',
      '',
      'Juju events',
      '-----------',
      '',
      '.. _my-charm-event-start:',
      '',
      '1\\. ``start``',
      '~~~~~~~~~~~~~',
      '',
      'Action: see :ref:`the note <my-charm-note>` and an anchor from charm text.',
      '',
      '.. _my-charm-event-stop:',
      '',
      '2\\. ``stop``',
      '~~~~~~~~~~~~',
      '',
      'Action: stop.',
      '',
      '.. _my-charm-note:',
      '',
      'A note.',
      '',
      '.. _my-charm-note-2:',
      '',
      'Same id twice',
      '-------------',
      '',
    ].join('\n'),
  );
});
