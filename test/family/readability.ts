/** How large a rendered diagram's text is, as a reader sees it: shared by the Chromium tests of the integration map. */

/** Width of the diagram area on a docs page with sidebar and table of contents at 1280 px (measured by test/e2e/website/family-pages.ts). */
export const DOCS_DIAGRAM_WIDTH = 680;
export const MIN_TEXT_PX = 11;

export interface Readability {
  /** Smallest node text as rendered (CSS px). */
  minNodePx: number;
  minEdgePx: number;
  nodes: number;
  edgeLabels: number;
  /** The SVG's width as drawn (CSS px). */
  width: number;
}

/** Run in the page: how large the first diagram's text is once the SVG is scaled to its container. */
export function measureInPage(selector: string): Readability {
  const svg = document.querySelector<SVGSVGElement>(selector)!;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const px = (el: Element): number => parseFloat(getComputedStyle(el).fontSize) * scale;
  const nodeLabels = [...svg.querySelectorAll('g.node .nodeLabel')];
  const edgeLabels = [...svg.querySelectorAll('g.edgeLabel .edgeLabel, g.edgeLabel span')].filter(
    (e) => (e.textContent ?? '').trim() !== '',
  );
  return {
    minNodePx: Math.min(...nodeLabels.map(px)),
    minEdgePx: edgeLabels.length ? Math.min(...edgeLabels.map(px)) : Infinity,
    nodes: svg.querySelectorAll('g.node').length,
    edgeLabels: edgeLabels.length,
    width: Math.round(svg.getBoundingClientRect().width),
  };
}
