import {parse} from 'acorn';
import type {Code, RootContent} from 'mdast';
import type {DiagramData} from '../sections/diagrams.js';

const IMPORT = "import CharmDiagram from '@theme/CharmDiagram';";

/** The ESM import of the themed diagram component, once per page. */
export function diagramImport(): RootContent {
  // A fixed string, never charm text: parsed once to the estree MDX expects.
  const estree = parse(IMPORT, {ecmaVersion: 'latest', sourceType: 'module'});
  return {type: 'mdxjsEsm', value: IMPORT, data: {estree}} as unknown as RootContent;
}

/** A generated ```mermaid node becomes <CharmDiagram source=... title=... alt=... />; string props, never MDX text. */
export function toDiagramElement(node: Code): RootContent {
  const data = (node.data as {charmDiagram?: DiagramData} | undefined)?.charmDiagram;
  const attr = (name: string, value: string): unknown => ({type: 'mdxJsxAttribute', name, value});
  return {
    type: 'mdxJsxFlowElement',
    name: 'CharmDiagram',
    attributes: [attr('source', node.value), attr('title', data?.title ?? ''), attr('description', data?.description ?? ''), attr('alt', JSON.stringify(data?.alt ?? []))],
    children: [],
  } as unknown as RootContent;
}

export function isDiagram(node: RootContent): node is Code {
  return node.type === 'code' && Boolean((node.data as {charmDiagram?: unknown} | undefined)?.charmDiagram);
}
