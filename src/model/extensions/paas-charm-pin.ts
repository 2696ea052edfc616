/**
 * The paas-charm release a 12-factor charm pins, so the events inherited from its base classes are
 * those of that release, not of the newest one catalogued.
 *
 * Read from, in order: uv.lock, poetry.lock (TOML lock files: `[[package]]` tables with `name` and
 * `version` lines), then requirements.txt (`paas-charm==1.7.2`). Only an exact pin counts: a range
 * (`>=1.4`) says nothing about the release that is built, and then the newest catalogued one applies.
 *
 * Why no TOML parser: a lock file's `[[package]]` tables are written by the locking tool one key per
 * line (`name = "..."`, `version = "..."`), and only those two keys are needed; reading them as
 * lines keeps the line number for the model and adds no dependency for two string values.
 */
import type {CharmSources} from '../sources/sources.js';

export interface PinnedRelease {
  version: string;
  /** File that pins it, relative to the charm, and the line of the version. */
  file: string;
  line: number;
}

/** PEP 503 normalisation: `paas_charm`, `Paas.Charm` and `paas-charm` are one project. */
const isPaasCharm = (name: string): boolean => name.toLowerCase().replace(/[-_.]+/g, '-') === 'paas-charm';

function fromLockFile(text: string): {version: string; line: number} | null {
  const lines = text.split(/\r?\n/);
  let inPackage = false;
  let matched = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('[')) {
      inPackage = line === '[[package]]';
      matched = false;
      continue;
    }
    if (!inPackage) continue;
    const kv = /^(name|version)\s*=\s*"([^"]*)"/.exec(line);
    if (!kv) continue;
    if (kv[1] === 'name') matched = isPaasCharm(kv[2]!);
    else if (matched) return {version: kv[2]!, line: i + 1};
  }
  return null;
}

function fromRequirements(text: string): {version: string; line: number} | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([0-9][0-9A-Za-z.+!-]*)/.exec(lines[i]!);
    if (m && isPaasCharm(m[1]!)) return {version: m[2]!, line: i + 1};
  }
  return null;
}

/** The exactly pinned paas-charm release of the charm, or null when none is pinned. */
export function pinnedPaasCharm(sources: CharmSources): PinnedRelease | null {
  const readers: Array<[string, (text: string) => {version: string; line: number} | null]> = [
    ['uv.lock', fromLockFile],
    ['poetry.lock', fromLockFile],
    ['requirements.txt', fromRequirements],
  ];
  for (const [file, read] of readers) {
    if (!sources.exists(file)) continue;
    const source = sources.read(file);
    const pin = source ? read(source.text) : null;
    if (pin) return {...pin, file};
  }
  return null;
}

/** Numeric comparison of dotted release numbers (`1.9.1` < `1.11.3`); pre-release suffixes are ignored. */
export function compareReleases(a: string, b: string): number {
  const parts = (v: string): number[] => v.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
