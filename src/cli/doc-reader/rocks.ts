/** Rocks: the page's rock directories, links and names against the charm's rocks and OCI images. */
import type {CharmModel, Rock} from '../../model/index.js';
import {sectionBlocks, type DocSection} from './types.js';
import {missingFinding, staleFinding, type Finding} from './findings.js';
import type {Name} from './names.js';
import {key, mentions, rockDir, sectionText, stem} from './page-mentions.js';
import {cleanName} from './rename-hints.js';

export const ROCK_MENTION = /([a-z0-9][a-z0-9_-]*?)[_-]rocks?(?![a-z0-9])/gi;

export function compareRocks(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of sectionBlocks(section)) {
      for (const t of block.tokens) {
        // rock directories in text and code (`nginx_rock/rockcraft.yaml`), in link paths
        // (`.../tree/main/indico_rock`, `github.com/canonical/traefik-rock`), and link texts ("Synapse rock")
        const sources =
          t.type === 'text' || t.type === 'code' || t.type === 'strong'
            ? [t.text]
            : t.type === 'link' && t.url && /^(https?:|\.|\/|[\w-]+\/)/.test(t.url)
              ? t.url.split(/[/?#]/)
              : [];
        for (const src of sources) {
          for (const m of src.matchAll(ROCK_MENTION))
            candidates.push({text: m[1]!, line: t.line, lead: false, via: t.type});
          for (const m of src.matchAll(/([\w.-]+)\/rockcraft\.ya?ml/g))
            candidates.push({text: m[1]!.replace(/[_-]rocks?$/, ''), line: t.line, lead: false, via: t.type});
        }
        if (t.type === 'link') {
          const m = /^(\S+(?:\s\S+)?)\s+rocks?$/i.exec(t.text.trim());
          if (m) candidates.push({text: m[1]!, line: t.line, lead: false, via: 'link'});
        }
      }
    }
  }
  const known = (r: Rock): string[] =>
    [
      r.name,
      stem(rockDir(r), /[-_]rock$/),
      ...(r.container ? [r.container] : []),
      ...(r.resource ? [stem(r.resource, /[-_]image$/)] : []),
    ].map(key);
  // the charm's own name ("Notes K8s rock" for the notes-k8s charm's image) is no stale rock either
  const other = [
    model.name,
    stem(model.name, /[-_](k8s|operator)$/),
    model.displayName ?? '',
    ...model.containers.map((c) => c.name),
    ...model.resources
      .filter((r) => r.type === 'oci-image')
      .flatMap((r) => [
        r.name,
        stem(r.name, /[-_](image|oci-image)$/),
        (r.upstreamSource ?? '').split('/').pop()!.split(':')[0]!,
      ]),
  ]
    .map(key)
    .filter(Boolean);
  const matched = new Set<Rock>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const k = key(cand.text);
    if (!k || k === 'oci' || k === 'the') continue;
    const words = cand.via === 'link' && /\s/.test(cand.text.trim());
    // link text in words ("Notes web rock"): a rock whose name it contains
    const hits = model.rocks.filter(
      (r) => known(r).includes(k) || (words && known(r).some((rk) => rk.length > 2 && k.includes(rk))),
    );
    hits.forEach((r) => matched.add(r));
    if (!hits.length && !other.includes(k) && !stale.some((s) => key(s.text) === k)) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const r of model.rocks) {
    if (matched.has(r) || mentions(text, r.name) || mentions(text, rockDir(r))) continue;
    findings.push(missingFinding('rock', r.name, {file, line: sections[0]!.line}, ` (${r.path})`));
  }
  for (const s of stale) {
    const name = cleanName(s.text);
    findings.push(staleFinding('rock', name, {file, line: s.line}, 'the charm has no such rock or OCI image'));
  }
  return findings;
}
