/**
 * artifacts.yaml: a repository's manifest of what it builds (Canonical's CI workflows read it).
 * For each charm it says which rock each OCI-image resource is built from: the link from a
 * resource to its rock when names do not make it (several rocks built with one extension).
 */
import {existsSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {CharmArchError} from '../../errors.js';
import type {DiagnosticSink} from '../sources/diagnostics.js';
import {type CharmSources} from '../sources/sources.js';
import {normalise} from '../sources/paths.js';
import {parseYamlFile} from '../sources/yaml.js';

export interface ArtifactRocks {
  /** The manifest, relative to the charm root (`../artifacts.yaml`). */
  file: string;
  /** Resource name -> the name of the rock it is built from, for this charm. */
  rockOf: Map<string, string>;
}

/** How far above the charm the manifest is looked for (a charm in `examples/<name>/charm`). */
const MAX_LEVELS = 4;

/** The manifest entry of this charm: the nearest artifacts.yaml up to the repository root that names it. */
export function artifactRocks(
  sources: CharmSources,
  charmName: string,
  sink: DiagnosticSink,
): ArtifactRocks | undefined {
  const charmcraft = resolve(sources.root, 'charmcraft.yaml');
  let dir = resolve(sources.root);
  for (let level = 0; level <= MAX_LEVELS; level++) {
    if (existsSync(join(dir, 'artifacts.yaml'))) {
      const path = normalise(relative(sources.root, join(dir, 'artifacts.yaml')));
      const found = readManifest(
        level ? sources.at(dir) : sources,
        path,
        (entry) => (entry.charmcraft ? resolve(dir, entry.charmcraft) === charmcraft : entry.name === charmName),
        sink,
      );
      if (found) return found;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  return undefined;
}

interface CharmEntry {
  name?: string;
  charmcraft?: string;
}

function readManifest(
  reader: CharmSources,
  path: string,
  isThisCharm: (entry: CharmEntry) => boolean,
  sink: DiagnosticSink,
): ArtifactRocks | undefined {
  const file = reader.read(path.startsWith('..') ? 'artifacts.yaml' : path);
  if (!file) return undefined;
  let value: unknown;
  try {
    value = parseYamlFile({...file, path}).value;
  } catch (error) {
    if (!(error instanceof CharmArchError)) throw error;
    sink.warn({
      code: error.code,
      message: error.message,
      file: path,
      line: error.line,
      column: error.column,
      ...(error.hint ? {hint: error.hint} : {}),
    });
    return undefined;
  }
  const charms = isRecord(value) && Array.isArray(value['charms']) ? value['charms'] : [];
  for (const c of charms) {
    if (!isRecord(c)) continue;
    const entry: CharmEntry = {
      ...(typeof c['name'] === 'string' ? {name: c['name']} : {}),
      ...(typeof c['charmcraft-yaml'] === 'string' ? {charmcraft: c['charmcraft-yaml']} : {}),
    };
    if (!isThisCharm(entry)) continue;
    const rockOf = new Map<string, string>();
    const resources = isRecord(c['resources']) ? c['resources'] : {};
    for (const [resource, spec] of Object.entries(resources))
      if (isRecord(spec) && typeof spec['rock'] === 'string') rockOf.set(resource, spec['rock']);
    return rockOf.size ? {file: path, rockOf} : undefined;
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
