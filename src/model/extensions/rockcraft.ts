/**
 * The Pebble services the Rockcraft 12-factor extensions (`flask-framework`, ...) put in a rock.
 *
 * Written by hand (data only) from canonical/rockcraft `rockcraft/extensions/{gunicorn,fastapi,go,
 * expressjs,springboot}.py` (`get_root_snippet`) and `rockcraft/extensions/_utils.py`
 * (`_apply_extension_property`, how the snippet is merged into the user's rockcraft.yaml), read
 * at ROCKCRAFT_VERSION. The V2 classes (ubuntu@26.04) inherit the same snippets.
 */

import type {Container} from '../types.js';
import {findExtensionByBaseClass} from './catalog.js';

export const ROCKCRAFT_VERSION = '1.20.0-6-g3f947837 (commit 3f94783765, 2026-07-23)';

/** One service of an extension's root snippet, in rockcraft.yaml spelling. */
export interface RockExtensionService {
  override: string;
  startup: string;
  user: string;
  'working-dir'?: string;
  after?: string[];
  summary?: string;
  /** Environment variable names the snippet sets (values are never recorded). */
  environment?: string[];
  /**
   * The command when the user's rockcraft.yaml sets none. `computed` when rockcraft derives part of
   * it from the project (the WSGI/ASGI entry point it finds, the worker class from requirements):
   * the text then shows the known part with the derived part in `<...>`.
   */
  command: string | ((rockName: string) => string);
  computed?: boolean;
}

export interface RockExtensionDefinition {
  /** e.g. `flask-framework` (the charmcraft extension of the same name is the charm side). */
  name: string;
  /** The service paas-charm starts and configures (`WorkloadConfig.service_name`). */
  mainService: string;
  services: Record<string, RockExtensionService>;
}

const DAEMON = '_daemon_';

const STATSD_EXPORTER: RockExtensionService = {
  override: 'merge',
  command:
    '/bin/statsd_exporter --statsd.mapping-config=/statsd-mapping.conf --statsd.listen-udp=localhost:9125 --statsd.listen-tcp=localhost:9125',
  summary: 'statsd exporter service',
  startup: 'enabled',
  user: DAEMON,
};

/** flask-framework and django-framework: Gunicorn behind a statsd exporter (`_GunicornBase`). */
function gunicorn(framework: string, entryPoint: string): RockExtensionDefinition {
  return {
    name: `${framework}-framework`,
    mainService: framework,
    services: {
      [framework]: {
        override: 'replace',
        startup: 'enabled',
        after: ['statsd-exporter'],
        user: DAEMON,
        command: `/bin/python3 -m gunicorn -c /${framework}/gunicorn.conf.py '<${entryPoint}>' -k [ <sync or gevent> ]`,
        computed: true,
      },
      'statsd-exporter': STATSD_EXPORTER,
    },
  };
}

const DEFINITIONS: Record<string, RockExtensionDefinition> = {
  'flask-framework': gunicorn('flask', 'WSGI app found in the project, e.g. app:app'),
  'django-framework': gunicorn('django', 'module of wsgi.py:application'),
  'fastapi-framework': {
    name: 'fastapi-framework',
    mainService: 'fastapi',
    services: {
      fastapi: {
        override: 'replace',
        startup: 'enabled',
        user: DAEMON,
        'working-dir': '/app',
        environment: ['UVICORN_HOST'],
        command: '/bin/python3 -m uvicorn <ASGI app found in the project, e.g. app:app>',
        computed: true,
      },
    },
  },
  'go-framework': {
    name: 'go-framework',
    mainService: 'go',
    // The binary is installed as /usr/local/bin/<rock name>.
    services: {
      go: {
        override: 'replace',
        startup: 'enabled',
        user: DAEMON,
        'working-dir': '/app',
        command: (rockName) => rockName,
      },
    },
  },
  'expressjs-framework': {
    name: 'expressjs-framework',
    mainService: 'expressjs',
    services: {
      expressjs: {
        override: 'replace',
        startup: 'enabled',
        user: DAEMON,
        'working-dir': '/app',
        environment: ['NODE_ENV'],
        command: 'npm start',
      },
    },
  },
  'spring-boot-framework': {
    name: 'spring-boot-framework',
    mainService: 'spring-boot',
    services: {
      'spring-boot': {
        override: 'replace',
        startup: 'enabled',
        user: DAEMON,
        'working-dir': '/app',
        command: 'bash -c "java -jar *.jar"',
      },
    },
  },
};

/** Null-prototype: looked up by names a charm writes (`extensions: [valueOf]` is no extension). */
export const ROCK_EXTENSIONS: Readonly<Record<string, RockExtensionDefinition>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, RockExtensionDefinition>, DEFINITIONS),
);

/** The framework extension a rockcraft.yaml lists, if any. */
export function rockExtensionOf(extensions: readonly string[]): RockExtensionDefinition | undefined {
  for (const name of extensions) {
    const ext = ROCK_EXTENSIONS[name];
    if (ext) return ext;
  }
  return undefined;
}

/** A 12-factor charm's workload: the framework extension and the container its rock is the image of. */
export interface TwelveFactorApp {
  extension: string;
  container: string;
}

/**
 * The 12-factor app of a charm: from charmcraft.yaml's `extensions:`, or, for a charm written out
 * in full (no `extensions:`), from its paas-charm base class; the container is the one the
 * extension declares, else the only (or first) container.
 */
export function twelveFactorApp(
  extensionNames: readonly string[],
  containers: readonly Container[],
  baseClassExpressions: readonly string[],
): TwelveFactorApp | undefined {
  const declared = extensionNames.find((n) => ROCK_EXTENSIONS[n]);
  const extension =
    declared ??
    baseClassExpressions
      .map((b) => findExtensionByBaseClass(b)?.name)
      .find((n) => n !== undefined && ROCK_EXTENSIONS[n]);
  if (!extension) return undefined;
  const container = containers.find((c) => c.origin === `extension:${extension}`) ?? containers[0];
  return container ? {extension, container: container.name} : undefined;
}
