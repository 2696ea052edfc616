/**
 * Sentences of the hand-written page template that a section writes, filled in for the charm
 * ("We use Rockcraft to build OCI images for <charm-name>.", "> See more in the Juju docs: Hook").
 * A page converted from the template often keeps them above or below the directive; each is marked
 * with the template's words so that the remark half leaves out the section's own copy
 * (src/remark/adopt.ts `dropKeptTemplate`), and the page does not say it twice.
 */
import type {Paragraph, PhrasingContent, RootContent} from 'mdast';

/** A template sentence: the template's words (`<...>` stands for what the author fills in) and the sentence as written. */
export interface TemplateSentence {
  template: string;
  children: PhrasingContent[];
}

/** Where a template sentence sits in a generated block: children `[from, to)`, or the whole block. */
export interface TemplateMark {
  template: string;
  from?: number;
  to?: number;
}

export const templateSentence = (template: string, ...children: PhrasingContent[]): TemplateSentence => ({
  template,
  children,
});

const isSentence = (part: PhrasingContent | TemplateSentence): part is TemplateSentence => 'template' in part;

/** A paragraph made of template sentences and other text: each template sentence can be left out alone. */
export function templateParagraph(...parts: Array<PhrasingContent | TemplateSentence>): Paragraph {
  const children: PhrasingContent[] = [];
  const marks: TemplateMark[] = [];
  for (const part of parts) {
    if (!isSentence(part)) {
      children.push(part);
      continue;
    }
    marks.push({template: part.template, from: children.length, to: children.length + part.children.length});
    children.push(...part.children);
  }
  return {type: 'paragraph', children, data: {charmTemplate: marks} as Paragraph['data']};
}

/** A whole generated block (a "See more" blockquote, an introduction) that is a template sentence. */
export function templateBlock<T extends RootContent>(template: string, node: T): T {
  const data = (node.data ?? {}) as {charmTemplate?: TemplateMark[]};
  return {...node, data: {...data, charmTemplate: [...(data.charmTemplate ?? []), {template}]}};
}

/** The template sentences marked on a generated block. */
export function templateMarks(node: RootContent): readonly TemplateMark[] {
  return (node.data as {charmTemplate?: TemplateMark[]} | undefined)?.charmTemplate ?? [];
}
