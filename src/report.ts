import {join, relative} from 'node:path';
import {logger} from '@docusaurus/logger';
import type {CharmModel} from './model/index.js';
import {normaliseEventName} from './model/index.js';
import type {EventAnnotation} from './sections/context.js';
import {eventEntries, misplacedNotes} from './sections/event-entries.js';
import type {SiteState} from './state.js';

/**
 * The build log lines both halves print: drift (a page's note on an event the charm does not
 * observe) and the charm's own warnings. The plugin half prints them on every build, from the pages
 * and models it serves, because a rebuild served from webpack's persistent cache never runs the
 * remark half; the remark half prints what the plugin half did not (a page edited under
 * `docusaurus start`). Each line once per build.
 */
export function reportOnce(state: SiteState, line: string): void {
  if (state.printed.has(line)) return;
  state.printed.add(line);
  logger.warn(line);
}

/** Starts a build's report: every line may be printed again. */
export function startReport(state: SiteState): void {
  state.printed.clear();
}

/** A path as the log shows it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** The annotations of a `:::juju-events` that name no event the charm observes. */
export function driftedAnnotations(model: CharmModel, annotations: readonly EventAnnotation[]): EventAnnotation[] {
  const observed = new Set(model.events.flatMap((e) => (e.name ? [normaliseEventName(e.name)] : [])));
  const misplaced = new Set(misplacedNotes(eventEntries(model.events), annotations));
  return annotations.filter((a) => !observed.has(a.event) || misplaced.has(a));
}

export const DRIFT_CODE = 'event-not-observed';

/** `onDrift: 'throw'`: the build fails on drift, whatever `onError` says (it is not a charm or directive error). */
export class DriftError extends Error {
  override name = 'DriftError';
}

export function driftMessage(model: CharmModel, annotation: EventAnnotation): string {
  const emitters = eventEntries(model.events)
    .filter((e) => e.events[0]!.name === annotation.event)
    .map((e) => `\`${e.qualifier ?? e.events[0]!.emitter?.relation ?? 'charm'}\``);
  if (annotation.emitter !== undefined && emitters.length)
    return `Drift: the page annotates \`${annotation.event}\` from \`${annotation.emitter}\`, but the charm ${model.name} observes \`${annotation.event}\` only from ${emitters.join(', ')}.`;
  return `Drift: the page annotates \`${annotation.event}\`, which the charm ${model.name} does not observe.`;
}

/** `docs/page.md:7:1: event-not-observed: Drift: ...` */
export function driftLine(page: string, line: number, model: CharmModel, annotation: EventAnnotation): string {
  return `${displayPath(page)}:${line}:1: ${DRIFT_CODE}: ${driftMessage(model, annotation)}`;
}

/** The charm's own warnings (an unknown key, Python that does not parse), each with its file:line:column. */
export function charmWarningLines(model: CharmModel, dir: string): string[] {
  return model.diagnostics.map(
    (d) =>
      `${join(displayPath(dir), d.file)}:${d.line}:${d.column}: ${d.code}: ${d.message}${d.hint ? ` ${d.hint}` : ''}`,
  );
}
