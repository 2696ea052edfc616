/**
 * The diagram node's two adapters (src/diagrams/node.ts): the remark one writes the
 * `<CharmDiagram>` element with the builder's fields as string attributes; the CLI ones print a
 * ```mermaid fence (Markdown), a ```{mermaid} directive (MyST) or `.. mermaid::` (rst). Only a
 * diagram node becomes a diagram: a `code` block whose language is `mermaid` stays code.
 */
import type {RootContent} from 'mdast';
import {toMarkdown} from 'mdast-util-to-markdown';
import {diagramToMarkdown, printMarkdown, printMyst} from '../../src/cli/print/markdown.js';
import {printRst} from '../../src/cli/print/rst.js';
import {sphinxTree} from '../../src/cli/print/sphinx-tree.js';
import {diagramElementProps, diagramImport, toDiagramElement} from '../../src/remark/diagram-component.js';
import {diagramNode} from '../../src/sections/diagrams.js';
import {codeBlock, paragraph, text} from '../../src/sections/mdast.js';

const diagram = diagramNode({
  source: 'flowchart LR\n  n0["pastebin"] --> n1["postgresql"]',
  title: 'Deployment of "pastebin" <k8s>',
  description: 'Pastebin & what it integrates with.',
  alt: [{label: 'Requires', items: ['database (postgresql_client)']}],
});

describe('remark adapter', () => {
  test('the element carries source, title, description and alt (JSON) as string attributes, in that order', () => {
    const element = toDiagramElement(diagram);
    expect(element.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? [a.name, a.value] : [a.type]))).toEqual([
      ['source', 'flowchart LR\n  n0["pastebin"] --> n1["postgresql"]'],
      ['title', 'Deployment of "pastebin" <k8s>'],
      ['description', 'Pastebin & what it integrates with.'],
      ['alt', '[{"label":"Requires","items":["database (postgresql_client)"]}]'],
    ]);
    expect(element.children).toEqual([]);
    expect(diagramElementProps(element)).toEqual({
      source: diagram.source,
      title: diagram.title,
      description: diagram.description,
      alt: JSON.stringify(diagram.alt),
    });
  });

  test('other nodes have no diagram props', () => {
    expect(diagramElementProps(paragraph(text('x')))).toBeNull();
    expect(
      diagramElementProps({type: 'mdxJsxFlowElement', name: 'Admonition', attributes: [], children: []}),
    ).toBeNull();
  });

  test('the page imports the theme component', () => {
    const esm = diagramImport();
    expect(esm.value).toBe("import CharmDiagram from '@theme/CharmDiagram';");
    expect(esm.data?.estree?.body).toEqual([
      {
        type: 'ImportDeclaration',
        specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: 'CharmDiagram'}}],
        source: {type: 'Literal', value: '@theme/CharmDiagram', raw: "'@theme/CharmDiagram'"},
        attributes: [],
      },
    ]);
  });
});

describe('CLI adapters', () => {
  // A charm's own fenced block that says `mermaid` (the sanitiser makes it `text` earlier; here it reaches the printers as is).
  const page: RootContent[] = [diagram, codeBlock('graph TD\n  a --> b', 'mermaid')];

  test('Markdown: a ```mermaid fence of the source', () => {
    expect(printMarkdown([diagram])).toBe('```mermaid\nflowchart LR\n  n0["pastebin"] --> n1["postgresql"]\n```\n');
  });

  test('a source holding ``` gets a longer fence', () => {
    expect(
      printMarkdown([diagramNode({source: 'flowchart LR\n  a["```"]', title: '', description: '', alt: []})]),
    ).toBe('````mermaid\nflowchart LR\n  a["```"]\n````\n');
  });

  test('MyST: the {mermaid} directive for the diagram only; the mermaid code block stays code', () => {
    expect(printMyst(sphinxTree(page, 'c'))).toBe(
      '```{mermaid}\nflowchart LR\n  n0["pastebin"] --> n1["postgresql"]\n```\n\n```\ngraph TD\n  a --> b\n```\n',
    );
  });

  test('rst: .. mermaid:: for the diagram only; the mermaid code block stays code', () => {
    expect(printRst(sphinxTree(page, 'c'))).toBe(
      '.. mermaid::\n\n   flowchart LR\n     n0["pastebin"] --> n1["postgresql"]\n\n.. code-block:: text\n\n   graph TD\n     a --> b\n',
    );
  });

  test('mdast-util-to-markdown refuses a diagram node until the adapter is registered', () => {
    expect(() => toMarkdown({type: 'root', children: [diagram]})).toThrow('Cannot handle unknown node `charmDiagram`');
    expect(toMarkdown({type: 'root', children: [diagram]}, {extensions: [diagramToMarkdown('mermaid')]})).toBe(
      printMarkdown([diagram]),
    );
  });
});
