/**
 * Each way reading at a ref can fail, with the message and what to do: one
 * `file:line:column: code: message hint` line, never a stack trace from git.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CharmArchError} from '../../src/errors.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {loadCharmAtRef} from '../../src/model/charm/load-at-ref.js';
import {gitTreeAt} from '../../src/model/sources/git/tree-source.js';
import {commitAll, FIXTURE, gitIn, makeFixtureRepo, type FixtureRepo} from './fixture-repo.js';

function failure(dir: string, ref: string): {code: string; file: string; message: string; hint: string} {
  try {
    loadCharmAtRef(dir, ref);
  } catch (error) {
    if (!(error instanceof CharmArchError)) throw error;
    return {code: error.code, file: error.file, message: error.message, hint: error.hint ?? ''};
  }
  throw new Error(`loading ${dir} at ${ref} did not fail`);
}

let repo: FixtureRepo;
let scratch: string;
beforeAll(() => {
  repo = makeFixtureRepo();
  scratch = mkdtempSync(join(tmpdir(), 'charm-git-errors-'));
});
afterAll(() => {
  repo?.remove();
  rmSync(scratch, {recursive: true, force: true});
});

describe('errors at a ref', () => {
  test('not a git repository: says so and how to fix it', () => {
    const dir = join(scratch, 'plain-charm');
    cpSync(join(FIXTURE, 'release-1'), dir, {recursive: true});
    const error = failure(dir, 'v1');
    expect(error.code).toBe('not-a-git-repository');
    expect(error.file).toBe(dir);
    expect(error.message).toContain(`${dir} is not in a git repository`);
    expect(error.hint).toContain('git clone');
  });

  test('unknown ref: the nearest branch and tag names', () => {
    const error = failure(repo.dir, 'v3');
    expect(error.code).toBe('unknown-ref');
    expect(error.message).toBe(`\`v3\` names no commit in ${repo.dir}.`);
    expect(error.hint).toMatch(/^Nearest refs: v1, v2, main\./);
  });

  test('a shallow clone without the ref: the command that fetches it', () => {
    const clone = join(scratch, 'shallow');
    gitIn(scratch)('clone', '--quiet', '--depth=1', `file://${repo.dir}`, clone);
    const error = failure(clone, 'v1');
    expect(error.code).toBe('ref-not-in-shallow-clone');
    expect(error.message).toContain('shallow clone');
    expect(error.hint).toContain(`git -C ${clone} fetch --depth=1 origin tag v1`);
    expect(error.hint).toContain('--unshallow');
    // What the clone has reads fine: the tip it was cloned at.
    expect(loadCharmAtRef(clone, 'v2').revision.commit).toBe(repo.v2);
  });

  test('a ref where the charm directory does not exist yet', () => {
    const error = failure(join(repo.dir, 'exporter_rock'), 'v1');
    expect(error.code).toBe('charm-not-at-ref');
    expect(error.message).toContain('no folder exporter_rock/');
    expect(error.message).toContain(repo.v1.slice(0, 12));
    expect(error.hint).toContain('choose a later ref');
  });

  test('symbolic links at a ref: followed inside the repository, refused when they leave it', () => {
    const clone = join(scratch, 'links');
    gitIn(scratch)('clone', '--quiet', repo.dir, clone);
    mkdirSync(join(clone, 'shared'));
    writeFileSync(join(clone, 'shared', 'names.py'), 'NAME = "notebook"\n');
    symlinkSync('../shared/names.py', join(clone, 'src', 'names.py'));
    symlinkSync('../../outside.py', join(clone, 'src', 'outside.py'));
    symlinkSync('loop.py', join(clone, 'src', 'loop.py'));
    commitAll(clone, 'links');
    // Read at the commit with the links gone from the working tree: only git's copy has them.
    rmSync(join(clone, 'src'), {recursive: true});
    const {tree} = gitTreeAt(clone, 'HEAD');
    expect(tree.readBytes('src/names.py', 1024)?.toString()).toBe('NAME = "notebook"\n');
    expect(() => tree.readBytes('src/outside.py', 1024)).toThrow(
      /src\/outside\.py is a symbolic link that leaves the repository/,
    );
    expect(() => tree.readBytes('src/loop.py', 1024)).toThrow(/loops/);
    // A model load lists modules as it does in a working tree: the link inside is a module, the others are skipped.
    const atRef = loadCharmAtRef(clone, 'HEAD').model;
    expect(atRef.sources.filter((f) => f.startsWith('src/'))).toEqual(['src/charm.py', 'src/names.py']);
    gitIn(clone)('checkout', '--quiet', '--', 'src');
    expect(atRef).toEqual(loadCharm(clone));
  });

  test('a ref that looks like an option is refused before git sees it', () => {
    expect(failure(repo.dir, '--output=/tmp/x').code).toBe('bad-ref');
  });

  test('a charm whose folder is gone from the working tree still reads at an older ref', () => {
    gitIn(repo.dir)('rm', '--quiet', '-r', 'exporter_rock');
    const rock = gitTreeAt(join(repo.dir, 'exporter_rock'), 'v2');
    expect(rock.revision.charmPath).toBe('exporter_rock');
    expect(rock.tree.exists('rockcraft.yaml')).toBe(true);
    gitIn(repo.dir)('checkout', '--quiet', 'HEAD', '--', 'exporter_rock');
  });
});
