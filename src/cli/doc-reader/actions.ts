/** Actions: the page's action names against the charm's actions. */
import {normaliseEventName, type CharmModel} from '../../model/index.js';
import type {DocSection} from './types.js';
import {missingFinding, staleFinding, type Finding} from './findings.js';
import {namesIn, type Name} from './names.js';
import {mentions, sectionText} from './page-mentions.js';
import {cleanName, didYouMean} from './rename-hints.js';

export function compareActions(sections: DocSection[], model: CharmModel, file: string): Finding[] {
  const actions = new Set(model.actions.map((a) => normaliseEventName(a.name)));
  const matched = new Set<string>();
  const stale = new Map<string, Name>();
  for (const n of namesIn(sections)) {
    const id = normaliseEventName(cleanName(n.text).replace(/^juju run\s+\S+\s+/, '')).replace(/-action$/, '');
    if (!/^[a-z][a-z0-9-]*$/.test(id)) continue;
    if (actions.has(id)) {
      matched.add(id);
      continue;
    }
    const candidate = n.lead && (n.via !== 'heading' || id.includes('-')) && (n.via !== 'plain' || id.includes('-'));
    // in a table only the first cell names an action; code in the others is parameters and values
    const inRow = n.block.kind === 'row' && !n.lead;
    if ((candidate || (n.via === 'code' && id.includes('-') && !inRow)) && !stale.has(id)) stale.set(id, n);
  }
  const text = sectionText(sections);
  const findings: Finding[] = [];
  for (const a of model.actions) {
    if (matched.has(normaliseEventName(a.name)) || mentions(text, a.name)) continue;
    findings.push(missingFinding('action', a.name, {file, line: sections[0]!.line}));
  }
  const missing = model.actions.filter((a) => !matched.has(normaliseEventName(a.name))).map((a) => a.name);
  for (const [id, n] of stale) {
    const name = cleanName(n.text);
    const hint = didYouMean(id, missing);
    findings.push(staleFinding('action', name, {file, line: n.line}, 'the charm defines no such action', hint));
  }
  return findings;
}
