/**
 * A 12-factor charm's inherited events follow the paas-charm release it pins (uv.lock, poetry.lock,
 * requirements.txt `==`), not the newest catalogued one; a range pins nothing.
 */
import {afterEach, describe, expect, test} from '@jest/globals';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {compareReleases, pinnedPaasCharm} from '../../src/model/extensions/paas-charm-pin.js';
import {loadCharm} from '../../src/model/charm/load.js';
import {CharmSources} from '../../src/model/sources/sources.js';

const FLASK = join(import.meta.dirname, '..', 'fixtures', 'charms', 'flask-app');
const made: string[] = [];

/** The flask-app fixture with its requirements.txt replaced and extra files written. */
function flaskCharm(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paas-pin-'));
  made.push(dir);
  cpSync(FLASK, dir, {recursive: true});
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const inherited = (dir: string): string[] =>
  loadCharm(dir)
    .events.filter((e) => e.inherited)
    .map((e) => e.name!);

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe('pinnedPaasCharm', () => {
  test.each([
    [
      'requirements.txt',
      'ops==2.17\npaas-charm==1.4.0 ; python_version >= "3.10"\n',
      {version: '1.4.0', file: 'requirements.txt', line: 2},
    ],
    ['requirements.txt', 'Paas_Charm[extra]==1.9.1\n', {version: '1.9.1', file: 'requirements.txt', line: 1}],
    [
      'uv.lock',
      'version = 1\n\n[[package]]\nname = "ops"\nversion = "2.17.0"\n\n[[package]]\nname = "paas-charm"\nversion = "1.7.2"\nsource = { registry = "https://pypi.org/simple" }\n',
      {version: '1.7.2', file: 'uv.lock', line: 9},
    ],
    [
      'poetry.lock',
      '[[package]]\nname = "paas-charm"\nversion = "1.2.0"\ndescription = "x"\n',
      {version: '1.2.0', file: 'poetry.lock', line: 3},
    ],
  ])('%s pins the release', (file, text, expected) => {
    expect(pinnedPaasCharm(new CharmSources(flaskCharm({[file]: text})))).toEqual(expected);
  });

  test.each([
    ['a range', 'paas-charm>=1.0,<2\n'],
    ['another project whose name contains it', 'paas-charm-extras==1.0.0\n'],
    ['a comment', '# paas-charm==1.0.0\n'],
  ])('%s pins nothing', (_what, text) => {
    expect(pinnedPaasCharm(new CharmSources(flaskCharm({'requirements.txt': text})))).toBeNull();
  });

  test('the lock file wins over requirements.txt', () => {
    const dir = flaskCharm({
      'requirements.txt': 'paas-charm==1.1.0\n',
      'uv.lock': '[[package]]\nname = "paas-charm"\nversion = "1.12.0"\n',
    });
    expect(pinnedPaasCharm(new CharmSources(dir))?.version).toBe('1.12.0');
  });
});

test('releases compare by number, not by text', () => {
  expect(compareReleases('1.9.1', '1.11.3')).toBeLessThan(0);
  expect(compareReleases('1.4.1', '1.4.1')).toBe(0);
  expect(compareReleases('2.0', '1.12.0')).toBeGreaterThan(0);
});

test('events a later release added are not inherited from an older pinned release', () => {
  const newest = inherited(flaskCharm({'requirements.txt': 'paas-charm>=1.0,<2\n'}));
  expect(newest).toContain('secret-storage-relation-departed');
  const old = inherited(flaskCharm({'requirements.txt': 'paas-charm==1.4.0\n'}));
  // Observed since 1.4.1: gone at 1.4.0; everything else stays.
  expect(old).toEqual(newest.filter((name) => name !== 'secret-storage-relation-departed'));
  expect(inherited(flaskCharm({'requirements.txt': 'paas-charm==1.4.1\n'}))).toEqual(newest);
});
