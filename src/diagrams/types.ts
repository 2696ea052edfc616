/**
 * Class names the builders assign with `class id name` (never with
 * `classDef`: colours come from the theme's CSS, see theme/CharmDiagram).
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
