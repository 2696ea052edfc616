import {
  EXTENSIONS,
  PAAS_CHARM_EVENTS,
  PAAS_CHARM_VERSION,
  CHARMCRAFT_VERSION,
  findExtensionByBaseClass,
  extensionForBase,
  expandDynamicConfig,
  inheritedEventsFor,
  CHARMCRAFT_SOURCE,
  PAAS_CHARM_SOURCE,
} from '../src/model/extensions/catalog.js';
import type {EventKind} from '../src/model/types.js';
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ValidateFunction} from 'ajv';
import {
  charmcraftExtensionsFile,
  loadCatalogFile,
  paasCharmEventsFile,
  readCatalogText,
} from '../src/model/extensions/catalog-files.js';
import {compareReleases} from '../src/model/extensions/paas-charm-pin.js';
import {CharmArchError} from '../src/errors.js';

const KINDS: EventKind[] = [
  'lifecycle',
  'workload',
  'relation',
  'action',
  'secret',
  'storage',
  'leader',
  'status',
  'library',
];

describe('extension catalog', () => {
  it('states the versions it reflects', () => {
    expect(PAAS_CHARM_VERSION).toMatch(/^1\.12\.0 \(commit [0-9a-f]{7,}\)/);
    expect(CHARMCRAFT_VERSION).toMatch(/^4\.4\.0 /);
  });

  it('lists the six framework extensions', () => {
    expect(Object.keys(EXTENSIONS).sort()).toEqual([
      'django-framework',
      'expressjs-framework',
      'fastapi-framework',
      'flask-framework',
      'go-framework',
      'spring-boot-framework',
    ]);
    for (const [name, ext] of Object.entries(EXTENSIONS)) {
      expect(ext.name).toBe(name);
      expect(ext.assumes).toEqual(['k8s-api']);
      expect(ext.containers).toHaveLength(1);
      expect(ext.containers[0]!.resource).toBe(ext.resources[0]!.name);
      expect(ext.actions.map((a) => a.name)).toContain('rotate-secret-key');
    }
  });

  it('flask-framework adds flask-app and flask-app-image', () => {
    const flask = EXTENSIONS['flask-framework']!;
    expect(flask.framework).toBe('flask');
    expect(flask.charmBaseClass).toBe('paas_charm.flask.Charm');
    expect(flask.containers).toEqual([{name: 'flask-app', resource: 'flask-app-image', mounts: []}]);
    expect(flask.resources).toEqual([
      {name: 'flask-app-image', type: 'oci-image', description: 'flask application image.'},
    ]);
    expect(flask.config.find((o) => o.name === 'flask-preferred-url-scheme')?.default).toBe('HTTPS');
    const secret = flask.config.find((o) => o.name === 'flask-secret-key-id');
    expect(secret?.type).toBe('secret');
    expect(secret && 'default' in secret).toBe(false);
  });

  it('uses app / app-image for go, fastapi, expressjs and spring-boot, and on ubuntu@26.04 for all', () => {
    for (const name of ['go-framework', 'fastapi-framework', 'expressjs-framework', 'spring-boot-framework']) {
      expect(EXTENSIONS[name]!.containers[0]!.name).toBe('app');
      expect(EXTENSIONS[name]!.resources[0]!.name).toBe('app-image');
    }
    expect(extensionForBase('django-framework', 'ubuntu@24.04')!.containers[0]!.name).toBe('django-app');
    expect(extensionForBase('django-framework', 'ubuntu@26.04')!.containers[0]).toEqual({
      name: 'app',
      resource: 'app-image',
      mounts: [],
    });
    expect(extensionForBase('flask-framework', 'ubuntu:26.04')!.resources[0]!.name).toBe('app-image');
  });

  it('declares the common endpoints', () => {
    const eps = EXTENSIONS['go-framework']!.endpoints;
    expect(eps.find((e) => e.name === 'ingress')).toMatchObject({role: 'requires', interface: 'ingress', limit: 1});
    expect(eps.find((e) => e.name === 'secret-storage')).toMatchObject({role: 'peers', interface: 'secret-storage'});
    expect(eps.find((e) => e.name === 'metrics-endpoint')).toMatchObject({
      role: 'provides',
      interface: 'prometheus_scrape',
    });
  });

  it('django-framework adds create-superuser with required params', () => {
    const action = EXTENSIONS['django-framework']!.actions.find((a) => a.name === 'create-superuser');
    expect(action?.params.map((p) => [p.name, p.required])).toEqual([
      ['username', true],
      ['email', true],
    ]);
  });

  it('expands the oauth options per oauth endpoint', () => {
    const opts = expandDynamicConfig(EXTENSIONS['spring-boot-framework']!, [{name: 'google', interface: 'oauth'}]);
    expect(opts.map((o) => o.name)).toEqual(['google-redirect-path', 'google-scopes', 'google-user-name-attribute']);
    expect(opts[0]!.default).toBe('/login/oauth2/code/google');
  });

  it('finds extensions by base class and its aliases', () => {
    expect(findExtensionByBaseClass('paas_charm.flask.Charm')?.name).toBe('flask-framework');
    expect(findExtensionByBaseClass('paas_app_charmer.django.Charm')?.name).toBe('django-framework');
    expect(findExtensionByBaseClass('xiilib.flask.Charm')?.name).toBe('flask-framework');
    expect(findExtensionByBaseClass('paas_charm.springboot.Charm')?.name).toBe('spring-boot-framework');
    expect(findExtensionByBaseClass('go.Charm')?.name).toBe('go-framework');
    expect(findExtensionByBaseClass('Charm')).toBeUndefined();
    expect(findExtensionByBaseClass('ops.CharmBase')).toBeUndefined();
  });
});

describe('inherited paas-charm events', () => {
  const all = [...PAAS_CHARM_EVENTS.common, ...Object.values(PAAS_CHARM_EVENTS.byFramework).flat()];

  it('every event has a handler, a valid kind and a paas-charm file', () => {
    expect(all.length).toBeGreaterThan(30);
    for (const e of all) {
      expect(e.handler).toMatch(/^_on_\w+$/);
      expect(KINDS).toContain(e.kind);
      expect(e.file).toMatch(/^src\/paas_charm\/.+\.py$/);
      if (e.kind === 'library') expect(e.emitter?.class).toBeTruthy();
    }
  });

  it('has a byFramework entry for each extension', () => {
    for (const ext of Object.values(EXTENSIONS)) expect(PAAS_CHARM_EVENTS.byFramework[ext.framework]).toBeDefined();
    expect(PAAS_CHARM_EVENTS.byFramework['django']!.map((e) => e.name)).toEqual(['create-superuser-action']);
  });

  it('records unconditional and conditional events', () => {
    const byName = (n: string) => PAAS_CHARM_EVENTS.common.find((e) => e.name === n);
    expect(byName('config-changed')).toMatchObject({kind: 'lifecycle', handler: '_on_config_changed'});
    expect(byName('config-changed')!.whenEndpoint).toBeUndefined();
    expect(byName('{container}-pebble-ready')).toMatchObject({kind: 'workload', container: '{container}'});
    expect(byName('rotate-secret-key-action')).toMatchObject({kind: 'action', action: 'rotate-secret-key'});
    expect(byName('redis-relation-updated')).toMatchObject({whenEndpoint: 'redis', kind: 'library'});
    expect(byName('saml-data-available')?.emitter).toMatchObject({
      class: 'SamlRequires',
      library: 'charms.saml_integrator.v0.saml',
    });
  });

  it('filters and fills events for a charm', () => {
    const events = inheritedEventsFor(
      'flask',
      [
        {name: 'postgresql', role: 'requires', interface: 'postgresql_client'},
        {name: 'sso', role: 'requires', interface: 'oauth'},
      ],
      'flask-app',
    );
    const names = events.map((e) => e.name);
    expect(names).toContain('flask-app-pebble-ready');
    expect(names).toContain('postgresql-relation-broken');
    expect(names).not.toContain('mysql-relation-broken');
    expect(names).not.toContain('redis-relation-updated');
    expect(events.find((e) => e.name === 'oauth-info-changed')?.endpoint).toBe('sso');
    expect(events.find((e) => e.handler === '_on_postgresql_database_database_created')?.emitter?.class).toBe(
      'DatabaseRequires',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The data files behind the catalog (src/model/extensions/data/*.json) and their typed readers.
// ---------------------------------------------------------------------------------------------

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = 'src/model/extensions/data';
const DATA_FILES = {
  'charmcraft-extensions.json': charmcraftExtensionsFile,
  'paas-charm-events.json': paasCharmEventsFile,
} as const;
type DataFileName = keyof typeof DATA_FILES;
const dataText = (name: DataFileName): string => readFileSync(join(REPO, DATA_DIR, name), 'utf8');

let compiled: ValidateFunction | undefined;
/** schema/extension-catalog.schema.json compiled once with ajv (draft 2020-12, strict). */
function catalogSchema(): ValidateFunction {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const mod = require('ajv/dist/2020.js') as {default?: new (o: object) => {compile(s: unknown): ValidateFunction}};
  const Ajv2020 = mod.default ?? (mod as unknown as new (o: object) => {compile(s: unknown): ValidateFunction});
  const ajv = new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true});
  compiled = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schema/extension-catalog.schema.json'), 'utf8')));
  return compiled;
}

/** 1-based line and column of offset `at` in `text`, counted here by hand (the reader asks yaml). */
function lineColumn(text: string, at: number): {line: number; column: number} {
  const before = text.slice(0, at).split('\n');
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1};
}

/**
 * The first `find` in the file replaced by `replace`; the error should point at `mark`, its last
 * occurrence up to the end of the replacement (default: the replacement itself).
 */
function edit(
  name: DataFileName,
  find: string,
  replace: string,
  mark = replace,
): {text: string; at: {line: number; column: number}} {
  const original = dataText(name);
  const i = original.indexOf(find);
  if (i < 0) throw new Error(`${find} is not in ${name}`);
  const text = original.slice(0, i) + replace + original.slice(i + find.length);
  return {text, at: lineColumn(text, text.lastIndexOf(mark, i + replace.length))};
}

/** The file's text read by its own reader (the union of the two readers is not callable as is). */
const readData = (name: DataFileName, text: string): unknown => readCatalogText<unknown>(text, name, DATA_FILES[name]);

function readError(name: DataFileName, text: string): CharmArchError {
  try {
    readData(name, text);
  } catch (error) {
    if (error instanceof CharmArchError) return error;
    throw error;
  }
  throw new Error(`${name} was read without an error`);
}

describe('catalog data files', () => {
  it('each records the repository, release and commit it was read from', () => {
    expect(CHARMCRAFT_SOURCE).toMatchObject({repository: 'https://github.com/canonical/charmcraft', version: '4.4.0'});
    expect(PAAS_CHARM_SOURCE).toMatchObject({repository: 'https://github.com/canonical/paas-charm', version: '1.12.0'});
    for (const source of [CHARMCRAFT_SOURCE, PAAS_CHARM_SOURCE]) {
      expect(source.commit).toMatch(/^[0-9a-f]{7,40}$/);
      expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source.files.length).toBeGreaterThan(0);
    }
    // The version strings the model shows are made from the files' `source`, not written twice.
    expect(PAAS_CHARM_VERSION).toBe(`${PAAS_CHARM_SOURCE.version} (commit ${PAAS_CHARM_SOURCE.commit})`);
    expect(CHARMCRAFT_VERSION).toBe(
      `${CHARMCRAFT_SOURCE.version} (commit ${CHARMCRAFT_SOURCE.commit}; unchanged at main ${CHARMCRAFT_SOURCE.unchangedAt?.commit})`,
    );
  });

  it('every event records where it is observed in that release, and none is newer than it', () => {
    const all = [...PAAS_CHARM_EVENTS.common, ...Object.values(PAAS_CHARM_EVENTS.byFramework).flat()];
    for (const e of all) {
      expect([e.name, e.line, e.handlerLine]).toEqual([e.name, expect.any(Number), expect.any(Number)]);
      if (e.since !== undefined)
        expect([e.name, compareReleases(e.since, PAAS_CHARM_SOURCE.version) <= 0]).toEqual([e.name, true]);
    }
    expect(all.filter((e) => e.since !== undefined).map((e) => e.since)).toContain('1.11.3');
  });

  it('every extension records its bases, and the experimental bases come from the file', () => {
    for (const ext of Object.values(EXTENSIONS)) {
      expect(ext.supportedBases?.length).toBeGreaterThan(0);
      expect(ext.experimentalBases).toEqual(['ubuntu@26.04']);
    }
  });

  it('the tables are frozen: one charm cannot change what the next one reads', () => {
    expect(() => EXTENSIONS['flask-framework']!.config.push({name: 'x', type: 'string', description: ''})).toThrow(
      TypeError,
    );
    expect(Object.isFrozen(PAAS_CHARM_EVENTS.common[0])).toBe(true);
  });

  it.each(Object.keys(DATA_FILES) as DataFileName[])('%s passes the schema and its reader', (name) => {
    const validate = catalogSchema();
    expect(validate(JSON.parse(dataText(name))) ? [] : validate.errors).toEqual([]);
    expect(readData(name, dataText(name))).toMatchObject({source: {version: expect.stringMatching(/^\d+\.\d+\.\d+$/)}});
  });

  it('npm run build copies the data files to dist/, and npm pack ships them with the schema', () => {
    for (const name of Object.keys(DATA_FILES)) {
      expect(readFileSync(join(REPO, 'dist', DATA_DIR, name), 'utf8')).toBe(dataText(name as DataFileName));
    }
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const packed = (JSON.parse(out) as Array<{files: Array<{path: string}>}>)[0]!.files.map((f) => f.path);
    expect(packed).toEqual(
      expect.arrayContaining([
        'schema/extension-catalog.schema.json',
        ...Object.keys(DATA_FILES).flatMap((n) => [`${DATA_DIR}/${n}`, `dist/${DATA_DIR}/${n}`]),
      ]),
    );
  });
});

describe('a wrong catalog data file', () => {
  const KIND_LIST = 'lifecycle, workload, relation, action, secret, storage, leader, status, library';
  // [what, file, find, replace, where the error points, message, does the schema also refuse it]
  const cases: Array<[string, DataFileName, string, string, string, string, boolean]> = [
    [
      'a misspelt kind',
      'paas-charm-events.json',
      '"kind": "lifecycle"',
      '"kind": "lifecycel"',
      '"lifecycel"',
      `common[0].kind: expected one of ${KIND_LIST}, found string "lifecycel"`,
      true,
    ],
    [
      'a misspelt optional key',
      'paas-charm-events.json',
      '"since": "1.4.1"',
      '"sinse": "1.4.1"',
      '"1.4.1"',
      'common[3].sinse: unknown key "sinse" (known keys: name, kind, handler, handlerDoc, file, line, handlerLine, observer, emitter, endpoint, action, container, whenEndpoint, whenInterface, condition, since)',
      true,
    ],
    [
      'a since newer than the release read',
      'paas-charm-events.json',
      '"since": "1.4.1"',
      '"since": "1.13.0"',
      '"1.13.0"',
      'common[3].since: release 1.13.0 is newer than the release the file was read from (source.version 1.12.0)',
      false,
    ],
    [
      'a line number as text',
      'paas-charm-events.json',
      '"line": 195',
      '"line": "195"',
      '"195"',
      'common[0].line: expected a whole number of at least 1, found string "195"',
      true,
    ],
    [
      'a commit that is not a hash',
      'paas-charm-events.json',
      '"commit": "9846ae6cb2"',
      '"commit": "v1.12.0"',
      '"v1.12.0"',
      'source.commit: expected a commit hash (7 to 40 hexadecimal digits), found string "v1.12.0"',
      true,
    ],
    [
      'a missing key',
      'charmcraft-extensions.json',
      '"framework": "flask",',
      '',
      '{\n      "name": "flask-framework"',
      'extensions[0]: missing key "framework"',
      true,
    ],
    [
      'an endpoint limit as text',
      'charmcraft-extensions.json',
      '"limit": 1',
      '"limit": "1"',
      '"1"',
      'common.endpoints[2].limit: expected a whole number of at least 1, found string "1"',
      true,
    ],
    [
      'an extension listed twice',
      'charmcraft-extensions.json',
      '"name": "go-framework"',
      '"name": "flask-framework"',
      '"flask-framework"',
      'extensions[3].name: extension "flask-framework" is listed twice',
      false,
    ],
    ['a trailing comma', 'charmcraft-extensions.json', '"version": "4.4.0",', '"version": "4.4.0",,', ',,', '', true],
  ];

  it.each(cases)(
    '%s: file, line, column, key and what to do',
    (_what, name, find, replace, mark, message, schemaRefuses) => {
      const {text, at} = edit(name, find, replace, mark);
      const error = readError(name, text);
      expect(error.code).toBe('catalog-data-invalid');
      if (message) {
        expect([error.line, error.column]).toEqual([at.line, at.column]);
        expect(error.format()).toBe(
          `${name}:${at.line}:${at.column}: catalog-data-invalid: ${message} The file ships with docusaurus-plugin-charm-architecture: ` +
            'reinstall the package; when editing the catalog, schema/extension-catalog.schema.json says what each key holds.',
        );
      } else {
        // JSON.parse's own words, at the position it gives (the second comma).
        expect(error.message).toMatch(/^not valid JSON: /);
        expect([error.line, error.column]).toEqual([at.line, at.column + 1]);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return; // not JSON: no schema verdict to compare
      }
      expect(catalogSchema()(parsed)).toBe(!schemaRefuses);
    },
  );

  it('reaches the CLI user as one positioned line and exit code 2, not as a stack trace at import', () => {
    // A copy of the built package (dist/, bin/, package.json; node_modules linked) with one data file broken.
    const copy = mkdtempSync(join(tmpdir(), 'catalog-data-'));
    try {
      for (const part of ['dist', 'bin', 'package.json']) cpSync(join(REPO, part), join(copy, part), {recursive: true});
      symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const {text, at} = edit('paas-charm-events.json', '"kind": "lifecycle"', '"kind": "lifecycel"', '"lifecycel"');
      const broken = join(copy, 'dist', DATA_DIR, 'paas-charm-events.json');
      writeFileSync(broken, text);
      const run = spawnSync(
        process.execPath,
        [join(copy, 'bin/charm-arch.js'), 'facts', join(REPO, 'test/fixtures/charms/flask-app'), '--no-cache'],
        {encoding: 'utf8'},
      );
      expect([run.status, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(
        `${broken}:${at.line}:${at.column}: catalog-data-invalid: common[0].kind: expected one of ${KIND_LIST}, found string "lifecycel" ` +
          'The file ships with docusaurus-plugin-charm-architecture: reinstall the package; when editing the catalog, ' +
          'schema/extension-catalog.schema.json says what each key holds.\n',
      );
    } finally {
      rmSync(copy, {recursive: true, force: true});
    }
  });

  it('a data file that cannot be read names it', () => {
    expect(() => loadCatalogFile('no-such-file.json', paasCharmEventsFile)).toThrow(
      expect.objectContaining({
        code: 'catalog-data-invalid',
        message: 'the extension catalog cannot be read (ENOENT)',
        file: expect.stringMatching(/data\/no-such-file\.json$/),
      }),
    );
  });
});
