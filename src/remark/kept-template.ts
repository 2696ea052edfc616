/**
 * A page converted from the hand-written template keeps some of the template's sentences next to
 * each directive ("We use Rockcraft to build OCI Images for ...", "> See more in the Juju docs:
 * Hook"), above the directive, inside it or below it. The section writes the same sentences
 * (marked in src/sections/template-prose.ts); this leaves out the section's copy of every sentence
 * the author kept, compared by words (case, punctuation, links and what fills a `<placeholder>` aside).
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {normaliseTitle} from '../sections/titles.js';
import {templateMarks, type TemplateMark} from '../sections/template-prose.js';

/** Text of a node, blocks separated by a space (`> See more:` then a paragraph reads as two words, not one). */
function plainText(node: {type?: string; value?: unknown; children?: unknown[]}): string {
  if (typeof node.value === 'string') return node.value;
  const children = (node.children ?? []) as Array<typeof node>;
  const phrasing = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
  return children.map(plainText).join(phrasing || !node.type ? '' : ' ');
}

/** The author's text of the section a directive stands in, each block normalised (`normaliseTitle`). */
export type KeptText = readonly string[];

/**
 * The author's blocks around a directive in its section: from the heading before it (or the
 * previous directive) to the next heading (or the next directive), and the directive's own prose.
 * Read before any directive of the page is expanded, so a neighbour's output never counts.
 */
export function keptText(
  siblings: readonly RootContent[],
  directive: RootContent & {children?: RootContent[]},
  isDirective: (node: RootContent) => boolean,
): KeptText {
  const at = siblings.indexOf(directive);
  const blocks: RootContent[] = [...(directive.children ?? [])];
  for (let i = at - 1; i >= 0; i--) {
    const node = siblings[i]!;
    if (node.type === 'heading' || isDirective(node)) break;
    blocks.push(node);
  }
  for (let i = at + 1; i < siblings.length; i++) {
    const node = siblings[i]!;
    if (node.type === 'heading' || isDirective(node)) break;
    blocks.push(node);
  }
  return blocks.map((b) => normaliseTitle(plainText(b))).filter(Boolean);
}

/** One or more words: what the author wrote for a template's `<placeholder>`. */
const WORDS = '[a-z0-9]+(?: [a-z0-9]+)*?';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The template's words as a pattern over normalised text, each `<placeholder>` matching any words. */
function templatePattern(template: string): RegExp {
  const tokens: string[] = [];
  template.split(/<[^<>]*>/).forEach((piece, i) => {
    if (i > 0) tokens.push(WORDS);
    const words = normaliseTitle(piece);
    if (words) tokens.push(escape(words));
  });
  return new RegExp(`(?:^| )${tokens.join(' ')}(?= |$)`);
}

/** Whether the author kept this sentence: the template's words, or the section's own sentence word for word. */
function kept(mark: TemplateMark, written: PhrasingContent[], text: KeptText): boolean {
  const pattern = templatePattern(mark.template);
  const own = normaliseTitle(written.map(plainText).join(''));
  return text.some((t) => pattern.test(t) || (own !== '' && ` ${t} `.includes(` ${own} `)));
}

/** A paragraph's text without a leading or trailing space where a sentence was cut out of it. */
function trimmed(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  const first = out[0];
  if (first?.type === 'text') out[0] = {...first, value: first.value.trimStart()};
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = {...last, value: last.value.trimEnd()};
  return out.filter((c) => c.type !== 'text' || c.value !== '');
}

/** The generated blocks without the template sentences the author kept; a block left empty is left out. */
export function dropKeptTemplate(generated: RootContent[], text: KeptText): RootContent[] {
  if (!text.length) return generated;
  return generated.flatMap((node): RootContent[] => {
    const marks = templateMarks(node);
    if (!marks.length) return [node];
    const children = 'children' in node ? (node.children as PhrasingContent[]) : [];
    if (marks.some((m) => m.from === undefined && kept(m, [node as PhrasingContent], text))) return [];
    const cut = marks.filter((m) => m.from !== undefined && kept(m, children.slice(m.from, m.to), text));
    if (!cut.length || node.type !== 'paragraph') return [node];
    const left = trimmed(children.filter((_, i) => !cut.some((m) => i >= m.from! && i < m.to!)));
    return left.length ? [{...node, children: left}] : [];
  });
}
