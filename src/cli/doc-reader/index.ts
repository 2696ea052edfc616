import {extname} from 'node:path';
import {readMarkdown} from './markdown.js';
import {readRst} from './rst.js';
import type {DocFormat, DocOutline} from './types.js';

export * from './types.js';
export {readMarkdown} from './markdown.js';
export {readRst} from './rst.js';

/** `.rst` is reStructuredText; anything else Markdown, MyST when it uses MyST syntax. */
export function detectFormat(path: string, source: string): DocFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.rst' || ext === '.rest' || ext === '.txt') return 'rst';
  if (/^```\{[a-z]|^\([\w.:-]+\)=\s*$|\{(ref|doc|term)\}`/m.test(source)) return 'myst';
  return 'md';
}

export function readDoc(path: string, source: string, format?: DocFormat): DocOutline {
  const f = format ?? detectFormat(path, source);
  return f === 'rst' ? readRst(source) : readMarkdown(source, f);
}
