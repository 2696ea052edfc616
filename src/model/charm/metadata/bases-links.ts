/** The charm's bases (Ubuntu releases it runs on), `assumes` and links, from charmcraft.yaml or metadata.yaml. */
import type {CharmBase, CharmLinks} from '../../types.js';
import {isMapping, scalarText, type Mapping} from './fields.js';

/** `base` + `platforms`, `platforms` with bases in their names, `bases` (both forms), or legacy `series`. */
export function readBases(root: Mapping, metaRoot: Mapping): CharmBase[] {
  const out: CharmBase[] = [];
  const add = (name: string, architectures: string[]): void => {
    const existing = out.find((b) => b.name === name);
    if (existing) {
      for (const a of architectures) if (!existing.architectures.includes(a)) existing.architectures.push(a);
    } else {
      out.push({name, architectures});
    }
  };
  const base = root['base'];
  const platforms = root['platforms'];
  if (typeof base === 'string') {
    add(base, isMapping(platforms) ? Object.keys(platforms).filter((k) => !k.includes('@')) : []);
  }
  // `platforms` may carry the base itself (`ubuntu@24.04:amd64` or build-on/build-for entries).
  if (isMapping(platforms) && typeof base !== 'string') {
    for (const [key, value] of Object.entries(platforms)) {
      const m = /^([a-z]+@[\d.]+)(?::(.+))?$/.exec(key);
      if (m) add(m[1]!, m[2] ? [m[2]] : []);
      else if (isMapping(value)) {
        const buildFor = value['build-for'];
        for (const entry of Array.isArray(buildFor) ? buildFor : [buildFor]) {
          const mm = typeof entry === 'string' ? /^([a-z]+@[\d.]+):(.+)$/.exec(entry) : null;
          if (mm) add(mm[1]!, [mm[2]!]);
        }
      }
    }
  }
  const bases = root['bases'];
  if (Array.isArray(bases)) {
    for (const b of bases) {
      // Either `{name, channel, architectures}` or `{build-on: [...], run-on: [...]}`.
      const runOn = isMapping(b) && Array.isArray(b['run-on']) ? b['run-on'] : [b];
      for (const r of runOn) {
        if (isMapping(r) && typeof r['name'] === 'string') {
          const arch = Array.isArray(r['architectures']) ? (r['architectures'] as unknown[]).map(String) : [];
          add(`${r['name']}@${scalarText(r['channel']) ?? ''}`, arch);
        }
      }
    }
  }
  const series = metaRoot['series'];
  if (out.length === 0 && Array.isArray(series)) {
    const known: Record<string, string> = {
      focal: '20.04',
      jammy: '22.04',
      noble: '24.04',
      bionic: '18.04',
      xenial: '16.04',
      kubernetes: '',
    };
    for (const s of series) if (typeof s === 'string' && known[s]) add(`ubuntu@${known[s]}`, []);
  }
  return out;
}

/** `assumes` may nest `any-of` / `all-of` groups; list the plain requirements. */
export function flattenAssumes(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isMapping(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return out;
}

function toList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export function readLinks(m: Mapping): CharmLinks {
  const links = isMapping(m['links']) ? m['links'] : {};
  const documentation = links['documentation'] ?? m['docs'];
  return {
    website: toList(links['website'] ?? m['website']),
    source: toList(links['source'] ?? m['source']),
    issues: toList(links['issues'] ?? m['issues']),
    ...(typeof documentation === 'string' ? {documentation} : {}),
    contact: toList(links['contact'] ?? m['maintainers'] ?? m['maintainer']),
  };
}
