/**
 * Catalog of the charmcraft 12-factor ("PaaS") extensions and of the Juju events the
 * paas-charm base classes observe on the charm's behalf.
 *
 * Written by hand (data tables only) from the upstream sources:
 *
 * - canonical/charmcraft `charmcraft/extensions/app.py` and `charmcraft/extensions/__init__.py`
 *   at tag 4.4.0 (commit 82e9de8b78, 2026-07-21). `main` (15966e958a, 4.4.0-17) has the same
 *   extension code. The root snippet (containers, resources, peers, requires, provides,
 *   assumes, charm-libs) has had the same shape since charmcraft 3.2.0, where `app.py` first
 *   appeared.
 *   Each extension is a factory: projects on ubuntu@22.04 / ubuntu@24.04 get the V1 class;
 *   projects on ubuntu@26.04 get the experimental V2 class (uv charm plugin), which names
 *   the workload container `app` and its resource `app-image` for every framework.
 *   On V1, flask and django use `<framework>-app` / `<framework>-app-image`; go, fastapi,
 *   expressjs and spring-boot always use `app` / `app-image`.
 * - canonical/paas-charm `src/paas_charm/**` at release 1.12.0 (commit 9846ae6cb2,
 *   2026-07-06). `main` (2975c3aae2, version 2.0.dev0) observes the same events under the
 *   same conditions, but routes every handler through `_reconcile_with_migrations` /
 *   `_reconcile_without_migrations` and names the workload container `app` for every
 *   framework.
 *
 * Events the observability charm libraries (prometheus_scrape, grafana_dashboard,
 * loki_push_api) observe inside their own objects are not listed: their handlers live in
 * those libraries, not in paas-charm.
 */
import type {ConfigOption, Endpoint, Action, Resource, Container, EventKind} from '../types.js';
import {compareReleases} from './paas-charm-pin.js';

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

export const CHARMCRAFT_VERSION = '4.4.0 (commit 82e9de8b78; unchanged at main 15966e958a)';
export const PAAS_CHARM_VERSION = '1.12.0 (commit 9846ae6cb2)';

/** Bases routed to the V2 (experimental, uv-based) extensions. */
const V2_BASES = ['ubuntu@26.04'];

// ---------------------------------------------------------------------------
// charmcraft: what every extension adds (charmcraft/extensions/app.py, _AppBase)
// ---------------------------------------------------------------------------

type Opt = Omit<ConfigOption, 'origin'>;

function opt(name: string, type: string, description: string, dflt?: string | number | boolean): Opt {
  return dflt === undefined ? {name, type, description} : {name, type, description, default: dflt};
}

function endpoint(
  name: string,
  role: Endpoint['role'],
  iface: string,
  limit?: number,
): Omit<Endpoint, 'origin'> {
  const e: Omit<Endpoint, 'origin'> = {name, role, interface: iface, optional: false, description: ''};
  if (limit !== undefined) e.limit = limit;
  return e;
}

const COMMON_ENDPOINTS: Array<Omit<Endpoint, 'origin'>> = [
  endpoint('secret-storage', 'peers', 'secret-storage'),
  endpoint('logging', 'requires', 'loki_push_api'),
  endpoint('ingress', 'requires', 'ingress', 1),
  endpoint('metrics-endpoint', 'provides', 'prometheus_scrape'),
  endpoint('grafana-dashboard', 'provides', 'grafana_dashboard'),
];

const ROTATE_SECRET_KEY: Omit<Action, 'origin'> = {
  name: 'rotate-secret-key',
  description:
    'Rotate the secret key. Users will be forced to log in again. This might be useful if a security breach occurs.',
  params: [],
};

const CREATE_SUPERUSER: Omit<Action, 'origin'> = {
  name: 'create-superuser',
  description: 'Create a new Django superuser account.',
  params: [
    {name: 'username', type: 'string', description: '', required: true},
    {name: 'email', type: 'string', description: '', required: true},
  ],
};

const CHARM_LIBS = [
  {lib: 'traefik_k8s.ingress', version: '2'},
  {lib: 'observability_libs.juju_topology', version: '0'},
  {lib: 'grafana_k8s.grafana_dashboard', version: '0'},
  {lib: 'loki_k8s.loki_push_api', version: '1'},
  {lib: 'data_platform_libs.data_interfaces', version: '0'},
  {lib: 'prometheus_k8s.prometheus_scrape', version: '0'},
  {lib: 'redis_k8s.redis', version: '0'},
  {lib: 'data_platform_libs.s3', version: '0'},
  {lib: 'saml_integrator.saml', version: '0'},
  {lib: 'tempo_coordinator_k8s.tracing', version: '0'},
  {lib: 'smtp_integrator.smtp', version: '0'},
  {lib: 'openfga_k8s.openfga', version: '1'},
  {lib: 'hydra.oauth', version: '0'},
  {lib: 'squid_forward_proxy.http_proxy', version: '0'},
];

// --- config option groups ---------------------------------------------------

const FLASK_ENV_NOTE =
  'Run `app.config.from_prefixed_env()` in your Flask application in order to receive this configuration.';

const GUNICORN_WEBSERVER_OPTIONS: Opt[] = [
  opt('webserver-keepalive', 'int', 'Time in seconds for webserver to wait for requests on a Keep-Alive connection.'),
  opt('webserver-threads', 'int', 'Run each webserver worker with the specified number of threads.'),
  opt('webserver-timeout', 'int', 'Time in seconds to kill and restart silent webserver workers.'),
  opt('webserver-workers', 'int', 'The number of webserver worker processes for handling requests.'),
  opt(
    'webserver-worker-class',
    'string',
    "The webserver worker process class for handling requests. Can be either 'gevent' or 'sync'.",
  ),
];

const APP_PORT_OPTION: Opt[] = [opt('app-port', 'int', 'Default port where the application will listen on.', 8080)];

function metricsOptions(path: string): Opt[] {
  return [
    opt('metrics-port', 'int', 'Port where the prometheus metrics will be scraped.', 8080),
    opt('metrics-path', 'string', 'Path where the prometheus metrics will be scraped.', path),
  ];
}

/** `<prefix>-secret-key-id`: a Juju user secret holding the key under `value`. */
function secretKeyIdOption(prefix: string, label: string, secretName: string, grantTo: string): Opt {
  return opt(
    `${prefix}-secret-key-id`,
    'secret',
    `This configuration is similar to \`${prefix}-secret-key\`, but instead accepts a Juju user secret ID. ` +
      `The secret should contain a single key, "value", which maps to the actual ${label} secret key. ` +
      `To create the secret, run the following command: \`juju add-secret ${secretName} value=<secret-string> && juju grant-secret ${secretName} ${grantTo}\`, ` +
      'and use the output secret ID to configure this option.',
  );
}

const SECRET_OPTIONS: Opt[] = [
  opt(
    'app-secret-key',
    'string',
    'Long secret you can use for sessions, csrf or any other thing where you need a random secret shared by all units',
  ),
  secretKeyIdOption('app', 'application', 'my-app-secret-key', 'my-app'),
];

const FLASK_OPTIONS: Opt[] = [
  ...GUNICORN_WEBSERVER_OPTIONS,
  opt(
    'flask-application-root',
    'string',
    'Path in which the application / web server is mounted. This configuration will set the FLASK_APPLICATION_ROOT environment variable. ' +
      FLASK_ENV_NOTE,
  ),
  opt('flask-debug', 'boolean', 'Whether Flask debug mode is enabled.'),
  opt('flask-env', 'string', "What environment the Flask app is running in, by default it's 'production'."),
  opt(
    'flask-permanent-session-lifetime',
    'int',
    'Time in seconds for the cookie to expire in the Flask application permanent sessions. This configuration will set the FLASK_PERMANENT_SESSION_LIFETIME environment variable. ' +
      FLASK_ENV_NOTE,
  ),
  opt(
    'flask-preferred-url-scheme',
    'string',
    'Scheme for generating external URLs when not in a request context in the Flask application. By default, it\'s "HTTPS". This configuration will set the FLASK_PREFERRED_URL_SCHEME environment variable. ' +
      FLASK_ENV_NOTE,
    'HTTPS',
  ),
  opt(
    'flask-secret-key',
    'string',
    'The secret key used for securely signing the session cookie and for any other security related needs by your Flask application. This configuration will set the FLASK_SECRET_KEY environment variable. ' +
      FLASK_ENV_NOTE,
  ),
  secretKeyIdOption('flask', 'Flask', 'my-flask-secret-key', 'flask-k8s'),
  opt(
    'flask-session-cookie-secure',
    'boolean',
    'Set the secure attribute in the Flask application cookies. This configuration will set the FLASK_SESSION_COOKIE_SECURE environment variable. ' +
      FLASK_ENV_NOTE,
  ),
];

const DJANGO_OPTIONS: Opt[] = [
  ...GUNICORN_WEBSERVER_OPTIONS,
  opt('django-debug', 'boolean', 'Whether Django debug mode is enabled.', false),
  opt(
    'django-secret-key',
    'string',
    'The secret key used for securely signing the session cookie and for any other security related needs by your Django application. This configuration will set the DJANGO_SECRET_KEY environment variable.',
  ),
  secretKeyIdOption('django', 'Django', 'my-django-secret-key', 'django-k8s'),
  opt(
    'django-allowed-hosts',
    'string',
    'A comma-separated list of host/domain names that this Django site can serve. This configuration will set the DJANGO_ALLOWED_HOSTS environment variable with its content being a JSON encoded list.',
  ),
];

const FASTAPI_OPTIONS: Opt[] = [
  opt(
    'webserver-workers',
    'int',
    'Number of workers for uvicorn. Sets env variable WEB_CONCURRENCY. See https://www.uvicorn.org/#command-line-options.',
    1,
  ),
  opt('webserver-port', 'int', 'Bind to a socket with this port. Default: 8080. Sets env variable  UVICORN_PORT.', 8080),
  opt(
    'webserver-log-level',
    'string',
    "Set the log level. Options: 'critical', 'error', 'warning', 'info', 'debug', 'trace'. Sets the env variable UVICORN_LOG_LEVEL.",
    'info',
  ),
  ...metricsOptions('/metrics'),
  ...SECRET_OPTIONS,
];

const GO_EXPRESSJS_OPTIONS: Opt[] = [...APP_PORT_OPTION, ...metricsOptions('/metrics'), ...SECRET_OPTIONS];

const SPRING_BOOT_OPTIONS: Opt[] = [
  ...APP_PORT_OPTION,
  opt('app-profiles', 'string', 'Comma-separated list of Spring Boot active profiles.'),
  ...metricsOptions('/actuator/prometheus'),
  ...SECRET_OPTIONS,
];

const OAUTH_REDIRECT_DOC = 'The path that the user will be redirected upon completing login.';

const OAUTH_DYNAMIC_OPTIONS: Opt[] = [
  opt('{endpoint}-redirect-path', 'string', OAUTH_REDIRECT_DOC, '/callback'),
  opt('{endpoint}-scopes', 'string', 'A list of scopes with spaces in between.', 'openid profile email'),
];

const SPRING_BOOT_OAUTH_DYNAMIC_OPTIONS: Opt[] = [
  opt('{endpoint}-redirect-path', 'string', OAUTH_REDIRECT_DOC, '/login/oauth2/code/{endpoint}'),
  OAUTH_DYNAMIC_OPTIONS[1]!,
  opt(
    '{endpoint}-user-name-attribute',
    'string',
    'The name of the attribute returned in the UserInfo Response that references the Name or Identifier of the end-user.',
    'sub',
  ),
];

// --- the extensions -------------------------------------------------------------

interface ExtensionSpec {
  name: string;
  framework: string;
  /** Module under `paas_charm` holding `Charm`. */
  module: string;
  /** V1 workload container name (V2 is always `app`). */
  container: string;
  options: Opt[];
  actions?: Array<Omit<Action, 'origin'>>;
  bases: string[];
  oauthOptions?: Opt[];
  /** Older package names that exported the same class (`paas_app_charmer`, `xiilib`). */
  legacyPackages?: string[];
}

function defineExtension(spec: ExtensionSpec): ExtensionDefinition {
  const image = `${spec.container}-image`;
  const base = `paas_charm.${spec.module}.Charm`;
  const aliases = [`paas_charm.${spec.module}.charm.Charm`];
  for (const pkg of spec.legacyPackages ?? []) aliases.push(`${pkg}.${spec.module}.Charm`, `${pkg}.${spec.module}.charm.Charm`);
  return {
    name: spec.name,
    framework: spec.framework,
    charmBaseClass: base,
    charmBaseClassAliases: aliases,
    containers: [{name: spec.container, resource: image, mounts: []}],
    resources: [{name: image, type: 'oci-image', description: `${spec.framework} application image.`}],
    endpoints: COMMON_ENDPOINTS.map((e) => ({...e})),
    config: spec.options.map((o) => ({...o})),
    actions: [ROTATE_SECRET_KEY, ...(spec.actions ?? [])],
    assumes: ['k8s-api'],
    charmLibs: CHARM_LIBS.map((l) => ({...l})),
    supportedBases: spec.bases,
    experimentalBases: [...V2_BASES],
    dynamicConfig: [{whenInterface: 'oauth', options: spec.oauthOptions ?? OAUTH_DYNAMIC_OPTIONS}],
  };
}

export const EXTENSIONS: Readonly<Record<string, ExtensionDefinition>> = Object.freeze({
  'flask-framework': defineExtension({
    name: 'flask-framework',
    framework: 'flask',
    module: 'flask',
    container: 'flask-app',
    options: FLASK_OPTIONS,
    bases: ['ubuntu@22.04', 'ubuntu@24.04'],
    legacyPackages: ['paas_app_charmer', 'xiilib'],
  }),
  'django-framework': defineExtension({
    name: 'django-framework',
    framework: 'django',
    module: 'django',
    container: 'django-app',
    options: DJANGO_OPTIONS,
    actions: [CREATE_SUPERUSER],
    bases: ['ubuntu@22.04', 'ubuntu@24.04'],
    legacyPackages: ['paas_app_charmer', 'xiilib'],
  }),
  'fastapi-framework': defineExtension({
    name: 'fastapi-framework',
    framework: 'fastapi',
    module: 'fastapi',
    container: 'app',
    options: FASTAPI_OPTIONS,
    bases: ['ubuntu@24.04'],
    legacyPackages: ['paas_app_charmer'],
  }),
  'go-framework': defineExtension({
    name: 'go-framework',
    framework: 'go',
    module: 'go',
    container: 'app',
    options: GO_EXPRESSJS_OPTIONS,
    bases: ['ubuntu@24.04'],
    legacyPackages: ['paas_app_charmer'],
  }),
  'expressjs-framework': defineExtension({
    name: 'expressjs-framework',
    framework: 'expressjs',
    module: 'expressjs',
    container: 'app',
    options: GO_EXPRESSJS_OPTIONS,
    bases: ['ubuntu@24.04'],
  }),
  'spring-boot-framework': defineExtension({
    name: 'spring-boot-framework',
    framework: 'spring-boot',
    module: 'springboot',
    container: 'app',
    options: SPRING_BOOT_OPTIONS,
    bases: ['ubuntu@24.04'],
    oauthOptions: SPRING_BOOT_OAUTH_DYNAMIC_OPTIONS,
  }),
});

// ---------------------------------------------------------------------------
// paas-charm: events observed by the base classes (release 1.12.0)
// ---------------------------------------------------------------------------

const CHARM_PY = 'src/paas_charm/charm.py';

type Ev = InheritedEventDefinition;

/** An event observed in `PaasCharm.__init__` or one of its `_init_*` helpers. */
function ev(line: number, name: string, kind: EventKind, handler: string, handlerLine: number, handlerDoc: string, extra: Partial<Ev> = {}): Ev {
  return {name, kind, handler, handlerDoc, file: CHARM_PY, line, handlerLine, observer: 'PaasCharm', ...extra};
}

function lib(expression: string, cls: string, library: string, relation?: string): NonNullable<Ev['emitter']> {
  return relation === undefined ? {expression, class: cls, library} : {expression, class: cls, library, relation};
}

const DATA_INTERFACES = 'charms.data_platform_libs.v0.data_interfaces';

/** The three events observed for each database requirer made by `make_database_requirers`. */
function databaseEvents(db: 'mysql' | 'postgresql' | 'mongodb', handlerLine: number, docs: [string, string, string]): Ev[] {
  const when = {whenEndpoint: db, whenInterface: `${db}_client`, endpoint: db};
  // make_database_requirers keys on the interface but binds the requirer to the endpoint
  // named after the database, so in working charms the two go together.
  const condition = `A requires endpoint "${db}" with interface ${db}_client is declared.`;
  const emitter = lib(`self._database_requirers["${db}"]`, 'DatabaseRequires', DATA_INTERFACES, db);
  return [
    ev(208, 'database-created', 'library', `_on_${db}_database_database_created`, handlerLine, docs[0], {emitter, condition, ...when}),
    ev(212, 'endpoints-changed', 'library', `_on_${db}_database_endpoints_changed`, handlerLine + 5, docs[1], {emitter, condition, ...when}),
    ev(216, `${db}-relation-broken`, 'relation', `_on_${db}_database_relation_broken`, handlerLine + 10, docs[2], {condition, ...when}),
  ];
}

/** Condition shared by the `_init_<name>` helpers: endpoint `name` declared with interface `iface`. */
function whenRequires(name: string, iface: string): Partial<Ev> {
  return {whenEndpoint: name, whenInterface: iface, endpoint: name, condition: `A requires endpoint "${name}" with interface ${iface} is declared.`};
}

const COMMON_EVENTS: Ev[] = [
  ev(195, 'config-changed', 'lifecycle', '_on_config_changed', 539, 'Configure the application pebble service layer.'),
  ev(196, 'rotate-secret-key-action', 'action', '_on_rotate_secret_key_action', 549, 'Handle the rotate-secret-key action.', {
    action: 'rotate-secret-key',
  }),
  ev(197, 'secret-storage-relation-changed', 'relation', '_on_secret_storage_relation_changed', 566, 'Handle the secret-storage-relation-changed event.', {
    endpoint: 'secret-storage',
  }),
  ev(201, 'secret-storage-relation-departed', 'relation', '_on_secret_storage_relation_departed', 571, 'Handle the secret-storage-relation-departed event.', {
    since: '1.4.1',
    endpoint: 'secret-storage',
  }),
  ev(205, 'update-status', 'lifecycle', '_on_update_status', 798, 'Handle the update-status event.'),
  ev(206, 'secret-changed', 'secret', '_on_secret_changed', 544, 'Configure the application Pebble service layer.'),
  ...databaseEvents('mysql', 810, ["Handle mysql's database-created event.", "Handle mysql's endpoints-changed event.", "Handle mysql's relation-broken event."]),
  ...databaseEvents('postgresql', 825, [
    "Handle postgresql's database-created event.",
    "Handle mysql's endpoints-changed event.",
    "Handle postgresql's relation-broken event.",
  ]),
  ...databaseEvents('mongodb', 840, [
    "Handle mongodb's database-created event.",
    "Handle mysql's endpoints-changed event.",
    "Handle postgresql's relation-broken event.",
  ]),
  ev(220, 'ready', 'library', '_on_ingress_ready', 885, 'Handle event for ingress ready.', {
    endpoint: 'ingress',
    emitter: lib('self._ingress', 'IngressPerAppRequirer', 'charms.traefik_k8s.v2.ingress', 'ingress'),
  }),
  ev(221, 'revoked', 'library', '_on_ingress_revoked', 880, 'Handle event for ingress revoked.', {
    endpoint: 'ingress',
    emitter: lib('self._ingress', 'IngressPerAppRequirer', 'charms.traefik_k8s.v2.ingress', 'ingress'),
  }),
  ev(222, '{container}-pebble-ready', 'workload', '_on_pebble_ready', 890, 'Handle the pebble-ready event.', {container: '{container}'}),
  // `on = RedisRelationCharmEvents()`: the redis library emits this on the charm's own `on`.
  ev(240, 'redis-relation-updated', 'library', '_on_redis_relation_updated', 855, "Handle redis's database-created event.", {
    emitter: lib('self.on', 'RedisRelationCharmEvents', 'charms.redis_k8s.v0.redis', 'redis'),
    ...whenRequires('redis', 'redis'),
  }),
  ev(263, 'resource-created', 'library', '_on_valkey_resource_created', 860, "Handle valkey's resource-created event.", {
    since: '1.11.3',
    emitter: lib('_valkey.valkey_interface', 'ResourceRequirerEventHandler', 'dpcharmlibs.interfaces', 'valkey'),
    ...whenRequires('valkey', 'valkey_client'),
  }),
  ev(285, 'http-proxy-relation-changed', 'relation', '_on_http_proxy_changed', 940, 'Handle http-proxy relation changed.', {since: '1.9.1', ...whenRequires('http-proxy', 'http_proxy')}),
  ev(309, 'credentials-changed', 'library', '_on_s3_credential_changed', 865, 'Handle s3 credentials-changed event.', {
    emitter: lib('_s3', 'S3Requirer', 'charms.data_platform_libs.v0.s3', 's3'),
    ...whenRequires('s3', 's3'),
  }),
  ev(310, 'credentials-gone', 'library', '_on_s3_credential_gone', 870, 'Handle s3 credentials-gone event.', {
    emitter: lib('_s3', 'S3Requirer', 'charms.data_platform_libs.v0.s3', 's3'),
    ...whenRequires('s3', 's3'),
  }),
  ev(331, 'saml-data-available', 'library', '_on_saml_data_available', 875, 'Handle saml data available event.', {
    emitter: lib('_saml', 'SamlRequires', 'charms.saml_integrator.v0.saml', 'saml'),
    ...whenRequires('saml', 'saml'),
  }),
  ev(356, 'connected', 'library', '_on_rabbitmq_connected', 895, 'Handle rabbitmq connected event.', {
    emitter: lib('_rabbitmq', 'RabbitMQRequires', 'paas_charm.rabbitmq', 'rabbitmq'),
    ...whenRequires('rabbitmq', 'rabbitmq'),
  }),
  ev(357, 'ready', 'library', '_on_rabbitmq_ready', 900, 'Handle rabbitmq ready event.', {
    emitter: lib('_rabbitmq', 'RabbitMQRequires', 'paas_charm.rabbitmq', 'rabbitmq'),
    ...whenRequires('rabbitmq', 'rabbitmq'),
  }),
  ev(358, 'departed', 'library', '_on_rabbitmq_departed', 905, 'Handle rabbitmq departed event.', {
    emitter: lib('_rabbitmq', 'RabbitMQRequires', 'paas_charm.rabbitmq', 'rabbitmq'),
    ...whenRequires('rabbitmq', 'rabbitmq'),
  }),
  ev(379, 'endpoint-changed', 'library', '_on_tracing_relation_changed', 910, 'Handle tracing relation changed event.', {
    since: '1.2.0',
    emitter: lib('_tracing', 'TracingEndpointRequirer', 'charms.tempo_coordinator_k8s.v0.tracing', 'tracing'),
    ...whenRequires('tracing', 'tracing'),
  }),
  ev(382, 'endpoint-removed', 'library', '_on_tracing_relation_broken', 915, 'Handle tracing relation broken event.', {
    since: '1.2.0',
    emitter: lib('_tracing', 'TracingEndpointRequirer', 'charms.tempo_coordinator_k8s.v0.tracing', 'tracing'),
    ...whenRequires('tracing', 'tracing'),
  }),
  ev(405, 'smtp-data-available', 'library', '_on_smtp_data_available', 920, 'Handle smtp data available event.', {
    since: '1.4.0',
    emitter: lib('_smtp', 'SmtpRequires', 'charms.smtp_integrator.v0.smtp', 'smtp'),
    ...whenRequires('smtp', 'smtp'),
  }),
  ev(426, 'openfga-store-created', 'library', '_on_openfga_store_created', 925, 'Handle openfga store created event.', {
    since: '1.5.0',
    emitter: lib('openfga', 'OpenFGARequires', 'charms.openfga_k8s.v1.openfga', 'openfga'),
    ...whenRequires('openfga', 'openfga'),
  }),
  ...(['changed', 'removed'] as const).map((what, i) =>
    ev(457 + i, `oauth-info-${what}`, 'library', `_on_oauth_info_${what}`, 930 + 5 * i, `Handle the OAuth info ${what} event.`, {
      since: what === 'changed' ? '1.8.0' : '1.8.4',
      emitter: lib('_oauth', 'OAuthRequirer', 'charms.hydra.v0.oauth', '{oauth-endpoint}'),
      endpoint: '{oauth-endpoint}',
      whenInterface: 'oauth',
      condition: 'Exactly one requires endpoint has interface oauth (any name).',
    }),
  ),
  // Helper objects created by PaasCharm that observe charm events themselves.
  {
    name: 'secret-storage-relation-created',
    kind: 'relation',
    handler: '_on_secret_storage_relation_created',
    handlerDoc: 'Handle the event when a new peer relation is created.',
    file: 'src/paas_charm/secret_storage.py',
    line: 36,
    handlerLine: 45,
    observer: 'KeySecretStorage',
    endpoint: 'secret-storage',
  },
  ...(['joined', 'changed', 'departed', 'broken'] as const).map(
    (what, i): Ev => ({
      name: `rabbitmq-relation-${what}`,
      kind: 'relation',
      handler: `_on_rabbitmq_relation_${what}`,
      handlerDoc: `Handle RabbitMQ ${what}.`,
      file: 'src/paas_charm/rabbitmq.py',
      line: 161 + 4 * i,
      handlerLine: 178 + 5 * i,
      observer: 'RabbitMQRequires',
      ...whenRequires('rabbitmq', 'rabbitmq'),
    }),
  ),
];

const DJANGO_EVENTS: Ev[] = [
  {
    name: 'create-superuser-action',
    kind: 'action',
    handler: '_on_create_superuser_action',
    handlerDoc: 'Handle the create-superuser action.',
    file: 'src/paas_charm/django/charm.py',
    line: 69,
    handlerLine: 110,
    observer: 'Charm',
    action: 'create-superuser',
  },
];

/** Events observed by the paas-charm base shared by all frameworks, plus per-framework extras keyed by framework name. */
export const PAAS_CHARM_EVENTS: Readonly<{common: InheritedEventDefinition[]; byFramework: Record<string, InheritedEventDefinition[]>}> =
  Object.freeze({
    common: COMMON_EVENTS,
    byFramework: {
      flask: [],
      django: DJANGO_EVENTS,
      fastapi: [],
      go: [],
      expressjs: [],
      'spring-boot': [],
    },
  });

// ---------------------------------------------------------------------------
// Look-ups
// ---------------------------------------------------------------------------

/** The extension whose base class (or an alias of it) is `baseClassExpression`, e.g. `paas_charm.flask.Charm`. */
export function findExtensionByBaseClass(baseClassExpression: string): ExtensionDefinition | undefined {
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
  // Own keys only: an extension named `constructor` or `toString` is unknown, not Object.prototype's.
  const ext = Object.hasOwn(EXTENSIONS, name) ? EXTENSIONS[name] : undefined;
  if (!ext || base === undefined || !V2_BASES.includes(normaliseBase(base))) return ext;
  return {
    ...ext,
    containers: [{name: 'app', resource: 'app-image', mounts: []}],
    resources: ext.resources.map((r) => ({...r, name: 'app-image'})),
  };
}

/** The options `dynamicConfig` adds for the charm's `requires` endpoints. */
export function expandDynamicConfig(
  ext: ExtensionDefinition,
  requires: ReadonlyArray<{name: string; interface: string}>,
): Array<Omit<ConfigOption, 'origin'>> {
  const out: Array<Omit<ConfigOption, 'origin'>> = [];
  for (const group of ext.dynamicConfig ?? []) {
    for (const ep of requires.filter((r) => r.interface === group.whenInterface)) {
      const fill = (s: string): string => s.split('{endpoint}').join(ep.name);
      for (const o of group.options) {
        out.push({...o, name: fill(o.name), description: fill(o.description), ...(typeof o.default === 'string' ? {default: fill(o.default)} : {})});
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
  const requires = endpoints.filter((e) => e.role === 'requires');
  const oauth = requires.filter((e) => e.interface === 'oauth');
  const all = [...PAAS_CHARM_EVENTS.common, ...(Object.hasOwn(PAAS_CHARM_EVENTS.byFramework, framework) ? PAAS_CHARM_EVENTS.byFramework[framework]! : [])];
  const applies = (e: InheritedEventDefinition): boolean => {
    if (e.since !== undefined && pinnedRelease !== undefined && compareReleases(pinnedRelease, e.since) < 0) return false;
    if (e.whenEndpoint !== undefined) {
      return requires.some((r) => r.name === e.whenEndpoint && (e.whenInterface === undefined || r.interface === e.whenInterface));
    }
    return e.whenInterface === 'oauth' ? oauth.length === 1 : true;
  };
  const fill = (s: string | undefined): string | undefined =>
    s?.split('{container}').join(container).split('{oauth-endpoint}').join(oauth[0]?.name ?? 'oauth');
  return all.filter(applies).map((e) => {
    const out: InheritedEventDefinition = {...e, name: fill(e.name)!};
    if (e.container) out.container = fill(e.container);
    if (e.endpoint) out.endpoint = fill(e.endpoint);
    if (e.emitter?.relation) out.emitter = {...e.emitter, relation: fill(e.emitter.relation)};
    return out;
  });
}
