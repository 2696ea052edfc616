/**
 * The remark adapter of the diagram contract (src/diagrams/props.ts): a `charmDiagram` node
 * becomes the `<CharmDiagram>` MDX element that theme/CharmDiagram renders. The MDX node types
 * come from mdast-util-mdx-jsx and mdast-util-mdxjs-esm (what @docusaurus/mdx-loader compiles),
 * whose `mdast` augmentation types these nodes as page content.
 */
import type {RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import {CHARM_DIAGRAM_ATTRIBUTES, type CharmDiagramAttributes, type CharmDiagramNode} from '../diagrams/index.js';

const ELEMENT = 'CharmDiagram';

/**
 * The ESM import of the themed diagram component, once per page. Its estree is written out (as
 * Docusaurus' own toc plugin writes its export), typed by estree: a fixed statement, never charm text.
 */
export function diagramImport(): MdxjsEsm {
  const source = `@theme/${ELEMENT}`;
  const specifier = {type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: ELEMENT}} as const;
  return {
    type: 'mdxjsEsm',
    value: `import ${ELEMENT} from '${source}';`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [specifier],
            source: {type: 'Literal', value: source, raw: `'${source}'`},
            attributes: [],
          },
        ],
      },
    },
  };
}

/** A diagram node becomes <CharmDiagram source=... title=... description=... alt=... />: string attributes, never MDX text. */
export function toDiagramElement(node: CharmDiagramNode): MdxJsxFlowElement {
  const props: CharmDiagramAttributes = {
    source: node.source,
    title: node.title,
    description: node.description,
    alt: JSON.stringify(node.alt),
  };
  const attributes = CHARM_DIAGRAM_ATTRIBUTES.map((name): MdxJsxAttribute => ({
    type: 'mdxJsxAttribute',
    name,
    value: props[name],
  }));
  return {type: 'mdxJsxFlowElement', name: ELEMENT, attributes, children: []};
}

/** The attributes of an element written by toDiagramElement, or null for any other node (fixture printers read them back). */
export function diagramElementProps(node: RootContent): CharmDiagramAttributes | null {
  if (node.type !== 'mdxJsxFlowElement' || node.name !== ELEMENT) return null;
  const value = (name: string): string => {
    const attribute = node.attributes.find(
      (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name,
    );
    return typeof attribute?.value === 'string' ? attribute.value : '';
  };
  return {source: value('source'), title: value('title'), description: value('description'), alt: value('alt')};
}

export function isDiagram(node: RootContent): node is CharmDiagramNode {
  return node.type === 'charmDiagram';
}
