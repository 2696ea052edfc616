/**
 * The sentence that names a machine charm's workload (overview, containers): the snaps, apt
 * packages and systemd units it installs and manages, each linked to where the code names it.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import type {CharmModel} from '../model/index.js';
import {machineWorkloadItems, type WorkloadItem} from '../diagrams/machine-workload.js';
import {sourceUrl, type SectionContext} from './context.js';
import {code, link, paragraph, text} from './mdast.js';

function itemPhrase(i: WorkloadItem, links: SectionContext['links']): PhrasingContent[] {
  const url = sourceUrl(links, i.file, i.line);
  const name = url ? link(url, code(i.name)) : code(i.name);
  const head = i.computed
    ? [text(`a ${i.kind} named at runtime (`), name, text(')')]
    : [text('the '), name, text(` ${i.kind}`)];
  return i.details.length ? [...head, text(` (${i.details.join('; ')})`)] : head;
}

/** `It installs and manages the charmed-mysql snap (services: mysqld) and the haproxy apt package.`; nothing when none is known. */
export function machineWorkloadParagraph(
  model: CharmModel,
  links: SectionContext['links'],
  lead: string,
): RootContent[] {
  const items = machineWorkloadItems(model);
  if (!items.length) return [];
  const parts: PhrasingContent[] = [text(lead)];
  items.forEach((item, i) => {
    if (i > 0) parts.push(text(i === items.length - 1 ? ' and ' : ', '));
    parts.push(...itemPhrase(item, links));
  });
  parts.push(text('.'));
  return [paragraph(...parts)];
}
