import type {PhrasingContent} from 'mdast';
import {text} from './mdast.js';

/** Cells the reference tables share: an empty cell, and where an extension (not the charm) declared the row. */
export const dash = (): PhrasingContent => text('–');
export const origin = (o: string): PhrasingContent[] =>
  o === 'charm' ? [] : [text(` (${o.replace('extension:', '')} extension)`)];
