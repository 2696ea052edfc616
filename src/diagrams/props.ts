/**
 * The diagram contract shared by both sides of the build: the Node side (src/diagrams builds a
 * diagram, src/sections carries it as a `charmDiagram` mdast node, the remark and CLI adapters
 * write it out) and the client side (theme/CharmDiagram renders it). It imports nothing, so the
 * theme's type-only imports of it bring no Node code into the browser bundle.
 */

/** One group of the diagram's text alternative: a heading and its items. */
export interface AltGroup {
  label: string;
  items: string[];
}

/** A diagram as every builder returns it and every adapter receives it. */
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
 * The attributes of the `<CharmDiagram>` MDX element, in the order the remark adapter writes
 * them. MDX JSX attributes here are plain strings (never expressions, so charm text is never
 * code): `alt` is `JSON.stringify` of the groups.
 */
export const CHARM_DIAGRAM_ATTRIBUTES = ['source', 'title', 'description', 'alt'] as const satisfies ReadonlyArray<
  keyof DiagramResult
>;

/** `<CharmDiagram>`'s attributes as the remark adapter writes them: one string per diagram field. */
export type CharmDiagramAttributes = Record<(typeof CHARM_DIAGRAM_ATTRIBUTES)[number], string>;

/**
 * Props of the theme component `<CharmDiagram>` (theme/CharmDiagram). It accepts the element's
 * string attributes ({@link CharmDiagramAttributes}) and, for a hand-written MDX page or a
 * swizzled wrapper, an already-parsed `alt`; a malformed `alt` is ignored, never thrown.
 */
export interface CharmDiagramProps {
  /** Mermaid text ({@link DiagramResult.source}). */
  source: string;
  /** Shown as the caption. */
  title?: string;
  /** The text alternative: `JSON.stringify` of the groups, or the groups themselves. */
  alt?: string | AltGroup[];
  /** Shown above the text alternative. */
  description?: string;
  /** CSS length reserved before the client renders (default `16rem`). */
  minHeight?: string;
}
