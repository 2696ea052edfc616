/**
 * A real Sphinx build (Debian's python3-sphinx, python3-myst-parser, python3-sphinxcontrib-mermaid)
 * of pages written by `charm-arch render` / `init`, in one project: the two demo charms and the
 * flask-framework fixture (MyST and rst), the busy-k8s fixture (grouped events, "see below"
 * references), a fixture charm whose texts carry MyST, rst and MDX markup, and a generated charm
 * with one hostile string per option and action (test/sphinx/project.ts). The build runs with
 * `-W -n`; the HTML is read with jsdom, and every distinct diagram is rendered in Chromium with
 * the mermaid of node_modules. Expected values come from the charm model (events, handlers) and
 * from the fixtures' own text. KEEP_SPHINX_PROJECT=1 keeps the built project for a look.
 */
import {readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {chromium, type Browser} from 'playwright-core';
import {loadCharm} from '../../src/model/charm/load.js';
import type {Heading} from 'mdast';
import {visit} from 'unist-util-visit';
import {DEFAULT_OPTIONS} from '../../src/options.js';
import {slug} from '../../src/sections/mdast.js';
import {directiveNamed} from '../../src/sections/registry.js';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../e2e/browser.js';
import {ROOT, sphinxBuild, writeProject, type SphinxProject} from './project.js';

type JSDOMCtor = new (html: string) => {window: {document: Document}};
const require = createRequire(import.meta.url);
const {JSDOM} = require('jsdom') as {JSDOM: JSDOMCtor};

/**
 * The anchors a Docusaurus page of these directives has (the section builders' heading ids, which
 * the site keeps), each that occurs once: the site appends `-1` to a repeated one, docutils `id1`.
 */
function directivePageAnchors(charmDir: string, sections: readonly string[]): string[] {
  const model = loadCharm(resolve(ROOT, charmDir));
  const links = {jujuDocsUrl: DEFAULT_OPTIONS.jujuDocsUrl, charmhubUrl: DEFAULT_OPTIONS.charmhubUrl};
  const ids: string[] = [];
  for (const name of sections) {
    const directive = directiveNamed(name);
    if (!directive || directive.family) throw new Error(`not a charm section: ${name}`);
    const nodes = directive.build({model, headingLevel: 2, links, attributes: {}, annotations: []});
    visit({type: 'root', children: nodes}, 'heading', (h: Heading) => void ids.push(h.data!.hProperties!.id!));
  }
  return ids.filter((id) => ids.indexOf(id) === ids.lastIndexOf(id));
}

let project: SphinxProject;
let build: {code: number; output: string};
const dom = new Map<string, Document>();
const html = (doc: string): Document => {
  if (!dom.has(doc)) dom.set(doc, new JSDOM(readFileSync(join(project.html, `${doc}.html`), 'utf8')).window.document);
  return dom.get(doc)!;
};
const text = (node: Element | Document | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  project = await writeProject();
  build = await sphinxBuild(project);
}, 300_000);
afterAll(() => process.env.KEEP_SPHINX_PROJECT || rmSync(project.base, {recursive: true, force: true}));

describe('a Sphinx project of rendered charm pages', () => {
  test('sphinx-build -W -n succeeds with no warning', () => {
    expect(build.output).not.toMatch(/WARNING|ERROR/);
    expect(build.code).toBe(0);
  });

  test('labels are prefixed with the charm (or --label-prefix), unique across the project, and resolve with {ref}', () => {
    const all = [...project.labels.values()].flat();
    expect(new Set(all).size).toBe(all.length);
    for (const page of project.pages) {
      const labels = project.labels.get(page.doc)!;
      expect(labels.length).toBeGreaterThan(5);
      for (const label of labels) expect(label.startsWith(`${page.labelPrefix}-`)).toBe(true);
    }
    expect(project.labels.get('pastebin')!.slice(0, 3)).toEqual([
      'pastebin-k8s-charm-architecture',
      'pastebin-k8s-overview',
      'pastebin-k8s-deployment-overview',
    ]);
    const links = [...html('refs').querySelectorAll('a.reference.internal')].map((a) => a.getAttribute('href') ?? '');
    expect(links.map((href) => href.replace(/^.*#/, ''))).toEqual(all);
    for (const href of links)
      expect(href).toMatch(new RegExp(`^(${project.pages.map((p) => p.doc).join('|')})\\.html#`));
  });

  test('every observed event has its name, its handler and what it does: a numbered section, or a list item when grouped', () => {
    for (const page of project.pages) {
      const model = loadCharm(resolve(ROOT, page.charmDir));
      const names = [...new Set(model.events.map((e) => e.name).filter((n): n is string => !!n))];
      expect(names.length).toBeGreaterThan(1);
      const numbers: number[] = [];
      for (const name of names) {
        // MyST puts the label on a span inside the section or item, rst on the element itself
        const anchor = html(page.doc).getElementById(`${page.labelPrefix}-event-${slug(name)}`);
        const item = anchor?.closest('li') ?? anchor?.closest('section');
        expect(item).toBeTruthy();
        if (item!.tagName === 'SECTION') {
          const m = /^(\d+)\. (.+?)¶?$/.exec(text(item!.querySelector('h1, h2, h3, h4, h5, h6')));
          expect(m?.[2]).toBe(name);
          numbers.push(Number(m![1]));
        } else expect(text(item!.querySelector('p'))).toBe(name);
        const body = [...item!.querySelectorAll(':scope > p')].map(text).join('\n');
        const observers = model.events.filter((x) => x.name === name);
        // An event only library code handles is listed in short: each handler with its class, no "Action:" line.
        if (observers.every((e) => e.handledBy))
          for (const e of observers)
            expect(body).toContain(`${e.handler ?? e.handlerExpression} of ${e.handledBy!.class}`);
        else expect(body).toMatch(/^Action: /m);
        for (const e of observers) expect(body).toContain(e.handler ?? e.handlerExpression);
      }
      if (numbers.length) expect(numbers.sort((a, b) => a - b)).toEqual(names.map((_, i) => i + 1));
    }
    const configChanged = text(
      html('pastebin').getElementById('pastebin-k8s-event-config-changed')?.closest('section'),
    );
    expect(configChanged).toContain('Action: Apply new configuration to all containers. (_on_config_changed)');
  });

  test("a MyST page has the directive page's anchors: each section's and event's, the slug of its text", () => {
    const checked: string[] = [];
    for (const [doc, charmDir, sections] of [
      ['busy-myst', 'test/fixtures/remark/busy-charm/charm', ['charm-architecture', 'charm-config', 'charm-actions']],
      ['logsink', 'website/charms/logsink', ['charm-architecture']],
    ] as const) {
      const page = html(doc);
      const anchors = directivePageAnchors(charmDir, sections);
      expect(anchors.filter((id) => !page.getElementById(id))).toEqual([]);
      checked.push(...anchors);
    }
    // grouped events (busy-k8s), a multi-line default, sections, containers
    expect(checked).toEqual(
      expect.arrayContaining([
        'juju-events',
        'lifecycle-events',
        'config-changed',
        'database-relation-changed',
        'default-of-nginx-snippet',
        'high-level-overview-of-logsink-deployment',
        'containers',
      ]),
    );
  });

  test('an in-page link of the Docusaurus page (a config default "see below") is a reference to a label on the same page', () => {
    for (const [doc, prefix] of [
      ['busy-myst', 'busy-k8s'],
      ['busy-rst', 'busy-rst'],
    ] as const) {
      const page = html(doc);
      const below = [...page.querySelectorAll('table a.reference.internal')].filter((a) => text(a) === 'below');
      expect(below.length).toBeGreaterThan(0);
      for (const a of below) {
        const id = (a.getAttribute('href') ?? '').replace(/^#/, '');
        expect(id.startsWith(`${prefix}-config-default-`)).toBe(true);
        expect(text(page.getElementById(id)?.closest('section, p, div') ?? null)).toMatch(/Default of \S+/);
      }
    }
  });

  test('each diagram is a mermaid block, never a code listing', () => {
    for (const page of project.pages) {
      const source = project.sources.get(page.doc)!;
      const directives = (source.match(page.format === 'myst' ? /^```\{mermaid\}$/gm : /^\.\. mermaid::$/gm) ?? [])
        .length;
      expect(directives).toBeGreaterThanOrEqual(2);
      const doc = html(page.doc);
      expect(doc.querySelectorAll('div.mermaid')).toHaveLength(directives);
      expect([...doc.querySelectorAll('pre')].filter((p) => /^\s*flowchart /.test(p.textContent ?? ''))).toHaveLength(
        0,
      );
    }
  });

  test('reference tables keep their columns, and every row has a cell for each', () => {
    for (const doc of ['inert-myst', 'inert-rst']) {
      const tables = [...html(doc).querySelectorAll('table')];
      const headers = tables.map((t) => [...t.querySelectorAll('thead th')].map(text));
      expect(headers).toEqual([
        ['Option', 'Description'],
        ['Action', 'Description', 'Parameters'],
        ['Endpoint', 'Interface', 'Optional', 'Limit', 'Description'],
      ]);
      tables.forEach((t, i) => {
        const rows = [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text));
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toHaveLength(headers[i]!.length);
      });
      // The type and default lead the description (two columns fit a docs column).
      const config = [...tables[0]!.querySelectorAll('tbody tr')].map((r) =>
        [...r.querySelectorAll('td')].map(text).map((cell) => cell.replace(/\. .*$/s, '')),
      );
      expect(config).toEqual([
        ['greeting', 'string, default ""'],
        ['colour', 'string, default {{ secret }}'],
      ]);
    }
  });

  test('charm text stays text: no directive, role, target, substitution or math from a charm runs', () => {
    for (const doc of ['inert-myst', 'inert-rst']) {
      const page = html(doc);
      const body = text(page.body);
      expect([...page.querySelectorAll('[class*="pwned"], [id*="pwned"], .math')]).toHaveLength(0);
      expect(body).not.toMatch(/PWNED-(MYST|RST)-SUBSTITUTION|root:x:0:0/);
      for (const literal of [
        "Summary with {ref}pwned-summary-ref and {{ secret }} and $x^2$ and {console.log('mdx')}.",
        ':::{include} /etc/passwd',
        '(pwned-target)=',
        '% a MyST comment that must stay visible',
        'The substitution {{ secret }} and the math $a+b$ and $$c$$ and the role {math}e^2 stay text.',
        '.. raw:: html',
        '<b class="pwned-eval-rst">eval-rst ran</b>',
        'a substitution |secret|',
        'MDX: {props.secret} and <Pwned /> and {#pwned-id} stay text.',
        'Apply {{ secret }} with {ref}pwned-docstring-ref and $x$',
      ]) {
        expect(body).toContain(literal);
      }
    }
  });
  test('a charm whose every option and action is described with hostile markup: one table row each, nothing injected', () => {
    const model = loadCharm(join(project.base, 'hostile-text'));
    for (const doc of ['hostile-myst', 'hostile-rst']) {
      const page = html(doc);
      const body = page.querySelector('div.body')!;
      expect(body.querySelectorAll('script, img, iframe, [class*="pwned"], [id*="pwned"], .math')).toHaveLength(0);
      expect(text(body)).not.toMatch(/root:x:0:0|PWNED-/);
      const [config, actions] = [...body.querySelectorAll('table')];
      expect(config!.querySelectorAll('tbody tr')).toHaveLength(model.config.length);
      expect(actions!.querySelectorAll('tbody tr')).toHaveLength(model.actions.length);
      expect(text(actions)).toContain('{ref}pwned :ref:pwned :doc:pwned |secret| {{ secret }} $x$ $$y$$ {math}z');
    }
  });
});

describe('the diagrams of the Sphinx build in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test('every mermaid block of every page parses and renders with the mermaid of node_modules', async () => {
    // Each distinct diagram once (the MyST and rst pages of one charm share theirs), read from the built HTML.
    const diagrams = [
      ...new Set(
        project.pages.flatMap((p) => [...html(p.doc).querySelectorAll('div.mermaid')].map((d) => d.textContent ?? '')),
      ),
    ];
    expect(diagrams.length).toBeGreaterThanOrEqual(2 * new Set(project.pages.map((p) => p.charmDir)).size);
    const tab = await browser.newPage();
    await tab.setContent('<!doctype html><html><body></body></html>');
    await tab.addScriptTag({path: require.resolve('mermaid/dist/mermaid.min.js')});
    const result = await tab.evaluate(async (sources) => {
      const m = (
        window as unknown as {
          mermaid: {
            initialize(o: object): void;
            parse(s: string): Promise<unknown>;
            render(id: string, s: string): Promise<{svg: string}>;
          };
        }
      ).mermaid;
      m.initialize({startOnLoad: false, securityLevel: 'strict'});
      const out: Array<{ok: boolean; svg: boolean; error?: string}> = [];
      for (const [n, source] of sources.entries()) {
        try {
          await m.parse(source);
          const {svg} = await m.render(`sphinx-diagram-${n}`, source);
          out.push({ok: true, svg: svg.startsWith('<svg')});
        } catch (error) {
          out.push({ok: false, svg: false, error: String(error)});
        }
      }
      return out;
    }, diagrams);
    await tab.close();
    expect(result.filter((r) => !r.ok)).toEqual([]);
    expect(result.every((r) => r.svg)).toBe(true);
  }, 120_000);
});
