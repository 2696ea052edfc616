/**
 * The Pebble layer a rock carries: its rockcraft.yaml `services:`, with what a 12-factor
 * Rockcraft extension (`flask-framework`, ...) adds merged in the way rockcraft merges it.
 */
import {type RockExtensionDefinition, type RockExtensionService} from '../../extensions/rockcraft.js';
import type {PebbleLayer, PebbleService} from '../../types.js';
import type {YamlFile} from '../../sources/yaml.js';
import {layerFromData} from './yaml-layers.js';

export interface RockLayerInit {
  container: string | null;
  /** Path of the rockcraft.yaml (or, without a rock, the charmcraft.yaml naming the extension). */
  file: string;
  label: string;
  /** The rock's `name` (the go-framework binary is named after it); empty when there is no rock. */
  rockName: string;
}

/**
 * The rock's services: the user's, each merged with the extension's service of the same name as
 * rockcraft's `_apply_extension_property` does (the user's value wins, lists are joined extension
 * first without duplicates, maps are merged), then the extension's other services. That merged
 * `services:` is the rock's Pebble layer, the base of the container's plan.
 */
export function rockLayer(
  doc: YamlFile | null,
  ext: RockExtensionDefinition | undefined,
  init: RockLayerInit,
): PebbleLayer {
  const base = doc
    ? layerFromData(doc, [], {origin: 'rockcraft', container: init.container, file: init.file, label: init.label})
    : {
        file: init.file,
        line: 1,
        column: 1,
        container: init.container,
        label: init.label,
        origin: 'rockcraft' as const,
        services: [],
        checks: [],
        logTargets: [],
        computed: false,
      };
  if (!ext) return base;
  const extensionLine = doc ? extensionEntryLine(doc, ext.name) : base.line;
  const services = base.services.map((s) => {
    const own = ext.services[s.name];
    return own ? mergeService(fromExtension(s.name, own, init.rockName, s.line), s) : s;
  });
  for (const [name, own] of Object.entries(ext.services)) {
    if (!services.some((s) => s.name === name)) services.push(fromExtension(name, own, init.rockName, extensionLine));
  }
  return {...base, services};
}

function fromExtension(name: string, s: RockExtensionService, rockName: string, line: number): PebbleService {
  // Without the rock, a command made from its name is known only in part.
  const fromName = typeof s.command === 'function';
  const command = typeof s.command === 'function' ? s.command(rockName || "<the rock's name>") : s.command;
  return {
    name,
    command,
    ...(s.summary ? {summary: s.summary} : {}),
    startup: s.startup,
    override: s.override,
    environment: s.environment ?? [],
    after: s.after ?? [],
    before: [],
    requires: [],
    user: s.user,
    ...(s['working-dir'] ? {workingDir: s['working-dir']} : {}),
    computed: s.computed || (fromName && !rockName) ? ['command'] : [],
    line,
  };
}

/** The user's service over the extension's: scalars from the user when set, lists and maps joined. */
function mergeService(ext: PebbleService, user: PebbleService): PebbleService {
  const join = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])];
  const userCommand = user.command !== null;
  return {
    ...ext,
    ...Object.fromEntries(Object.entries(user).filter(([, v]) => v !== null && v !== undefined && !Array.isArray(v))),
    command: userCommand ? user.command : ext.command,
    environment: join(ext.environment, user.environment),
    after: join(ext.after, user.after),
    before: join(ext.before, user.before),
    requires: join(ext.requires, user.requires),
    computed: userCommand ? user.computed : ext.computed,
    line: user.line,
  };
}

/** Line of the extension's name in the file's `extensions:` list. */
function extensionEntryLine(doc: YamlFile, name: string): number {
  const list = (doc.value as {extensions?: unknown} | null)?.extensions;
  const index = Array.isArray(list) ? list.indexOf(name) : -1;
  return index >= 0 ? doc.pos(['extensions', index]).line : doc.pos([]).line;
}
