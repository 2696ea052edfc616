/**
 * Catalog of the charmcraft 12-factor ("PaaS") extensions and of the Juju events the
 * paas-charm base classes observe on the charm's behalf.
 *
 * The tables are data, read by hand from the upstream sources and kept in data/*.json, each file
 * with the repository, release and commit it was read from (`source`):
 *
 * - data/charmcraft-extensions.json: canonical/charmcraft `charmcraft/extensions/app.py`, what
 *   every extension adds (`common`) and what each adds of its own (`extensions`).
 * - data/paas-charm-events.json: canonical/paas-charm `src/paas_charm/**`, the events its base
 *   classes observe, where, and under which condition.
 *
 * This module loads them once, when it is first imported (about a millisecond: JSON.parse and the
 * typed readers of catalog-files.ts), and answers the look-ups below. A wrong data file is a
 * CharmArchError naming the file, line, column and key (data-reader.ts), thrown by the first
 * look-up rather than by the import, so the CLI and the remark transformer report it as they
 * report a wrong charm.
 */
import type {ConfigOption} from '../types.js';
import type {CatalogSource, ExtensionDefinition, InheritedEventDefinition} from './catalog-types.js';
import {deepFreeze, loadCatalog} from './catalog-files.js';
import {compareReleases} from './paas-charm-pin.js';

const {charmcraft, paasCharm, failure} = loadCatalog();

/** Throws the data files' error, if any: the first line of every look-up. */
function usable(): void {
  if (failure) throw failure;
}

/** The charmcraft release the extension table was read from. */
export const CHARMCRAFT_SOURCE: Readonly<CatalogSource> = deepFreeze(charmcraft.source);
/** The paas-charm release the inherited events were read from. */
export const PAAS_CHARM_SOURCE: Readonly<CatalogSource> = deepFreeze(paasCharm.source);

/** `4.4.0 (commit 82e9de8b78; unchanged at main 15966e958a)`: the release, for a reader of the model. */
function describeSource(s: CatalogSource): string {
  const unchanged = s.unchangedAt ? `; unchanged at ${s.unchangedAt.ref} ${s.unchangedAt.commit}` : '';
  return `${s.version} (commit ${s.commit}${unchanged})`;
}

export const CHARMCRAFT_VERSION: string = describeSource(charmcraft.source);
export const PAAS_CHARM_VERSION: string = describeSource(paasCharm.source);

/** Bases routed to the V2 (experimental, uv-based) extensions. */
const V2 = charmcraft.experimental;

export const EXTENSIONS: Readonly<Record<string, ExtensionDefinition>> = deepFreeze(
  Object.fromEntries(
    charmcraft.extensions.map((e): [string, ExtensionDefinition] => [
      e.name,
      {
        name: e.name,
        framework: e.framework,
        charmBaseClass: e.charmBaseClass,
        charmBaseClassAliases: e.charmBaseClassAliases,
        containers: e.containers,
        resources: e.resources,
        endpoints: charmcraft.common.endpoints.map((x) => ({...x})),
        config: e.config,
        actions: [...charmcraft.common.actions, ...e.actions],
        assumes: [...charmcraft.common.assumes],
        charmLibs: charmcraft.common.charmLibs.map((x) => ({...x})),
        supportedBases: e.supportedBases,
        experimentalBases: [...V2.bases],
        dynamicConfig: e.dynamicConfig ?? charmcraft.common.dynamicConfig,
      },
    ]),
  ),
);

/** Events observed by the paas-charm base shared by all frameworks, plus per-framework extras keyed by framework name. */
export const PAAS_CHARM_EVENTS: Readonly<{
  common: InheritedEventDefinition[];
  byFramework: Record<string, InheritedEventDefinition[]>;
}> = deepFreeze({
  common: paasCharm.common,
  byFramework: paasCharm.byFramework,
});

// ---------------------------------------------------------------------------
// Look-ups
// ---------------------------------------------------------------------------

/** The extension whose base class (or an alias of it) is `baseClassExpression`, e.g. `paas_charm.flask.Charm`. */
export function findExtensionByBaseClass(baseClassExpression: string): ExtensionDefinition | undefined {
  usable();
  const expr = baseClassExpression.replace(/\s+/g, '');
  const all = Object.values(EXTENSIONS);
  const exact = all.find((e) => e.charmBaseClass === expr || e.charmBaseClassAliases.includes(expr));
  if (exact || !expr.includes('.')) return exact;
  // `from paas_charm import flask` then `flask.Charm`: accept a unique dotted suffix.
  const suffix = all.filter((e) => [e.charmBaseClass, ...e.charmBaseClassAliases].some((c) => c.endsWith(`.${expr}`)));
  return suffix.length === 1 ? suffix[0] : undefined;
}

/** Normalises `ubuntu@26.04`, `ubuntu:26.04`, `26.04` to `ubuntu@26.04`. */
function normaliseBase(base: string): string {
  const m = /^(?:([a-z]+)[@:])?(\d+\.\d+)/.exec(base.trim());
  return m ? `${m[1] ?? 'ubuntu'}@${m[2]}` : base.trim();
}

/**
 * The extension as charmcraft expands it for a charm built on `base`: on the experimental
 * V2 bases the container is `app` and the resource `app-image` for every framework.
 */
export function extensionForBase(name: string, base?: string): ExtensionDefinition | undefined {
  usable();
  // Own keys only: an extension named `constructor` or `toString` is unknown, not Object.prototype's.
  const ext = Object.hasOwn(EXTENSIONS, name) ? EXTENSIONS[name] : undefined;
  if (!ext || base === undefined || !V2.bases.includes(normaliseBase(base))) return ext;
  return {
    ...ext,
    containers: [{name: V2.container, resource: V2.resource, mounts: []}],
    resources: ext.resources.map((r) => ({...r, name: V2.resource})),
  };
}

/** The options `dynamicConfig` adds for the charm's `requires` endpoints. */
export function expandDynamicConfig(
  ext: ExtensionDefinition,
  requires: ReadonlyArray<{name: string; interface: string}>,
): Array<Omit<ConfigOption, 'origin'>> {
  usable();
  const out: Array<Omit<ConfigOption, 'origin'>> = [];
  for (const group of ext.dynamicConfig ?? []) {
    for (const ep of requires.filter((r) => r.interface === group.whenInterface)) {
      const fill = (s: string): string => s.split('{endpoint}').join(ep.name);
      for (const o of group.options) {
        out.push({
          ...o,
          name: fill(o.name),
          description: fill(o.description),
          ...(typeof o.default === 'string' ? {default: fill(o.default)} : {}),
        });
      }
    }
  }
  return out;
}

/**
 * The inherited events that apply to a charm: conditions checked against its endpoints,
 * `{container}` and `{oauth-endpoint}` filled in. Events whose condition fails are dropped, and
 * so are those added after `pinnedRelease`, the paas-charm release the charm pins (if any).
 */
export function inheritedEventsFor(
  framework: string,
  endpoints: ReadonlyArray<{name: string; role: string; interface: string}>,
  container: string,
  pinnedRelease?: string,
): InheritedEventDefinition[] {
  usable();
  const requires = endpoints.filter((e) => e.role === 'requires');
  const oauth = requires.filter((e) => e.interface === 'oauth');
  const all = [
    ...PAAS_CHARM_EVENTS.common,
    ...(Object.hasOwn(PAAS_CHARM_EVENTS.byFramework, framework) ? PAAS_CHARM_EVENTS.byFramework[framework]! : []),
  ];
  const applies = (e: InheritedEventDefinition): boolean => {
    if (e.since !== undefined && pinnedRelease !== undefined && compareReleases(pinnedRelease, e.since) < 0)
      return false;
    if (e.whenEndpoint !== undefined) {
      return requires.some(
        (r) => r.name === e.whenEndpoint && (e.whenInterface === undefined || r.interface === e.whenInterface),
      );
    }
    return e.whenInterface === 'oauth' ? oauth.length === 1 : true;
  };
  const fill = (s: string | undefined): string | undefined =>
    s
      ?.split('{container}')
      .join(container)
      .split('{oauth-endpoint}')
      .join(oauth[0]?.name ?? 'oauth');
  return all.filter(applies).map((e) => {
    const out: InheritedEventDefinition = {...e, name: fill(e.name)!};
    if (e.container) out.container = fill(e.container);
    if (e.endpoint) out.endpoint = fill(e.endpoint);
    if (e.emitter?.relation) out.emitter = {...e.emitter, relation: fill(e.emitter.relation)};
    return out;
  });
}
