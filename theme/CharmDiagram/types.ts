/** One group of the text alternative (same shape as src/diagrams AltGroup). */
export interface CharmDiagramAltGroup {
  label: string;
  items: string[];
}

/**
 * Props of `<CharmDiagram>`. The remark transformer writes it as an MDX JSX
 * element with string attributes only:
 *
 * ```mdx
 * <CharmDiagram source="flowchart LR…" title="Deployment of the x charm" alt='[{"label":"…","items":["…"]}]' />
 * ```
 *
 * - `source`: Mermaid text from a src/diagrams builder (`DiagramResult.source`).
 * - `title`: shown as the caption (`DiagramResult.title`).
 * - `alt`: `JSON.stringify(DiagramResult.alt)`; parsed defensively (anything
 *   that is not an array of `{label: string, items: string[]}` is ignored). An
 *   already-parsed array is accepted too.
 * - `description` (optional): `DiagramResult.description`, shown above the text version.
 * - `minHeight` (optional): CSS length reserved before the client renders (default `16rem`).
 */
export interface CharmDiagramProps {
  source: string;
  title?: string;
  alt?: string | CharmDiagramAltGroup[];
  description?: string;
  minHeight?: string;
}
