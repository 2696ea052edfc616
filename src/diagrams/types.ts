/** One group of the text alternative: a heading and its items. */
export interface AltGroup {
  label: string;
  items: string[];
}

/** What every diagram builder returns. */
export interface DiagramResult {
  /** Mermaid source (flowchart), safe to render with `securityLevel: 'strict'`. */
  source: string;
  /** Short title (also written as `accTitle` in the source). */
  title: string;
  /** One-sentence description (also written as `accDescr` in the source). */
  description: string;
  /** The same content as plain data, unescaped and untruncated, for a text alternative. */
  alt: AltGroup[];
}

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
