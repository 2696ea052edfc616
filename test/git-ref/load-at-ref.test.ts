/**
 * Reading a charm at a git ref, from the git objects of a throw-away repository (fixture-repo.ts):
 * each tag's events and containers, parity with a working-tree read, the cache by commit id.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadCharm} from '../../src/model/charm/load.js';
import {usePersistentCache} from '../../src/model/charm/cache.js';
import {clearRefCache, loadCharmAtRef, loadCharmAtRefCached} from '../../src/model/charm/load-at-ref.js';
import type {CharmModel} from '../../src/model/types.js';
import {commitAll, makeFixtureRepo, type FixtureRepo} from './fixture-repo.js';

const events = (m: CharmModel): string[] => m.events.map((e) => `${e.name} -> ${e.handler}`).sort();
const containers = (m: CharmModel): string[] => m.containers.map((c) => c.name);

let repo: FixtureRepo;
beforeAll(() => {
  repo = makeFixtureRepo();
});
afterAll(() => repo?.remove());

describe('a charm at a tag', () => {
  test('v1 has one container and two events; v2 adds a container, its rock and two events', () => {
    const v1 = loadCharmAtRef(repo.dir, 'v1');
    const v2 = loadCharmAtRef(repo.dir, 'v2');
    expect(v1.revision.commit).toBe(repo.v1);
    expect(v2.revision.commit).toBe(repo.v2);
    expect({
      events: events(v1.model),
      containers: containers(v1.model),
      rocks: v1.model.rocks.map((r) => r.path),
    }).toEqual({
      events: ['config-changed -> _on_config_changed', 'notebook-pebble-ready -> _on_notebook_ready'],
      containers: ['notebook'],
      rocks: [],
    });
    expect({
      events: events(v2.model),
      containers: containers(v2.model),
      rocks: v2.model.rocks.map((r) => `${r.path} -> ${r.container}`),
    }).toEqual({
      events: [
        'config-changed -> _on_config_changed',
        'exporter-pebble-ready -> _on_exporter_ready',
        'notebook-pebble-ready -> _on_notebook_ready',
        'upgrade-charm -> _on_upgrade_charm',
      ],
      containers: ['exporter', 'notebook'],
      rocks: ['exporter_rock/rockcraft.yaml -> exporter'],
    });
  });

  test('the ref is read from git objects, not from the edited working tree', () => {
    expect(loadCharm(repo.dir).description).toContain('Unreleased work adds');
    expect(loadCharmAtRef(repo.dir, 'v2').model.description).toContain('Release 2 adds');
    expect(loadCharmAtRef(repo.dir, 'v1').model.description).toContain('Release 1 runs');
    // Positions come from the committed file: the handler's line in v1's charm.py.
    const ready = loadCharmAtRef(repo.dir, 'v1').model.events.find((e) => e.name === 'notebook-pebble-ready')!;
    expect({file: ready.file, line: ready.line}).toEqual({file: 'src/charm.py', line: 12});
  });

  test('a commit id, a branch and HEAD~1 name commits too', () => {
    expect(loadCharmAtRef(repo.dir, repo.v1).revision.commit).toBe(repo.v1);
    expect(loadCharmAtRef(repo.dir, 'main').revision.commit).toBe(repo.v2);
    expect(loadCharmAtRef(repo.dir, 'HEAD~1').revision.commit).toBe(repo.v1);
  });
});

describe('the same model from git objects as from the files', () => {
  test('an example charm with rocks, lib/ and layers, committed as is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charm-parity-'));
    try {
      cpSync(join(process.cwd(), 'website', 'charms', 'pastebin-k8s'), dir, {recursive: true});
      const commit = commitAll(dir);
      const atRef = loadCharmAtRef(dir, 'HEAD');
      expect(atRef.revision.commit).toBe(commit);
      expect(atRef.model.rocks.length).toBeGreaterThan(0);
      expect(atRef.model).toEqual(loadCharm(dir));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('cached by commit id', () => {
  test('a ref that names the same commit is not re-read; a moved branch is', () => {
    clearRefCache();
    repo.git('branch', '-f', 'release', 'v1');
    const first = loadCharmAtRefCached(repo.dir, 'release');
    expect(loadCharmAtRefCached(repo.dir, 'release').model).toBe(first.model);
    expect(loadCharmAtRefCached(repo.dir, 'v1').model).toBe(first.model);
    expect(first.refFiles).toContain(join(repo.dir, '.git', 'refs', 'heads', 'release'));
    repo.git('branch', '-f', 'release', 'v2');
    const moved = loadCharmAtRefCached(repo.dir, 'release');
    expect(moved.revision.commit).toBe(repo.v2);
    expect(containers(moved.model)).toEqual(['exporter', 'notebook']);
    expect(loadCharmAtRefCached(repo.dir, 'v2').model).toBe(moved.model);
  });
});

describe('the persistent cache keeps models by commit id', () => {
  test("the next build takes a commit's model from disk: git's copy of a file is not read again", () => {
    const own = makeFixtureRepo();
    const cacheDir = mkdtempSync(join(tmpdir(), 'charm-cache-'));
    try {
      usePersistentCache(cacheDir, own.dir);
      clearRefCache();
      const first = loadCharmAtRefCached(own.dir, 'v1').model;
      // A new process (nothing in memory), and v1's src/charm.py gone from git's object store.
      clearRefCache();
      const blob = own.git('rev-parse', 'v1:src/charm.py');
      rmSync(join(own.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      expect(loadCharmAtRefCached(own.dir, 'v1').model).toEqual(first);
      // Without the cache the same load reads git, and fails on the missing object.
      usePersistentCache(false, own.dir);
      clearRefCache();
      expect(() => loadCharmAtRefCached(own.dir, 'v1')).toThrow(/git could not read/);
    } finally {
      usePersistentCache(false, own.dir);
      own.remove();
      rmSync(cacheDir, {recursive: true, force: true});
    }
  });
});
