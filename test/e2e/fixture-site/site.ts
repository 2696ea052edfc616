/**
 * One throwaway site for the end-to-end tests that need purpose-made charms: the template's way of
 * writing a page (busy-k8s, pastebin-k8s), hostile charm text, links out of a charm, and diagrams
 * past Mermaid's size limits. Each group has its own pages and charms; one site spares a cold
 * `docusaurus build` (about a minute of two cores) per group.
 *
 * Built twice: cold (persistent cache written) into build-cold/, then warm (served from webpack's
 * persistent cache) into build/. Each build is served on port 0.
 */
import {afterAll, beforeAll} from '@jest/globals';
import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {launchBrowser, newContext} from '../browser.js';
import {serveStatic, type StaticServer} from '../serve.js';
import {BUILD_TIMEOUT, repoRoot, runDocusaurus, writeSite} from '../temp-site.js';
import {MANY_PAGES, writeManyEndpointsCharm} from './many-endpoints.js';
import {PASTED_PAGES} from './pasted-output.js';
import {TEMPLATE_PAGES} from './template-pages.js';

/** The charms by id, at the paths the site's config names. */
const CHARMS = {
  busy: {path: './busy'},
  pastebin: {path: join(repoRoot, 'website', 'charms', 'pastebin-k8s')},
  hostile: {path: './hostile'},
  links: {path: './links', repository: 'https://github.com/acme/links-operator', branch: 'main'},
  many: {path: './many'},
  huge: {path: './huge'},
};

/** Beside the links charm (../planted-secret.txt from it): a file its links name, never to be published. */
export const PLANTED = 'PLANTED-BESIDE-THE-CHARM-never-published';

/** Pages of the hostile groups; the template's pages and the large diagrams' come from their modules. */
const HOSTILE_PAGE =
  '# Hostile\n\n:::charm-architecture{charm="hostile"}\n:::\n\n## Reference\n\n:::pebble-layers{charm="hostile"}\n:::\n\n:::charm-integrations{charm="hostile"}\n:::\n\n:::charm-config{charm="hostile"}\n:::\n\n:::charm-actions{charm="hostile"}\n:::\n';
const LINKS_PAGE =
  '# Links\n\n:::charm-overview{charm="links"}\n:::\n\n:::charm-config{charm="links"}\n:::\n\n:::charm-actions{charm="links"}\n:::\n\n:::juju-events{charm="links"}\n:::\n';

export interface FixtureSite {
  readonly dir: string;
  /** Output of the cold build and of the warm one. */
  readonly outputs: readonly [string, string];
  /** The cold build, served, and its folder. */
  readonly cold: {readonly dir: string; readonly server: StaticServer};
  /** The warm build (persistent cache), served, and its folder. */
  readonly warm: {readonly dir: string; readonly server: StaticServer};
  readonly browser: Browser;
  /** The plugin's options, for a variant of the site's config. */
  readonly plugin: Record<string, unknown>;
}

/** Registers the site's build (beforeAll) and clean-up (afterAll) in the calling test file. */
export function useFixtureSite(): FixtureSite {
  const plugin = {charms: CHARMS, defaultCharm: 'busy'};
  let site: ReturnType<typeof writeSite> | undefined;
  let state: Omit<FixtureSite, 'dir' | 'plugin'> | undefined;
  const ready = (): NonNullable<typeof state> => {
    if (!state) throw new Error('the fixture site is not built: useFixtureSite() must run at the top of the test file');
    return state;
  };

  beforeAll(async () => {
    site = writeSite('fixture-site', {
      plugin,
      // Some site themes undo Infima's scrolling tables; generated tables must not clip there either.
      css: '.markdown table { display: table; overflow: visible; }\narticle { overflow: hidden; }\n',
      files: {
        ...TEMPLATE_PAGES,
        ...PASTED_PAGES,
        ...MANY_PAGES,
        'docs/hostile.md': HOSTILE_PAGE,
        'docs/links.md': LINKS_PAGE,
        'planted-secret.txt': `${PLANTED}\n`,
      },
    });
    const dir = site.dir;
    const copy = (from: string, to: string): void => cpSync(join(repoRoot, from), join(dir, to), {recursive: true});
    copy('test/fixtures/remark/busy-charm/charm', 'busy');
    // A key charmcraft does not know: the charm's own warning, which every build must print.
    writeFileSync(
      join(dir, 'busy', 'charmcraft.yaml'),
      `${readFileSync(join(dir, 'busy', 'charmcraft.yaml'), 'utf8')}colour: red\n`,
    );
    copy('test/fixtures/charms/hostile', 'hostile');
    copy('test/fixtures/hostile/links-charm', 'links');
    writeManyEndpointsCharm(join(dir, 'many'), 400);
    writeManyEndpointsCharm(join(dir, 'huge'), 4000);
    const outputs: string[] = [];
    for (const out of ['build-cold', 'build']) {
      const result = await runDocusaurus(site, ['build', '--out-dir', join(dir, out)]);
      if (result.code !== 0) throw new Error(`build into ${out}/ failed:\n${result.output.slice(-3000)}`);
      outputs.push(result.output);
    }
    state = {
      outputs: [outputs[0]!, outputs[1]!],
      cold: {dir: join(dir, 'build-cold'), server: await serveStatic(join(dir, 'build-cold'))},
      warm: {dir: join(dir, 'build'), server: await serveStatic(join(dir, 'build'))},
      browser: await launchBrowser(),
    };
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await state?.browser.close();
    await state?.cold.server.close();
    await state?.warm.server.close();
    site?.remove();
  });

  return {
    plugin,
    get dir() {
      ready();
      return site!.dir;
    },
    get outputs() {
      return ready().outputs;
    },
    get cold() {
      return ready().cold;
    },
    get warm() {
      return ready().warm;
    },
    get browser() {
      return ready().browser;
    },
  };
}

/** One browser page for the tests of a describe block: opened before them, closed after. */
export function usePage(site: FixtureSite): {readonly page: Page} {
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    context = await newContext(site.browser);
    page = await context.newPage();
  });
  afterAll(() => context?.close());
  return {
    get page() {
      if (!page) throw new Error('usePage(): the page opens in beforeAll, so use it inside a test');
      return page;
    },
  };
}
