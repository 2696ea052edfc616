/** Which container and resource each rockcraft.yaml feeds: by name, by artifacts.yaml, by 12-factor extension. */
import {dirname} from 'node:path';
import {type DiagnosticSink} from '../sources/diagnostics.js';
import {type TwelveFactorApp} from '../extensions/rockcraft.js';
import {type ArtifactRocks} from './artifacts.js';
import type {Container, Resource} from '../types.js';
import {type YamlFile} from '../sources/yaml.js';

export interface ReadRock {
  path: string;
  doc: YamlFile;
  v: Record<string, unknown>;
  name: string;
  extensions: string[];
  match: RockMatch;
}

export interface RockMatch {
  container?: string;
  resource?: string;
  /** Why the rock is taken as that container's image, when it is not by name. */
  matchedBy?: string;
}

/**
 * The rocks artifacts.yaml builds this charm's resources from, each matched to its resource and the
 * container that uses it; the repository's other rocks are not this charm's images.
 */
export function matchArtifacts(read: ReadRock[], artifacts: ArtifactRocks, containers: Container[]): ReadRock[] {
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
export function matchFrameworkRocks(
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

/** Matches a rock to the container / resource it feeds by name, resource name or upstream source. */
export function matchRock(name: string, path: string, containers: Container[], resources: Resource[]): RockMatch {
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
