// Directive expansion through the real Docusaurus MDX pipeline, in one process:
// each page goes through the plugin's pre-loader and @docusaurus/mdx-loader (remark, rehype, recma,
// the same default plugins a docs page gets), and so does its static twin (directives already expanded).
// Input (JSON on argv[2]): {siteDir, staticDir, pages: [{name, directives}], charms, defaultCharm, runs}
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {median} from './stats.mjs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const require = createRequire(import.meta.url);
const mdxLoader = require('@docusaurus/mdx-loader').default;
const {DEFAULT_MARKDOWN_CONFIG} = require('@docusaurus/core/lib/server/configValidation.js');
const dist = process.env.BENCH_DIST
  ? new URL(`file://${process.env.BENCH_DIST}/src/`)
  : new URL('../../dist/src/', import.meta.url);
const {charmArchitecture} = await import(new URL('index.js', dist));
const {default: preLoader} = await import(new URL('webpack/charm-dependencies-loader.js', dist));

const charms = charmArchitecture({charms: cfg.charms, defaultCharm: cfg.defaultCharm, onError: 'throw'});
const [remark, remarkOptions] = charms.remarkPlugin;
let transformMs = 0;
// The remark half, timed from inside the pipeline (the wrapper adds one performance.now() pair).
const timedRemark = (options) => {
  const transform = remark(options);
  return (tree, file) => {
    const t = performance.now();
    transform(tree, file);
    transformMs += performance.now() - t;
  };
};
const siteConfig = {
  presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]}}]],
  plugins: [],
  themes: [],
};
const plugin = charms.plugin[0]({siteDir: cfg.siteDir, siteConfig}, charms.plugin[1]);
const preRule = plugin.configureWebpack().module.rules[0].use[0];

const markdownConfig = {...DEFAULT_MARKDOWN_CONFIG, mermaid: true};
const common = {
  markdownConfig,
  staticDirs: [],
  siteDir: cfg.siteDir,
  admonitions: true,
  remarkPlugins: [],
  rehypePlugins: [],
  beforeDefaultRehypePlugins: [],
  recmaPlugins: [],
};
const directiveOptions = {...common, beforeDefaultRemarkPlugins: [[timedRemark, remarkOptions]]};
const staticOptions = {...common, beforeDefaultRemarkPlugins: [[timedRemark, remarkOptions]]};

function run(loader, options, source, resourcePath) {
  return new Promise((resolve, reject) => {
    const ctx = {
      _compiler: {name: 'client'},
      resource: resourcePath,
      resourcePath,
      getOptions: () => options,
      addDependency() {},
      addContextDependency() {},
      async: () => (error, result) => (error ? reject(error) : resolve(result)),
    };
    const out = loader.call(ctx, source);
    if (typeof out === 'string') resolve(out);
  });
}

const pages = cfg.pages.map((p) => ({
  ...p,
  dirPath: join(cfg.siteDir, 'docs', p.name),
  staticPath: join(cfg.staticDir, 'docs', p.name),
  dirSource: readFileSync(join(cfg.siteDir, 'docs', p.name), 'utf8'),
  staticSource: readFileSync(join(cfg.staticDir, 'docs', p.name), 'utf8'),
  dirMs: [],
  staticMs: [],
  transformMs: [],
}));

let identical = 0;
let sameStrings = 0;
let firstPageMs;
const normalise = (code) => code.replace(/\s+/g, ' ');
// Markdown cannot write a tight list item holding two paragraphs, so the static twin of such a list
// is loose (<li><p>…</p></li>). Compared without that structure: every string literal of the
// compiled page in order (text, link targets, heading ids, diagram sources), line breaks dropped.
// The ids the plugin puts on list items (`<li id="event-…">`) have no Markdown syntax either, so
// the twin has none; they are left out of the comparison. So are the class and inline style the
// plugin puts on each generated table (src/remark/table-scroll.ts): GFM tables take no attributes.
const tableAttributes = /className: "charm-arch-table",\s*style: \{[^}]*\},?/g;
const strings = (code) =>
  (code.replace(tableAttributes, '').match(/"(?:[^"\\]|\\.)*"/g) ?? [])
    .filter((x) => x !== '"\\n"' && x !== '"code"' && !/^"event-[\w-]+"$/.test(x))
    .map((x) => x.slice(1, -1))
    .join('');
for (let pass = 0; pass <= cfg.runs; pass++) {
  for (const p of pages) {
    transformMs = 0;
    let t = performance.now();
    const pre = await run(preLoader, preRule.options, p.dirSource, p.dirPath);
    const dirOut = await run(mdxLoader, directiveOptions, pre, p.dirPath);
    const dirMs = performance.now() - t;
    const tf = transformMs;
    t = performance.now();
    const staticOut = await run(mdxLoader, staticOptions, p.staticSource, p.staticPath);
    const staticMs = performance.now() - t;
    if (pass === 0) {
      if (firstPageMs === undefined) firstPageMs = dirMs;
      if (strings(dirOut) === strings(staticOut)) sameStrings++;
      if (normalise(dirOut) === normalise(staticOut)) identical++;
      else if (!cfg.diffShown && strings(dirOut) !== strings(staticOut)) {
        cfg.diffShown = true;
        const a = strings(dirOut),
          b = strings(staticOut);
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        process.stderr.write(
          `static twin differs (${p.name}) at ${i}:\n  directive: ${a.slice(Math.max(0, i - 100), i + 200)}\n  static:    ${b.slice(Math.max(0, i - 100), i + 200)}\n`,
        );
      }
      continue; // pass 0 warms the JIT and the model cache
    }
    p.dirMs.push(dirMs);
    p.staticMs.push(staticMs);
    p.transformMs.push(tf);
  }
}

// Each directive on its own: the remark transformer on a one-directive tree (parsing excluded),
// for every directive name and up to 5 charms (a family directive: those 5 at once), median of 15 repetitions.
const {fromMarkdown} = await import('mdast-util-from-markdown');
const {directiveFromMarkdown} = await import('mdast-util-directive');
const {directive} = await import('micromark-extension-directive');
const {VFile} = await import('vfile');
const {DIRECTIVE_NAMES} = await import(new URL('index.js', dist));
const {directiveNamed} = await import(new URL('sections/registry.js', dist));
const isFamilySection = (name) => directiveNamed(name)?.family === true;
const transform = remark(remarkOptions);
const byDirective = {};
const ids = Object.keys(cfg.charms).slice(0, 5);
for (const name of DIRECTIVE_NAMES) {
  const perCharm = [];
  // A family directive (integration map, catalog) reads several charms at once and takes no `charm`.
  for (const attributes of isFamilySection(name) ? [`charms="${ids.join(',')}"`] : ids.map((id) => `charm="${id}"`)) {
    const source = `# Page\n\n:::${name}{${attributes}}\n:::\n`;
    const times = [];
    for (let i = 0; i < 15; i++) {
      const tree = fromMarkdown(source, {extensions: [directive()], mdastExtensions: [directiveFromMarkdown()]});
      const file = new VFile({path: join(cfg.siteDir, 'docs', 'one.md'), value: source});
      const t = performance.now();
      transform(tree, file);
      times.push(performance.now() - t);
    }
    perCharm.push(median(times));
  }
  byDirective[name] = median(perCharm);
}

const perPage = pages.map((p) => ({
  name: p.name,
  directives: p.directives,
  dirMs: median(p.dirMs),
  staticMs: median(p.staticMs),
  transformMs: median(p.transformMs),
}));
process.stdout.write(
  JSON.stringify({
    firstPageMs,
    identical,
    sameStrings,
    byDirective,
    pages: perPage.length,
    directives: perPage.reduce((a, p) => a + p.directives, 0),
    perPage,
  }),
);
