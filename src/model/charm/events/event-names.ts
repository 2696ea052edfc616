import type {CharmMetadata} from '../metadata/metadata.js';
import type {EventKind} from '../../types.js';

/** Names a charm's `on` can be indexed or suffixed with, taken from its metadata (and extensions). */
export interface CharmNames {
  endpoints: string[];
  containers: string[];
  actions: string[];
  storage: string[];
}

export function charmNames(meta: Pick<CharmMetadata, 'endpoints' | 'containers' | 'actions' | 'storage'>): CharmNames {
  return {
    endpoints: meta.endpoints.map((e) => e.name),
    containers: meta.containers.map((c) => c.name),
    actions: meta.actions.map((a) => a.name),
    storage: meta.storage.map((s) => s.name),
  };
}

export interface JujuEventName {
  name: string;
  kind: EventKind;
  endpoint?: string;
  container?: string;
  action?: string;
  storage?: string;
}

/** Events every charm's `on` has, by ops attribute name. */
const STANDARD_EVENTS: Record<string, EventKind> = {
  install: 'lifecycle',
  start: 'lifecycle',
  stop: 'lifecycle',
  remove: 'lifecycle',
  config_changed: 'lifecycle',
  update_status: 'lifecycle',
  upgrade_charm: 'lifecycle',
  pre_series_upgrade: 'lifecycle',
  post_series_upgrade: 'lifecycle',
  collect_metrics: 'lifecycle',
  leader_elected: 'leader',
  leader_settings_changed: 'leader',
  secret_changed: 'secret',
  secret_expired: 'secret',
  secret_remove: 'secret',
  secret_rotate: 'secret',
  collect_app_status: 'status',
  collect_unit_status: 'status',
};

const RELATION_SUFFIXES = [
  'relation_created',
  'relation_joined',
  'relation_changed',
  'relation_departed',
  'relation_broken',
];
const WORKLOAD_SUFFIXES = ['pebble_ready', 'pebble_custom_notice', 'pebble_check_failed', 'pebble_check_recovered'];
const STORAGE_SUFFIXES = ['storage_attached', 'storage_detaching'];

/**
 * A name as Juju writes hooks, and charmcraft.yaml endpoints, containers, actions and storage:
 * `config_changed` -> `config-changed`. The one place that spells this conversion.
 */
export function hookName(name: string): string {
  return name.replace(/_/g, '-');
}

/** An event name as a person writes it (`Config_Changed`, `config-changed`), in the form to compare it by. */
export function normaliseEventName(name: string): string {
  return hookName(name).toLowerCase();
}

/** A name as ops spells it in attributes (`self.on.config_changed`, `self.on["juju_info"]`): `-` -> `_`. */
export function opsAttributeName(name: string): string {
  return name.replace(/-/g, '_');
}

/** `self.on.<attr>`: a standard, relation, workload, action or storage event, or null. */
export function eventFromAttribute(attr: string, names: CharmNames): JujuEventName | null {
  const std = Object.hasOwn(STANDARD_EVENTS, attr) ? STANDARD_EVENTS[attr] : undefined;
  if (std) return {name: hookName(attr), kind: std};
  for (const suffix of RELATION_SUFFIXES) {
    if (attr.endsWith(`_${suffix}`)) {
      const prefix = attr.slice(0, -suffix.length - 1);
      const endpoint = names.endpoints.find((e) => opsAttributeName(e) === prefix);
      if (endpoint) return {name: `${endpoint}-${hookName(suffix)}`, kind: 'relation', endpoint};
    }
  }
  for (const suffix of WORKLOAD_SUFFIXES) {
    if (attr.endsWith(`_${suffix}`)) {
      const prefix = attr.slice(0, -suffix.length - 1);
      const container = names.containers.find((c) => opsAttributeName(c) === prefix);
      if (container) return {name: `${container}-${hookName(suffix)}`, kind: 'workload', container};
    }
  }
  if (attr.endsWith('_action')) {
    const prefix = attr.slice(0, -'_action'.length);
    const action = names.actions.find((a) => opsAttributeName(a) === prefix);
    if (action) return {name: `${action}-action`, kind: 'action', action};
  }
  for (const suffix of STORAGE_SUFFIXES) {
    if (attr.endsWith(`_${suffix}`)) {
      const prefix = attr.slice(0, -suffix.length - 1);
      const storage = names.storage.find((s) => opsAttributeName(s) === prefix);
      if (storage) return {name: `${storage}-${hookName(suffix)}`, kind: 'storage', storage};
    }
  }
  return null;
}

/**
 * The same attribute when metadata does not declare the name (an endpoint an
 * extension adds, or metadata out of date): the name is still what Juju would
 * call it, derived from the attribute; callers warn about it.
 */
export function eventFromAttributeShape(attr: string): JujuEventName | null {
  for (const [suffixes, kind] of [
    [RELATION_SUFFIXES, 'relation'],
    [WORKLOAD_SUFFIXES, 'workload'],
    [STORAGE_SUFFIXES, 'storage'],
    [['action'], 'action'],
  ] as const) {
    for (const suffix of suffixes) {
      if (attr.endsWith(`_${suffix}`)) {
        const prefix = hookName(attr.slice(0, -suffix.length - 1));
        const field = kind === 'relation' ? 'endpoint' : kind === 'workload' ? 'container' : kind;
        return {name: `${prefix}-${hookName(suffix)}`, kind, [field]: prefix};
      }
    }
  }
  return null;
}

/** `self.on["name"].<attr>`: the keyed forms ops supports. */
export function eventFromKey(rawKey: string, attr: string, names?: CharmNames): JujuEventName | null {
  // ops indexes `on` by the attribute spelling (`-` -> `_`): `on["juju_info"]` is the `juju-info` endpoint.
  const declared = (list: string[] | undefined): string =>
    list?.find((n) => opsAttributeName(n) === opsAttributeName(rawKey)) ?? rawKey;
  if (RELATION_SUFFIXES.includes(attr)) {
    const key = declared(names?.endpoints);
    return {name: `${key}-${hookName(attr)}`, kind: 'relation', endpoint: key};
  }
  if (WORKLOAD_SUFFIXES.includes(attr)) {
    const key = declared(names?.containers);
    return {name: `${key}-${hookName(attr)}`, kind: 'workload', container: key};
  }
  if (STORAGE_SUFFIXES.includes(attr)) {
    const key = declared(names?.storage);
    return {name: `${key}-${hookName(attr)}`, kind: 'storage', storage: key};
  }
  if (attr === 'action') {
    const key = declared(names?.actions);
    return {name: `${key}-action`, kind: 'action', action: key};
  }
  return null;
}

/** A library or custom event keeps its attribute name, hook style. */
export function customEventName(attr: string): string {
  // `_restore_done = EventSource(...)`: a private attribute, not a name starting with a hyphen.
  return hookName(attr.replace(/^_+/, ''));
}
