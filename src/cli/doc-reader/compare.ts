/** `charm-arch check`: a hand-written page against the charm model. */
import type {CharmModel} from '../../model/index.js';
import {sectionBlocks, type DocOutline, type DocSection} from './types.js';
import {compareActions} from './actions.js';
import {compareContainers} from './containers.js';
import {compareEndpoints} from './endpoints.js';
import {compareRocks} from './rocks.js';
import {compareEvents, eventForms, isHookShaped, matchEvent, observedEvents} from './events.js';
import {CATEGORIES, type Category, type Comparison, type Finding, type SectionReport} from './findings.js';
import {namesOf} from './names.js';
import {findSections, generatedBy} from './sections.js';

export const COMPARE: Record<Category, (sections: DocSection[], model: CharmModel, file: string) => Finding[]> = {
  event: compareEvents,
  container: compareContainers,
  rock: compareRocks,
  endpoint: compareEndpoints,
  action: compareActions,
};

/** A section that only points elsewhere ("See [Integrations](...)"), naming nothing itself. */
export function delegates(category: Category, sections: DocSection[], model: CharmModel): boolean {
  const blocks = sections.flatMap((s) => [...sectionBlocks(s)]);
  const pointer = blocks.some((b) => b.tokens.some((t) => t.type === 'link' || t.type === 'ref'));
  if (!pointer) return false;
  if (category === 'endpoint') {
    return blocks.some((b) =>
      b.tokens.some(
        (t) =>
          (t.type === 'link' || t.type === 'ref') && /integration|relation|endpoint/i.test(`${t.text} ${t.url ?? ''}`),
      ),
    );
  }
  if (category === 'event') {
    const events = observedEvents(model);
    return !sections.some((s) =>
      [...sectionBlocks(s)].some((b) =>
        namesOf(b).some((n) =>
          eventForms(n.text, n.via === 'code').some((f) => isHookShaped(f) || matchEvent(f, events).length),
        ),
      ),
    );
  }
  return false;
}

/** Compares the page's sections with the charm model; only categories the page has a section for. */
export function compare(
  outline: DocOutline,
  model: CharmModel,
  file: string,
  only?: ReadonlySet<Category>,
): Comparison {
  const found = findSections(outline.sections);
  const generated = new Set(outline.directives.flatMap((d) => generatedBy(d.name)));
  const findings: Finding[] = [];
  const sections: SectionReport[] = [];
  for (const category of CATEGORIES) {
    if (only && !only.has(category)) continue;
    const s = found.get(category);
    if (generated.has(category)) {
      sections.push({category, status: 'generated', ...(s ? {title: s[0]!.title, line: s[0]!.line} : {})});
      continue;
    }
    if (!s) {
      sections.push({category, status: 'absent'});
      continue;
    }
    const where = {title: s[0]!.title, line: s[0]!.line};
    if (delegates(category, s, model)) {
      sections.push({category, status: 'delegated', ...where});
      continue;
    }
    sections.push({category, status: 'compared', ...where});
    findings.push(...COMPARE[category](s, model, file));
  }
  findings.sort(
    (a, b) =>
      a.line - b.line ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      (a.kind === b.kind ? 0 : a.kind === 'missing' ? -1 : 1) ||
      a.name.localeCompare(b.name),
  );
  return {findings, sections};
}

export {CATEGORIES, type Category, type Comparison, type Finding, type SectionReport} from './findings.js';
export {categoryOf} from './sections.js';
export {eventForms} from './events.js';
export {didYouMean} from './rename-hints.js';
