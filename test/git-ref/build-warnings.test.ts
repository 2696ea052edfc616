/**
 * The drift the plugin half prints on every build reads each page's charm where the page reads it:
 * a 1.x page's notes are checked against the 1.x tag, not the working tree.
 */
import {afterAll, beforeAll, expect, jest, test} from '@jest/globals';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {LoadContext} from '@docusaurus/types';
import {charmArchitecture} from '../../src/index.js';
import {loadedDocs, makeFixtureRepo, type FixtureRepo} from './fixture-repo.js';

/** The same note on both versions' pages: `upgrade-charm` is observed from v2 on. */
const PAGE = '# Notebook\n\n:::juju-events\n- upgrade-charm: migrates notebooks saved by release 1.\n:::\n';

let site: string;
let repo: FixtureRepo;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'versions-warnings-'));
  repo = makeFixtureRepo(site);
  for (const dir of ['docs', 'versioned_docs/version-1.x']) {
    mkdirSync(join(site, dir), {recursive: true});
    writeFileSync(join(site, dir, 'arch.md'), PAGE);
  }
});
afterAll(() => rmSync(site, {recursive: true, force: true}));

interface PluginHalf {
  loadContent(): Promise<void>;
  allContentLoaded(args: {allContent: unknown}): void;
}

test("each page's notes are checked against the charm at its doc version's ref", async () => {
  const charms = charmArchitecture({
    id: 'versions-warnings',
    charms: {notebook: {path: repo.dir}},
    versions: {'1.x': 'v1', current: null},
  });
  const [fn, options] = charms.plugin as unknown as [(c: LoadContext, o: unknown) => PluginHalf, unknown];
  const siteConfig = {
    presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]}}]],
    plugins: [charms.plugin],
  };
  const plugin = fn({siteDir: site, siteConfig} as unknown as LoadContext, options);
  const allContent = loadedDocs({current: ['@site/docs/arch.md'], '1.x': ['@site/versioned_docs/version-1.x/arch.md']});
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await plugin.loadContent();
    plugin.allContentLoaded({allContent});
    // The site is outside the working directory, so pages are named by absolute path.
    const drift = warn.mock.calls.map((c) => c.join(' ')).filter((line) => line.includes('event-not-observed'));
    expect(drift).toEqual([
      expect.stringContaining(
        `${join(site, 'versioned_docs', 'version-1.x', 'arch.md')}:4:1: event-not-observed: Drift: the page annotates \`upgrade-charm\``,
      ),
    ]);
  } finally {
    warn.mockRestore();
  }
});
