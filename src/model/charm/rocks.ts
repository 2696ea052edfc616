import {existsSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {CharmArchError} from '../../errors.js';
import {type DiagnosticSink} from '../sources/diagnostics.js';
import {ROCK_EXTENSIONS, rockExtensionOf, type TwelveFactorApp} from '../extensions/rockcraft.js';
import {optionalText} from './metadata/fields.js';
import {artifactRocks, type ArtifactRocks} from './artifacts.js';
import {rockLayer} from './pebble/rock-layers.js';
import {type CharmSources} from '../sources/sources.js';
import {isCharmDir, normalise} from '../sources/paths.js';
import type {Container, PebbleLayer, Resource, Rock} from '../types.js';
import {parseYamlFile, type YamlFile} from '../sources/yaml.js';

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
    const charmsInRepo = repo.list('', (n) => n === 'charmcraft.yaml' || n === 'metadata.yaml', {
      maxDepth: 4,
      stopAtCharms: false,
    });
    sharedRepo = new Set(charmsInRepo.map((p) => dirname(p))).size > 1;
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
      })),
      ...match,
    });
    if (layer.services.length) layers.push(layer);
  }
  if (app && !rocks.some((r) => r.container === app.container)) layers.push(extensionOnlyLayer(sources, app));
  return {rocks, layers, outsideFiles};
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

interface ReadRock {
  path: string;
  doc: YamlFile;
  v: Record<string, unknown>;
  name: string;
  extensions: string[];
  match: RockMatch;
}

interface RockMatch {
  container?: string;
  resource?: string;
  /** Why the rock is taken as that container's image, when it is not by name. */
  matchedBy?: string;
}

/**
 * The rocks artifacts.yaml builds this charm's resources from, each matched to its resource and the
 * container that uses it; the repository's other rocks are not this charm's images.
 */
function matchArtifacts(read: ReadRock[], artifacts: ArtifactRocks, containers: Container[]): ReadRock[] {
  const kept: ReadRock[] = [];
  for (const rock of read) {
    const resource = [...artifacts.rockOf].find(([, name]) => name === rock.name)?.[0];
    if (!resource) continue;
    const container = containers.find((c) => c.resource === resource);
    // Named after its resource or container already: the name says it.
    if (rock.match.resource === resource) {
      kept.push(rock);
      continue;
    }
    rock.match = {
      ...(container ? {container: container.name} : {}),
      resource,
      matchedBy: `${artifacts.file.split('/').pop()} builds resource \`${resource}\` from rock \`${rock.name}\``,
    };
    kept.push(rock);
  }
  return kept;
}

/**
 * A rock built with a 12-factor Rockcraft extension is the image of the container the charmcraft
 * extension of the same name declares (`app`, `flask-app`, ...). With several such rocks, the one
 * named like the container or its resource wins; else the first by path, and a warning says which.
 */
function matchFrameworkRocks(
  read: ReadRock[],
  app: TwelveFactorApp,
  containers: Container[],
  sink: DiagnosticSink,
): void {
  const container = containers.find((c) => c.name === app.container);
  if (!container) return; // the extension's container is not declared: no rock to match it with
  const candidates = read.filter(
    (r) => r.extensions.includes(app.extension) && !(r.match.container && r.match.container !== container.name),
  );
  if (!candidates.length) {
    // The repository's only rock, built without the extension (its own `services:` replace the
    // framework's): still the app's image, and the page says why.
    const only = read.length === 1 && !read[0]!.match.container ? read[0] : undefined;
    if (only)
      only.match = {
        container: container.name,
        ...(container.resource ? {resource: container.resource} : {}),
        matchedBy: `the only rock in the repository, built without the ${app.extension} extension: the charm runs its app in container \`${container.name}\``,
      };
    return;
  }
  const byName = candidates.filter((r) => r.match.container === container.name);
  const chosen = byName[0] ?? candidates[0]!;
  if (byName.length === 0) {
    const why =
      candidates.length === 1
        ? `the only rock built with the ${app.extension} extension, whose charm runs it in container \`${container.name}\``
        : `the first by path of ${candidates.length} rocks built with the ${app.extension} extension`;
    chosen.match = {
      container: container.name,
      ...(container.resource ? {resource: container.resource} : {}),
      matchedBy: why,
    };
  }
  if (candidates.length > 1 && byName.length !== 1) {
    sink.warn({
      code: 'rock-ambiguous',
      message: `${candidates.length} rocks are built with the ${app.extension} extension (${candidates.map((r) => r.path).join(', ')}); ${chosen.path} is taken as the image of container \`${container.name}\`.`,
      hint: `Name the rock after the container or its resource (\`name: ${container.name}\`), or keep the other rocks outside the charm's repository.`,
      file: chosen.path,
      ...chosen.doc.pos(['extensions']),
    });
  }
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

/** Matches a rock to the container / resource it feeds by name, resource name or upstream source. */
function matchRock(name: string, path: string, containers: Container[], resources: Resource[]): RockMatch {
  const dir = dirname(path).split('/').pop() ?? '';
  const stems = [name, dir.replace(/[_-]?rock$/, ''), dir].filter(Boolean).map((s) => s.toLowerCase());
  const resource =
    resources.find((r) => stems.some((s) => r.name === `${s}-image` || r.name === s || r.name === `${s}_image`)) ??
    resources.find(
      (r) =>
        r.upstreamSource !== undefined &&
        stems.some((s) => new RegExp(`[/:]${escape(s)}([:@_-]|$)`).test(r.upstreamSource!)),
    );
  const container =
    (resource ? containers.find((c) => c.resource === resource.name) : undefined) ??
    containers.find((c) => stems.includes(c.name.toLowerCase()));
  return {
    ...(container ? {container: container.name} : {}),
    ...(resource ? {resource: resource.name} : container?.resource ? {resource: container.resource} : {}),
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
