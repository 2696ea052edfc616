/**
 * Drift and the charm's own warnings come from the plugin half on every build: a rebuild whose pages
 * all come from webpack's persistent cache never runs the remark half, so CI would see nothing.
 */
import {jest} from '@jest/globals';
import {appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LoadContext} from '@docusaurus/types';
import {charmArchitecture} from '../../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = join(root, 'test-results', `build-warnings-${process.pid}`);

const PAGE = `---
title: Busy
---

# Busy

## Juju events

:::juju-events{charm="busy"}
- config-changed: reconciles everything.
- database-relation-joined: never observed by this charm.
:::
`;

beforeAll(() => {
  rmSync(site, {recursive: true, force: true});
  mkdirSync(join(site, 'docs'), {recursive: true});
  cpSync(join(root, 'test', 'fixtures', 'remark', 'busy-charm', 'charm'), join(site, 'charm'), {recursive: true});
  appendFileSync(join(site, 'charm', 'charmcraft.yaml'), 'colour: red\n');
  writeFileSync(join(site, 'docs', 'busy.md'), PAGE);
});
afterAll(() => rmSync(site, {recursive: true, force: true}));

interface PluginHalf {
  loadContent(): Promise<void>;
  allContentLoaded(args: {allContent: Record<string, never>}): void;
}

function plugin(onDrift: 'warn' | 'throw'): PluginHalf {
  const charms = charmArchitecture({id: `warnings-${onDrift}`, charms: {busy: {path: './charm'}}, onDrift});
  const [fn, options] = charms.plugin as unknown as [(c: LoadContext, o: unknown) => PluginHalf, unknown];
  const siteConfig = {
    presets: [['classic', {docs: {beforeDefaultRemarkPlugins: [charms.remarkPlugin]}}]],
    plugins: [charms.plugin],
  };
  return fn({siteDir: site, siteConfig} as unknown as LoadContext, options);
}

/** The lifecycle steps of one build that come before webpack (the remark half) runs. */
async function build(p: PluginHalf): Promise<void> {
  await p.loadContent();
  p.allContentLoaded({allContent: {}});
}

/** The warning lines printed while `action` runs. */
async function logged(action: () => Promise<void>): Promise<string[]> {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await action();
    return warn.mock.calls.map((c) => c.join(' '));
  } finally {
    warn.mockRestore();
  }
}

test("every build prints the drift (page file:line) and the charm's warnings, without the remark half running", async () => {
  const p = plugin('warn');
  const page = relative(process.cwd(), join(site, 'docs', 'busy.md'));
  const expected = [
    expect.stringMatching(/charm\/charmcraft\.yaml:\d+:1: unknown-key: Unknown top-level key `colour`/),
    expect.stringContaining(
      `${page}:11:1: event-not-observed: Drift: the page annotates \`database-relation-joined\`, which the charm busy-k8s does not observe.`,
    ),
  ];
  const first = await logged(() => build(p));
  expect(first).toEqual(expected);
  // The next build (say, every page served from the persistent cache) prints them again.
  expect(await logged(() => build(p))).toEqual(expected);
});

test("onDrift: 'throw' fails the build and lists each drifted note", async () => {
  await expect(build(plugin('throw'))).rejects.toThrow(
    /onDrift: 'throw'.*\n.*busy\.md:11:1: event-not-observed: .*`database-relation-joined`/,
  );
});
