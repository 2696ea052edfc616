/**
 * Which direction draws a map narrower: left to right or top to bottom.
 *
 * The map is drawn at its natural size (never shrunk below readable text), so
 * its width decides whether a reader scrolls sideways. A chain of charms is
 * narrow top to bottom and wide left to right; a dense family the other way
 * round (12 charms: 1,930 px LR against 2,730 px TB). This estimates both
 * widths the way dagre lays a flowchart out: charms in layers by longest path
 * (cycles broken where a depth-first walk meets them), an edge's label placed
 * between the layers it joins, and text about 9 px a character at Mermaid's
 * default 16 px. An estimate, checked against Chromium's layout in
 * test/family/map-direction.test.ts.
 */
import type {Direction} from './flowchart.js';

export interface LayoutEdge {
  from: number;
  to: number;
  label: string;
}

const CHAR_PX = 9;
const NODE_PADDING_PX = 30;
const LABEL_PADDING_PX = 10;
/** Mermaid's default nodeSpacing and rankSpacing. */
const SPACING_PX = 50;

const textWidth = (lines: readonly string[]): number => Math.max(0, ...lines.map((l) => [...l].length)) * CHAR_PX;

/** Layer of each node: longest path from a source over the edges, back edges of a depth-first walk left out. */
export function layers(nodeCount: number, edges: readonly LayoutEdge[]): number[] {
  const out = Array.from({length: nodeCount}, () => [] as number[]);
  for (const e of edges) if (e.from !== e.to) out[e.from]!.push(e.to);
  const state = new Array<0 | 1 | 2>(nodeCount).fill(0);
  const order: number[] = [];
  const forward = Array.from({length: nodeCount}, () => [] as number[]);
  // Iterative depth-first walk: an edge to a node still on the stack closes a cycle and is left out.
  for (let root = 0; root < nodeCount; root++) {
    if (state[root]) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      if (next < out[node]!.length) {
        top[1]++;
        const to = out[node]![next]!;
        if (state[to] === 1) continue;
        forward[node]!.push(to);
        if (state[to] === 0) {
          state[to] = 1;
          stack.push([to, 0]);
        }
      } else {
        state[node] = 2;
        order.push(node);
        stack.pop();
      }
    }
  }
  const layer = new Array<number>(nodeCount).fill(0);
  for (const node of order.reverse())
    for (const to of forward[node]!) layer[to] = Math.max(layer[to]!, layer[node]! + 1);
  return layer;
}

/** Estimated widths (px) of the map drawn LR and TB. */
export function estimateWidths(
  nodes: ReadonlyArray<readonly string[]>,
  edges: readonly LayoutEdge[],
): Record<Direction, number> {
  const layer = layers(nodes.length, edges);
  const count = Math.max(0, ...layer) + 1;
  const nodeWidth = nodes.map((lines) => textWidth(lines) + NODE_PADDING_PX);
  const labelWidth = (e: LayoutEdge): number => textWidth([e.label]) + LABEL_PADDING_PX;
  // LR: layers side by side, each as wide as its widest node, each gap as wide as its widest label.
  let lr = 0;
  const tbRows: number[] = [];
  for (let k = 0; k < count; k++) {
    const inLayer = nodeWidth.filter((_, i) => layer[i] === k);
    lr += Math.max(0, ...inLayer);
    tbRows.push(inLayer.reduce((a, b) => a + b, 0) + SPACING_PX * Math.max(0, inLayer.length - 1));
    const gap = edges.filter((e) => Math.min(layer[e.from]!, layer[e.to]!) === k && e.from !== e.to).map(labelWidth);
    if (k < count - 1) {
      lr += Math.max(SPACING_PX, ...gap.map((w) => w + SPACING_PX));
      // TB: the labels of the edges leaving a layer share the row below it.
      tbRows.push(gap.reduce((a, b) => a + b, 0) + SPACING_PX * Math.max(0, gap.length - 1));
    }
  }
  return {LR: lr, TB: Math.max(0, ...tbRows)};
}

/** The direction with the smaller estimated width (LR on a tie). */
export function narrowerDirection(nodes: ReadonlyArray<readonly string[]>, edges: readonly LayoutEdge[]): Direction {
  const w = estimateWidths(nodes, edges);
  return w.TB < w.LR ? 'TB' : 'LR';
}
