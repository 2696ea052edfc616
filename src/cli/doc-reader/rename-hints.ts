/** Names as a page writes them, and the charm's name a stale one was probably renamed from. */
import {levenshtein} from '../../levenshtein.js';
import {normaliseEventName} from '../../model/index.js';

export function cleanName(text: string): string {
  return text
    .trim()
    .replace(/^[`'"“”*]+|[`'"“”*]+$/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ');
}

/**
 * The most similar name, when similar enough to be a rename: within a quarter of the length in
 * edits, or a third when both start with the same word (`redis_relation_changed` ->
 * `redis-relation-updated`).
 */
export function didYouMean(name: string, options: string[]): string | undefined {
  const plain = normaliseEventName(name).replace(/^\*-/, '');
  let best: string | undefined;
  let bestScore = Infinity;
  for (const o of options) {
    const d = levenshtein(plain, o) / Math.max(plain.length, o.length);
    const limit = plain.split('-')[0] === o.split('-')[0] ? 0.34 : 0.25;
    if (d <= limit && d < bestScore) {
      bestScore = d;
      best = o;
    }
  }
  return best;
}
