/**
 * CSS handed to Mermaid as `themeCSS`. Mermaid scopes it under the diagram's
 * `#id`, so `.node.ca-charm rect` becomes `#mermaid-svg-… .node.ca-charm rect`, more
 * specific than Mermaid's own `#… .node rect` rules.
 *
 * The builders in src/diagrams assign class names with `class id ca-name`
 * statements and write `classDef` only for colourless styles (a `classDef`
 * cannot take CSS variables; the optional boxes' dash comes that way, so
 * it shows outside Docusaurus too). Here each class gets Infima variables, which Docusaurus
 * redefines under `html[data-theme='dark']`, so the diagram follows the
 * site's colours in light and dark mode without re-rendering.
 *
 * Node fill / text pairs are Infima's `--ifm-color-*-contrast-background` /
 * `--ifm-color-*-contrast-foreground` (built for alerts: text contrast far
 * above 4.5:1, swapped in dark mode). Each `var()` carries the light-mode
 * value as a fallback so an SVG used outside the site still has colours.
 */

interface Pair {
  bg: string;
  fg: string;
  stroke: string;
}

/**
 * The prefix of every class the diagrams emit (src/diagrams/types.ts DIAGRAM_CLASS_PREFIX; kept
 * here too because the theme imports nothing but types from src/, and test/theme checks the two
 * agree): bare names such as `optional` collide with a host page's CSS (Sphinx's basic.css).
 */
export const CLASS_PREFIX = 'ca-';
const node = (cls: string): string => `.node.${CLASS_PREFIX}${cls}`;
const cluster = (cls: string): string => `.cluster.${CLASS_PREFIX}${cls}`;

const v = (name: string, fallback: string): string => `var(--ifm-${name}, ${fallback})`;

const pair = (
  color: 'primary' | 'secondary' | 'success' | 'info' | 'warning',
  bg: string,
  fg: string,
  stroke: string,
): Pair => ({
  bg: v(`color-${color}-contrast-background`, bg),
  fg: v(`color-${color}-contrast-foreground`, fg),
  stroke,
});

const PAIRS: Record<string, Pair> = {
  external: pair('secondary', 'rgb(253, 253, 254)', 'rgb(71, 71, 72)', v('color-emphasis-600', '#606770')),
  image: pair('secondary', 'rgb(253, 253, 254)', 'rgb(71, 71, 72)', v('color-emphasis-500', '#8d949e')),
  storage: pair('secondary', 'rgb(253, 253, 254)', 'rgb(71, 71, 72)', v('color-emphasis-500', '#8d949e')),
  workload: pair('success', 'rgb(230, 246, 230)', 'rgb(0, 49, 0)', v('color-success-dark', 'rgb(0, 148, 0)')),
  observability: pair('info', 'rgb(238, 249, 253)', 'rgb(25, 60, 71)', v('color-info-dark', 'rgb(76, 179, 212)')),
  exporter: pair('warning', 'rgb(255, 248, 230)', 'rgb(77, 56, 0)', v('color-warning-dark', 'rgb(230, 167, 0)')),
  charm: pair('primary', 'rgb(235, 242, 252)', 'rgb(16, 36, 69)', v('color-primary', '#3578e5')),
};

const SHAPES = ['rect', 'path', 'polygon', 'circle', 'ellipse'];
const TEXT = ['.nodeLabel', '.nodeLabel p', 'span', 'text', 'tspan'];

function nodeRule(cls: string, p: Pair): string {
  const shapes = SHAPES.map((s) => `${node(cls)} ${s}`).join(', ');
  const text = TEXT.map((s) => `${node(cls)} ${s}`).join(', ');
  return `${shapes} { fill: ${p.bg}; stroke: ${p.stroke}; }\n${text} { color: ${p.fg}; fill: ${p.fg}; }`;
}

const font = v('font-color-base', '#1c1e21');
const surface = v('background-surface-color', '#ffffff');

/** The CSS, in cascade order (later classes win on a node that has several). */
export const CHARM_DIAGRAM_THEME_CSS = [
  nodeRule('external', PAIRS.external!),
  nodeRule('image', PAIRS.image!),
  nodeRule('storage', PAIRS.storage!),
  nodeRule('workload', PAIRS.workload!),
  nodeRule('observability', PAIRS.observability!),
  nodeRule('exporter', PAIRS.exporter!),
  nodeRule('charm', PAIRS.charm!),
  `${SHAPES.map((s) => `${node('charm')} ${s}`).join(', ')} { stroke-width: 2px; }`,
  `${SHAPES.map((s) => `${node('computed')} ${s}`).join(', ')} { fill: ${surface}; stroke: ${v('color-emphasis-500', '#8d949e')}; stroke-dasharray: 3 3; }`,
  `${TEXT.map((s) => `${node('computed')} ${s}`).join(', ')} { color: ${v('color-emphasis-800', '#444950')}; fill: ${v('color-emphasis-800', '#444950')}; font-style: italic; }`,
  // Subgraphs
  `.cluster rect { fill: ${v('color-emphasis-100', '#f5f6f7')}; stroke: ${v('color-emphasis-400', '#ccd0d5')}; }`,
  `${cluster('container')} rect { fill: ${v('color-emphasis-100', '#f5f6f7')}; stroke: ${v('color-emphasis-500', '#8d949e')}; }`,
  `${cluster('unit')} rect { fill: ${surface}; stroke: ${v('color-emphasis-600', '#606770')}; stroke-width: 1.5px; }`,
  `${cluster('observability')} rect { stroke: ${PAIRS.observability!.stroke}; }`,
  `.cluster .cluster-label .nodeLabel, .cluster .cluster-label span, .cluster .cluster-label p, .cluster-label text { color: ${font}; fill: ${font}; }`,
  // Edge labels: the page's text on the page's surface. Mermaid's dark theme draws #ccc on #585858
  // (4.43:1, under WCAG AA's 4.5:1) and its light theme a half-transparent box over the lines.
  `.edgeLabel, .edgeLabel p, .edgeLabel span, .labelBkg { color: ${font}; background-color: ${surface}; }`,
  `.edgeLabel rect { fill: ${surface}; opacity: 1; }`,
  `.edgeLabel text, .edgeLabel tspan { fill: ${font}; }`,
].join('\n');
