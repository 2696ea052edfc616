/**
 * The shapes of the extension catalog's data files (data/*.json), as readers: what each key holds.
 * schema/extension-catalog.schema.json says the same for editors; test/extensions-catalog.test.ts
 * holds both to the same verdicts. Only the readers check across values (`refine` below).
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {CharmArchError} from '../../errors.js';
import {
  arrayOf,
  boolean,
  DataShapeError,
  matching,
  object,
  oneOf,
  optional,
  positiveInteger,
  readDataFile,
  recordOf,
  scalar,
  string,
  type JsonPath,
  type Reader,
} from './data-reader.js';
import {compareReleases} from './paas-charm-pin.js';

/** `read`, then a check across values that the shape alone cannot say (throws DataShapeError). */
function refine<T>(read: Reader<T>, check: (value: T) => void): Reader<T> {
  return (value) => {
    const out = read(value);
    check(out);
    return out;
  };
}

/** A release number as paas-charm and charmcraft tag them: `1.12.0`. */
export const release = matching(/^\d+(\.\d+)*$/, 'a release number such as 1.12.0');

/** Where a data file was read from: the repository, its release and the commit of that release. */
const source = object({
  repository: matching(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/, 'a https://github.com/<owner>/<name> address'),
  version: release,
  commit: matching(/^[0-9a-f]{7,40}$/, 'a commit hash (7 to 40 hexadecimal digits)'),
  date: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  files: arrayOf(string),
  /** A later ref checked and found to add nothing to the tables. */
  unchangedAt: optional(
    object({ref: string, commit: matching(/^[0-9a-f]{7,40}$/, 'a commit hash'), describe: optional(string)}),
  ),
  notes: optional(arrayOf(string)),
});

const configOption = object({name: string, type: string, description: string, default: optional(scalar)});

const dynamicConfig = arrayOf(object({whenInterface: string, options: arrayOf(configOption)}));

const action = object({
  name: string,
  description: string,
  params: arrayOf(object({name: string, type: string, description: string, required: boolean})),
});

const endpoint = object({
  name: string,
  role: oneOf('requires', 'provides', 'peers'),
  interface: string,
  optional: boolean,
  description: string,
  limit: optional(positiveInteger),
});

const charmcraftExtensions = object({
  $schema: optional(string),
  source,
  /** The bases routed to the experimental V2 extensions, and the names V2 gives every framework. */
  experimental: object({bases: arrayOf(string), container: string, resource: string}),
  /** What every extension adds (charmcraft's `_AppBase`); an extension's own actions come after these. */
  common: object({
    endpoints: arrayOf(endpoint),
    actions: arrayOf(action),
    assumes: arrayOf(string),
    charmLibs: arrayOf(object({lib: string, version: string})),
    /** Used by an extension that declares no `dynamicConfig` of its own. */
    dynamicConfig,
  }),
  extensions: arrayOf(
    object({
      name: string,
      framework: string,
      charmBaseClass: string,
      charmBaseClassAliases: arrayOf(string),
      supportedBases: arrayOf(string),
      containers: arrayOf(
        object({name: string, resource: string, mounts: arrayOf(object({storage: string, location: string}))}),
      ),
      resources: arrayOf(object({name: string, type: string, description: string})),
      config: arrayOf(configOption),
      actions: arrayOf(action),
      dynamicConfig: optional(dynamicConfig),
    }),
  ),
});

/** data/charmcraft-extensions.json: what each charmcraft 12-factor extension adds to a charm. */
export const charmcraftExtensionsFile = refine(charmcraftExtensions, (file) => {
  // Extensions are looked up by name: a second entry of a name would never be found.
  file.extensions.forEach((e, i) => {
    if (file.extensions.findIndex((x) => x.name === e.name) !== i) {
      throw new DataShapeError(['extensions', i, 'name'], `extension "${e.name}" is listed twice`);
    }
  });
});

const inheritedEvent = object({
  name: string,
  kind: oneOf('lifecycle', 'workload', 'relation', 'action', 'secret', 'storage', 'leader', 'status', 'library'),
  handler: matching(/^_on_\w+$/, 'a handler method name such as _on_config_changed'),
  handlerDoc: optional(string),
  file: matching(/^src\/paas_charm\/[\w/]+\.py$/, 'a file of paas-charm such as src/paas_charm/charm.py'),
  line: optional(positiveInteger),
  handlerLine: optional(positiveInteger),
  observer: optional(string),
  emitter: optional(
    object({expression: string, class: optional(string), library: optional(string), relation: optional(string)}),
  ),
  endpoint: optional(string),
  action: optional(string),
  container: optional(string),
  whenEndpoint: optional(string),
  whenInterface: optional(string),
  condition: optional(string),
  since: optional(release),
});

const paasCharmEvents = object({
  $schema: optional(string),
  source,
  common: arrayOf(inheritedEvent),
  byFramework: recordOf(arrayOf(inheritedEvent)),
});

/** data/paas-charm-events.json: the events paas-charm's base classes observe for the charm. */
export const paasCharmEventsFile = refine(paasCharmEvents, (file) => {
  // An event `since` a release newer than the one read cannot have been read from it.
  const lists: Array<[JsonPath, typeof file.common]> = [[['common'], file.common]];
  for (const [framework, events] of Object.entries(file.byFramework)) lists.push([['byFramework', framework], events]);
  for (const [at, events] of lists) {
    events.forEach((e, i) => {
      if (e.since !== undefined && compareReleases(e.since, file.source.version) > 0) {
        throw new DataShapeError(
          [...at, i, 'since'],
          `release ${e.since} is newer than the release the file was read from (source.version ${file.source.version})`,
        );
      }
    });
  }
});

const HINT =
  'The file ships with docusaurus-plugin-charm-architecture: reinstall the package; when editing the catalog, ' +
  'schema/extension-catalog.schema.json says what each key holds.';

/** Reads the text of a catalog data file (`file` names it in errors). */
export function readCatalogText<T>(text: string, file: string, read: Reader<T>): T {
  return readDataFile(text, file, read, HINT);
}

/** Reads data/<name> beside this module (copied to dist/ by scripts/build.mjs with every .json of src/). */
export function loadCatalogFile<T>(name: string, read: Reader<T>): T {
  const file = fileURLToPath(new URL(`./data/${name}`, import.meta.url));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CharmArchError({
      code: 'catalog-data-invalid',
      message: `the extension catalog cannot be read (${reason})`,
      file,
      hint: HINT,
    });
  }
  return readCatalogText(text, file, read);
}

/** Frozen all the way down: the tables are shared by every charm a process reads. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export type CharmcraftExtensionsFile = ReturnType<typeof charmcraftExtensionsFile>;
export type PaasCharmEventsFile = ReturnType<typeof paasCharmEventsFile>;

/** Both data files; `failure` is the first wrong one, and then its tables are empty. */
export interface LoadedCatalog {
  charmcraft: CharmcraftExtensionsFile;
  paasCharm: PaasCharmEventsFile;
  failure?: CharmArchError;
}

const NO_SOURCE = {repository: '', version: '', commit: '', date: '', files: []};

/**
 * Reads both data files. A wrong one is not thrown here, at import time, where Node would print a
 * stack trace: the look-ups throw `failure`, inside the CLI's and the transformer's error handling.
 */
export function loadCatalog(): LoadedCatalog {
  const out: LoadedCatalog = {
    charmcraft: {
      source: NO_SOURCE,
      experimental: {bases: [], container: '', resource: ''},
      common: {endpoints: [], actions: [], assumes: [], charmLibs: [], dynamicConfig: []},
      extensions: [],
    },
    paasCharm: {source: NO_SOURCE, common: [], byFramework: {}},
  };
  try {
    out.charmcraft = loadCatalogFile('charmcraft-extensions.json', charmcraftExtensionsFile);
    out.paasCharm = loadCatalogFile('paas-charm-events.json', paasCharmEventsFile);
  } catch (error) {
    if (!(error instanceof CharmArchError)) throw error;
    out.failure = error;
  }
  return out;
}
