/**
 * The README's examples are real output: each ```md example followed (after prose that says it
 * "expands to") by another ```md block is run through the transformer on the demo site's
 * pastebin-k8s charm, and must read as shown. A line `...` in the shown output stands for lines
 * left out; everything else must match, in order.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Code} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {normalizeOptions} from '../../src/options.js';
import {stateFor} from '../../src/state.js';
import {root, run} from './harness.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** [page, shown output] pairs: an `md` code block, then prose saying "expands to", then the output block. */
function examples(): Array<{page: string; shown: string; line: number}> {
  const tree = fromMarkdown(readme);
  const out: Array<{page: string; shown: string; line: number}> = [];
  const blocks = tree.children;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'code' || block.lang !== 'md') continue;
    const between = blocks.slice(i + 1).findIndex((b) => b.type === 'code');
    const next = between >= 0 ? (blocks[i + 1 + between] as Code) : undefined;
    const prose = blocks
      .slice(i + 1, i + 1 + between)
      .map((b) => readme.slice(b.position!.start.offset, b.position!.end.offset))
      .join(' ');
    if (next?.lang === 'md' && /expands to/i.test(prose))
      out.push({page: block.value, shown: next.value, line: block.position!.start.line});
  }
  return out;
}

/** Whether `output` reads as `shown`: the parts between `...` lines appear in order, the first at the start. */
function readsAs(output: string, shown: string): boolean {
  const parts = shown.split(/^\.\.\.$/m).map((p) => p.replace(/^\n+|\n+$/g, ''));
  let at = 0;
  return parts.every((part, i) => {
    const found = output.indexOf(part, at);
    if (found < 0 || (i === 0 && found !== 0)) return false;
    at = found + part.length;
    return true;
  });
}

const options = normalizeOptions({
  id: 'readme',
  charms: {
    pastebin: {
      path: 'website/charms/pastebin-k8s',
      repository: 'https://github.com/example/pastebin-k8s-operator',
      branch: 'main',
    },
  },
});
stateFor(options).siteDir = root;

test('the README has examples with their output', () => {
  expect(examples().length).toBeGreaterThanOrEqual(2);
});

describe('each README example expands as the README shows', () => {
  for (const {page, shown, line} of examples()) {
    test(`README.md:${line}`, () => {
      const {output} = run(page, options);
      if (!readsAs(output, shown)) expect(output).toBe(shown);
    });
  }
});

test('the matcher rejects what differs', () => {
  expect(readsAs('a\nb\nc\n', 'a\n...\nc')).toBe(true);
  expect(readsAs('a\nb\nc\n', 'b\n...\nc')).toBe(false);
  expect(readsAs('a\nb\nc\n', 'a\n...\nd')).toBe(false);
});
