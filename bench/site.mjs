// The benchmark's Docusaurus sites: M pages using several directives across the generated charms,
// and the same site with every directive replaced by its already-expanded Markdown (MDX).

import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {toMarkdown} from 'mdast-util-to-markdown';
import {directiveFromMarkdown, directiveToMarkdown} from 'mdast-util-directive';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {mdxFromMarkdown, mdxToMarkdown} from 'mdast-util-mdx';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {mdxjs} from 'micromark-extension-mdxjs';
import {VFile} from 'vfile';
import {toString} from 'mdast-util-to-string';
import {createRequire} from 'node:module';

const {createSlugger} = createRequire(import.meta.url)('@docusaurus/utils');

/** Charm ids used by page j (three different charms when there are three or more). */
function charmsOfPage(j, ids) {
  const n = ids.length;
  return [ids[j % n], ids[(j + 7) % n], ids[(j + 13) % n]];
}

/**
 * Page j: front matter, author prose, and directives. Four templates cover all 13 directives;
 * every 25th page is a whole architecture page.
 */
export function pageSource(j, ids, products) {
  const [a, b, c] = charmsOfPage(j, ids);
  const P = (id) => products[id];
  const front = `---\ntitle: Page ${j} (${P(a)})\nsidebar_position: ${j + 1}\n---\n\n`;
  const intro = `# ${P(a)} notes ${j}\n\nThis page documents how the ${P(a)} charm is put together, and where it meets ${P(b)} and ${P(c)}. The sections below are generated from the charms at build time; the prose is written by hand.\n\n`;
  let body;
  let directives;
  if (j % 25 === 24) {
    body = `## Architecture\n\n:::charm-architecture{charm="${a}"}\n:::\n\n## Integrations of ${P(b)}\n\n:::charm-integrations{charm="${b}"}\n:::\n`;
    directives = 2;
  } else if (j % 3 === 0) {
    body = [
      `## Juju events\n\n:::juju-events{charm="${a}" exclude="update-status,collect-unit-status"}\nThe charm reconciles its whole configuration on most events.\n\n- config-changed: re-renders the configuration and restarts the services.\n:::\n`,
      `## Pebble layers\n\n:::pebble-layers{charm="${a}" container="${a}-proxy"}\n:::\n`,
      `## Integrations of ${P(b)}\n\nWhat ${P(b)} requires and provides.\n\n:::charm-integrations{charm="${b}"}\n:::\n`,
      `## Configuration of ${P(c)}\n\n:::charm-config{charm="${c}"}\n:::\n`,
    ].join('\n');
    directives = 4;
  } else if (j % 3 === 1) {
    body = [
      `## Overview\n\n:::charm-overview{charm="${a}"}\n:::\n`,
      `:::deployment-diagram{charm="${a}" layout="compact"}\n:::\n`,
      `## ${P(b)} containers\n\n:::charm-containers{charm="${b}"}\n:::\n`,
      `:::oci-images{charm="${b}"}\n:::\n`,
    ].join('\n');
    directives = 4;
  } else {
    body = [
      `## Inside the charm\n\n:::charm-diagram{charm="${a}"}\n:::\n`,
      `:::charm-metrics{charm="${a}"}\n:::\n`,
      `## ${P(b)} actions\n\n:::charm-actions{charm="${b}"}\n:::\n`,
      `## ${P(c)} code\n\n:::charm-code-overview{charm="${c}"}\n:::\n`,
    ].join('\n');
    directives = 4;
  }
  const outro = `\n## Notes\n\nOperators of ${P(a)} usually deploy it next to ${P(b)}; see the charm's own documentation for upgrades and backups.\n`;
  return {front, body: intro + body + outro, directives, charms: [a, b, c]};
}

/**
 * The static twin of a page body: the real remark transformer expands the directives, and the
 * result is printed back as MDX (the diagram component and its import included). Heading ids the
 * plugin sets become `\{#id}`, so both sites get the same anchors and table of contents. The
 * backslash is needed: Docusaurus escapes `{#` itself only on lines that start with `#`, and an
 * event heading inside a list item (`1. #### ... {#event-x}`) would be read by MDX as an expression.
 */
export function staticBody(body, remarkPlugin, filePath) {
  const tree = fromMarkdown(body, {
    extensions: [mdxjs(), gfm(), directive()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), directiveFromMarkdown()],
  });
  const [plugin, options] = remarkPlugin;
  plugin(options)(tree, new VFile({path: filePath, value: body}));
  // Generated headings keep the id Docusaurus would give them: its headings plugin slugs the ids a
  // remark plugin set, and the text of the other headings, with one slugger per page. In the static
  // twin they become `{#id}`; an author heading gets one only if its slug would otherwise change.
  const real = createSlugger();
  const twin = createSlugger();
  const ids = [];
  const walk = (node) => {
    // An empty code span has no Markdown syntax (`` is text); MDX writes it as <code />.
    for (const [i, c] of (node.children ?? []).entries()) {
      if (c.type === 'inlineCode' && c.value === '')
        node.children[i] = {type: 'mdxJsxTextElement', name: 'code', attributes: [], children: []};
    }
    // Line breaks in a JSX attribute (the diagram source) as character references: written as
    // newlines, MDX would strip the indentation of each continuation line.
    if (node.type === 'mdxJsxFlowElement')
      for (const a of node.attributes)
        if (typeof a.value === 'string') a.value = a.value.replace(/\n/g, 'BENCHNEWLINEX');
    if (node.type === 'heading') {
      const set = node.data?.hProperties?.id;
      const id = set ? real.slug(set, {maintainCase: true}) : real.slug(toString(node), {maintainCase: false});
      if (set || twin.slug(toString(node), {maintainCase: false}) !== id) {
        node.children.push({type: 'text', value: `BENCHHEADINGID${ids.length}X`});
        ids.push(id);
      }
    }
    for (const c of node.children ?? []) walk(c);
  };
  walk(tree);
  let out = toMarkdown(tree, {
    extensions: [mdxToMarkdown(), gfmToMarkdown(), directiveToMarkdown()],
    bullet: '-',
    fences: true,
    rule: '-',
  });
  out = out.replace(/BENCHHEADINGID(\d+)X/g, (_, i) => ` \\{#${ids[Number(i)]}}`).replace(/BENCHNEWLINEX/g, '&#10;');
  return out;
}

/** Writes a Docusaurus site (config, sidebar, package.json, pages) at `dir`. */
export function writeSite(dir, {distIndex, charms, defaultCharm, pages, title}) {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(join(dir, 'docs'), {recursive: true});
  mkdirSync(join(dir, 'src', 'css'), {recursive: true});
  writeFileSync(join(dir, 'src', 'css', 'custom.css'), ':root {}\n');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'charm-architecture-bench-site',
        version: '0.0.0',
        private: true,
        browserslist: {production: ['>0.5%', 'not dead', 'not op_mini all'], development: ['last 1 chrome version']},
      },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(dir, 'sidebars.js'), `module.exports = {docs: [{type: 'autogenerated', dirName: '.'}]};\n`);
  writeFileSync(
    join(dir, 'docusaurus.config.ts'),
    `// Generated by bench/site.mjs. The plugin comes from the repository's dist/ (npm run build).
import {charmArchitecture} from ${JSON.stringify(pathToFileURL(distIndex).pathname)};

const charms = charmArchitecture({
  charms: ${JSON.stringify(charms, null, 2).replace(/\n/g, '\n  ')},
  defaultCharm: ${JSON.stringify(defaultCharm)},
  onError: 'throw',
});

export default {
  title: ${JSON.stringify(title)},
  url: 'https://bench.example.org',
  baseUrl: '/',
  onBrokenLinks: 'ignore',
  onBrokenAnchors: 'ignore',
  future: {v4: false, faster: false},
  i18n: {defaultLocale: 'en', locales: ['en']},
  markdown: {mermaid: true, hooks: {onBrokenMarkdownLinks: 'ignore'}},
  themes: ['@docusaurus/theme-mermaid'],
  plugins: [charms.plugin],
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: 'docs', sidebarPath: './sidebars.js', beforeDefaultRemarkPlugins: [charms.remarkPlugin]},
        pages: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]},
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      },
    ],
  ],
  themeConfig: {
    mermaid: {theme: {light: 'neutral', dark: 'dark'}},
    navbar: {title: ${JSON.stringify(title)}, items: [{type: 'docSidebar', sidebarId: 'docs', label: 'Docs', position: 'left'}]},
  },
};
`,
  );
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, 'docs', name), text);
}
