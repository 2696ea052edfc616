export {
  escapeLabel,
  quoted,
  quotedLines,
  accText,
  normalizeText,
  encodeForMermaid,
  createIdGenerator,
  DEFAULT_LABEL_MAX,
  ACC_TEXT_MAX,
  type EscapeOptions,
  type IdGenerator,
} from './escape.js';
export {
  deploymentDiagram,
  charmTitle,
  COMPACT_COLUMNS,
  COMPACT_THRESHOLD,
  DEPLOYMENT_LEGEND,
  gridLinks,
  OBSERVABILITY_INTERFACES,
  OBSERVABILITY_PROVIDES_TITLE,
  OBSERVABILITY_REQUIRES_TITLE,
  type DeploymentDiagramOptions,
} from './deployment.js';
export {counterpartName, isObservability} from './deployment-labels.js';
export {charmKind, IMPLICIT_INTERFACE, principalEndpoints, subordinateLegend} from './deployment-principal.js';
export {charmDiagram, charmClassName} from './charm.js';
export {FlowchartWriter, type Direction, type NodeShape, type EdgeStyle} from './flowchart.js';
export {
  DIAGRAM_CLASSES,
  DIAGRAM_CLASS_PREFIX,
  PORTABLE_CLASS_STYLES,
  diagramClassName,
  type DiagramClass,
} from './types.js';
export {
  CHARM_DIAGRAM_ATTRIBUTES,
  type AltGroup,
  type CharmDiagramAttributes,
  type CharmDiagramProps,
  type DiagramResult,
} from './props.js';
export type {CharmDiagramNode} from './node.js';
export {STATIC_CLASS_STYLES, withStaticStyles, type StaticStyle} from './static-styles.js';
