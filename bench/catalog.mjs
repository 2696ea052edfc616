// :::charm-catalog on the demo site (website/, its 3 charms and its pages): the remark transformer's
// time per directive, first directive of a build and the ones after it (median of --runs, default 30).
// Usage: npm run build && node bench/catalog.mjs [--runs N]
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {directive} from 'micromark-extension-directive';
import {VFile} from 'vfile';
import {median} from './lib/stats.mjs';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 30;
const siteDir = fileURLToPath(new URL('../website/', import.meta.url));
const {charmArchitecture} = await import(new URL('../dist/src/index.js', import.meta.url));

const charms = charmArchitecture({
  charms: {
    pastebin: {path: './charms/pastebin-k8s', repository: 'https://github.com/example/pastebin-k8s-operator'},
    logsink: {path: './charms/logsink'},
    logrelay: {path: './charms/log-relay-k8s'},
  },
  defaultCharm: 'pastebin',
  onError: 'throw',
  persistentCache: false,
});
const siteConfig = {presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]}}]]};
const plugin = charms.plugin[0]({siteDir, siteConfig}, charms.plugin[1]);

const source = '# Catalog\n\n:::charm-catalog\n:::\n';
const page = join(siteDir, 'docs', 'family', 'catalog.md');
function once(transform) {
  const tree = fromMarkdown(source, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
  const t = performance.now();
  transform(tree, new VFile({path: page, value: source}));
  return performance.now() - t;
}

const first = [];
const after = [];
for (let r = 0; r < runs; r++) {
  // A build: the plugin half starts it (loadContent), then pages compile.
  await plugin.loadContent?.();
  const transform = charms.remarkPlugin[0](charms.remarkPlugin[1]);
  first.push(once(transform));
  for (let i = 0; i < 5; i++) after.push(once(transform));
}
const f = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `:::charm-catalog on website/ (3 charms), ${runs} builds: the process's first ${f(first[0])}; ` +
    `first directive of a build ${f(median(first))}, each after it ${f(median(after))} (medians)`,
);
