/** Reads a charm's metadata from charmcraft.yaml, or legacy metadata.yaml + config.yaml + actions.yaml. */
import {CharmArchError, CharmLoadError} from '../../../errors.js';
import {type DiagnosticSink} from '../../sources/diagnostics.js';
import type {CharmSources} from '../../sources/sources.js';
import {parseYamlFile, type YamlFile} from '../../sources/yaml.js';
import {checkTopLevel, get, isMapping, typeName, type Mapping} from './fields.js';
import {readActions, readConfig} from './config-actions.js';
import {readContainers, readEndpoints, readResources, readStorage} from './entries.js';
import {flattenAssumes, readBases, readLinks} from './bases-links.js';
import {CHARMCRAFT_KEYS, METADATA_KEYS, warnUnknownKeys} from './top-level-keys.js';

import type {Action, CharmBase, CharmLinks, ConfigOption, Container, Endpoint, Resource, Storage} from '../../types.js';

/** What charmcraft.yaml (or metadata.yaml + config.yaml + actions.yaml) declares. */
export interface CharmMetadata {
  layout: 'charmcraft' | 'legacy';
  name: string;
  displayName?: string;
  summary: string;
  description: string;
  bases: CharmBase[];
  assumes: string[];
  links: CharmLinks;
  entrypoint: string;
  extensionNames: string[];
  containers: Container[];
  resources: Resource[];
  storage: Storage[];
  endpoints: Endpoint[];
  config: ConfigOption[];
  actions: Action[];
  subordinate: boolean;
  /** Legacy `series:` (what ops gives as `self.meta.series`; empty when absent). */
  series: string[];
  /** The parsed files, for later lookups (e.g. layer definitions). */
  files: YamlFile[];
}

/** Reads a charm's metadata in either layout. Throws CharmArchError when there is none or it is unusable. */
export function readMetadata(sources: CharmSources, sink: DiagnosticSink): CharmMetadata {
  const charmcraft = readYaml(sources, 'charmcraft.yaml');
  const legacyMeta = readYaml(sources, 'metadata.yaml');
  const files = [charmcraft, legacyMeta].filter((f): f is YamlFile => f !== null);

  // Legacy layout: metadata.yaml holds the metadata, charmcraft.yaml only build settings.
  const layout: 'charmcraft' | 'legacy' = legacyMeta ? 'legacy' : 'charmcraft';
  const meta = legacyMeta ?? charmcraft;
  if (!meta) {
    throw new CharmArchError({
      code: 'no-metadata',
      message: `No charmcraft.yaml or metadata.yaml in ${sources.root}.`,
      file: 'charmcraft.yaml',
      hint: "Point the charm path at the directory that holds the charm's charmcraft.yaml (or legacy metadata.yaml).",
    });
  }
  if (meta.value === null || meta.value === undefined) {
    throw new CharmArchError({
      code: 'empty-metadata',
      message: `${meta.file.path} is empty.`,
      file: meta.file.path,
      hint: 'A charm needs at least `name`, `summary` and `description`.',
    });
  }
  const m =
    expectMapping(meta, [], sink, 'The file must be a mapping of top-level keys (`name: ...`, `summary: ...`).') ?? {};
  const cc =
    charmcraft && charmcraft !== meta
      ? (expectMapping(
          charmcraft,
          [],
          sink,
          'The file must be a mapping of top-level keys (`type: charm`, `bases: ...`).',
        ) ?? {})
      : charmcraft
        ? m
        : {};
  // A document that is not a mapping holds nothing else to read.
  if (sink.errors.length) throw new CharmLoadError(sink.errors);
  warnUnknownKeys(meta, m, meta === charmcraft ? CHARMCRAFT_KEYS : METADATA_KEYS, sink);
  if (charmcraft && charmcraft !== meta) warnUnknownKeys(charmcraft, cc, CHARMCRAFT_KEYS, sink);
  checkTopLevel(meta, m, sink);
  if (charmcraft && charmcraft !== meta) checkTopLevel(charmcraft, cc, sink);

  const name = str(meta, m, ['name'], sink);
  if (name?.trim() === '') {
    throw new CharmArchError({
      code: 'empty-name',
      message: `\`name\` in ${meta.file.path} is empty.`,
      file: meta.file.path,
      ...meta.pos(['name'], 'value'),
      hint: "Write the charm's name: `name: <charm-name>` (lowercase letters, digits and hyphens).",
    });
  }
  if (!name) {
    // `name` of the wrong type is already a positioned error: report that, not a missing name.
    if (sink.errors.length) throw new CharmLoadError(sink.errors);
    throw new CharmArchError({
      code: 'missing-name',
      message: `${meta.file.path} has no \`name\`.`,
      file: meta.file.path,
      ...meta.pos([]),
      hint: 'Add `name: <charm-name>` at the top level.',
    });
  }

  // Legacy charms keep config.yaml / actions.yaml, but some moved one of them into charmcraft.yaml.
  const legacyConfig = layout === 'legacy' ? readYaml(sources, 'config.yaml') : null;
  const legacyActions = layout === 'legacy' ? readYaml(sources, 'actions.yaml') : null;
  const configFile = legacyConfig ?? charmcraft;
  const actionsFile = legacyActions ?? charmcraft;
  if (configFile && !files.includes(configFile)) files.push(configFile);
  if (actionsFile && !files.includes(actionsFile)) files.push(actionsFile);
  const configRoot: string[] = legacyConfig ? [] : ['config'];
  const actionsRoot: string[] = legacyActions ? [] : ['actions'];

  return {
    layout,
    name,
    displayName: str(meta, m, ['title'], sink) ?? str(meta, m, ['display-name'], sink),
    summary: str(meta, m, ['summary'], sink) ?? '',
    description: str(meta, m, ['description'], sink) ?? '',
    bases: readBases(charmcraft ? cc : m, m),
    assumes: flattenAssumes(m['assumes']),
    links: readLinks(m),
    entrypoint: readEntrypoint(cc),
    extensionNames: readStringList(charmcraft, cc, ['extensions'], sink),
    containers: readContainers(meta, m, sink),
    resources: readResources(meta, m, sink),
    storage: readStorage(meta, m, sink),
    endpoints: readEndpoints(meta, m, sink),
    config: configFile ? readConfig(configFile, configRoot, sink) : [],
    actions: actionsFile ? readActions(actionsFile, actionsRoot, sink) : [],
    subordinate: m['subordinate'] === true,
    series: Array.isArray(m['series']) ? m['series'].filter((x): x is string => typeof x === 'string') : [],
    files,
  };
}

function readYaml(sources: CharmSources, path: string): YamlFile | null {
  const file = sources.read(path);
  return file ? parseYamlFile(file) : null;
}

/** The mapping at `path`, or null (with a positioned error) when it is something else. */
function expectMapping(f: YamlFile, path: readonly string[], sink: DiagnosticSink, what?: string): Mapping | null {
  const v = get(f.value, path);
  if (v === undefined || v === null) return null;
  if (isMapping(v)) return v;
  sink.error({
    code: 'wrong-type',
    message: `\`${path.join('.') || '(document)'}\` in ${f.file.path} must be a mapping, not ${typeName(v)}.`,
    hint: what ?? 'Write it as `key: value` pairs, one per line.',
    file: f.file.path,
    ...f.pos(path, 'key'),
  });
  return null;
}

function str(f: YamlFile, root: Mapping, path: readonly string[], sink: DiagnosticSink): string | undefined {
  const v = get(root, path);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  sink.error({
    code: 'wrong-type',
    message: `\`${path.join('.')}\` in ${f.file.path} must be a string, not ${typeName(v)}.`,
    hint: 'Quote the value or write it as text.',
    file: f.file.path,
    ...f.pos(path, 'key'),
  });
  return undefined;
}

function readStringList(f: YamlFile | null, root: Mapping, path: readonly string[], sink: DiagnosticSink): string[] {
  const v = get(root, path);
  if (v === undefined || v === null || !f) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  if (typeof v === 'string') return [v];
  sink.error({
    code: 'wrong-type',
    message: `\`${path.join('.')}\` in ${f.file.path} must be a list of strings.`,
    hint: 'Write it as `[a, b]` or one `- item` per line.',
    file: f.file.path,
    ...f.pos(path, 'key'),
  });
  return [];
}

function readEntrypoint(cc: Mapping): string {
  const parts = cc['parts'];
  if (isMapping(parts)) {
    for (const part of Object.values(parts)) {
      if (isMapping(part) && typeof part['charm-entrypoint'] === 'string')
        return part['charm-entrypoint'].replace(/^\.\//, '');
    }
  }
  return 'src/charm.py';
}
