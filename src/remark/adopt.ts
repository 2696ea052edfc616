import type {Heading, RootContent} from 'mdast';
import {adoptsTitle} from '../sections/titles.js';

/** Plain text of a heading (its inline code, links and emphasis included). */
export function headingText(node: {value?: unknown; children?: unknown[]}): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => headingText(c as typeof node)).join('');
}

/** An explicit `{#custom-id}` the author wrote: Docusaurus honours it, so the directive leaves it alone. */
const CUSTOM_ID = /\{#[^}]+\}\s*$/;

/**
 * The author heading a directive stands under, when it may adopt it: the nearest heading before it
 * among its siblings, with only the author's own prose between (another directive of this plugin in
 * between has its own section), below the page title (an h1 is the page's, not a section's).
 */
export function authorHeadingBefore(siblings: readonly RootContent[], directive: RootContent, isDirective: (node: RootContent) => boolean): Heading | undefined {
  for (let i = siblings.indexOf(directive) - 1; i >= 0; i--) {
    const node = siblings[i]!;
    if (node.type === 'heading') return node.depth >= 2 ? node : undefined;
    if (isDirective(node)) return undefined;
  }
  return undefined;
}

/**
 * When the generated section starts with the heading of the author's own section, the author's
 * heading takes its place: it gets the stable id (unless it has its own `{#id}`) and the generated
 * heading is dropped. Returns the generated content without that heading, or null (not adopted).
 */
export function adoptHeading(titles: readonly RegExp[], author: Heading, generated: RootContent[]): RootContent[] | null {
  const first = generated[0];
  if (first?.type !== 'heading' || first.depth !== author.depth) return null;
  const title = headingText(author);
  if (!adoptsTitle(titles, title.replace(CUSTOM_ID, ''), headingText(first))) return null;
  const id = (first.data)?.hProperties?.id;
  if (id && !CUSTOM_ID.test(title)) {
    const data = (author.data ??= {}) as {hProperties?: Record<string, unknown>};
    data.hProperties = {...data.hProperties, id};
  }
  return generated.slice(1);
}
