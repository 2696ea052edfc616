/**
 * Where an event's handling comes from when it is not plainly the charm's own code: an observe call
 * the model could not name (shown with its source line, never dropped), or a library object the
 * charm constructs that observes the event in the library's code.
 */
import type {PhrasingContent} from 'mdast';
import type {LibraryHandler, ObservedEvent} from '../model/index.js';
import {sourceUrl, type SectionContext} from './context.js';
import {charmInline} from './charm-markdown.js';
import {code, link, text} from './mdast.js';

/**
 * What one library handler does, named by its class and module so that it never reads like the
 * charm's own handler of the same name: `` `_on_config_changed` of `KubernetesComputeResourcesPatch`
 * (`charms.observability_libs.v0....`): its docstring. ``
 */
export function libraryHandlerLine(
  e: ObservedEvent & {handledBy: LibraryHandler},
  url: string | null,
  ctx: SectionContext,
): PhrasingContent[] {
  const method = code(e.handler ?? e.handlerExpression);
  return [
    url ? link(url, method) : method,
    text(' of '),
    code(e.handledBy.class),
    text(' ('),
    code(e.handledBy.library),
    ...onlyWhen(e.handledBy),
    text(')'),
    ...(e.handlerDoc ? [text(': '), ...charmInline(e.handlerDoc, ctx.links)] : [text('.')]),
  ];
}

/**
 * Sentences (each ending with a space) for the details paragraph of an event's list item. What
 * library code does on the event comes after what the charm does (`libraryHandlerLine`).
 */
export function provenanceDetails(group: readonly ObservedEvent[], ctx: SectionContext): PhrasingContent[] {
  const first = group[0]!;
  const out: PhrasingContent[] = [];
  if (!first.resolved) {
    const at = `${first.file}:${first.line}`;
    const url = sourceUrl(ctx.links, first.file, first.line);
    out.push(
      text('An event the charm observes that could not be named statically: '),
      code(first.expression),
      text(', observed at '),
      url ? link(url, code(at)) : code(at),
      text('. '),
    );
  }
  return out;
}

/**
 * `; only when backup() returns it`: the object comes from a function that returns
 * one of several things, and not all of them observe this event (the reader must not take two
 * alternatives' handlers for two handlers that both run).
 */
function onlyWhen(handledBy: LibraryHandler): PhrasingContent[] {
  const factory = handledBy.factory;
  if (!factory?.alternatives || !factory.observedBy || factory.observedBy.length >= factory.alternatives.length)
    return [];
  const out: PhrasingContent[] = [text('; only when '), code(`${factory.function}()`), text(' returns ')];
  if (factory.observedBy.length === 1 && factory.observedBy[0] === handledBy.class) return [...out, text('it')];
  factory.observedBy.forEach((cls, i) => out.push(...(i > 0 ? [text(' or ')] : []), code(cls)));
  return out;
}
