/** Naming what an observe call observes: the Juju event, its kind and emitter, and the handler. */
import type {EventEmitter, ObservedEvent} from '../../types.js';
import {
  eventFromAttribute,
  eventFromAttributeShape,
  eventFromKey,
  customEventName,
  type JujuEventName,
} from './event-names.js';
import {evaluate} from '../../python/evaluate.js';
import {classChain, classInfo} from '../../python/classes.js';
import {type Ctx, type Value} from '../../python/values.js';
import type {ClassInfo} from '../../python/module-info.js';
import {line, type SyntaxNode} from '../../python/syntax.js';
import type {ObserveScan} from './observe-scan.js';

type EventDescription = Pick<
  ObservedEvent,
  'name' | 'kind' | 'expression' | 'resolved' | 'emitter' | 'endpoint' | 'container' | 'action' | 'storage'
>;

/**
 * `at` is the observed expression's node: warnings point at the `observe()` call, not at the method around it.
 * `null`: an event Juju never delivers to this charm (a Pebble event in a charm without containers), not listed.
 */
export function describeEvent(
  value: Value,
  expression: string,
  ctx: Ctx,
  scan: ObserveScan,
  at: SyntaxNode,
): EventDescription | null {
  const base = {expression};
  const fromName = (n: JujuEventName, emitter?: EventEmitter): EventDescription | null =>
    n.kind === 'workload' && !scan.names.containers.length
      ? neverDelivered(n, expression, ctx, scan, at)
      : named(n, emitter);
  const named = (n: JujuEventName, emitter?: EventEmitter): EventDescription => ({
    ...base,
    name: n.name,
    kind: n.kind,
    resolved: true,
    ...(n.endpoint ? {endpoint: n.endpoint} : {}),
    ...(n.container ? {container: n.container} : {}),
    ...(n.action ? {action: n.action} : {}),
    ...(n.storage ? {storage: n.storage} : {}),
    ...(emitter ? {emitter} : {}),
  });
  if (value.t === 'event' && value.key !== undefined) {
    const n = eventFromKey(value.key, value.attr, scan.names);
    if (n) return fromName(n);
  } else if (value.t === 'event' && value.owner.t === 'charm') {
    const n = eventFromAttribute(value.attr, scan.names);
    if (n) return fromName(n);
    const custom = customEventOf(value.owner.cls, value.attr, ctx);
    if (custom) return fromName({name: customEventName(value.attr), kind: 'custom'}, custom);
    const shaped = eventFromAttributeShape(value.attr);
    if (shaped?.kind === 'workload' && !scan.names.containers.length)
      return neverDelivered(shaped, expression, ctx, scan, at);
    if (shaped) {
      scan.sink.warn({
        code: 'undeclared-name',
        message: `\`${expression}\` names ${UNDECLARED[shaped.kind] ?? `a ${shaped.kind}`} that the charm's metadata does not declare.`,
        hint: 'Declare it in charmcraft.yaml, or remove the observer.',
        file: ctx.module.py.file.path,
        ...line(ctx.module.py, at),
      });
      return fromName(shaped);
    }
    // Events a charm library defines on the charm's own `on` (e.g. `define_event`).
    return fromName({name: customEventName(value.attr), kind: 'library'}, {expression: 'self.on'});
  } else if (value.t === 'event') {
    return fromName(
      {
        name: customEventName(value.attr),
        kind: value.owner.t === 'instance' && value.owner.cls.info?.module.origin === 'src' ? 'custom' : 'library',
      },
      emitterOf(value.owner, expression),
    );
  }
  // Not nameable statically: kept with its expression, never guessed.
  return {...base, name: null, kind: partialKind(expression), resolved: false};
}

/**
 * A Pebble event observed by a charm that declares no container (code shared by a machine and a
 * Kubernetes charm, behind a substrate check the model cannot decide): Juju never delivers it here.
 */
function neverDelivered(n: JujuEventName, expression: string, ctx: Ctx, scan: ObserveScan, at: SyntaxNode): null {
  scan.sink.warn({
    code: 'undeclared-name',
    message: `\`${expression}\` names the Pebble event \`${n.name}\`, but the charm declares no container: Juju never delivers it to this charm, so the events section does not list it.`,
    hint: 'If the charm runs a workload container, declare it in charmcraft.yaml (`containers:`); if the observer is for another substrate, nothing to do.',
    file: ctx.module.py.file.path,
    ...line(ctx.module.py, at),
  });
  return null;
}

/** What an undeclared name in an event attribute would be, by the event's kind. */
const UNDECLARED: Readonly<Partial<Record<string, string>>> = {
  relation: 'an endpoint',
  workload: 'a container',
  action: 'an action',
  storage: 'a storage',
};

function emitterOf(owner: Value, expression: string): EventEmitter {
  const written = expression.replace(/\.on\.\w+$/, '').replace(/\.on$/, '');
  // A loop variable (`certs`) stands for the list item it is bound to (`self.peer_certs`).
  const expr =
    owner.t === 'instance' && /^\w+$/.test(written) && /^[\w.]+$/.test(owner.expr) && owner.expr !== 'self'
      ? owner.expr
      : written;
  if (owner.t === 'instance') {
    return {
      expression: expr,
      class: owner.cls.name,
      ...(owner.cls.module ? {library: owner.cls.info?.module.py.name ?? owner.cls.module} : {}),
      ...(owner.relation ? {relation: owner.relation} : {}),
    };
  }
  return {expression: expr};
}

/** The charm's own custom events: `on = MyEvents()` with `name = EventSource(...)`. */
function customEventOf(charm: ClassInfo, attr: string, ctx: Ctx): EventEmitter | undefined {
  for (const cls of classChain(charm, ctx)) {
    const onNode = cls.attrs.get('on');
    if (!onNode) continue;
    const on = evaluate(onNode, {...ctx, module: cls.module, cls, fn: undefined, env: new Map()});
    if (on.t !== 'instance') continue;
    const events = classInfo(on.cls, ctx);
    for (const ev of events ? classChain(events, ctx) : []) {
      if (ev.attrs.has(attr)) return {expression: 'self.on', class: on.cls.name};
    }
  }
  return undefined;
}

function partialKind(expression: string): ObservedEvent['kind'] {
  if (/\.relation_(created|joined|changed|departed|broken)$/.test(expression)) return 'relation';
  if (expression.endsWith('.pebble_ready')) return 'workload';
  if (expression.endsWith('.action')) return 'action';
  return 'unknown';
}

interface HandlerDescription {
  name: string | null;
  doc?: string;
  file?: string;
  line?: number;
}

export function describeHandler(value: Value, expression: string): HandlerDescription {
  if (value.t === 'method') {
    const fn = value.fn;
    return {
      name: value.name,
      ...(fn?.doc ? {doc: fn.doc} : {}),
      ...(fn ? {file: fn.module.py.file.path, line: line(fn.module.py, fn.node).line} : {}),
    };
  }
  if (value.t === 'function')
    return {
      name: value.fn.name,
      ...(value.fn.doc ? {doc: value.fn.doc} : {}),
      file: value.fn.module.py.file.path,
      line: line(value.fn.module.py, value.fn.node).line,
    };
  // `self._helper._on_x` or a method defined outside the charm's source: its name as written.
  // Only an attribute chain names a method; a bare variable (a handler passed in) is not resolved.
  const m = /\.(\w+)$/.exec(expression.trim());
  return {name: m ? m[1]! : null};
}
