import {existsSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {CharmArchError, type DiagnosticSink} from './errors.js';
import {layerFromData} from './pebble/yaml-layers.js';
import {isCharmDir, normalise, type CharmSources} from './sources.js';
import type {Container, PebbleLayer, Resource, Rock} from './types.js';
import {parseYamlFile} from './yaml.js';

/**
 * rockcraft.yaml files of the charm's repository: in the charm directory and, for a charm in a
 * subfolder, in the repository around it (rocks often sit beside the charm). Other charms'
 * directories are skipped; in a repository with several charms only rocks that match
 * this charm's containers or resources are kept.
 */
export function readRocks(sources: CharmSources, containers: Container[], resources: Resource[], sink: DiagnosticSink): {rocks: Rock[]; layers: PebbleLayer[]; outsideFiles: string[]} {
  const found = new Set<string>();
  for (const p of sources.list('', (n) => n === 'rockcraft.yaml', {maxDepth: 4})) found.add(sources.absolute(p));
  const repoRoot = repositoryRoot(sources.root);
  let sharedRepo = false;
  if (repoRoot !== sources.root) {
    const repo = sources.at(repoRoot);
    const charmsInRepo = repo.list('', (n) => n === 'charmcraft.yaml' || n === 'metadata.yaml', {maxDepth: 4, stopAtCharms: false});
    sharedRepo = new Set(charmsInRepo.map((p) => dirname(p))).size > 1;
    for (const p of repo.list('', (n) => n === 'rockcraft.yaml', {maxDepth: 4})) found.add(repo.absolute(p));
  }
  const rocks: Rock[] = [];
  const layers: PebbleLayer[] = [];
  const outsideFiles: string[] = [];
  for (const abs of [...found].sort()) {
    const path = normalise(relative(sources.root, abs));
    let doc;
    try {
      const reader = path.startsWith('..') ? sources.at(dirname(abs)) : sources;
      const file = reader.read(path.startsWith('..') ? 'rockcraft.yaml' : path);
      if (!file) continue;
      doc = parseYamlFile({...file, path});
    } catch (error) {
      if (error instanceof CharmArchError) sink.warn({code: error.code, message: error.message, file: path, line: error.line, column: error.column, ...(error.hint ? {hint: error.hint} : {})});
      continue;
    }
    const v = (doc.value ?? {}) as Record<string, unknown>;
    if (typeof v !== 'object' || Array.isArray(v)) continue;
    const name = typeof v['name'] === 'string' ? v['name'] : dirname(path).split('/').pop() ?? 'rock';
    const match = matchRock(name, path, containers, resources);
    if (sharedRepo && !match.container && !match.resource && path.startsWith('..')) continue;
    if (path.startsWith('..')) outsideFiles.push(path);
    const services = typeof v['services'] === 'object' && v['services'] !== null ? Object.entries(v['services'] as Record<string, Record<string, unknown>>) : [];
    rocks.push({
      name,
      path,
      ...(v['version'] !== undefined ? {version: String(v['version'])} : {}),
      ...(typeof v['base'] === 'string' ? {base: v['base']} : {}),
      ...(typeof v['summary'] === 'string' ? {summary: v['summary']} : {}),
      ...(typeof v['description'] === 'string' ? {description: v['description']} : {}),
      services: services.map(([sname, s]) => ({
        name: sname,
        command: s && s['command'] !== undefined ? String(s['command']) : null,
        ...(s && s['startup'] !== undefined ? {startup: String(s['startup'])} : {}),
        ...(s && s['override'] !== undefined ? {override: String(s['override'])} : {}),
      })),
      ...match,
    });
    if (services.length) layers.push(layerFromData(doc, [], {origin: 'rockcraft', container: match.container ?? null, file: path, label: name}));
  }
  return {rocks, layers, outsideFiles};
}

/** Matches a rock to the container / resource it feeds by name, resource name or upstream source. */
function matchRock(name: string, path: string, containers: Container[], resources: Resource[]): {container?: string; resource?: string} {
  const dir = dirname(path).split('/').pop() ?? '';
  const stems = [name, dir.replace(/[_-]?rock$/, ''), dir].filter(Boolean).map((s) => s.toLowerCase());
  const resource =
    resources.find((r) => stems.some((s) => r.name === `${s}-image` || r.name === s || r.name === `${s}_image`)) ??
    resources.find((r) => r.upstreamSource !== undefined && stems.some((s) => new RegExp(`[/:]${escape(s)}([:@_-]|$)`).test(r.upstreamSource!)));
  const container =
    containers.find((c) => resource && c.resource === resource.name) ?? containers.find((c) => stems.includes(c.name.toLowerCase()));
  return {...(container ? {container: container.name} : {}), ...(resource ? {resource: resource.name} : container?.resource ? {resource: container.resource} : {})};
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
  if (parent.endsWith('/charms') && !isCharmDir(grandparent) && (existsSync(join(grandparent, '.git')) || !isCharmDir(parent))) return grandparent;
  if (existsSync(join(parent, '.git')) && !isCharmDir(parent)) return parent;
  if (charm.endsWith('/charm') && !isCharmDir(parent)) return parent;
  return charm;
}
