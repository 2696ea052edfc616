/**
 * The charm model: plain, JSON-serialisable data read from a charm's files.
 * Every directive, diagram and check reads this and nothing else.
 *
 * Described by schema/charm-model.schema.json (versioned by `schemaVersion`).
 * Paths (`file`) are relative to the charm root, with `/` separators.
 */

export const SCHEMA_VERSION = 1 as const;

/** Where a fact was read: 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

import type {Diagnostic} from '../errors.js';

export type {Diagnostic, ErrorCode, Severity} from '../errors.js';

export type CharmKind = 'kubernetes' | 'machine';

/** `ops` charms are modelled; reactive charms are recognised and reported, not misread. */
export type CharmFramework = 'ops' | 'reactive' | 'unknown';

export interface CharmBase {
  /** e.g. `ubuntu@22.04` */
  name: string;
  architectures: string[];
}

export interface CharmLinks {
  website: string[];
  source: string[];
  issues: string[];
  documentation?: string;
  contact: string[];
}

export interface CharmClass extends SourcePosition {
  name: string;
  /** Base classes as written, e.g. `ops.CharmBase`, `paas_charm.flask.Charm`. */
  bases: string[];
}

/** Which file or extension declared a fact. */
export type Origin = 'charm' | `extension:${string}`;

export interface Mount {
  storage: string;
  location: string;
}

export interface Container {
  name: string;
  resource: string | null;
  /** `bases` form of a container (no OCI resource), as `ubuntu@22.04`. */
  base?: string;
  mounts: Mount[];
  origin: Origin;
  line?: number;
}

export interface Resource {
  name: string;
  type: string;
  description: string;
  upstreamSource?: string;
  filename?: string;
  origin: Origin;
}

export interface Storage {
  name: string;
  type: string;
  description: string;
  location?: string;
  shared?: boolean;
  readOnly?: boolean;
  multiple?: string;
  origin: Origin;
}

export type EndpointRole = 'requires' | 'provides' | 'peers';

export interface Endpoint {
  name: string;
  role: EndpointRole;
  interface: string;
  optional: boolean;
  limit?: number;
  /** `container`: the relation joins only units on one machine (a subordinate and its principal). Absent: `global`, Juju's default. */
  scope?: 'global' | 'container';
  description: string;
  origin: Origin;
  line?: number;
}

export interface ConfigOption {
  name: string;
  type: string;
  /** Absent for `secret` options (never printed) and for options without a default. */
  default?: string | number | boolean | null;
  description: string;
  origin: Origin;
}

export interface ActionParam {
  name: string;
  type: string;
  description: string;
  required: boolean;
  default?: unknown;
}

export interface Action {
  name: string;
  description: string;
  params: ActionParam[];
  /** Whether parameters not listed are refused. */
  additionalProperties?: boolean;
  origin: Origin;
  /** Where the charm declares it (actions.yaml or charmcraft.yaml); absent for an extension's. */
  file?: string;
  line?: number;
}

export interface Extension {
  name: string;
  /** Framework of the workload, e.g. `flask`. */
  framework: string;
  /** The charm base class the extension expects, e.g. `paas_charm.flask.Charm`. */
  charmBaseClass: string;
}

export type EventKind =
  | 'lifecycle'
  | 'workload'
  | 'relation'
  | 'action'
  | 'secret'
  | 'storage'
  | 'leader'
  | 'status'
  | 'library'
  | 'custom'
  | 'unknown';

/** The object an event comes from, when it is not the charm's own `on`. */
export interface EventEmitter {
  /** The expression as written, e.g. `self.database`. */
  expression: string;
  /** Its class when resolvable, e.g. `DatabaseRequires`. */
  class?: string;
  /** The charm library module the class comes from, e.g. `charms.data_platform_libs.v0.data_interfaces`. */
  library?: string;
  /** The relation (endpoint) the object is bound to, when known. */
  relation?: string;
}

/** One `framework.observe(event, handler)` call. */
export interface ObservedEvent extends SourcePosition {
  /**
   * Juju event name in hook style: `config-changed`, `nginx-pebble-ready`,
   * `database-relation-joined`, `add-admin-action`; a library event keeps its
   * attribute name in hook style (`database-created`). `null` when unresolved.
   */
  name: string | null;
  kind: EventKind;
  /** The event expression as written. */
  expression: string;
  /** Handler method name, e.g. `_on_config_changed`; `null` when not a plain method reference. */
  handler: string | null;
  /** The handler expression as written. */
  handlerExpression: string;
  /** First paragraph of the handler's docstring. */
  handlerDoc?: string;
  /** Where the handler is defined. */
  handlerFile?: string;
  handlerLine?: number;
  /** The class whose code calls observe (the charm or a helper `ops.Object`). */
  observer?: string;
  emitter?: EventEmitter;
  /** Endpoint, container, action or storage the event is about. */
  endpoint?: string;
  container?: string;
  action?: string;
  storage?: string;
  resolved: boolean;
  /** Observed by a base class outside the charm's own source (paas-charm, a vendored base). */
  inherited: boolean;
  /** Where an inherited event comes from, e.g. `paas-charm 1.8 (paas_charm/_gunicorn/charm.py)`. */
  inheritedFrom?: string;
  /**
   * Observed by a library object the charm constructs, in the library's code (file/line point
   * there): the library module and the class the charm constructs.
   */
  handledBy?: LibraryHandler;
}

/** The library object whose own code observes a charm event (see `ObservedEvent.handledBy`). */
export interface LibraryHandler {
  /** The module of the first library class in the object's class chain. */
  library: string;
  /** The class the object is built from (with several, see `factory.observedBy`: the first of them). */
  class: string;
  /** Set when the charm does not construct the object itself but calls a function that does. */
  factory?: LibraryFactory;
}

/**
 * A module-level function (in src/ or lib/) that the charm's code calls and that constructs the
 * library object: `self.backup = backup(self)`, `require_nginx_route(charm=self, ...)`.
 */
export interface LibraryFactory {
  /** The function the charm calls, and the module that defines it. */
  function: string;
  module: string;
  /**
   * What each `return` of the function gives, when it may give more than one thing (an `if`/`else`
   * picks): a class name, or the expression as written (`None`). Left out when the function
   * builds the object unconditionally.
   */
  alternatives?: string[];
  /** Of `alternatives`, the classes whose code observes this event (all of them: observed whichever is returned). */
  observedBy?: string[];
}

export interface PebbleService {
  name: string;
  /**
   * Literal command; when computed (see `computed`), the source expression, or for a string only
   * partly static its static text with each computed part in braces as written (`app --port {self.port}`).
   */
  command: string | null;
  summary?: string;
  startup?: string;
  override?: string;
  /** Environment variable names; values are never recorded. */
  environment: string[];
  after: string[];
  before: string[];
  requires: string[];
  user?: string;
  workingDir?: string;
  /** Names of fields whose value is computed at runtime (their value here is the source expression, or the partly static text). */
  computed: string[];
  line: number;
}

export interface PebbleCheck {
  name: string;
  level?: string;
  /** `http`, `tcp` or `exec`. */
  type: string;
  /** URL, port or command as literal text or source expression. */
  target?: string;
  computed: string[];
  line: number;
}

export interface PebbleLogTarget {
  name: string;
  type?: string;
  location?: string;
  services: string[];
  computed: string[];
  line: number;
}

export type LayerOrigin = 'yaml' | 'rockcraft' | 'python';

export interface PebbleLayer extends SourcePosition {
  /** The container the layer is added to, when resolvable. */
  container: string | null;
  label?: string;
  summary?: string;
  origin: LayerOrigin;
  services: PebbleService[];
  checks: PebbleCheck[];
  logTargets: PebbleLogTarget[];
  /** True when part of the layer is computed at runtime (spread, names from state, later mutation). */
  computed: boolean;
}

export interface RockService {
  name: string;
  command: string | null;
  startup?: string;
  override?: string;
  /** The Rockcraft extension that adds it (`django-framework`); absent when the rockcraft.yaml defines it. */
  extension?: string;
}

export interface Rock {
  name: string;
  /** Path of the rockcraft.yaml, relative to the charm root (may start with `../`). */
  path: string;
  version?: string;
  base?: string;
  summary?: string;
  description?: string;
  /** Rockcraft extensions it is built with, e.g. `flask-framework`. */
  extensions?: string[];
  /** Its services: the rockcraft.yaml's own, merged with what a 12-factor extension adds. */
  services: RockService[];
  /** The container / resource it feeds, where names allow. */
  container?: string;
  resource?: string;
  /** Why it is taken as the container's image when its name does not say so. */
  matchedBy?: string;
}

export interface MetricsTarget extends SourcePosition {
  /** `MetricsEndpointProvider`, `COSAgentProvider`, ... */
  provider: string;
  jobName?: string;
  metricsPath?: string;
  /** Literal `host:port` or port targets. */
  targets: string[];
  /** Port when literal. */
  port?: number;
  computed: boolean;
  /** A job added only when this holds, as written (`self._logging.loki_endpoints`). */
  condition?: string;
  /** Config options whose values, read at runtime, set the port and path (`metrics-port`, `metrics-path`). */
  fromConfig?: string[];
  /** A job a base library builds for the charm, e.g. `paas-charm 1.12.0 (commit ...) (src/paas_charm/...:48)`. */
  inheritedFrom?: string;
}

export interface MetricsExporter {
  container: string | null;
  service: string;
  command: string | null;
  /** The command is built at runtime: `command` is its source expression, or its partly static text. */
  commandComputed?: boolean;
  port?: number;
}

export interface Metrics {
  /** Observability endpoints: prometheus_scrape, grafana_dashboard, loki_push_api, tracing, cos_agent, ... */
  endpoints: string[];
  exporters: MetricsExporter[];
  targets: MetricsTarget[];
  /** Shipped Grafana dashboards (files). */
  dashboards: string[];
  /** Shipped Prometheus / Loki alert rule files. */
  alertRules: string[];
}

/**
 * A name a machine charm's code passes to the snap, apt or systemd library. `computed`: the name is
 * built at runtime and `name` is its source expression (static parts visible), never a guess.
 */
export interface MachineWorkloadName {
  name: string;
  computed?: true;
  /** Where the charm names it first (the snap read from the cache, the package added, the unit managed). */
  file: string;
  line: number;
}

/** A snap the charm installs and manages through the snap library (`SnapCache()[name]`, `snap.add`, `snap.ensure`). */
export interface MachineSnap extends MachineWorkloadName {
  /** Channel / revision passed when installing it, when static (else the source expression, marked computed). */
  channel?: string;
  channelComputed?: true;
  revision?: string;
  revisionComputed?: true;
  /** Snap services the charm starts, restarts or stops by name (`.start(services=[...])`), when static. */
  services: string[];
}

/** What a machine charm installs and runs on its machine, read from its calls of the snap, apt and systemd libraries. */
export interface MachineWorkload {
  snaps: MachineSnap[];
  /** Debian packages added with the apt library (`apt.add_package(...)`). */
  packages: MachineWorkloadName[];
  /** systemd units the charm starts, stops, restarts or reloads (`systemd.service_restart(...)`). */
  systemdUnits: MachineWorkloadName[];
}

export interface CharmModel {
  schemaVersion: typeof SCHEMA_VERSION;
  name: string;
  displayName?: string;
  summary: string;
  description: string;
  kind: CharmKind;
  /** `subordinate: true`: each unit runs beside a unit of a principal application, on its machine. Absent for a principal charm. */
  subordinate?: true;
  framework: CharmFramework;
  /** `charmcraft` (charmcraft.yaml holds metadata) or `legacy` (metadata.yaml + config.yaml + actions.yaml). */
  layout: 'charmcraft' | 'legacy';
  bases: CharmBase[];
  assumes: string[];
  links: CharmLinks;
  /** Entry point relative to the charm root, e.g. `src/charm.py`. */
  entrypoint: string;
  charmClasses: CharmClass[];
  extensions: Extension[];
  containers: Container[];
  resources: Resource[];
  storage: Storage[];
  endpoints: Endpoint[];
  config: ConfigOption[];
  actions: Action[];
  events: ObservedEvent[];
  pebble: PebbleLayer[];
  rocks: Rock[];
  metrics: Metrics;
  /** Machine charms only, when the code installs or manages anything: snaps, apt packages, systemd units. */
  machineWorkload?: MachineWorkload;
  /** Every file the model was read from, relative to the charm root (for cache invalidation / watching). */
  sources: string[];
  diagnostics: Diagnostic[];
}
