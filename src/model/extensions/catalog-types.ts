/** The shapes of the extension catalog's entries: what an extension adds, the events paas-charm observes, where a table was read from. */
import type {ConfigOption, Endpoint, Action, Resource, Container, EventKind} from '../types.js';

/** What a charmcraft 12-factor extension adds to a charm. */
export interface ExtensionDefinition {
  name: string;
  framework: string;
  charmBaseClass: string;
  /** Alternative import paths of the base class seen in real charms. */
  charmBaseClassAliases: string[];
  containers: Array<Omit<Container, 'origin'>>;
  resources: Array<Omit<Resource, 'origin'>>;
  endpoints: Array<Omit<Endpoint, 'origin'>>;
  config: Array<Omit<ConfigOption, 'origin'>>;
  actions: Array<Omit<Action, 'origin'>>;
  assumes: string[];
  /** Charm libraries the extension adds under `charm-libs`. */
  charmLibs?: Array<{lib: string; version: string}>;
  /** Bases of the (non-experimental) V1 extension, as `ubuntu@24.04`. */
  supportedBases?: string[];
  /** Bases routed to the experimental V2 extension (container `app`, resource `app-image`). */
  experimentalBases?: string[];
  /**
   * Options added once per `requires` endpoint with the given interface; `{endpoint}` in
   * names and text stands for the endpoint name.
   */
  dynamicConfig?: Array<{whenInterface: string; options: Array<Omit<ConfigOption, 'origin'>>}>;
}

/** An event a paas-charm base class observes on the charm's behalf, with the condition it applies under. */
export interface InheritedEventDefinition {
  /** Hook-style name; may contain `{container}` for the workload container name. */
  name: string;
  kind: EventKind;
  handler: string;
  handlerDoc?: string;
  /** File in paas-charm, e.g. 'src/paas_charm/charm.py' */
  file: string;
  /** Line of the `observe(...)` call. */
  line?: number;
  /** Line of the handler's `def`. */
  handlerLine?: number;
  /** Class whose code calls observe. */
  observer?: string;
  emitter?: {expression: string; class?: string; library?: string; relation?: string};
  /** May be `{oauth-endpoint}`: the single requires endpoint with interface `oauth`. */
  endpoint?: string;
  action?: string;
  container?: string;
  /** Observed only when the charm declares this endpoint (any role). */
  whenEndpoint?: string;
  /** ...and that endpoint (a `requires` one) has this interface. */
  whenInterface?: string;
  /** The condition in words, when there is one. */
  condition?: string;
  /** First paas-charm release that observes it (absent: every release); a charm pinning an older one does not get it. */
  since?: string;
}

/** Where a table was read from (a data file's `source`). */
export interface CatalogSource {
  /** `https://github.com/<owner>/<name>` */
  repository: string;
  /** The release read, e.g. `1.12.0`. */
  version: string;
  commit: string;
  /** Date of that commit, YYYY-MM-DD. */
  date: string;
  /** Files of the repository the table reflects. */
  files: string[];
  /** A later ref checked and found to add nothing to the table. */
  unchangedAt?: {ref: string; commit: string; describe?: string};
  notes?: string[];
}
