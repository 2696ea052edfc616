import type {Heading, RootContent} from 'mdast';
import {isIntro} from '../sections/mdast.js';
import {adoptsTitle} from '../sections/titles.js';

/** Plain text of a heading (its inline code, links and emphasis included). */
export function headingText(node: {value?: unknown; children?: unknown[]}): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => headingText(c as typeof node)).join('');
}

/** An explicit `{#custom-id}` the author wrote: Docusaurus honours it, so the directive leaves it alone. */
const CUSTOM_ID = /\{#[^}]+\}\s*$/;

/** The author heading a directive may adopt, and whether the author wrote a paragraph of their own between the two. */
export interface AuthorHeading {
  heading: Heading;
  /** The author introduces the section themselves (often the template's own sentence, kept). */
  intro: boolean;
}

/**
 * The author heading a directive stands under, when it may adopt it: the nearest heading before it
 * among its siblings, with only the author's own prose between (another directive of this plugin in
 * between has its own section), below the page title (an h1 is the page's, not a section's).
 */
export function authorHeadingBefore(
  siblings: readonly RootContent[],
  directive: RootContent,
  isDirective: (node: RootContent) => boolean,
): AuthorHeading | undefined {
  let intro = false;
  for (let i = siblings.indexOf(directive) - 1; i >= 0; i--) {
    const node = siblings[i]!;
    if (node.type === 'heading') return node.depth >= 2 ? {heading: node, intro} : undefined;
    if (isDirective(node)) return undefined;
    if (node.type === 'paragraph') intro = true;
  }
  return undefined;
}

/**
 * When the generated section starts with the heading of the author's own section, the author's
 * heading takes its place (with its own anchor, or its own `{#id}`) and the generated heading is dropped, and so is the section's introductory sentence when the author wrote their own
 * (a page made from the template keeps its sentence, which would otherwise be printed twice).
 * Returns the generated content without them, or null (not adopted).
 */
export function adoptHeading(
  titles: readonly RegExp[],
  {heading: author, intro}: AuthorHeading,
  generated: RootContent[],
): RootContent[] | null {
  const first = generated[0];
  if (first?.type !== 'heading' || first.depth !== author.depth) return null;
  const title = headingText(author);
  if (!adoptsTitle(titles, title.replace(CUSTOM_ID, ''), headingText(first))) return null;
  // The author's heading keeps the anchor of its own text, as it would on a page of pasted output.
  const rest = generated.slice(1);
  return intro ? rest.filter((node) => !isIntro(node)) : rest;
}
