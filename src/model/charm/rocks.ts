/** The rocks (rockcraft.yaml files) of a charm's repository, with the Pebble layers their `services:` define. */
import {existsSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {CharmArchError} from '../../errors.js';
import {type DiagnosticSink} from '../sources/diagnostics.js';
import {ROCK_EXTENSIONS, rockExtensionOf, type TwelveFactorApp} from '../extensions/rockcraft.js';
import {optionalText} from './metadata/fields.js';
import {artifactRocks} from './artifacts.js';
import {rockLayer} from './pebble/rock-layers.js';
import {type CharmSources} from '../sources/sources.js';
import {isCharmDir, normalise} from '../sources/paths.js';
import type {Container, PebbleLayer, Resource, Rock} from '../types.js';
import {parseYamlFile} from '../sources/yaml.js';
import {matchArtifacts, matchFrameworkRocks, matchRock, type ReadRock} from './rock-matching.js';

/**
 * rockcraft.yaml files of the charm's repository: in the charm directory and, for a charm in a
 * subfolder, in the repository around it (rocks often sit beside the charm). Other charms'
 * directories are skipped; in a repository with several charms only rocks that match
 * this charm's containers or resources are kept.
 */
export function readRocks(
  sources: CharmSources,
  containers: Container[],
  resources: Resource[],
  sink: DiagnosticSink,
  charmName: string,
  app?: TwelveFactorApp,
): {rocks: Rock[]; layers: PebbleLayer[]; outsideFiles: string[]} {
  const found = new Set<string>();
  for (const p of sources.list('', (n) => n === 'rockcraft.yaml', {maxDepth: 4})) found.add(sources.absolute(p));
  const repoRoot = repositoryRoot(sources.root);
  let sharedRepo = false;
  if (repoRoot !== sources.root) {
    const repo = sources.at(repoRoot);
    const charmDirs = (found: readonly string[]): number => new Set(found.map((p) => dirname(p))).size;
    // A second charm answers the question: the rest of the repository need not be walked.
    const charmsInRepo = repo.list('', (n) => n === 'charmcraft.yaml' || n === 'metadata.yaml', {
      maxDepth: 4,
      stopAtCharms: false,
      until: (found) => charmDirs(found) > 1,
    });
    sharedRepo = charmDirs(charmsInRepo) > 1;
    for (const p of repo.list('', (n) => n === 'rockcraft.yaml', {maxDepth: 4})) found.add(repo.absolute(p));
  }
  let read: ReadRock[] = [];
  for (const abs of [...found].sort()) {
    const path = normalise(relative(sources.root, abs));
    let doc;
    try {
      const reader = path.startsWith('..') ? sources.at(dirname(abs)) : sources;
      const file = reader.read(path.startsWith('..') ? 'rockcraft.yaml' : path);
      if (!file) continue;
      doc = parseYamlFile({...file, path});
    } catch (error) {
      if (error instanceof CharmArchError)
        sink.warn({
          code: error.code,
          message: error.message,
          file: path,
          line: error.line,
          column: error.column,
          ...(error.hint ? {hint: error.hint} : {}),
        });
      continue;
    }
    const v = (doc.value ?? {}) as Record<string, unknown>;
    if (typeof v !== 'object' || Array.isArray(v)) continue;
    const name = typeof v['name'] === 'string' ? v['name'] : (dirname(path).split('/').pop() ?? 'rock');
    const extensions = Array.isArray(v['extensions'])
      ? v['extensions'].filter((e): e is string => typeof e === 'string')
      : [];
    read.push({path, doc, v, name, extensions, match: matchRock(name, path, containers, resources)});
  }
  const outsideFiles: string[] = [];
  const artifacts = artifactRocks(sources, charmName, sink);
  if (artifacts) {
    read = matchArtifacts(read, artifacts, containers);
    if (artifacts.file.startsWith('..')) outsideFiles.push(artifacts.file);
  }
  // In a repository of several charms, a rock beside another charm (`other/charm`, `other/rock`) is that charm's.
  if (app)
    matchFrameworkRocks(
      sharedRepo ? read.filter((r) => !besideOtherCharm(r.path, sources.root, repoRoot)) : read,
      app,
      containers,
      sink,
    );
  const rocks: Rock[] = [];
  const layers: PebbleLayer[] = [];
  for (const {path, doc, v, name, extensions, match} of read) {
    if (sharedRepo && !match.container && !match.resource && path.startsWith('..')) continue;
    if (path.startsWith('..')) outsideFiles.push(path);
    const ext = rockExtensionOf(extensions);
    const layer = rockLayer(doc, ext, {container: match.container ?? null, file: path, label: name, rockName: name});
    rocks.push({
      name,
      path,
      ...optionalText('version', v['version']),
      ...(typeof v['base'] === 'string' ? {base: v['base']} : {}),
      ...(typeof v['summary'] === 'string' ? {summary: v['summary']} : {}),
      ...(typeof v['description'] === 'string' ? {description: v['description']} : {}),
      ...(extensions.length ? {extensions} : {}),
      services: layer.services.map((s) => ({
        name: s.name,
        command: s.command,
        ...(s.startup ? {startup: s.startup} : {}),
        ...(s.override ? {override: s.override} : {}),
        // Only the extension defines it: the rockcraft.yaml's own `services:` does not name it.
        ...(ext && !ownServices(v).has(s.name) ? {extension: ext.name} : {}),
      })),
      ...match,
    });
    if (layer.services.length) layers.push(layer);
  }
  if (app && !rocks.some((r) => r.container === app.container)) layers.push(extensionOnlyLayer(sources, app));
  return {rocks, layers, outsideFiles};
}

/** The services a rockcraft.yaml defines itself (or overrides), by name. */
function ownServices(rockcraft: Record<string, unknown>): Set<string> {
  const services = rockcraft['services'];
  return new Set(services && typeof services === 'object' && !Array.isArray(services) ? Object.keys(services) : []);
}

/**
 * A 12-factor container whose rock is not in the repository still runs the framework's services:
 * they come from the Rockcraft extension of the same name, placed at charmcraft.yaml's `extensions:`.
 */
function extensionOnlyLayer(sources: CharmSources, app: TwelveFactorApp): PebbleLayer {
  const file = sources.exists('charmcraft.yaml') ? sources.read('charmcraft.yaml') : null;
  const doc = file ? parseYamlFile(file) : null;
  const layer = rockLayer(doc, ROCK_EXTENSIONS[app.extension], {
    container: app.container,
    file: file ? 'charmcraft.yaml' : 'metadata.yaml',
    label: `${app.extension} (Rockcraft extension)`,
    rockName: '',
  });
  delete layer.summary;
  // The layer is where the extension is named.
  return {...layer, line: layer.services[0]?.line ?? layer.line};
}

/** Whether a rock outside the charm sits in a folder that holds another charm (or is one). */
function besideOtherCharm(path: string, charmRoot: string, repoRoot: string): boolean {
  if (!path.startsWith('..')) return false;
  const own = resolve(charmRoot);
  const top = resolve(repoRoot);
  for (let dir = dirname(resolve(charmRoot, path)); dir.startsWith(`${top}/`); dir = dirname(dir)) {
    // A folder around this charm too is common ground.
    if (own.startsWith(`${dir}/`)) return false;
    if (holdsCharm(dir, 2)) return true;
  }
  return false;
}

/** A charm at `dir` or in its subfolders down to `depth` levels (`other/charm`, `family/charms/other`). */
function holdsCharm(dir: string, depth: number): boolean {
  if (isCharmDir(dir)) return true;
  if (depth === 0) return false;
  return readdirSync(dir, {withFileTypes: true}).some(
    (e) =>
      e.isDirectory() &&
      !e.name.startsWith('.') &&
      e.name !== 'node_modules' &&
      holdsCharm(join(dir, e.name), depth - 1),
  );
}

/**
 * The repository around a charm in a subfolder, where its rocks may sit: the charm's
 * parent when the charm is in `<repo>/charm` or `<repo>/<name>` of a git repository, or
 * `<repo>/charms/<name>`. Deeper charms (examples, fixtures) keep to their own folder.
 */
export function repositoryRoot(charmRoot: string): string {
  const charm = resolve(charmRoot);
  const parent = dirname(charm);
  const grandparent = dirname(parent);
  if (
    parent.endsWith('/charms') &&
    !isCharmDir(grandparent) &&
    (existsSync(join(grandparent, '.git')) || !isCharmDir(parent))
  )
    return grandparent;
  if (existsSync(join(parent, '.git')) && !isCharmDir(parent)) return parent;
  if (charm.endsWith('/charm') && !isCharmDir(parent)) return parent;
  return charm;
}
