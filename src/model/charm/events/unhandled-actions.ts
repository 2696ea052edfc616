/** Every declared action ends with a handler, or with a warning at its declaration. */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {opsAttributeName} from './event-names.js';
import type {Action, ObservedEvent} from '../../types.js';

/**
 * Warns, at the action's declaration, about each action no observe call the model follows handles:
 * neither the charm, its base classes, nor a library object it constructs (itself or through a
 * function it calls) observes `<name>_action`. Following is static, so the warning says both
 * possibilities: a handler in code the model cannot follow, or no handler at all.
 */
export function reportUnhandledActions(
  actions: readonly Action[],
  events: readonly ObservedEvent[],
  sink: DiagnosticSink,
  metadataFile: string,
): void {
  const handled = new Set(events.filter((e) => e.kind === 'action' && e.action).map((e) => e.action));
  const unresolved = events.filter((e) => !e.resolved);
  for (const action of actions) {
    if (handled.has(action.name)) continue;
    const event = `${opsAttributeName(action.name)}_action`;
    const maybe = unresolved.length
      ? ` ${unresolved.length} observe call(s) could not be named statically (first at ${unresolved[0]!.file}:${unresolved[0]!.line}); one of them may handle it.`
      : '';
    sink.warn({
      code: 'action-no-handler',
      message:
        `No handler found for action \`${action.name}\`: no observe call of \`${event}\` that the model can follow statically (in the charm, its base classes, ` +
        `or the library objects it constructs itself or through functions it calls). Either the charm observes it in code the model cannot follow, or it has no handler.${maybe}`,
      hint:
        `If the charm handles it (an event name or object computed at runtime), the events section cannot list it: observe it where the model sees it (\`self.framework.observe(self.on.${event}, ...)\` in the charm), or accept this warning. ` +
        'If nothing handles it, add that observe call, or remove the action if the charm no longer offers it.',
      file: action.file ?? metadataFile,
      line: action.line ?? 1,
      column: 1,
    });
  }
}
