/**
 * Class names the builders assign with `class id name`. Colours never go into
 * the diagram (a `classDef` cannot take CSS variables): they come from the
 * theme's CSS, see theme/CharmDiagram. Only {@link PORTABLE_CLASS_STYLES}, which
 * carry no colour, are written as `classDef`.
 */
export const DIAGRAM_CLASSES = [
  'charm',
  'unit',
  'container',
  'workload',
  'external',
  'observability',
  'exporter',
  'optional',
  'image',
  'storage',
  'computed',
] as const;

export type DiagramClass = (typeof DIAGRAM_CLASSES)[number];

/**
 * Every class name a diagram emits starts with this: the SVG lands in pages whose own CSS styles
 * bare names (Sphinx's basic.css sets `.optional {font-size: 1.3em}`), and the theme's CSS must
 * reach only our nodes.
 */
export const DIAGRAM_CLASS_PREFIX = 'ca-';

/** The class name as written in the Mermaid source and found on the SVG element: `ca-optional`. */
export function diagramClassName(cls: DiagramClass): string {
  return `${DIAGRAM_CLASS_PREFIX}${cls}`;
}

/**
 * Styles written into the diagram itself as `classDef`, so they show wherever Mermaid renders it
 * (the CLI's Markdown and MyST output, GitHub), not only under the Docusaurus theme: no colour,
 * only a line pattern that reads in any Mermaid theme, light or dark.
 */
export const PORTABLE_CLASS_STYLES: Partial<Record<DiagramClass, string>> = {
  // The dash of an optional integration's box; its edge (full layout) is Mermaid's dotted arrow.
  optional: 'stroke-dasharray:6 4',
};
