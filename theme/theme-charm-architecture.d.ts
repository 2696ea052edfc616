/**
 * The plugin's theme components as `@theme/` modules, for a site's swizzled wrappers and
 * TypeScript pages (as @docusaurus/theme-mermaid declares `@theme/Mermaid`). The package's main
 * types reference this file, so a site whose docusaurus.config.ts imports the plugin sees it.
 */
declare module '@theme/CharmDiagram' {
  import type {ReactNode} from 'react';

  /** The props the remark half writes (the diagram contract, src/diagrams/props.ts). */
  export type Props = import('./CharmDiagram/types.js').CharmDiagramProps;
  export type AltGroup = import('./CharmDiagram/types.js').CharmDiagramAltGroup;
  export default function CharmDiagram(props: Props): ReactNode;
}
