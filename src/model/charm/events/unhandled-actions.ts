/** Every declared action ends with a handler, or with a warning at its declaration. */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {opsAttributeName} from './event-names.js';
import type {Action, ObservedEvent} from '../../types.js';

/**
 * Warns, at the action's declaration, about each action no observe call handles: neither the
 * charm, its base classes, nor a library object it constructs observes `<name>_action`.
 */
export function reportUnhandledActions(actions: readonly Action[], events: readonly ObservedEvent[], sink: DiagnosticSink, metadataFile: string): void {
  const handled = new Set(events.filter((e) => e.kind === 'action' && e.action).map((e) => e.action));
  const unresolved = events.filter((e) => !e.resolved);
  for (const action of actions) {
    if (handled.has(action.name)) continue;
    const maybe = unresolved.length ? ` ${unresolved.length} observe call(s) could not be named statically (first at ${unresolved[0]!.file}:${unresolved[0]!.line}); one of them may handle it.` : '';
    sink.warn({
      code: 'action-no-handler',
      message: `No handler found for action \`${action.name}\`: no observe call of \`${opsAttributeName(action.name)}_action\` in the charm, its base classes or the library objects it constructs.${maybe}`,
      hint: `Observe it (\`self.framework.observe(self.on.${opsAttributeName(action.name)}_action, ...)\`), or remove the action if the charm no longer offers it.`,
      file: action.file ?? metadataFile,
      line: action.line ?? 1,
      column: 1,
    });
  }
}
