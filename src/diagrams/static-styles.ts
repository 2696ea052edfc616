/**
 * Colours for diagrams shown without the Docusaurus theme: the CLI's Markdown, MyST and rst output
 * (GitHub, Sphinx). There the class names alone (`class n0 ca-charm`) colour nothing, and the charm,
 * its workloads, external charms and observability would all look alike. Each class gets a
 * `classDef` with a light fill, a dark text of at least 4.5:1 on it and a stroke; the node carries
 * its own background, so it reads the same on a light or a dark Sphinx theme. The values follow the
 * theme's light-mode colours (theme/CharmDiagram/themeCss.ts); the Docusaurus directives never get
 * them, so the site's own colours and dark mode stay in charge there.
 */
import {diagramClassName, type DiagramClass} from './types.js';

/** A node's fill, text colour and stroke (`#rrggbb`), and any further style. */
export interface StaticStyle {
  fill: string;
  color: string;
  stroke: string;
  extra?: string;
}

/** In cascade order: a node with several classes takes the later class's colours (as in the theme). */
export const STATIC_CLASS_STYLES: ReadonlyArray<readonly [DiagramClass, StaticStyle]> = [
  ['unit', {fill: '#ffffff', color: '#1c1e21', stroke: '#606770', extra: 'stroke-width:1.5px'}],
  ['container', {fill: '#f5f6f7', color: '#1c1e21', stroke: '#8d949e'}],
  ['external', {fill: '#fdfdfe', color: '#474748', stroke: '#606770'}],
  ['image', {fill: '#fdfdfe', color: '#474748', stroke: '#8d949e'}],
  ['storage', {fill: '#fdfdfe', color: '#474748', stroke: '#8d949e'}],
  ['workload', {fill: '#e6f6e6', color: '#003100', stroke: '#009400'}],
  ['observability', {fill: '#eef9fd', color: '#193c47', stroke: '#4cb3d4'}],
  ['exporter', {fill: '#fff8e6', color: '#4d3800', stroke: '#e6a700'}],
  ['charm', {fill: '#ebf2fc', color: '#102445', stroke: '#3578e5', extra: 'stroke-width:2px'}],
  ['computed', {fill: '#ffffff', color: '#444950', stroke: '#8d949e', extra: 'stroke-dasharray:3 3,font-style:italic'}],
];

/** `classDef ca-charm fill:#ebf2fc,color:#102445,stroke:#3578e5,stroke-width:2px`. */
function classDef(cls: DiagramClass, s: StaticStyle): string {
  return `classDef ${diagramClassName(cls)} fill:${s.fill},color:${s.color},stroke:${s.stroke}${s.extra ? `,${s.extra}` : ''}`;
}

/**
 * The Mermaid source with a `classDef` for each colour class it assigns, written before its first
 * `classDef` or `class` statement (a diagram's own colourless classDefs, the optional dash, follow).
 */
export function withStaticStyles(source: string): string {
  const lines = source.split('\n');
  const used = new Set(lines.flatMap((l) => /^\s*class \S+ (\S+)$/.exec(l)?.[1] ?? []));
  const defs = STATIC_CLASS_STYLES.filter(([cls]) => used.has(diagramClassName(cls)));
  if (!defs.length) return source;
  let at = lines.findIndex((l) => /^\s*class(Def)? /.test(l));
  if (at < 0) at = lines.length;
  const indent = /^\s*/.exec(lines[at] ?? '  ')![0] || '  ';
  return [...lines.slice(0, at), ...defs.map(([cls, s]) => indent + classDef(cls, s)), ...lines.slice(at)].join('\n');
}
