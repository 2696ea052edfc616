// Synthetic but realistic Juju charms (ops, Kubernetes, several containers) for the benchmark.
// Everything is generated from templates and a seeded PRNG: the same arguments give the same bytes.
//
// One charm, at scale 1, is shaped like a large real charm:
//   ~50 Python modules in src/ (~8,000 lines): the charm class, helper ops.Object observers,
//   Pebble layers built in Python, state/config/helpers;
//   lib/charms/<lib>/vN/<module>.py charm libraries (~20,000 lines) with event classes,
//   EventSource holders, requirer/provider objects that observe relation events;
//   charmcraft.yaml with 3 containers, 15 endpoints, config options and actions; 3 rocks.
// Scale k multiplies the lines of every Python file (more helpers per module), nothing else.

import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

export const PRODUCTS = [
  'ledger',
  'beacon',
  'harbor',
  'quarry',
  'lantern',
  'meadow',
  'orchard',
  'summit',
  'tundra',
  'willow',
  'canyon',
  'delta',
  'ember',
  'fjord',
  'glacier',
  'heron',
  'island',
  'juniper',
  'kestrel',
  'lagoon',
];

/** mulberry32: small, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'session',
  'upload',
  'account',
  'token',
  'queue',
  'report',
  'schedule',
  'mailbox',
  'bucket',
  'index',
  'webhook',
  'tenant',
  'quota',
  'snapshot',
  'audit',
  'invite',
  'channel',
  'archive',
  'policy',
  'replica',
];
const VERBS = [
  'render',
  'validate',
  'collect',
  'normalise',
  'refresh',
  'publish',
  'prune',
  'resolve',
  'merge',
  'rotate',
  'encode',
  'parse',
];

const snake = (s) => s.replace(/-/g, '_');
const camel = (s) =>
  s
    .split(/[-_]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/**
 * Filler: realistic helper code (functions or methods with docstrings, loops, comprehensions,
 * f-strings, try/except, dict literals), appended until a file reaches its target line count.
 */
function helper(rand, indent, i, method) {
  const noun = NOUNS[Math.floor(rand() * NOUNS.length)];
  const verb = VERBS[Math.floor(rand() * VERBS.length)];
  const self = method ? 'self, ' : '';
  const name = `${method ? '_' : ''}${verb}_${noun}_${i}`;
  const pad = (lines) => lines.map((l) => (l ? indent + l : l));
  switch (i % 6) {
    case 0:
      return pad([
        `def ${name}(${self}values: dict[str, str], *, strict: bool = False) -> str:`,
        `    """${camel(verb)} the ${noun} settings into the workload's configuration format.`,
        ``,
        `    Args:`,
        `        values: settings read from the charm configuration.`,
        `        strict: refuse unknown keys instead of ignoring them.`,
        `    """`,
        `    lines = []`,
        `    for key, value in sorted(values.items()):`,
        `        if strict and key not in KNOWN_KEYS:`,
        `            raise ValueError(f"unknown ${noun} key: {key}")`,
        `        if value is None:`,
        `            continue`,
        `        lines.append(f"{key} = {value!r}")`,
        `    logger.debug("rendered %d ${noun} settings", len(lines))`,
        `    return "\\n".join(lines) + "\\n"`,
        ``,
      ]);
    case 1:
      return pad([
        `def ${name}(${self}items: list[dict], limit: int = ${10 + (i % 90)}) -> list[str]:`,
        `    """Return the names of the ${noun} entries that are active, newest first."""`,
        `    active = [item for item in items if item.get("state") == "active"]`,
        `    active.sort(key=lambda item: item.get("updated", 0), reverse=True)`,
        `    names = [str(item["name"]) for item in active[:limit] if "name" in item]`,
        `    if len(active) > limit:`,
        `        logger.info("%d ${noun} entries over the limit of %d", len(active) - limit, limit)`,
        `    return names`,
        ``,
      ]);
    case 2:
      return pad([
        `def ${name}(${self}raw: str) -> typing.Optional[dict[str, typing.Any]]:`,
        `    """Parse a ${noun} document published in relation data.`,
        ``,
        `    Returns None when the document is missing or malformed; the caller retries on`,
        `    the next relation-changed event.`,
        `    """`,
        `    if not raw:`,
        `        return None`,
        `    try:`,
        `        data = json.loads(raw)`,
        `    except json.JSONDecodeError as exc:`,
        `        logger.warning("invalid ${noun} document: %s", exc)`,
        `        return None`,
        `    if not isinstance(data, dict):`,
        `        return None`,
        `    return {key: value for key, value in data.items() if not key.startswith("_")}`,
        ``,
      ]);
    case 3:
      return pad([
        `def ${name}(${self}host: str, port: int = ${1000 + i}, scheme: str = "https") -> str:`,
        `    """Build the ${noun} endpoint URL from its parts."""`,
        `    if ":" in host and not host.startswith("["):`,
        `        host = f"[{host}]"`,
        `    url = f"{scheme}://{host}:{port}/${noun}s"`,
        `    return url.rstrip("/")`,
        ``,
      ]);
    case 4:
      return pad([
        `def ${name}(${self}container: ops.Container, path: str = "/etc/workload/${noun}.json") -> bool:`,
        `    """Push the ${noun} file to the container when its content changed.`,
        ``,
        `    Returns whether the file was written, so the caller knows whether to restart.`,
        `    """`,
        `    content = json.dumps({"kind": "${noun}", "revision": ${i}}, sort_keys=True)`,
        `    try:`,
        `        current = container.pull(path).read()`,
        `    except (ops.pebble.PathError, ops.pebble.ConnectionError):`,
        `        current = None`,
        `    if current == content:`,
        `        return False`,
        `    container.push(path, content, make_dirs=True, permissions=0o640)`,
        `    return True`,
        ``,
      ]);
    default:
      return pad([
        `def ${name}(${self}relation: typing.Optional[ops.Relation]) -> dict[str, str]:`,
        `    """Read the ${noun} fields the remote application published."""`,
        `    if relation is None or relation.app is None:`,
        `        return {}`,
        `    data = relation.data[relation.app]`,
        `    result = {}`,
        `    for field in ("${noun}-host", "${noun}-port", "${noun}-user"):`,
        `        if field in data:`,
        `            result[field.replace("-", "_")] = data[field]`,
        `    return result`,
        ``,
      ]);
  }
}

/** Appends helpers (module functions, or methods of `cls` when given) until `lines` reaches `target`. */
function fill(lines, target, rand, {cls} = {}) {
  let i = 0;
  if (cls && lines.length < target) {
    lines.push(
      ``,
      ``,
      `class ${cls}:`,
      `    """Helpers for ${cls.replace(/Helpers$/, '').toLowerCase()} handling."""`,
      ``,
    );
  }
  while (lines.length < target) {
    const h = helper(rand, cls ? '    ' : '', i++, Boolean(cls));
    if (!cls) lines.push(``);
    lines.push(...h);
  }
  return lines;
}

const HEADER = (doc) => [
  `# Copyright 2025 Canonical Ltd.`,
  `# See LICENSE file for licensing details.`,
  ``,
  `"""${doc}"""`,
  ``,
];

// ---------------------------------------------------------------------------------------------
// Endpoints and libraries

function endpointsOf(p) {
  return {
    requires: [
      {
        name: 'database',
        interface: 'postgresql_client',
        limit: 1,
        description: `PostgreSQL database holding the ${p} data.`,
        lib: 'db',
      },
      {
        name: 'cache',
        interface: 'redis',
        limit: 1,
        description: 'Redis used for sessions and rate limiting.',
        lib: 'redis',
      },
      {
        name: 'ingress',
        interface: 'ingress',
        optional: true,
        limit: 1,
        description: `Exposes ${p} outside the cluster through Traefik.`,
        lib: 'ingress',
      },
      {
        name: 'logging',
        interface: 'loki_push_api',
        optional: true,
        description: 'Forwards Pebble service logs to Loki.',
        lib: 'loki',
      },
      {
        name: 'tracing',
        interface: 'tracing',
        optional: true,
        limit: 1,
        description: 'Sends OTLP traces to Tempo.',
        lib: 'tracing',
      },
      {
        name: 'certificates',
        interface: 'tls-certificates',
        optional: true,
        limit: 1,
        description: 'TLS certificate for the public endpoint.',
        lib: 'tls',
      },
      {name: 's3', interface: 's3', optional: true, description: 'Object storage for uploads and backups.', lib: 's3'},
      {
        name: 'smtp',
        interface: 'smtp',
        optional: true,
        limit: 1,
        description: 'Outgoing mail server for notifications.',
        lib: 'smtp',
      },
      {
        name: 'oauth',
        interface: 'oauth',
        optional: true,
        limit: 1,
        description: 'Single sign-on through an OAuth provider.',
        lib: 'oauth',
      },
      {
        name: 'saml',
        interface: 'saml',
        optional: true,
        limit: 1,
        description: 'Single sign-on through a SAML identity provider.',
        lib: 'saml',
      },
    ],
    provides: [
      {
        name: 'metrics-endpoint',
        interface: 'prometheus_scrape',
        description: 'Application and proxy metrics for Prometheus.',
        lib: 'prom',
      },
      {
        name: 'grafana-dashboard',
        interface: 'grafana_dashboard',
        description: `Ships the ${p} dashboards to Grafana.`,
        lib: 'grafana',
      },
      {name: `${p}-api`, interface: `${p}_api`, description: `The ${p} HTTP API for other charms.`},
    ],
    peers: [
      {name: `${p}-peers`, interface: `${p}_peers`},
      {name: `${p}-replicas`, interface: `${p}_replicas`},
    ],
  };
}

/** Charm libraries: import path, the requirer/provider class the charm uses, its events, relative size. */
const LIBS = {
  db: {
    path: 'charms/data_platform_libs/v0/data_interfaces',
    cls: 'DatabaseRequires',
    kw: 'database_name',
    events: ['database_created', 'endpoints_changed', 'read_only_endpoints_changed'],
    weight: 3.2,
    libapi: 0,
  },
  redis: {
    path: 'charms/redis_k8s/v0/redis',
    cls: 'RedisRequires',
    events: ['redis_relation_updated'],
    weight: 0.6,
    libapi: 0,
  },
  ingress: {
    path: 'charms/traefik_k8s/v2/ingress',
    cls: 'IngressPerAppRequirer',
    kw: 'port',
    events: ['ready', 'revoked'],
    weight: 1.1,
    libapi: 2,
  },
  loki: {
    path: 'charms/loki_k8s/v1/loki_push_api',
    cls: 'LogForwarder',
    events: ['loki_push_api_endpoint_joined', 'loki_push_api_endpoint_departed'],
    weight: 2.2,
    libapi: 1,
  },
  tracing: {
    path: 'charms/tempo_coordinator_k8s/v0/tracing',
    cls: 'TracingEndpointRequirer',
    events: ['endpoint_changed', 'endpoint_removed'],
    weight: 1.0,
    libapi: 0,
  },
  tls: {
    path: 'charms/tls_certificates_interface/v4/tls_certificates',
    cls: 'TLSCertificatesRequiresV4',
    events: ['certificate_available'],
    weight: 1.8,
    libapi: 4,
  },
  s3: {
    path: 'charms/data_platform_libs/v0/s3',
    cls: 'S3Requirer',
    kw: 'bucket_name',
    events: ['credentials_changed', 'credentials_gone'],
    weight: 0.8,
    libapi: 0,
  },
  smtp: {
    path: 'charms/smtp_integrator/v0/smtp',
    cls: 'SmtpRequires',
    events: ['smtp_data_available'],
    weight: 0.5,
    libapi: 0,
  },
  oauth: {
    path: 'charms/hydra/v0/oauth',
    cls: 'OAuthRequirer',
    events: ['oauth_info_changed', 'oauth_info_removed'],
    weight: 0.9,
    libapi: 0,
  },
  saml: {
    path: 'charms/saml_integrator/v0/saml',
    cls: 'SamlRequires',
    events: ['saml_data_available'],
    weight: 0.5,
    libapi: 0,
  },
  prom: {
    path: 'charms/prometheus_k8s/v0/prometheus_scrape',
    cls: 'MetricsEndpointProvider',
    events: ['targets_changed'],
    weight: 2.4,
    libapi: 0,
    provider: true,
  },
  grafana: {
    path: 'charms/grafana_k8s/v0/grafana_dashboard',
    cls: 'GrafanaDashboardProvider',
    events: ['dashboard_status_changed'],
    weight: 1.6,
    libapi: 0,
    provider: true,
  },
};
const LIB_LINES = 20000;
const LIB_WEIGHT = Object.values(LIBS).reduce((a, l) => a + l.weight, 0);

function libModule(key, lib, scale, rand) {
  const target = Math.round((LIB_LINES * lib.weight * scale) / LIB_WEIGHT);
  const base = lib.provider ? 'Provider' : 'Requirer';
  const eventBase = camel(lib.path.split('/').pop());
  const doc = [
    `Library for the ${lib.path.split('/')[1]} integration (${base.toLowerCase()} side).`,
    ``,
    `This library wraps the relation protocol so that charms only observe high-level events:`,
    ...lib.events.map(
      (e) =>
        `- \`${e}\`: emitted when the remote application ${e.includes('removed') || e.includes('gone') || e.includes('departed') || e.includes('revoked') ? 'withdraws' : 'publishes'} its data.`,
    ),
    ``,
    `## Getting started`,
    ``,
    '```python',
    `from ${lib.path.split('/').join('.')} import ${lib.cls}`,
    ``,
    `class MyCharm(ops.CharmBase):`,
    `    def __init__(self, framework):`,
    `        super().__init__(framework)`,
    `        self.${key} = ${lib.cls}(self, relation_name="${key}")`,
    ...lib.events.map((e) => `        framework.observe(self.${key}.on.${e}, self._on_${e})`),
    '```',
  ];
  const lines = [
    `# Copyright 2025 Canonical Ltd.`,
    `# Licensed under the Apache License, Version 2.0.`,
    ``,
    `"""${doc.join('\n')}`,
    `"""`,
    ``,
    `import json`,
    `import logging`,
    `import typing`,
    ``,
    `import ops`,
    `from ops.charm import CharmBase, CharmEvents, RelationChangedEvent, RelationEvent`,
    `from ops.framework import EventBase, EventSource, Object, ObjectEvents`,
    ``,
    `LIBID = "${Array.from({length: 32}, () => Math.floor(rand() * 16).toString(16)).join('')}"`,
    `LIBAPI = ${lib.libapi}`,
    `LIBPATCH = ${1 + Math.floor(rand() * 40)}`,
    `PYDEPS = ["pydantic>=2"]`,
    ``,
    `logger = logging.getLogger(__name__)`,
    `KNOWN_KEYS = frozenset({"host", "port", "user", "scheme"})`,
    ``,
    ``,
    `class ${eventBase}Event(RelationEvent):`,
    `    """Base class for events carrying ${key} relation data."""`,
    ``,
    `    @property`,
    `    def data(self) -> dict[str, str]:`,
    `        """The remote application's data bag."""`,
    `        return dict(self.relation.data[self.relation.app])`,
    ``,
  ];
  for (const e of lib.events) {
    lines.push(
      ``,
      `class ${camel(e)}Event(${eventBase}Event):`,
      `    """Emitted by ${lib.cls} when ${e.replace(/_/g, ' ')}."""`,
      ``,
    );
  }
  lines.push(``, `class ${lib.cls}Events(ObjectEvents):`, `    """Events emitted by ${lib.cls}."""`, ``);
  for (const e of lib.events) lines.push(`    ${e} = EventSource(${camel(e)}Event)`);
  lines.push(
    ``,
    ``,
    `class ${lib.cls}(Object):`,
    `    """${base} side of the ${key} relation."""`,
    ``,
    `    on = ${lib.cls}Events()  # pyright: ignore[reportAssignmentType]`,
    ``,
    `    def __init__(`,
    `        self,`,
    `        charm: CharmBase,`,
    `        relation_name: str = "${key}",`,
    ...(lib.kw ? [`        ${lib.kw}: typing.Any = None,`] : []),
    `        **kwargs: typing.Any,`,
    `    ):`,
    `        super().__init__(charm, relation_name)`,
    `        self._charm = charm`,
    `        self._relation_name = relation_name`,
    ...(lib.kw ? [`        self._${lib.kw} = ${lib.kw}`] : []),
    `        self._options = kwargs`,
    `        self.framework.observe(charm.on[relation_name].relation_joined, self._on_relation_joined)`,
    `        self.framework.observe(charm.on[relation_name].relation_changed, self._on_relation_changed)`,
    `        self.framework.observe(charm.on[relation_name].relation_broken, self._on_relation_broken)`,
    ``,
    `    @property`,
    `    def relations(self) -> list[ops.Relation]:`,
    `        """The relations on this endpoint."""`,
    `        return self._charm.model.relations[self._relation_name]`,
    ``,
    `    def is_ready(self) -> bool:`,
    `        """Whether a remote application published complete data."""`,
    `        return any(relation.app and relation.data[relation.app] for relation in self.relations)`,
    ``,
    `    def _on_relation_joined(self, event: RelationEvent) -> None:`,
    `        """Publish this side's request once the relation exists."""`,
    `        if not self._charm.unit.is_leader():`,
    `            return`,
    `        event.relation.data[self._charm.app]["requested"] = json.dumps(self._options, default=str)`,
    ``,
    `    def _on_relation_changed(self, event: RelationChangedEvent) -> None:`,
    `        """Turn the remote data into the library's high-level events."""`,
    `        if event.app is None:`,
    `            return`,
    `        data = event.relation.data[event.app]`,
  );
  lib.events.forEach((e, i) => {
    lines.push(
      `        ${i ? 'elif' : 'if'} data.get("${e}"):`,
      `            self.on.${e}.emit(event.relation, app=event.app, unit=event.unit)`,
    );
  });
  lines.push(
    ``,
    `    def _on_relation_broken(self, event: RelationEvent) -> None:`,
    `        """Forget the remote data when the relation is removed."""`,
    `        logger.info("relation %s broken", event.relation.id)`,
  );
  fill(lines, Math.round(target * 0.55), rand, {cls: `${eventBase}Helpers`});
  fill(lines, target, rand);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// charmcraft.yaml and rocks

function charmcraftYaml(p, containers, eps) {
  const y = [];
  y.push(`# Copyright 2025 Canonical Ltd.`, `# See LICENSE file for licensing details.`, ``);
  y.push(
    `name: ${p}-k8s`,
    `title: ${camel(p)}`,
    `summary: ${camel(p)}, a collaborative ${p} service, on Kubernetes.`,
    `description: |`,
  );
  y.push(
    `  ${camel(p)} is a web application with a background worker and a reverse proxy.`,
    `  It stores its data in PostgreSQL, caches in Redis and keeps uploads in S3.`,
    ``,
  );
  y.push(`  This charm deploys it on Kubernetes with ${containers.length} containers:`, ``);
  for (const c of containers) y.push(`  - \`${c.name}\`: ${c.summary};`);
  y.push(
    `links:`,
    `  website:`,
    `    - https://${p}.example.org`,
    `  source:`,
    `    - https://github.com/example/${p}-k8s-operator`,
    `  issues:`,
    `    - https://github.com/example/${p}-k8s-operator/issues`,
  );
  y.push(`  documentation: https://discourse.charmhub.io/t/${p}-k8s-docs-index/12345`, ``);
  y.push(
    `type: charm`,
    `base: ubuntu@24.04`,
    `platforms:`,
    `  amd64:`,
    ``,
    `parts:`,
    `  charm:`,
    `    plugin: charm`,
    `    source: .`,
    ``,
  );
  y.push(`assumes:`, `  - k8s-api`, `  - juju >= 3.4`, ``, `containers:`);
  for (const c of containers) {
    y.push(`  ${c.name}:`, `    resource: ${c.name}-image`);
    if (c.storage) y.push(`    mounts:`, `      - storage: ${c.storage}`, `        location: /var/lib/${p}`);
  }
  y.push(``, `resources:`);
  for (const c of containers)
    y.push(
      `  ${c.name}-image:`,
      `    type: oci-image`,
      `    description: OCI image for the ${c.name} container (built from ${c.rock}).`,
      `    upstream-source: ghcr.io/example/${c.name}:1.${c.name.length}.0`,
    );
  y.push(
    ``,
    `storage:`,
    `  data:`,
    `    type: filesystem`,
    `    description: Uploaded files and search indexes.`,
    `    minimum-size: 5G`,
    `    location: /var/lib/${p}`,
    ``,
  );
  for (const role of ['requires', 'provides', 'peers']) {
    y.push(`${role}:`);
    for (const e of eps[role]) {
      y.push(`  ${e.name}:`, `    interface: ${e.interface}`);
      if (e.optional) y.push(`    optional: true`);
      if (e.limit) y.push(`    limit: ${e.limit}`);
      if (e.description) y.push(`    description: ${e.description}`);
    }
    y.push(``);
  }
  y.push(`config:`, `  options:`);
  for (const o of configOptions(p)) {
    y.push(`    ${o.name}:`, `      type: ${o.type}`);
    if (o.default !== undefined) y.push(`      default: ${o.default}`);
    y.push(`      description: ${o.description}`);
  }
  y.push(``, `actions:`);
  for (const a of actionsOf(p)) {
    y.push(`  ${a.name}:`, `    description: ${a.description}`);
    if (a.params.length) {
      y.push(`    params:`);
      for (const q of a.params)
        y.push(`      ${q.name}:`, `        type: ${q.type}`, `        description: ${q.description}`);
      y.push(`    required:`, `      - ${a.params[0].name}`);
    }
  }
  return y.join('\n') + '\n';
}

function configOptions(p) {
  const o = [
    {name: 'site-name', type: 'string', default: camel(p), description: 'Name shown in page titles.'},
    {
      name: 'log-level',
      type: 'string',
      default: 'info',
      description: '"Log level: one of debug, info, warning, error."',
    },
    {name: 'workers', type: 'int', default: 4, description: 'Number of web worker processes.'},
    {name: 'worker-concurrency', type: 'int', default: 8, description: 'Background jobs run at once by the worker.'},
    {name: 'max-upload-size', type: 'int', default: 10485760, description: 'Largest upload accepted, in bytes.'},
    {name: 'allow-signup', type: 'boolean', default: true, description: 'Whether visitors may create accounts.'},
    {
      name: 'rate-limit',
      type: 'float',
      default: 5.0,
      description: 'Requests per second allowed from one client address.',
    },
    {
      name: 'external-hostname',
      type: 'string',
      default: '""',
      description: 'Public host name; the ingress URL when empty.',
    },
    {name: 'session-timeout', type: 'int', default: 3600, description: 'Seconds before an idle session expires.'},
    {
      name: 'backup-schedule',
      type: 'string',
      default: '"0 3 * * *"',
      description: 'Cron schedule of the nightly backup to S3.',
    },
    {
      name: 'smtp-from',
      type: 'string',
      default: `noreply@${p}.example.org`,
      description: 'Sender address of notification mails.',
    },
    {
      name: 'feature-flags',
      type: 'string',
      default: '""',
      description: 'Comma-separated experimental features to enable.',
    },
    {name: 'proxy-buffer-size', type: 'string', default: '16k', description: 'Buffer size of the reverse proxy.'},
    {name: 'metrics-port', type: 'int', default: 9102, description: 'Port of the application metrics exporter.'},
    {
      name: 'admin-credentials',
      type: 'secret',
      description: 'Juju secret with the initial administrator username and password.',
    },
    {name: 'smtp-credentials', type: 'secret', description: 'Juju secret with the SMTP username and password.'},
  ];
  return o;
}

function actionsOf(p) {
  return [
    {
      name: 'create-admin',
      description: 'Create an administrator account.',
      params: [
        {name: 'username', type: 'string', description: 'Login name.'},
        {name: 'email', type: 'string', description: 'E-mail address.'},
      ],
    },
    {name: 'rotate-secret-key', description: 'Generate a new session signing key.', params: []},
    {
      name: 'reindex',
      description: `Rebuild the ${p} search index.`,
      params: [{name: 'full', type: 'boolean', description: 'Rebuild from scratch.'}],
    },
    {
      name: 'backup',
      description: 'Back up the database and uploads to S3 now.',
      params: [{name: 'label', type: 'string', description: 'Label of the backup.'}],
    },
    {
      name: 'restore',
      description: 'Restore a backup from S3.',
      params: [{name: 'backup-id', type: 'string', description: 'Backup to restore.'}],
    },
    {name: 'purge-sessions', description: 'Log every user out.', params: []},
  ];
}

function rockcraft(c, p) {
  return [
    `name: ${c.name}`,
    `version: "1.${c.name.length}.0"`,
    `base: ubuntu@24.04`,
    `summary: ${c.summary}`,
    `description: |`,
    `  Rock for the ${c.name} container of the ${p} charm. The charm replaces the default`,
    `  service with its own Pebble layer; the service below is for local testing.`,
    `license: Apache-2.0`,
    `platforms:`,
    `  amd64:`,
    ``,
    `run-user: _daemon_`,
    ``,
    `services:`,
    `  ${c.name}:`,
    `    override: replace`,
    `    command: ${c.command}`,
    `    startup: enabled`,
    ``,
    `parts:`,
    `  ${c.name}:`,
    `    plugin: ${c.plugin}`,
    `    source: https://github.com/example/${p}.git`,
    `    source-tag: v1.${c.name.length}.0`,
    `    stage-packages:`,
    `      - ca-certificates`,
    ``,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// src/

const SRC_LINES = 8000;
const FILLER_MODULES = [
  'constants',
  'exceptions',
  'state',
  'config_parser',
  'secrets_manager',
  'migrations',
  'backups',
  'restore',
  'search_index',
  'mailer',
  'sessions',
  'rate_limits',
  'feature_flags',
  'users',
  'admin',
  'uploads',
  'storage_paths',
  'tls_files',
  'proxy_config',
  'worker_queue',
  'health',
  'status',
  'upgrade',
  'scaling',
  'metrics_rules',
  'dashboards',
  'log_targets',
  'tracing_config',
  'sso',
  'templates',
  'cron',
  'versions',
  'relation_data',
  'validators',
  'utils',
  'notifications',
  'webhooks',
  'quotas',
];

function srcFiles(p, containers, eps, scale, rand) {
  const files = {};
  const observers = eps.requires.slice(0, 10);
  const charmClass = `${camel(p)}Charm`;
  // --- charm.py
  const c = [
    '#!/usr/bin/env python3',
    ...HEADER(`Charm the ${camel(p)} application on Kubernetes.`),
    `import json`,
    `import logging`,
    `import secrets`,
    `import typing`,
    ``,
    `import ops`,
  ];
  for (const [key, lib] of Object.entries(LIBS)) {
    if (['db', 'ingress', 'tracing', 'prom', 'grafana', 'loki'].includes(key))
      c.push(`from ${lib.path.split('/').join('.')} import ${lib.cls}`);
  }
  c.push(``, `import constants`, `from observers.cache import CacheObserver`);
  for (const e of observers.slice(5)) c.push(`from observers.${snake(e.name)} import ${camel(e.name)}Observer`);
  c.push(
    `from workload.proxy import PROXY_LAYER, PROXY_PORT`,
    `from workload.app import build_app_layer`,
    `from workload.worker import build_worker_layer`,
    `from state import CharmState`,
  );
  c.push(
    ``,
    `logger = logging.getLogger(__name__)`,
    ``,
    `PEER_RELATION = "${p}-peers"`,
    `SECRET_KEY_LABEL = "${p}-secret-key"`,
    `APP_PORT = 8000`,
    `KNOWN_KEYS = frozenset({"host", "port"})`,
    ``,
    ``,
  );
  c.push(
    `class ${charmClass}(ops.CharmBase):`,
    `    """Charm the ${camel(p)} application."""`,
    ``,
    `    def __init__(self, framework: ops.Framework):`,
    `        super().__init__(framework)`,
  );
  c.push(`        self.database = DatabaseRequires(self, relation_name="database", database_name="${snake(p)}")`);
  c.push(`        self.ingress = IngressPerAppRequirer(self, relation_name="ingress", port=PROXY_PORT)`);
  c.push(`        self.tracing = TracingEndpointRequirer(self, relation_name="tracing", protocols=["otlp_http"])`);
  c.push(`        self.logging = LogForwarder(self, relation_name="logging")`);
  c.push(
    `        self.metrics = MetricsEndpointProvider(`,
    `            self,`,
    `            relation_name="metrics-endpoint",`,
    `            jobs=[{"static_configs": [{"targets": ["*:9102"]}]}, {"job_name": "proxy", "static_configs": [{"targets": ["*:9113"]}]}],`,
    `            alert_rules_path="./src/prometheus_alert_rules",`,
    `        )`,
  );
  c.push(`        self.dashboards = GrafanaDashboardProvider(self, relation_name="grafana-dashboard")`);
  c.push(`        self.cache = CacheObserver(self, "cache")`);
  for (const e of observers.slice(5))
    c.push(`        self.${snake(e.name)} = ${camel(e.name)}Observer(self, "${e.name}")`);
  c.push(``, `        framework.observe(self.on.config_changed, self._on_config_changed)`);
  for (const ct of containers)
    c.push(`        framework.observe(self.on["${ct.name}"].pebble_ready, self._on_${snake(ct.name)}_pebble_ready)`);
  c.push(
    `        framework.observe(self.on.upgrade_charm, self._on_upgrade_charm)`,
    `        framework.observe(self.on.update_status, self._on_update_status)`,
  );
  c.push(`        framework.observe(self.on[PEER_RELATION].relation_changed, self._on_peer_changed)`);
  c.push(`        framework.observe(self.on["${p}-replicas"].relation_departed, self._on_replica_departed)`);
  c.push(
    `        framework.observe(self.database.on.database_created, self._on_database_created)`,
    `        framework.observe(self.database.on.endpoints_changed, self._on_database_endpoints_changed)`,
  );
  c.push(`        framework.observe(self.on.database_relation_broken, self._on_database_broken)`);
  c.push(
    `        framework.observe(self.ingress.on.ready, self._on_ingress_ready)`,
    `        framework.observe(self.ingress.on.revoked, self._on_ingress_revoked)`,
  );
  c.push(`        framework.observe(self.tracing.on.endpoint_changed, self._on_tracing_changed)`);
  c.push(`        framework.observe(self.on["${p}-api"].relation_joined, self._on_api_joined)`);
  for (const a of actionsOf(p))
    c.push(`        framework.observe(self.on.${snake(a.name)}_action, self._on_${snake(a.name)}_action)`);
  c.push(
    `        framework.observe(self.on.secret_changed, self._on_secret_changed)`,
    `        framework.observe(self.on.collect_unit_status, self._on_collect_unit_status)`,
  );
  c.push(
    ``,
    `    @property`,
    `    def _state(self) -> CharmState:`,
    `        """The charm state, read from configuration and relations."""`,
    `        return CharmState.from_charm(self)`,
    ``,
    `    def _database_url(self) -> typing.Optional[str]:`,
    `        """Build the PostgreSQL URL from the database relation, if it is ready."""`,
    `        relation = self.model.get_relation("database")`,
    `        if relation is None:`,
    `            return None`,
    `        data = self.database.fetch_relation_data().get(relation.id, {})`,
    `        if not data.get("endpoints"):`,
    `            return None`,
    `        return f"postgresql://{data['username']}:{data['password']}@{data['endpoints'].split(',')[0]}/${snake(p)}"`,
    ``,
    `    def _reconcile(self) -> None:`,
    `        """Push configuration and layers to every container that is ready."""`,
    `        app = self.unit.get_container("${containers[0].name}")`,
    `        if app.can_connect() and self._database_url():`,
    `            app.add_layer("${containers[0].name}", build_app_layer(self.config, self._database_url()), combine=True)`,
    `            app.replan()`,
    `        proxy = self.unit.get_container("${containers[1].name}")`,
    `        if proxy.can_connect():`,
    `            proxy.add_layer("${containers[1].name}", PROXY_LAYER, combine=True)`,
    `            proxy.replan()`,
    `        worker = self.unit.get_container("${containers[2].name}")`,
    `        if worker.can_connect():`,
    `            worker.add_layer("${containers[2].name}", build_worker_layer(int(self.config["worker-concurrency"])), combine=True)`,
    `            worker.replan()`,
    `        self.unit.set_ports(PROXY_PORT)`,
    ``,
  );
  const handler = (name, ev, doc, body = ['self._reconcile()']) =>
    c.push(
      `    def ${name}(self, event: ${ev}) -> None:`,
      `        """${doc}"""`,
      ...body.map((b) => `        ${b}`),
      ``,
    );
  handler('_on_config_changed', 'ops.ConfigChangedEvent', 'Apply new configuration to all containers.');
  for (const ct of containers)
    handler(
      `_on_${snake(ct.name)}_pebble_ready`,
      'ops.PebbleReadyEvent',
      `Start the ${ct.name} services once its Pebble is reachable.`,
    );
  handler('_on_upgrade_charm', 'ops.UpgradeCharmEvent', 'Run database migrations after a charm or image upgrade.', [
    'if self.unit.is_leader():',
    '    logger.info("running migrations")',
    'self._reconcile()',
  ]);
  handler('_on_update_status', 'ops.UpdateStatusEvent', 'Record the running version as the workload version.', [
    `container = self.unit.get_container("${containers[0].name}")`,
    'if container.can_connect():',
    `    version, _ = container.exec(["${p}", "--version"]).wait_output()`,
    '    self.unit.set_workload_version(version.strip())',
  ]);
  handler('_on_peer_changed', 'ops.RelationChangedEvent', 'Pick up a secret key that the leader created or rotated.');
  handler('_on_replica_departed', 'ops.RelationDepartedEvent', 'Rebalance background jobs when a unit leaves.');
  handler(
    '_on_database_created',
    'ops.EventBase',
    'Configure the application once PostgreSQL has created the database.',
    [
      'if self.unit.is_leader():',
      '    self.app.add_secret({"key": secrets.token_urlsafe(48)}, label=SECRET_KEY_LABEL)',
      'self._reconcile()',
    ],
  );
  handler(
    '_on_database_endpoints_changed',
    'ops.EventBase',
    'Point the application at the new PostgreSQL primary after a failover.',
  );
  handler('_on_database_broken', 'ops.RelationBrokenEvent', 'Stop the application when the database goes away.', [
    `container = self.unit.get_container("${containers[0].name}")`,
    'if container.can_connect():',
    `    container.stop("${containers[0].name}")`,
  ]);
  handler('_on_ingress_ready', 'ops.EventBase', 'Tell the application its public URL.');
  handler('_on_ingress_revoked', 'ops.EventBase', 'Go back to relative links when the ingress is removed.');
  handler('_on_tracing_changed', 'ops.EventBase', 'Restart with the new Tempo OTLP endpoint.');
  handler('_on_api_joined', 'ops.RelationJoinedEvent', 'Publish the API URL to a new consumer.', [
    'if self.unit.is_leader():',
    '    event.relation.data[self.app]["url"] = f"http://{self.app.name}:{APP_PORT}/api"',
  ]);
  for (const a of actionsOf(p))
    handler(`_on_${snake(a.name)}_action`, 'ops.ActionEvent', a.description, [
      'if not self.unit.is_leader():',
      '    event.fail("Run this action on the leader unit.")',
      '    return',
      `event.set_results({"result": "${a.name} done"})`,
    ]);
  handler('_on_secret_changed', 'ops.SecretChangedEvent', 'Reload when a secret the charm uses changes.');
  handler(
    '_on_collect_unit_status',
    'ops.CollectStatusEvent',
    'Report what is still missing before the application can serve.',
    [
      `if self.model.get_relation("database") is None:`,
      `    event.add_status(ops.BlockedStatus("needs a database relation"))`,
      `event.add_status(ops.ActiveStatus())`,
    ],
  );
  const charmLines = c;
  fill(charmLines, Math.round(700 * scale), rand, {cls: `${charmClass}Helpers`});
  charmLines.push(``, ``, `if __name__ == "__main__":  # pragma: nocover`, `    ops.main(${charmClass})`);
  files['src/charm.py'] = charmLines;

  // --- observers/: helper ops.Object classes observing relation events.
  files['src/observers/__init__.py'] = [...HEADER('Relation observers.')];
  for (const e of observers) {
    if (['database', 'ingress', 'tracing', 'logging'].includes(e.name)) continue;
    const lib = LIBS[e.lib];
    const cls = `${camel(e.name)}Observer`;
    const o = [
      ...HEADER(`The ${e.name} relation (${e.interface}).`),
      `import json`,
      `import logging`,
      `import typing`,
      ``,
      `import ops`,
    ];
    const usesLib = ['tls', 's3', 'smtp', 'oauth', 'saml'].includes(e.lib);
    if (usesLib) o.push(`from ${lib.path.split('/').join('.')} import ${lib.cls}`);
    o.push(
      ``,
      `logger = logging.getLogger(__name__)`,
      `KNOWN_KEYS = frozenset({"host", "port"})`,
      ``,
      ``,
      `class ${cls}(ops.Object):`,
      `    """Handle the ${e.name} relation for the charm."""`,
      ``,
    );
    o.push(
      `    def __init__(self, charm: ops.CharmBase, relation_name: str = "${e.name}"):`,
      `        super().__init__(charm, relation_name)`,
      `        self._charm = charm`,
      `        self._relation_name = relation_name`,
    );
    if (usesLib) {
      o.push(`        self.${e.lib} = ${lib.cls}(charm, relation_name=relation_name)`);
      for (const ev of lib.events) o.push(`        charm.framework.observe(self.${e.lib}.on.${ev}, self._on_${ev})`);
    }
    o.push(
      `        charm.framework.observe(charm.on[relation_name].relation_changed, self._on_relation_changed)`,
      `        charm.framework.observe(charm.on[relation_name].relation_broken, self._on_relation_broken)`,
      ``,
    );
    if (usesLib)
      for (const ev of lib.events)
        o.push(
          `    def _on_${ev}(self, event: ops.EventBase) -> None:`,
          `        """React to ${ev.replace(/_/g, ' ')} from the ${e.name} provider."""`,
          `        self._charm.on.config_changed.emit()`,
          ``,
        );
    o.push(
      `    def _on_relation_changed(self, event: ops.RelationChangedEvent) -> None:`,
      `        """Store the ${e.name} settings the provider published."""`,
      `        logger.info("${e.name} data changed")`,
      ``,
    );
    o.push(
      `    def _on_relation_broken(self, event: ops.RelationBrokenEvent) -> None:`,
      `        """Disable the features that need ${e.name}."""`,
      `        logger.info("${e.name} relation removed")`,
      ``,
    );
    fill(o, Math.round(190 * scale), rand, {cls: `${camel(e.name)}Helpers`});
    files[`src/observers/${snake(e.name)}.py`] = o;
  }

  // --- workload/: Pebble layers built in Python.
  files['src/workload/__init__.py'] = [...HEADER('Pebble layers of the workload containers.')];
  const [app, proxy, worker] = containers;
  files['src/workload/app.py'] = fill(
    [
      ...HEADER(`Pebble layer of the ${app.name} container.`),
      `import json`,
      `import logging`,
      `import typing`,
      ``,
      `import ops`,
      ``,
      `logger = logging.getLogger(__name__)`,
      `APP_PORT = 8000`,
      `KNOWN_KEYS = frozenset({"host"})`,
      ``,
      ``,
      `def build_app_layer(config: typing.Mapping[str, typing.Any], database_url: str) -> ops.pebble.LayerDict:`,
      `    """Build the layer of the web application from configuration and relations."""`,
      `    environment = {`,
      `        "${snake(p).toUpperCase()}_SITE_NAME": str(config["site-name"]),`,
      `        "${snake(p).toUpperCase()}_DATABASE_URL": database_url,`,
      `        "${snake(p).toUpperCase()}_LOG_LEVEL": str(config["log-level"]),`,
      `        "${snake(p).toUpperCase()}_MAX_UPLOAD": str(config["max-upload-size"]),`,
      `    }`,
      `    return {`,
      `        "summary": "${p} application layer",`,
      `        "description": "Gunicorn serving the ${p} WSGI app.",`,
      `        "services": {`,
      `            "${app.name}": {`,
      `                "override": "replace",`,
      `                "summary": "${p} web application",`,
      `                "command": f"gunicorn --workers {config['workers']} --bind 0.0.0.0:{APP_PORT} ${snake(p)}.wsgi:app",`,
      `                "startup": "enabled",`,
      `                "user": "${p}",`,
      `                "environment": environment,`,
      `            },`,
      `            "${app.name}-metrics": {`,
      `                "override": "replace",`,
      `                "summary": "Prometheus exporter of the application",`,
      `                "command": "${p}-exporter --listen :9102",`,
      `                "startup": "enabled",`,
      `                "after": ["${app.name}"],`,
      `            },`,
      `        },`,
      `        "checks": {`,
      `            "${app.name}-ready": {"override": "replace", "level": "ready", "http": {"url": f"http://127.0.0.1:{APP_PORT}/health"}},`,
      `        },`,
      `    }`,
    ],
    Math.round(200 * scale),
    rand,
  );
  files['src/workload/proxy.py'] = fill(
    [
      ...HEADER(`Pebble layer of the ${proxy.name} reverse proxy.`),
      `import json`,
      `import logging`,
      `import typing`,
      ``,
      `import ops`,
      ``,
      `logger = logging.getLogger(__name__)`,
      `PROXY_PORT = 8080`,
      `KNOWN_KEYS = frozenset({"host"})`,
      ``,
      `PROXY_LAYER: ops.pebble.LayerDict = {`,
      `    "summary": "nginx reverse proxy in front of ${p}",`,
      `    "services": {`,
      `        "${proxy.name}": {`,
      `            "override": "replace",`,
      `            "summary": "nginx web server",`,
      `            "command": "nginx -g 'daemon off;'",`,
      `            "startup": "enabled",`,
      `        },`,
      `        "${proxy.name}-exporter": {`,
      `            "override": "replace",`,
      `            "summary": "Prometheus exporter for nginx",`,
      `            "command": "nginx-prometheus-exporter --web.listen-address=:9113",`,
      `            "startup": "enabled",`,
      `            "requires": ["${proxy.name}"],`,
      `        },`,
      `    },`,
      `    "checks": {"${proxy.name}-up": {"override": "replace", "level": "alive", "period": "10s", "http": {"url": "http://localhost:8080/healthz"}}},`,
      `}`,
    ],
    Math.round(160 * scale),
    rand,
  );
  files['src/workload/worker.py'] = fill(
    [
      ...HEADER(`Pebble layer of the ${worker.name} container.`),
      `import json`,
      `import logging`,
      `import typing`,
      ``,
      `import ops`,
      ``,
      `logger = logging.getLogger(__name__)`,
      `KNOWN_KEYS = frozenset({"host"})`,
      ``,
      ``,
      `def build_worker_layer(concurrency: int) -> ops.pebble.LayerDict:`,
      `    """Build the layer of the background worker."""`,
      `    return {`,
      `        "summary": "${p} background worker",`,
      `        "services": {`,
      `            "${worker.name}": {`,
      `                "override": "replace",`,
      `                "summary": "Background jobs: mail, indexing, expiry",`,
      `                "command": f"celery -A ${snake(p)} worker --concurrency {concurrency}",`,
      `                "startup": "enabled",`,
      `                "user": "${p}",`,
      `            },`,
      `            "${worker.name}-beat": {`,
      `                "override": "replace",`,
      `                "summary": "Periodic job scheduler",`,
      `                "command": "celery -A ${snake(p)} beat",`,
      `                "startup": "enabled",`,
      `                "after": ["${worker.name}"],`,
      `            },`,
      `        },`,
      `        "log-targets": {"loki": {"override": "replace", "type": "loki", "location": "http://loki:3100/loki/api/v1/push", "services": ["all"]}},`,
      `    }`,
    ],
    Math.round(180 * scale),
    rand,
  );

  // --- the rest: state, constants and helpers, up to SRC_LINES in total.
  const used = Object.values(files).reduce((a, l) => a + l.length, 0);
  const remaining = Math.max(0, Math.round(SRC_LINES * scale) - used);
  const per = Math.round(remaining / FILLER_MODULES.length);
  for (const m of FILLER_MODULES) {
    const lines = [
      ...HEADER(`${camel(m).replace(/([a-z])([A-Z])/g, '$1 $2')} helpers of the ${p} charm.`),
      `import dataclasses`,
      `import json`,
      `import logging`,
      `import typing`,
      ``,
      `import ops`,
      ``,
      `logger = logging.getLogger(__name__)`,
      `KNOWN_KEYS = frozenset({"host", "port", "user"})`,
      ``,
    ];
    if (m === 'state') {
      lines.push(
        ``,
        `@dataclasses.dataclass(frozen=True)`,
        `class CharmState:`,
        `    """What the charm knows, read once per event."""`,
        ``,
        `    site_name: str`,
        `    workers: int`,
        `    allow_signup: bool`,
        ``,
        `    @classmethod`,
        `    def from_charm(cls, charm: ops.CharmBase) -> "CharmState":`,
        `        """Read the state from the charm's configuration."""`,
        `        return cls(site_name=str(charm.config["site-name"]), workers=int(charm.config["workers"]), allow_signup=bool(charm.config["allow-signup"]))`,
        ``,
      );
    }
    fill(lines, Math.round(per * 0.5) + 15, rand);
    fill(lines, per, rand, {cls: `${camel(m)}Helpers`});
    files[`src/${m}.py`] = lines;
  }
  return files;
}

function containersOf(p) {
  return [
    {
      name: p,
      summary: `the ${p} web application, served by Gunicorn`,
      rock: `${snake(p)}_rock`,
      storage: 'data',
      command: `gunicorn --bind 0.0.0.0:8000 ${snake(p)}.wsgi:app`,
      plugin: 'python',
    },
    {
      name: `${p}-proxy`,
      summary: 'nginx, the reverse proxy serving static assets',
      rock: 'proxy_rock',
      command: "nginx -g 'daemon off;'",
      plugin: 'nil',
    },
    {
      name: `${p}-worker`,
      summary: 'the background job worker',
      rock: 'worker_rock',
      command: `celery -A ${snake(p)} worker`,
      plugin: 'python',
    },
  ];
}

/** Product name of charm i (unique past the 20 base names). */
export function productOf(i) {
  return PRODUCTS[i % PRODUCTS.length] + (i >= PRODUCTS.length ? String(Math.floor(i / PRODUCTS.length) + 1) : '');
}

/**
 * Writes charm `i` at `dir` (replacing it). Returns counts: python files and lines (src, lib).
 */
export function generateCharm(dir, i, {scale = 1} = {}) {
  const rand = prng(0x5eed + i * 7919 + Math.round(scale * 1000));
  const p = productOf(i);
  const containers = containersOf(p);
  const eps = endpointsOf(p);
  rmSync(dir, {recursive: true, force: true});
  const out = {};
  out['charmcraft.yaml'] = charmcraftYaml(p, containers, eps);
  out['requirements.txt'] = 'ops>=2.17\npydantic>=2\n';
  for (const c of containers) out[`${c.rock}/rockcraft.yaml`] = rockcraft(c, p);
  out['src/prometheus_alert_rules/app.rules'] =
    `groups:\n  - name: ${p}\n    rules:\n      - alert: ${camel(p)}Down\n        expr: up{juju_charm="${p}-k8s"} == 0\n        for: 5m\n`;
  out['src/grafana_dashboards/app.json'] =
    JSON.stringify({title: camel(p), panels: [{title: 'Requests', type: 'timeseries'}]}, null, 2) + '\n';
  const stats = {srcFiles: 0, srcLines: 0, libFiles: 0, libLines: 0};
  for (const [path, lines] of Object.entries(srcFiles(p, containers, eps, scale, rand))) {
    out[path] = lines.join('\n') + '\n';
    stats.srcFiles++;
    stats.srcLines += lines.length + 1;
  }
  for (const [key, lib] of Object.entries(LIBS)) {
    const text = libModule(key, lib, scale, rand);
    out[`lib/${lib.path}.py`] = text;
    stats.libFiles++;
    stats.libLines += text.split('\n').length - 1;
  }
  for (const [path, text] of Object.entries(out)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  return {name: `${p}-k8s`, product: p, containers: containers.map((c) => c.name), ...stats};
}
