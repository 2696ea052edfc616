/** The top-level keys metadata.yaml and charmcraft.yaml may hold, and the warning for any other. */
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import type {YamlFile} from '../../sources/yaml.js';
import type {Mapping} from './fields.js';

/** Top-level keys of metadata.yaml (also valid in charmcraft.yaml). */
export const METADATA_KEYS = [
  'name',
  'display-name',
  'title',
  'summary',
  'description',
  'maintainer',
  'maintainers',
  'tags',
  'series',
  'subordinate',
  'requires',
  'provides',
  'peers',
  'storage',
  'containers',
  'resources',
  'assumes',
  'docs',
  'issues',
  'source',
  'website',
  'terms',
  'min-juju-version',
  'extra-bindings',
  'devices',
  'deployment',
  'charm-user',
  'payloads',
  'links',
  'contact',
];
/** Top-level keys of charmcraft.yaml. */
export const CHARMCRAFT_KEYS = [
  ...METADATA_KEYS,
  'type',
  'base',
  'build-base',
  'bases',
  'platforms',
  'parts',
  'config',
  'actions',
  'charmhub',
  'extensions',
  'charm-libs',
  'analysis',
  'lint',
  'license',
  'charm-entrypoint',
  'hooks',
  'check',
  'environment',
  'package-repositories',
];

/** Warns of each top-level key of `m` that is not in `known`: it is ignored, maybe misspelt. */
export function warnUnknownKeys(f: YamlFile, m: Mapping, known: string[], sink: DiagnosticSink): void {
  for (const key of Object.keys(m)) {
    if (!known.includes(key)) {
      sink.warn({
        code: 'unknown-key',
        message: `Unknown top-level key \`${key}\` in ${f.file.path}.`,
        hint: 'Check its spelling against the charmcraft.yaml reference; it is ignored.',
        file: f.file.path,
        ...f.pos([key], 'key'),
      });
    }
  }
}
