/** loadCharm: reads a charm directory into the charm model, every stage in order. */
import {charmContext, charmDomain} from './python-domain.js';
import {warnOnPlainText} from './charm-text-fields.js';
import {checkEntrypointInside, warnOnMissingEntrypoint, warnOnSkipped} from './metadata/entrypoint.js';
import {CharmLoadError} from '../../errors.js';
import {DiagnosticSink} from '../sources/diagnostics.js';
import {applyExtensions} from './apply-extensions.js';
import {pinnedPaasCharm} from '../extensions/paas-charm-pin.js';
import {readMetadata} from './metadata/metadata.js';
import {readMetrics} from './metrics.js';
import {layerPlacements} from './pebble/placements.js';
import {pythonLayers} from './pebble/python-layers.js';
import {yamlLayers} from './pebble/yaml-layers.js';
import {charmClassPredicate, describeCharmClass, mainCharmClasses} from './events/charm-classes.js';
import {classChain} from '../python/classes.js';
import {charmNames} from './events/event-names.js';
import {inheritedEvents} from './events/inherited-events.js';
import {frameworkAttributes} from './events/framework-attributes.js';
import {supplyAttributes} from '../python/member.js';
import {observedEventsIn} from './events/observe.js';
import {libraryHandledEvents} from './events/library-observers.js';
import {functionReturnedObjectEvents} from './events/function-returned-objects.js';
import {reportUnhandledActions} from './events/unhandled-actions.js';
import {PythonProject} from '../python/project.js';
import {type ClassInfo} from '../python/module-info.js';
import {reportSyntaxErrors} from '../python/syntax-errors.js';
import {readRocks} from './rocks.js';
import {readMachineWorkload} from './machine/machine-workload.js';
import {twelveFactorApp} from '../extensions/rockcraft.js';
import {CharmSources, type SourceOptions} from '../sources/sources.js';
import {SCHEMA_VERSION, type CharmModel, type CharmFramework, type ObservedEvent} from '../types.js';

export interface LoadOptions extends SourceOptions {
  /** Fail on warnings too (CI strictness). */
  strict?: boolean;
}

/**
 * Reads a charm directory into the charm model. Python is parsed, never run.
 * Throws CharmLoadError (every error, positioned) when the charm cannot be read;
 * warnings stay in `diagnostics`.
 */
export function loadCharm(dir: string, options: LoadOptions = {}): CharmModel {
  const sources = new CharmSources(dir, options);
  const sink = new DiagnosticSink();
  const meta = readMetadata(sources, sink);
  if (sink.errors.length) throw new CharmLoadError(sink.items.filter((d) => d.severity === 'error'));
  const extensions = applyExtensions(meta);

  if (!checkEntrypointInside(meta, sink)) throw new CharmLoadError(sink.errors);
  const framework = detectFramework(sources);
  const srcDir = meta.entrypoint.includes('/') ? meta.entrypoint.slice(0, meta.entrypoint.lastIndexOf('/')) : '';
  // A module refused by the source rules (too large, binary, a link leaving the repository) fails
  // the load, with every such problem reported at once.
  const project = new PythonProject(
    sources,
    [
      {dir: srcDir, origin: 'src'},
      {dir: 'lib', origin: 'lib'},
    ],
    (error) => sink.error(error.toDiagnostic()),
  );
  // `self.model.relations`, `self.meta.containers`: names from the metadata, for loops over them.
  supplyAttributes(project, frameworkAttributes(charmNames(meta), meta.series));
  const modules = framework === 'reactive' ? [] : project.loadSources();
  if (sink.errors.length) throw new CharmLoadError(sink.errors);
  const derivesFromCharm = charmClassPredicate(project);
  const entryModule = modules.find((m) => m.py.file.path === meta.entrypoint);
  if (framework !== 'reactive') warnOnMissingEntrypoint(meta, entryModule !== undefined, sources.skipped, sink);
  const mains = mainCharmClasses(project, entryModule, derivesFromCharm);
  // The class `main()` runs is a charm even when its base is installed, not vendored (ops_sunbeam, chisme).
  const mainChains = mains.map((m) => classChain(m, charmContext(project, m.module, derivesFromCharm)));
  const isCharmClass = (c: ClassInfo): boolean => derivesFromCharm(c) || mainChains.some((chain) => chain.includes(c));
  const charmOf = (c: ClassInfo): ClassInfo => mains[mainChains.findIndex((chain) => chain.includes(c))] ?? c;
  const names = charmNames(meta);
  const scan = {project, names, isCharmClass, charmOf, sink};
  const events: ObservedEvent[] = [
    ...observedEventsIn(project.sourceModules(), scan),
    ...inheritedEvents(meta, mains, scan, () => pinnedPaasCharm(sources)?.version),
    ...libraryHandledEvents(scan),
  ];
  events.push(...functionReturnedObjectEvents(scan, events));

  warnOnPlainText(meta, events, sink);
  reportUnhandledActions(meta.actions, events, sink, meta.files[0]?.file.path ?? 'charmcraft.yaml');
  const containerNames = meta.containers.map((c) => c.name);
  const app = twelveFactorApp(
    meta.extensionNames,
    meta.containers,
    mainChains.flat().flatMap((c) => c.bases),
  );
  const rocks = readRocks(sources, meta.containers, meta.resources, sink, meta.name, app);
  // `event.workload.add_layer(...)` in a pebble-ready handler adds to that event's container.
  const handlerContainers = new Map(
    events.flatMap((e) =>
      e.container && e.handler && e.kind === 'workload' ? [[e.handler, e.container] as const] : [],
    ),
  );
  const placements = layerPlacements(project, isCharmClass, handlerContainers, charmOf, meta.name);
  const pebble = [
    // A charm without containers has no Pebble: layers in its Python belong to code it shares with a
    // Kubernetes sibling (a `common/` workload module), not to its workload.
    ...(containerNames.length ? pythonLayers(project, isCharmClass, containerNames, placements, charmOf) : []),
    ...yamlLayers(sources, containerNames, placements, sink),
    ...rocks.layers,
  ];
  const paasCharmClass = app && mains[0] ? describeCharmClass(mains[0]) : undefined;
  const pinned = paasCharmClass ? pinnedPaasCharm(sources)?.version : undefined;
  const paas =
    app && paasCharmClass
      ? {
          extension: app.extension,
          charmClass: {file: paasCharmClass.file, line: paasCharmClass.line, column: paasCharmClass.column},
          ...(pinned ? {pinnedRelease: pinned} : {}),
        }
      : undefined;
  const metrics = readMetrics({
    sources,
    endpoints: meta.endpoints,
    layers: pebble,
    project,
    isCharmClass,
    ...(paas ? {paas} : {}),
    sink,
  });
  const kind: CharmModel['kind'] =
    meta.containers.length > 0 || meta.assumes.includes('k8s-api') ? 'kubernetes' : 'machine';
  // Kubernetes charms run their workload in containers (Pebble): only a machine charm's code installs it.
  const machineWorkload =
    kind === 'machine' ? readMachineWorkload(project, charmDomain(isCharmClass, charmOf)) : undefined;
  // Library modules are read lazily: what the listing passed over is known only now.
  warnOnSkipped(sources.skipped, sink);
  reportSyntaxErrors(project, sink);
  // One refused there fails the load too.
  if (sink.errors.length) throw new CharmLoadError(sink.errors);

  return {
    schemaVersion: SCHEMA_VERSION,
    name: meta.name,
    ...(meta.displayName ? {displayName: meta.displayName} : {}),
    summary: meta.summary,
    description: meta.description,
    kind,
    ...(meta.subordinate ? {subordinate: true as const} : {}),
    framework,
    layout: meta.layout,
    bases: meta.bases,
    assumes: meta.assumes,
    links: meta.links,
    entrypoint: meta.entrypoint,
    charmClasses: mains.map(describeCharmClass),
    extensions,
    containers: meta.containers,
    resources: meta.resources,
    storage: meta.storage,
    endpoints: meta.endpoints,
    config: meta.config,
    actions: meta.actions,
    events,
    pebble,
    rocks: rocks.rocks,
    metrics,
    ...(machineWorkload ? {machineWorkload} : {}),
    // Rocks beside a charm in a subfolder are outside it (`../rock/rockcraft.yaml`) and still sources.
    sources: [...sources.readFiles(), ...rocks.outsideFiles].sort(),
    diagnostics: sink.items,
  };
}
/** Reactive charms (charms.reactive, layer.yaml) are recognised, not misread as ops charms. */
function detectFramework(sources: CharmSources): CharmFramework {
  if (sources.exists('layer.yaml') || sources.list('reactive', (n) => n.endsWith('.py'), {maxDepth: 1}).length) {
    const req = sources.exists('requirements.txt') ? (sources.read('requirements.txt')?.text ?? '') : '';
    if (!/^ops\b/m.test(req)) return 'reactive';
  }
  return sources.list('src', (n) => n.endsWith('.py'), {maxDepth: 2}).length || sources.exists('charm.py')
    ? 'ops'
    : 'unknown';
}
