import type {BlockContent, PhrasingContent} from 'mdast';
import type {LinkOptions} from './context.js';
import {charmMarkdown} from './charm-markdown.js';
import {paragraph, text} from './mdast.js';

/**
 * A list item "head: description" where the description is charm text: one paragraph runs on after
 * the head; anything more (a bullet list, several paragraphs) follows as its own inert Markdown blocks,
 * so a resource description written as a list reads as a list.
 */
export function describedItem(
  head: PhrasingContent[],
  description: string | undefined,
  links?: LinkOptions,
): BlockContent[] {
  const blocks = description?.trim() ? charmMarkdown(description, links) : [];
  const [first] = blocks;
  if (!first) return [paragraph(...head)];
  if (blocks.length === 1 && first.type === 'paragraph') return [paragraph(...head, text(': '), ...first.children)];
  return [paragraph(...head, text(':')), ...blocks];
}
