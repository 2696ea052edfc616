import {parse} from 'acorn';
import type {Code, RootContent} from 'mdast';
import type {DiagramData} from '../sections/diagrams.js';

const IMPORT = "import CharmDiagram from '@theme/CharmDiagram';";

/** The string props `<CharmDiagram>` receives (theme/CharmDiagram/types.ts reads them). */
export interface DiagramElementProps {
  source: string;
  title: string;
  description: string;
  /** `JSON.stringify` of the text alternative's groups. */
  alt: string;
}

/** Attribute order in the element: the only place that lists the props this adapter writes. */
const PROP_NAMES = ['source', 'title', 'description', 'alt'] as const satisfies ReadonlyArray<keyof DiagramElementProps>;

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: string;
}

/** The ESM import of the themed diagram component, once per page. */
export function diagramImport(): RootContent {
  // A fixed string, never charm text: parsed once to the estree MDX expects.
  const estree = parse(IMPORT, {ecmaVersion: 'latest', sourceType: 'module'});
  return {type: 'mdxjsEsm', value: IMPORT, data: {estree}} as unknown as RootContent;
}

/** A generated ```mermaid node becomes <CharmDiagram source=... title=... alt=... />; string props, never MDX text. */
export function toDiagramElement(node: Code): RootContent {
  const data = (node.data as {charmDiagram?: DiagramData} | undefined)?.charmDiagram;
  const props: DiagramElementProps = {source: node.value, title: data?.title ?? '', description: data?.description ?? '', alt: JSON.stringify(data?.alt ?? [])};
  const attributes: JsxAttribute[] = PROP_NAMES.map((name) => ({type: 'mdxJsxAttribute', name, value: props[name]}));
  return {type: 'mdxJsxFlowElement', name: 'CharmDiagram', attributes, children: []} as unknown as RootContent;
}

/** The props of an element written by toDiagramElement, or null for any other node (fixture printers read them back). */
export function diagramElementProps(node: {type: string}): DiagramElementProps | null {
  const element = node as {type: string; name?: string; attributes?: unknown[]};
  if (element.type !== 'mdxJsxFlowElement' || element.name !== 'CharmDiagram') return null;
  const value = (name: string): string => {
    const attribute = element.attributes?.find((a): a is JsxAttribute => (a as JsxAttribute).type === 'mdxJsxAttribute' && (a as JsxAttribute).name === name);
    return typeof attribute?.value === 'string' ? attribute.value : '';
  };
  return {source: value('source'), title: value('title'), description: value('description'), alt: value('alt')};
}

export function isDiagram(node: RootContent): node is Code {
  return node.type === 'code' && Boolean((node.data as {charmDiagram?: unknown} | undefined)?.charmDiagram);
}
