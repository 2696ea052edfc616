/**
 * A hand-written architecture page, reduced to what `charm-arch check` compares: its sections
 * (heading tree) and, in each, blocks of inline tokens (code spans, links, roles, plain text)
 * with their lines. Markdown/MyST and reStructuredText readers both produce this shape.
 */

export type DocFormat = 'md' | 'myst' | 'rst';

/** One inline piece of a block, in source order. */
export interface DocToken {
  type: 'text' | 'code' | 'link' | 'ref' | 'strong';
  /** Plain text: the code span's value, the link's text, the role's title (or target when untitled). */
  text: string;
  line: number;
  /** Links: the URL; roles: the target. */
  url?: string;
  /** Code spans inside a link's text. */
  codes?: string[];
}

export type DocBlockKind = 'heading' | 'item' | 'row' | 'paragraph';

/** A heading, a list item's own text, a table row, or a paragraph. */
export interface DocBlock {
  kind: DocBlockKind;
  line: number;
  tokens: DocToken[];
}

export interface DocSection {
  /** Heading text as plain text (code spans unquoted). */
  title: string;
  level: number;
  line: number;
  heading: DocBlock;
  /** Content before the first sub-heading. */
  blocks: DocBlock[];
  children: DocSection[];
}

export interface DocOutline {
  format: DocFormat;
  /** Top-level sections (content before the first heading sits in a level-0 pseudo-section). */
  sections: DocSection[];
  /** Docusaurus directives of this plugin used on the page (`:::name{...}`), with their lines. */
  directives: Array<{name: string; line: number}>;
}

/** Plain text of a block, code spans and link texts included. */
export function blockText(block: DocBlock): string {
  return block.tokens.map((t) => t.text).join('');
}

/** A section and all its descendants, in document order. */
export function* walkSections(sections: DocSection[]): Generator<DocSection> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.children);
  }
}

/** Every block of a section, its sub-headings and their content included, in document order. */
export function* sectionBlocks(section: DocSection, withHeading = false): Generator<DocBlock> {
  if (withHeading) yield section.heading;
  yield* section.blocks;
  for (const child of section.children) yield* sectionBlocks(child, true);
}

/** Builds the heading tree from a flat list of headings and blocks, in document order. */
export class OutlineBuilder {
  private readonly root: DocSection;
  private readonly stack: DocSection[];

  constructor() {
    this.root = {
      title: '',
      level: 0,
      line: 1,
      heading: {kind: 'heading', line: 1, tokens: []},
      blocks: [],
      children: [],
    };
    this.stack = [this.root];
  }

  heading(level: number, block: DocBlock): void {
    while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    const section: DocSection = {
      title: blockText(block).replace(/\s+/g, ' ').trim(),
      level,
      line: block.line,
      heading: block,
      blocks: [],
      children: [],
    };
    this.stack[this.stack.length - 1]!.children.push(section);
    this.stack.push(section);
  }

  block(block: DocBlock): void {
    if (block.tokens.length) this.stack[this.stack.length - 1]!.blocks.push(block);
  }

  sections(): DocSection[] {
    return this.root.blocks.length ? [{...this.root, children: []}, ...this.root.children] : this.root.children;
  }
}
