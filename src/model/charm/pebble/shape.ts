/** What a Pebble layer looks like: used to tell layers from other dicts with a `services` key (Traefik, HAProxy). */
export const LAYER_KEYS = new Set(['summary', 'description', 'services', 'checks', 'log-targets']);
export const SERVICE_KEYS = new Set([
  'summary',
  'description',
  'startup',
  'override',
  'command',
  'after',
  'before',
  'requires',
  'environment',
  'user',
  'user-id',
  'group',
  'group-id',
  'working-dir',
  'on-success',
  'on-failure',
  'on-check-failure',
  'backoff-delay',
  'backoff-factor',
  'backoff-limit',
  'kill-delay',
]);
/** A service definition must carry at least one of these to count as one. */
export const SERVICE_MARKERS = new Set(['override', 'command', 'startup']);
export const CHECK_MARKERS = new Set(['http', 'tcp', 'exec', 'level', 'period', 'threshold']);

/** A plain-data layer (from YAML) is a layer when its keys are layer keys and its services look like services. */
export function isLayerShape(value: unknown): boolean {
  if (!isMapping(value)) return false;
  const keys = Object.keys(value);
  if (!keys.length || !keys.every((k) => LAYER_KEYS.has(k))) return false;
  const services = value['services'];
  const checks = value['checks'];
  if (services === undefined && checks === undefined) return false;
  if (services !== undefined) {
    if (!isMapping(services)) return false;
    const defs = Object.values(services);
    if (defs.length && !defs.some((d) => isMapping(d) && Object.keys(d).some((k) => SERVICE_MARKERS.has(k))))
      return false;
  }
  return true;
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
