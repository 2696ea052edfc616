/**
 * A throw-away git repository of the notebook-k8s fixture charm: commit 1 (tag v1) is
 * fixture/release-1/, commit 2 (tag v2, branch main) applies fixture/release-2.patch, which adds a
 * container, its rock and two events.
 * The working tree is then edited (uncommitted), so a test can tell a ref read from a working-tree read.
 */
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixture');

export interface FixtureRepo {
  /** Repository root, also the charm directory. */
  dir: string;
  v1: string;
  v2: string;
  git(...args: string[]): string;
  remove(): void;
}

/** Fixed names and dates: the same fixture makes the same commit ids on every run. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

/** git in `dir`, with the fixed identity and no user or system configuration. */
export function gitIn(dir: string): (...args: string[]) => string {
  return (...args) => execFileSync('git', args, {cwd: dir, env: {...process.env, ...GIT_ENV}, encoding: 'utf8'}).trim();
}

/** Makes `dir` a repository whose one commit (branch main) holds all its files; returns the commit id. */
export function commitAll(dir: string, message = 'Snapshot'): string {
  const git = gitIn(dir);
  if (!existsSync(join(dir, '.git'))) git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', message);
  return git('rev-parse', 'HEAD');
}

export function makeFixtureRepo(parent = tmpdir()): FixtureRepo {
  const dir = mkdtempSync(join(parent, 'charm-git-'));
  const git = gitIn(dir);
  cpSync(join(FIXTURE, 'release-1'), dir, {recursive: true});
  commitAll(dir, 'Release 1: the notebook server');
  git('tag', 'v1');
  git('apply', join(FIXTURE, 'release-2.patch'));
  commitAll(dir, 'Release 2: a metrics exporter');
  git('tag', 'v2');
  // Uncommitted work: only a working-tree read sees it.
  writeFileSync(
    join(dir, 'charmcraft.yaml'),
    execFileSync('git', ['show', 'v2:charmcraft.yaml'], {cwd: dir, encoding: 'utf8'}).replace(
      'Release 2 adds',
      'Unreleased work adds',
    ),
  );
  return {
    dir,
    v1: git('rev-parse', 'v1'),
    v2: git('rev-parse', 'v2'),
    git,
    remove: () => rmSync(dir, {recursive: true, force: true}),
  };
}

/**
 * The part of `allContent` (Docusaurus's allContentLoaded) this plugin reads, as
 * @docusaurus/plugin-content-docs loads it: each version's name and its docs' `@site/` sources.
 */
export function loadedDocs(sourcesByVersion: Record<string, string[]>): Record<string, Record<string, unknown>> {
  const loadedVersions = Object.entries(sourcesByVersion).map(([versionName, sources]) => ({
    versionName,
    docs: sources.map((source) => ({source})),
  }));
  return {'docusaurus-plugin-content-docs': {default: {loadedVersions}}};
}
