/** Containers: the page's container names against the charm's containers and their rocks. */
import type {CharmModel, Container} from '../../model/index.js';
import {blockText, type DocSection} from './types.js';
import {missingFinding, staleFinding, type Finding} from './findings.js';
import {namesOf, type Name} from './names.js';
import {key, mentions, rockDir, sectionText, stem} from './page-mentions.js';
import {cleanName, didYouMean} from './rename-hints.js';

/** A sub-section under "Containers" about a process, not a container ("runs in the same container as ..."). */
export const NOT_A_CONTAINER =
  /pebble layer|same container|runs? (in|inside) the [\w -]+ container|inside the [\w -]+ container/i;
export const CHARM_CONTAINER = /\b(charm|juju|sidecar|pebble|overview|diagram|services?)\b/i;

export function containerKeys(c: Container, model: CharmModel): string[] {
  const keys = [c.name];
  if (c.resource) keys.push(stem(c.resource, /[-_](image|oci-image)$/));
  const rocks = model.rocks.filter(
    (r) =>
      r.container === c.name ||
      (c.resource && r.resource === c.resource) ||
      (model.containers.length === 1 && model.rocks.length === 1),
  );
  for (const r of rocks) keys.push(r.name, stem(rockDir(r), /[-_]rock$/));
  return keys.map(key);
}

export function compareContainers(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const candidates: Name[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'item' || !/\bcontainer\b/i.test(blockText(block))) continue;
      const first = namesOf(block).find((n) => n.via !== 'plain') ?? namesOf(block).find((n) => n.lead);
      const word = /^\s*(?:an?|the)?\s*([A-Z][\w-]*)/.exec(blockText(block));
      if (first) candidates.push(first);
      else if (word) candidates.push({text: word[1]!, line: block.line, lead: true, via: 'plain'});
    }
    const visit = (s: DocSection): void => {
      const body = s.blocks.map(blockText).join('\n');
      const title = s.title.replace(/\b(the|an?|main|workload|containers?)\b/gi, '').trim();
      if (title && !CHARM_CONTAINER.test(s.title) && !NOT_A_CONTAINER.test(body))
        candidates.push({text: title, line: s.line, lead: true, via: 'heading'});
      s.children.forEach(visit);
    };
    section.children.forEach(visit);
  }
  const matched = new Set<string>();
  const stale: Name[] = [];
  for (const cand of candidates) {
    const k = key(cand.text.replace(/\b(the|an?|main|workload|containers?)\b/gi, ''));
    const hits = model.containers.filter((c) => containerKeys(c, model).includes(k));
    // A heading in words ("Notes operator", "Jenkins agent") describes; only a name can be stale.
    const prose = cand.via === 'heading' && /\s/.test(cand.text.trim());
    if (hits.length) hits.forEach((c) => matched.add(c.name));
    else if (prose)
      model.containers
        .filter((c) => containerKeys(c, model).some((ck) => ck.length > 2 && k.includes(ck)))
        .forEach((c) => matched.add(c.name));
    else if (k && !stale.some((s) => key(s.text) === key(cand.text))) stale.push(cand);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const c of model.containers) {
    if (matched.has(c.name) || mentions(text, c.name)) continue;
    const declared = ` (declared in charmcraft.yaml${c.line ? `:${c.line}` : ''})`;
    findings.push(missingFinding('container', c.name, {file, line: sections[0]!.line}, declared));
  }
  const names = model.containers.filter((c) => !matched.has(c.name)).map((c) => c.name);
  for (const s of stale) {
    const name = cleanName(s.text);
    const hint = didYouMean(key(name), names);
    findings.push(staleFinding('container', name, {file, line: s.line}, 'the charm declares no such container', hint));
  }
  return findings;
}
