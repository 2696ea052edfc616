/**
 * The component's props come from the diagram contract both sides share (src/diagrams/props.ts):
 * the remark half writes `<CharmDiagram>` with exactly those attributes, so the two cannot drift.
 * Type-only: nothing from src/ reaches the browser bundle.
 *
 * ```mdx
 * <CharmDiagram source="flowchart LR…" title="Deployment of the x charm" description="…" alt='[{"label":"…","items":["…"]}]' />
 * ```
 */
export type {AltGroup as CharmDiagramAltGroup, CharmDiagramProps} from '../../src/diagrams/props.js';
