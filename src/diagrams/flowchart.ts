/**
 * A tiny writer for Mermaid flowchart source. Every label passes through
 * escape.ts; ids come from its generator; classes are collected and written
 * at the end as `class id ca-name` statements, with a `classDef` only for the
 * colourless styles of types.ts's PORTABLE_CLASS_STYLES that the diagram uses.
 */
import {accText, createIdGenerator, quoted, quotedLines, type EscapeOptions, type IdGenerator} from './escape.js';
import {diagramClassName, PORTABLE_CLASS_STYLES, type DiagramClass} from './types.js';

export type Direction = 'LR' | 'TB';
export type NodeShape = 'rect' | 'round' | 'stadium' | 'cylinder' | 'hexagon';
export type EdgeStyle = 'solid' | 'dotted' | 'thick';

const SHAPES: Record<NodeShape, [string, string]> = {
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  cylinder: ['[(', ')]'],
  hexagon: ['{{', '}}'],
};

export class FlowchartWriter {
  private readonly lines: string[] = [];
  private readonly classes: Array<[string, DiagramClass]> = [];
  private depth = 1;
  readonly ids: IdGenerator = createIdGenerator();

  constructor(direction: Direction, title: string, description: string) {
    this.lines.push(`flowchart ${direction}`);
    this.lines.push(`  accTitle: ${accText(title)}`);
    this.lines.push(`  accDescr: ${accText(description)}`);
  }

  private push(line: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
  }

  /** Add a node; `label` may be several lines. Returns its generated id. */
  node(
    label: string | readonly string[],
    opts: {shape?: NodeShape; classes?: DiagramClass[]; escape?: EscapeOptions} = {},
  ): string {
    const id = this.ids.node();
    const [open, close] = SHAPES[opts.shape ?? 'rect'];
    const text = typeof label === 'string' ? quoted(label, opts.escape) : quotedLines(label, opts.escape);
    this.push(`${id}${open}${text}${close}`);
    for (const c of opts.classes ?? []) this.addClass(id, c);
    return id;
  }

  /** Open a subgraph with a title; close it with {@link end}. Returns its id. */
  subgraph(title: string, opts: {classes?: DiagramClass[]; direction?: Direction} = {}): string {
    const id = this.ids.subgraph();
    this.push(`subgraph ${id}[${quoted(title)}]`);
    this.depth++;
    if (opts.direction) this.push(`direction ${opts.direction}`);
    for (const c of opts.classes ?? []) this.addClass(id, c);
    return id;
  }

  end(): void {
    this.depth = Math.max(1, this.depth - 1);
    this.push('end');
  }

  /** `from --> to`, optionally labelled (several lines: an array); dotted is `-.->`, thick is `==>`. */
  edge(from: string, to: string, label?: string | readonly string[], style: EdgeStyle = 'solid'): void {
    const arrow = style === 'dotted' ? '-.->' : style === 'thick' ? '==>' : '-->';
    const text = label === undefined ? '' : `|${typeof label === 'string' ? quoted(label) : quotedLines(label)}|`;
    this.push(`${from} ${arrow}${text} ${to}`);
  }

  /** `from ~~~ to`: an invisible link that only places `to` one rank after `from` (rows of a grid). */
  layoutLink(from: string, to: string): void {
    this.push(`${from} ~~~ ${to}`);
  }

  addClass(id: string, cls: DiagramClass): void {
    this.classes.push([id, cls]);
  }

  toString(): string {
    const out = [...this.lines];
    const used = new Set(this.classes.map(([, cls]) => cls));
    for (const [cls, style] of Object.entries(PORTABLE_CLASS_STYLES) as Array<[DiagramClass, string]>) {
      if (used.has(cls)) out.push(`  classDef ${diagramClassName(cls)} ${style}`);
    }
    for (const [id, cls] of this.classes) out.push(`  class ${id} ${diagramClassName(cls)}`);
    return out.join('\n') + '\n';
  }
}
