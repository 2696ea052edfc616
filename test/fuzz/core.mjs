/**
 * Fuzzing core, shared by the jest run (test/fuzz/*.test.ts, against src/) and the long run
 * (scripts/fuzz.mjs, against dist/). Plain ESM so that both can import it: the code under test
 * comes in as `api`, Mermaid parsing as `parseMermaid`.
 *
 * Generators
 * - `charmArb`: a charm directory from an arbitrary structure: charmcraft.yaml (or legacy
 *   metadata.yaml + config.yaml + actions.yaml) with random names (valid Juju names, collisions,
 *   `__proto__` & co., also as extension names, series, observed events and charm ids in pages) and
 *   hostile text (unicode, quotes, MDX/HTML/Mermaid/Markdown syntax, bidi, lone surrogates; deep
 *   nesting and tables up to 300 KB in descriptions and docstrings), Pebble layer YAML files, rockcraft.yaml files and a src/charm.py built from
 *   templates with random observe patterns (attribute, subscript, alias, loops, library emitters,
 *   getattr, keywords), handlers with docstrings and Python Pebble layers.
 *   Secret values are planted in every Pebble `environment` dict (Python, layer YAML, rocks) and as
 *   the default of every `secret` config option; they must never appear in any output.
 * - `mutatedCharmArb`: the same, then mutated: wrong types and deep nesting in the structure, and
 *   truncation, byte flips, deleted/duplicated lines, unbalanced brackets, re-indentation, BOM,
 *   CRLF, NUL, UTF-16 and deep nesting in the text.
 * - `pageArb`: a Markdown page with random blocks and directives (ours and others, container and
 *   leaf, nested, inside quotes and lists, with valid and invalid attributes and author notes).
 *
 * Properties (each case has a time bound, `caseMs`, and fuzzing a memory bound, `maxRssMb`: how far the
 * process's peak resident memory may rise above what it was when the fuzzer was made)
 * - loadCharm returns a JSON-serialisable, schema-valid model whose diagnostics are positioned,
 *   or throws a CharmArchError with a code, a file, line >= 1 and column >= 1.
 * - every section builder, on every loaded model, returns mdast without html/mdx nodes or
 *   `javascript:` links, which mdast-util-to-markdown serialises and which parses back with the
 *   same headings and the same ```mermaid blocks and without html nodes.
 * - every diagram (deployment in every layout/direction, charm) parses with Mermaid.
 * - the remark transformer either expands every directive of ours, or throws an Error whose message
 *   starts with `<page>:<line>:<col>:` at one of our directives; with onError 'warn' it never throws.
 * - planted secrets appear nowhere (model JSON, sections, diagrams, transformed pages).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, relative} from 'node:path';
import fc from 'fast-check';
import {stringify as yamlStringify} from 'yaml';
import {directive} from 'micromark-extension-directive';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {gfm} from 'micromark-extension-gfm';
import {VFile} from 'vfile';

/** Every planted secret contains this; nothing else the generators make does. */
export const SECRET_MARK = 'NeverPrint';
const secret = (where) => `hunter2-${SECRET_MARK}-${where}`;

// ------------------------------------------------------------------------------------------
// Text and names

const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<b>bold</b>',
  '</div>',
  '<Admonition type="danger">',
  '<Component/>',
  '{props.title}',
  '{',
  '}',
  '{/* c */}',
  'import X from "y"',
  'export const a = 1',
  '%%{init: {"theme":"dark"}}%%',
  '%%',
  '-->',
  '---',
  '==>',
  '-.->',
  'end',
  'subgraph x',
  'click A call alert()',
  'style A fill:#f00',
  'classDef x fill:#f00',
  ';',
  '"',
  "'",
  '`',
  '```',
  '~~~',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  '# Heading',
  '## ',
  '| a | b |\n|---|---|',
  '[x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '![i](x.png)',
  '&amp;',
  '&lt;',
  '&#35;',
  '#35;',
  '#quot;',
  '\\',
  '*',
  '_',
  '**',
  '> ',
  '- ',
  '1. ',
  ':::note',
  ':::',
  '::juju-events',
  ':charm-config',
  '$$',
  '\\(',
  '😀',
  '👩‍👩‍👧',
  'ä',
  'Ω',
  '中文',
  '\u202e',
  '\u200b',
  '\u200f',
  '\ufeff',
  '\u00a0',
  '\u2028',
  'A'.repeat(120),
  '<!--',
  '@',
  '%',
  'https://x.example/',
  '[[x]]',
  '(( ))',
  '>>',
  'a|b',
  'NaN',
  'null',
  '~',
  'yes',
  'on',
  '0x1F',
  '1e9',
  '<>',
  '\ud800',
  '\udfff',
  '&',
  '#',
  'A["x"]',
  'B{y}',
  '(x)',
  '[*]',
  'o--o',
  'x--x',
  '<br/>',
  '&nbsp;',
  '\u0085',
  '\x7f',
  '\x1b[31m',
];
const WORDS = ['the charm', 'Pebble', 'workload', 'x', 'config-changed', 'database', 'k8s', 'juju'];
/** Names of Object.prototype members: charm-provided names that a plain-object lookup would misread. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf'];

/**
 * Markdown nested far deeper, or tables far wider, than any real charm text (issue #18 item 4):
 * 2,000 `>`, a list nested hundreds of levels, list markers on one line, emphasis and links nested
 * thousands deep, tables of up to `tableBytes`. The loader and sections must stay within the case's
 * time and memory bounds (they show such text plainly, with a warning). Descriptions get tables of
 * 300 KB; docstrings and option descriptions, shown inline (as code in a list item or table cell),
 * 30 KB: re-reading a 300 KB inline code span is the harness's cost (2 s), not the plugin's.
 */
const rows = (cols, cell) => `|${` ${cell} |`.repeat(cols)}\n`;
const deepMarkdown = (tableBytes) =>
  fc.oneof(
    fc.integer({min: 1, max: 3000}).map((n) => `${'>'.repeat(n)} deep`),
    fc
      .integer({min: 1, max: 300})
      .map((n) => Array.from({length: n}, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')),
    fc.integer({min: 1, max: 2000}).map((n) => `${'- '.repeat(n)}x`),
    fc.integer({min: 1, max: 3000}).map((n) => `${'*_'.repeat(n)}x${'_*'.repeat(n)}`),
    fc.integer({min: 1, max: 1500}).map((n) => `${'*a _b '.repeat(n)}${' b_ a*'.repeat(n)}`),
    fc.integer({min: 1, max: 2000}).map((n) => `${'['.repeat(n)}x${'](y)'.repeat(n)}`),
    fc.tuple(fc.integer({min: 1, max: 2000}), fc.integer({min: 1, max: 20_000})).map(([cols, height]) => {
      const rowCount = Math.max(1, Math.min(height, Math.floor(tableBytes / (cols * 4))));
      return `${rows(cols, 'h')}${rows(cols, '---')}${rows(cols, 'c').repeat(rowCount)}`;
    }),
  );
export const deepMarkdownArb = deepMarkdown(300_000);
const deepInlineArb = deepMarkdown(30_000);

export const textArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...WORDS)), {maxLength: 6})
      .map((a) => a.join(' ')),
  },
  {weight: 2, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), {maxLength: 4}).map((a) => a.join(''))},
  {weight: 2, arbitrary: fc.string({maxLength: 20})},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 20})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 12})},
);

/**
 * Inputs that trigger bugs already reported (each has a `test.failing` regression test in
 * test/fuzz/regressions.test.ts) are left out of the generated cases unless `includeKnownBugs` is set
 * (FUZZ_KNOWN_BUGS=1, or `--known-bugs` for scripts/fuzz.mjs), so that a run finds new bugs.
 */
export const generatorOptions = {includeKnownBugs: false};
/** Known bug `non-finite-default`: a `.nan` / `.inf` default makes the model NaN / Infinity (not JSON). */
const nonFinite = (v) => typeof v === 'number' && !Number.isFinite(v);
const unlessKnown = (arb, isKnown, replacement) =>
  arb.map((v) => (!generatorOptions.includeKnownBugs && isKnown(v) ? replacement : v));
const COMMON_NAMES = [
  'app',
  'web',
  'db',
  'database',
  'nginx',
  'worker',
  'ingress',
  'logging',
  'metrics-endpoint',
  'grafana-dashboard',
  'tracing',
  'peers',
  'data',
  'cache',
  'redis',
  'backup',
  'restart',
  'charm',
  'install',
  'config',
];
const ODD_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'then',
  'length',
  'a b',
  'UPPER',
  'x_y',
  '-lead',
  '1abc',
  'ünï',
  'a"b',
  "a'b",
  'a:b',
  'a{b}',
  'a<b>',
  '',
  'a\nb',
  'a-',
  'a--b',
  'a.b',
  'a/b',
  '..',
  '%x',
  'true',
  '123',
];
const jujuNameArb = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}$/);
/** Known bug `empty-name`: an entry named `""` (config option, action, container...) gives a model with an empty name. */
export const nameArb = unlessKnown(
  fc.oneof(
    {weight: 6, arbitrary: fc.constantFrom(...COMMON_NAMES)},
    {weight: 6, arbitrary: jujuNameArb},
    {weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES)},
  ),
  (v) => v === '',
  'x',
);
const pyIdentArb = fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/);
const scalarArb = unlessKnown(
  fc.oneof(
    textArb,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 64),
  ),
  nonFinite,
  0,
);

/** Object with own keys in order, safe for `__proto__` (no prototype games in the generator). */
function obj(entries) {
  const o = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, {value: v, enumerable: true, writable: true, configurable: true});
  return o;
}
const uniqueBy = (items, key) => {
  const seen = new Set();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
};
/** A file name for a charm-controlled name. */
const fileSafe = (name, i) => (/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name) && name !== '..' ? name : `n${i}`);
const pyStr = (s) => JSON.stringify(s);
const snake = (name) => name.replace(/[^A-Za-z0-9_]/g, '_');

// ------------------------------------------------------------------------------------------
// Charm structure

const containerArb = fc.record({
  name: nameArb,
  resource: fc.boolean(),
  mounts: fc.array(nameArb, {maxLength: 2}),
  layerFile: fc.boolean(),
  rock: fc.boolean(),
  pythonLayer: fc.boolean(),
  service: nameArb,
  command: textArb,
});
const storageArb = fc.record({
  name: nameArb,
  type: fc.constantFrom('filesystem', 'block', 'tmpfs', 'weird'),
  location: fc.option(textArb),
  description: fc.option(textArb),
});
const INTERFACES = [
  'prometheus_scrape',
  'grafana_dashboard',
  'loki_push_api',
  'tracing',
  'ingress',
  'postgresql_client',
  'redis',
  'cos_agent',
  'mysql_client',
  'tls-certificates',
  'traefik_route',
  'http',
];
const endpointArb = fc.record({
  role: fc.constantFrom('requires', 'provides', 'peers'),
  name: nameArb,
  // Known bug `prototype-interface`: `interface: constructor` (any Object.prototype key) crashes the deployment diagram.
  interface: unlessKnown(
    fc.oneof(fc.constantFrom(...INTERFACES), nameArb),
    (v) => v in Object.prototype,
    'x-interface',
  ),
  optional: fc.option(fc.boolean()),
  limit: fc.option(fc.integer({min: 0, max: 3})),
  description: fc.option(textArb),
});
const configArb = fc.record({
  name: nameArb,
  type: fc.constantFrom('string', 'int', 'float', 'boolean', 'secret', 'secret'),
  default: fc.option(scalarArb),
  description: fc.option(fc.oneof({weight: 12, arbitrary: textArb}, {weight: 1, arbitrary: deepInlineArb})),
});
const paramArb = fc.record({
  name: nameArb,
  type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'array', 'object'),
  description: fc.option(textArb),
  default: fc.option(scalarArb),
});
const actionArb = fc.record({
  name: nameArb,
  description: fc.option(textArb),
  params: fc.array(paramArb, {maxLength: 3}),
  required: fc.array(fc.boolean(), {maxLength: 3}),
  additionalProperties: fc.option(fc.boolean()),
});

const BUILTIN_EVENTS = [
  'install',
  'start',
  'stop',
  'remove',
  'config_changed',
  'update_status',
  'upgrade_charm',
  'leader_elected',
  'leader_settings_changed',
  'collect_unit_status',
  'collect_app_status',
  'secret_changed',
  'secret_rotate',
  'secret_expired',
  'pre_series_upgrade',
  'made_up_event',
  'on',
  ...PROTOTYPE_NAMES,
];
const RELATION_SUFFIXES = [
  'relation_joined',
  'relation_changed',
  'relation_departed',
  'relation_broken',
  'relation_created',
];
/** One observed event, resolved against the charm's containers/endpoints/actions by index. */
const eventRefArb = fc.oneof(
  {weight: 4, arbitrary: fc.record({kind: fc.constant('builtin'), name: fc.constantFrom(...BUILTIN_EVENTS)})},
  {
    weight: 3,
    arbitrary: fc.record({kind: fc.constant('container'), index: fc.nat(), form: fc.constantFrom('attr', 'subscript')}),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('relation'),
      index: fc.nat(),
      suffix: fc.constantFrom(...RELATION_SUFFIXES),
      form: fc.constantFrom('attr', 'subscript'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({kind: fc.constant('action'), index: fc.nat(), form: fc.constantFrom('attr', 'subscript')}),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('library'),
      name: fc.constantFrom('database_created', 'endpoints_changed', 'ready', 'revoked', 'made_up', ...PROTOTYPE_NAMES),
    }),
  },
  {weight: 1, arbitrary: fc.record({kind: fc.constant('getattr'), name: pyIdentArb})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('junk'), text: textArb})},
);
const observeArb = fc.record({
  event: eventRefArb,
  style: fc.constantFrom('self.framework.observe', 'framework.observe', 'alias', 'keywords'),
  loop: fc.boolean(),
  handler: pyIdentArb,
  doc: fc.option(fc.oneof({weight: 12, arbitrary: textArb}, {weight: 1, arbitrary: deepInlineArb})),
  addsLayer: fc.option(fc.nat()),
});
const pythonArb = fc.record({
  className: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/),
  base: fc.constantFrom('ops.CharmBase', 'CharmBase'),
  doc: fc.option(textArb),
  observes: fc.array(observeArb, {maxLength: 8}),
  helperModule: fc.boolean(),
});

export const specArb = fc.record({
  name: fc.oneof({weight: 5, arbitrary: jujuNameArb}, {weight: 1, arbitrary: nameArb}),
  title: fc.option(textArb),
  summary: textArb,
  description: fc.oneof({weight: 8, arbitrary: textArb}, {weight: 1, arbitrary: deepMarkdownArb}),
  layout: fc.constantFrom('charmcraft', 'charmcraft', 'legacy'),
  baseStyle: fc.constantFrom('base', 'bases', 'none'),
  assumes: fc.subarray(['k8s-api', 'juju >= 3.4', {'any-of': ['juju >= 3.1', 'juju >= 2.9']}]),
  containers: fc.array(containerArb, {maxLength: 3}),
  storage: fc.array(storageArb, {maxLength: 2}),
  endpoints: fc.array(endpointArb, {maxLength: 5}),
  config: fc.array(configArb, {maxLength: 4}),
  actions: fc.array(actionArb, {maxLength: 3}),
  extension: fc.option(
    fc.constantFrom(
      'flask-framework',
      'django-framework',
      'fastapi-framework',
      'go-framework',
      'expressjs-framework',
      'spring-boot-framework',
      'unknown-framework',
      ...PROTOTYPE_NAMES,
    ),
    {freq: 8},
  ),
  series: fc.option(fc.array(fc.constantFrom('jammy', 'focal', 'kubernetes', ...PROTOTYPE_NAMES), {maxLength: 3}), {
    freq: 4,
  }),
  links: fc.option(
    fc.record({
      website: fc.oneof(textArb, fc.constant('https://example.org')),
      source: fc.constantFrom('https://github.com/x/y', 'javascript:alert(1)'),
    }),
  ),
  unknownKeys: fc.array(nameArb, {maxLength: 2}),
  yaml: fc.record({
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
    indent: fc.constantFrom(2, 4),
    collectionStyle: fc.constantFrom('any', 'any', 'flow'),
  }),
  python: pythonArb,
});

function yamlText(value, style) {
  return yamlStringify(value, {
    defaultStringType: style.defaultStringType,
    indent: style.indent,
    collectionStyle: style.collectionStyle,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}

/** The metadata documents of a spec, as objects (before any structural mutation). */
export function charmDocuments(spec) {
  const containers = uniqueBy(spec.containers, (c) => c.name);
  const meta = [['name', spec.name]];
  if (spec.title !== null) meta.push(['title', spec.title]);
  if (spec.series) meta.push(['series', spec.series]);
  meta.push(['summary', spec.summary], ['description', spec.description]);
  if (spec.links) meta.push(['links', obj(Object.entries(spec.links))]);
  if (spec.assumes.length || containers.length)
    meta.push([
      'assumes',
      containers.length && !spec.assumes.includes('k8s-api') ? ['k8s-api', ...spec.assumes] : spec.assumes,
    ]);
  if (containers.length) {
    meta.push([
      'containers',
      obj(
        containers.map((c) => [
          c.name,
          obj([
            ...(c.resource ? [['resource', `${c.name}-image`]] : []),
            ...(c.mounts.length
              ? [
                  [
                    'mounts',
                    c.mounts.map((s) =>
                      obj([
                        ['storage', s],
                        ['location', `/srv/${s}`],
                      ]),
                    ),
                  ],
                ]
              : []),
          ]),
        ]),
      ),
    ]);
    const res = containers.filter((c) => c.resource);
    if (res.length)
      meta.push([
        'resources',
        obj(
          res.map((c) => [
            `${c.name}-image`,
            obj([
              ['type', 'oci-image'],
              ['description', `Image for ${c.name}`],
              ['upstream-source', `ghcr.io/x/${c.name}:1`],
            ]),
          ]),
        ),
      ]);
  }
  if (spec.storage.length)
    meta.push([
      'storage',
      obj(
        spec.storage.map((s) => [
          s.name,
          obj([
            ['type', s.type],
            ...(s.location !== null ? [['location', s.location]] : []),
            ...(s.description !== null ? [['description', s.description]] : []),
          ]),
        ]),
      ),
    ]);
  for (const role of ['requires', 'provides', 'peers']) {
    const eps = spec.endpoints.filter((e) => e.role === role);
    if (eps.length) {
      meta.push([
        role,
        obj(
          eps.map((e) => [
            e.name,
            obj([
              ['interface', e.interface],
              ...(e.optional !== null ? [['optional', e.optional]] : []),
              ...(e.limit !== null ? [['limit', e.limit]] : []),
              ...(e.description !== null ? [['description', e.description]] : []),
            ]),
          ]),
        ),
      ]);
    }
  }
  const secrets = [];
  const config = spec.config.length
    ? obj([
        [
          'options',
          obj(
            spec.config.map((o, i) => {
              let d = o.default;
              if (o.type === 'secret') {
                d = secret(`config-${i}`);
                secrets.push(d);
              }
              return [
                o.name,
                obj([
                  ['type', o.type],
                  ...(d !== null ? [['default', d]] : []),
                  ...(o.description !== null ? [['description', o.description]] : []),
                ]),
              ];
            }),
          ),
        ],
      ])
    : null;
  const actions = spec.actions.length
    ? obj(
        spec.actions.map((a) => {
          const required = a.params.filter((_, i) => a.required[i]).map((p) => p.name);
          return [
            a.name,
            obj([
              ...(a.description !== null ? [['description', a.description]] : []),
              ...(a.params.length
                ? [
                    [
                      'params',
                      obj(
                        a.params.map((p) => [
                          p.name,
                          obj([
                            ['type', p.type],
                            ...(p.description !== null ? [['description', p.description]] : []),
                            ...(p.default !== null ? [['default', p.default]] : []),
                          ]),
                        ]),
                      ),
                    ],
                  ]
                : []),
              ...(required.length ? [['required', required]] : []),
              ...(a.additionalProperties !== null ? [['additionalProperties', a.additionalProperties]] : []),
            ]),
          ];
        }),
      )
    : null;
  const build = [['type', 'charm']];
  if (spec.baseStyle === 'base') build.push(['base', 'ubuntu@24.04'], ['platforms', obj([['amd64', null]])]);
  if (spec.baseStyle === 'bases')
    build.push([
      'bases',
      [
        obj([
          [
            'build-on',
            [
              obj([
                ['name', 'ubuntu'],
                ['channel', '22.04'],
              ]),
            ],
          ],
          [
            'run-on',
            [
              obj([
                ['name', 'ubuntu'],
                ['channel', '22.04'],
              ]),
            ],
          ],
        ]),
      ],
    ]);
  if (spec.extension) build.push(['extensions', [spec.extension]]);
  const unknown = spec.unknownKeys.map((k) => [k, 'x']);
  if (spec.layout === 'legacy') {
    return {
      documents: {
        'metadata.yaml': obj([...meta, ...unknown]),
        'charmcraft.yaml': obj(build),
        ...(config ? {'config.yaml': config} : {}),
        ...(actions ? {'actions.yaml': actions} : {}),
      },
      secrets,
      containers,
    };
  }
  return {
    documents: {
      'charmcraft.yaml': obj([
        ...meta,
        ...build,
        ...(config ? [['config', config]] : []),
        ...(actions ? [['actions', actions]] : []),
        ...unknown,
      ]),
    },
    secrets,
    containers,
  };
}

/** Pebble layer YAML files and rocks for the spec's containers, with planted secrets. */
function layerFiles(spec, containers, secrets) {
  const files = {};
  containers.forEach((c, i) => {
    const env = (where) => {
      const s = secret(where);
      secrets.push(s);
      return obj([
        ['API_TOKEN', s],
        ['PLAIN', 'x'],
      ]);
    };
    const services = obj([
      [
        c.service,
        obj([
          ['override', 'replace'],
          ['summary', `${c.service} service`],
          ['command', c.command],
          ['startup', 'enabled'],
          ['environment', env(`layer-${i}`)],
        ]),
      ],
    ]);
    if (c.layerFile) {
      files[`src/layers/${fileSafe(c.name, i)}.yaml`] = yamlText(
        obj([
          ['summary', `${c.name} layer`],
          ['services', services],
          [
            'checks',
            obj([
              [
                'up',
                obj([
                  ['override', 'replace'],
                  ['level', 'ready'],
                  ['http', obj([['url', 'http://localhost:8080/']])],
                ]),
              ],
            ]),
          ],
        ]),
        spec.yaml,
      );
    }
    if (c.rock) {
      files[`${fileSafe(c.name, i)}_rock/rockcraft.yaml`] = yamlText(
        obj([
          ['name', c.name],
          ['base', 'ubuntu@24.04'],
          ['version', '1.0'],
          ['summary', `${c.name} rock`],
          [
            'services',
            obj([
              [
                c.service,
                obj([
                  ['override', 'replace'],
                  ['command', c.command],
                  ['startup', 'enabled'],
                  ['environment', env(`rock-${i}`)],
                ]),
              ],
            ]),
          ],
        ]),
        spec.yaml,
      );
    }
  });
  return files;
}

/** src/charm.py (and sometimes a helper module) from templates. */
function pythonFiles(spec, containers, secrets) {
  const py = spec.python;
  const endpoints = spec.endpoints;
  const actions = spec.actions;
  const pick = (list, i) => (list.length ? list[i % list.length] : undefined);
  const usesLibrary = py.observes.some((o) => o.event.kind === 'library');
  const lines = [
    '#!/usr/bin/env python3',
    `"""Fuzz charm ${spec.name.replace(/[\\"]/g, '')}."""`,
    '',
    'import logging',
    '',
    'import ops',
  ];
  if (py.base === 'CharmBase') lines.push('from ops.charm import CharmBase');
  if (usesLibrary) lines.push('from charms.data_platform_libs.v0.data_interfaces import DatabaseRequires');
  if (py.helperModule) lines.push('from helpers import HELPER_LAYER');
  lines.push('', 'logger = logging.getLogger(__name__)', `SECRET_TOKEN = ${pyStr(secret('py-const'))}`, '', '');
  secrets.push(secret('py-const'));
  lines.push(
    `class ${py.className}(${py.base}):`,
    `    ${pyStr(py.doc ?? 'The charm.')}`,
    '',
    '    def __init__(self, framework: ops.Framework):',
    '        super().__init__(framework)',
  );
  if (py.observes.some((o) => o.style === 'alias')) lines.push('        observe = self.framework.observe');
  if (usesLibrary)
    lines.push('        self.database = DatabaseRequires(self, relation_name="database", database_name="x")');
  const handlers = [];
  py.observes.forEach((o, i) => {
    const ev = o.event;
    let expr;
    switch (ev.kind) {
      case 'builtin':
        expr = `self.on.${ev.name}`;
        break;
      case 'container': {
        const c = pick(containers, ev.index);
        expr = !c
          ? 'self.on.nothing_pebble_ready'
          : ev.form === 'attr'
            ? `self.on.${snake(c.name)}_pebble_ready`
            : `self.on[${pyStr(c.name)}].pebble_ready`;
        break;
      }
      case 'relation': {
        const e = pick(endpoints, ev.index);
        expr = !e
          ? `self.on.nothing_${ev.suffix}`
          : ev.form === 'attr'
            ? `self.on.${snake(e.name)}_${ev.suffix}`
            : `self.on[${pyStr(e.name)}].${ev.suffix}`;
        break;
      }
      case 'action': {
        const a = pick(actions, ev.index);
        expr = !a
          ? 'self.on.nothing_action'
          : ev.form === 'attr'
            ? `self.on.${snake(a.name)}_action`
            : `self.on[${pyStr(a.name)}].action`;
        break;
      }
      case 'library':
        expr = `self.database.on.${ev.name}`;
        break;
      case 'getattr':
        expr = `getattr(self.on, ${pyStr(ev.name)})`;
        break;
      default:
        expr = `self.on[${pyStr(ev.text)}].pebble_ready`;
    }
    const handler = `_on_${o.handler}_${i}`;
    handlers.push({name: handler, o});
    const call = (e) =>
      o.style === 'alias'
        ? `observe(${e}, self.${handler})`
        : o.style === 'framework.observe'
          ? `framework.observe(${e}, self.${handler})`
          : o.style === 'keywords'
            ? `self.framework.observe(${e}, observer=self.${handler})`
            : `self.framework.observe(${e}, self.${handler})`;
    if (o.loop) lines.push(`        for event in (${expr}, self.on.start):`, `            ${call('event')}`);
    else lines.push(`        ${call(expr)}`);
  });
  lines.push('');
  // Python Pebble layers, one builder per container that asks for one.
  containers.forEach((c, i) => {
    if (!c.pythonLayer) return;
    const s = secret(`py-layer-${i}`);
    secrets.push(s);
    lines.push(
      `    def _layer_${i}(self) -> ops.pebble.LayerDict:`,
      `        ${pyStr(`Layer for ${c.name}.`)}`,
      '        return {',
      `            "summary": ${pyStr(`${c.name} layer`)},`,
      '            "services": {',
      `                ${pyStr(c.service)}: {`,
      '                    "override": "replace",',
      `                    "command": ${pyStr(c.command)},`,
      '                    "startup": "enabled",',
      `                    "environment": {"API_KEY": ${pyStr(s)}, "TOKEN": SECRET_TOKEN, "PORT": str(self.config.get("port", 8080))},`,
      '                },',
      '            },',
      '            "checks": {"alive": {"override": "replace", "level": "alive", "tcp": {"port": 8080}}},',
      '        }',
      '',
    );
  });
  handlers.forEach(({name, o}) => {
    lines.push(`    def ${name}(self, event: ops.EventBase) -> None:`);
    if (o.doc !== null) lines.push(`        ${pyStr(o.doc)}`);
    const c = o.addsLayer === null ? undefined : pick(containers, o.addsLayer);
    if (c) {
      const i = containers.indexOf(c);
      lines.push(`        container = self.unit.get_container(${pyStr(c.name)})`);
      lines.push(
        `        container.add_layer(${pyStr(c.name)}, ${c.pythonLayer ? `self._layer_${i}()` : py.helperModule ? 'HELPER_LAYER' : '{}'}, combine=True)`,
      );
      lines.push('        container.replan()');
    } else {
      lines.push('        logger.info("event %s", event)');
    }
    lines.push('');
  });
  lines.push('', 'if __name__ == "__main__":', `    ops.main(${py.className})`, '');
  const files = {'src/charm.py': lines.join('\n')};
  if (py.helperModule) {
    const s = secret('helper');
    secrets.push(s);
    files['src/helpers.py'] = [
      '"""Helpers."""',
      '',
      'HELPER_LAYER = {',
      '    "services": {',
      '        "helper": {"override": "replace", "command": "/bin/helper", "startup": "enabled",',
      `                   "environment": {"HELPER_SECRET": ${pyStr(s)}}},`,
      '    },',
      '}',
      '',
    ].join('\n');
  }
  return files;
}

// ------------------------------------------------------------------------------------------
// Mutations

const WRONG_VALUES = fc.oneof(
  unlessKnown(
    fc.constantFrom(
      null,
      0,
      -1,
      1.5,
      true,
      false,
      '',
      'x',
      [],
      {},
      ['a', 1],
      [null],
      [[]],
      {a: {b: {}}},
      Number.NaN,
      Infinity,
    ),
    nonFinite,
    0,
  ),
  fc.jsonValue({maxDepth: 3}),
  textArb,
);
const structuralArb = fc.oneof(
  fc.record({kind: fc.constant('wrongType'), at: fc.nat(), value: WRONG_VALUES}),
  fc.record({
    kind: fc.constant('deepNest'),
    at: fc.nat(),
    depth: fc.constantFrom(10, 63, 64, 65, 200, 1000),
    flavour: fc.constantFrom('list', 'map'),
  }),
  fc.record({kind: fc.constant('deleteKey'), at: fc.nat()}),
  fc.record({kind: fc.constant('alias'), at: fc.nat(), count: fc.constantFrom(2, 50, 101, 1000)}),
);
const INSERTS = [
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  ':',
  '- ',
  '  ',
  '\t',
  '"',
  "'",
  '"""',
  '&a ',
  '*a',
  '*undefined',
  '!!binary ',
  '!!python/object ',
  '!<tag:x> ',
  '%YAML 1.2\n---\n',
  '---\n',
  '...\n',
  '? ',
  '|',
  '>',
  '#',
  '\n',
  '\r',
  '\0',
  '\\',
  '\\x',
  '<<: *a',
  'def ',
  'class ',
  'lambda:',
  'observe(',
  'self.on[',
  'f"{',
  '"""\n',
  '\u2028',
  '\ufeff',
  '@',
  ',',
  ';',
];
const textualArb = fc.oneof(
  fc.record({kind: fc.constant('truncate'), file: fc.nat(), at: fc.nat()}),
  fc.record({
    kind: fc.constant('flip'),
    file: fc.nat(),
    at: fc.nat(),
    byte: fc.oneof(
      {weight: 4, arbitrary: fc.integer({min: 9, max: 126})},
      {weight: 1, arbitrary: fc.integer({min: 0, max: 255})},
    ),
  }),
  fc.record({kind: fc.constant('deleteLine'), file: fc.nat(), at: fc.nat(), count: fc.integer({min: 1, max: 3})}),
  fc.record({kind: fc.constant('duplicateLine'), file: fc.nat(), at: fc.nat()}),
  fc.record({kind: fc.constant('insert'), file: fc.nat(), at: fc.nat(), text: fc.constantFrom(...INSERTS)}),
  fc.record({kind: fc.constant('indent'), file: fc.nat(), at: fc.nat(), delta: fc.constantFrom(-4, -2, -1, 1, 2, 3)}),
  fc.record({
    kind: fc.constant('encoding'),
    file: fc.nat(),
    how: fc.constantFrom('bom', 'crlf', 'cr', 'nul', 'utf16', 'latin1', 'tabs'),
  }),
  fc.record({
    kind: fc.constant('deepText'),
    file: fc.nat(),
    at: fc.nat(),
    depth: fc.constantFrom(50, 100, 1000, 20000),
    open: fc.constantFrom('[', '{', '(', '- '),
  }),
);

/** Paths of every node of a document, parents before children. */
function nodePaths(value, path = [], out = []) {
  out.push(path);
  if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) nodePaths(value[k], [...path, Array.isArray(value) ? Number(k) : k], out);
  return out;
}
function setAt(root, path, value) {
  if (!path.length) return value;
  const parent = path.slice(0, -1).reduce((v, k) => v[k], root);
  const key = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
  } else Object.defineProperty(parent, key, {value, enumerable: true, writable: true, configurable: true});
  return root;
}
/** Deep values are written as flow YAML by hand (yaml's stringify recurses per level): a placeholder now, the text later. */
const DEEP = 'DeepPlaceholder';
const nestText = (depth, flavour) =>
  flavour === 'list'
    ? `${'['.repeat(depth)}deep${']'.repeat(depth)}`
    : `${'{k: '.repeat(depth)}deep${'}'.repeat(depth)}`;
const clone = (v) =>
  v === null || typeof v !== 'object'
    ? v
    : Array.isArray(v)
      ? v.map(clone)
      : obj(Object.keys(v).map((k) => [k, clone(v[k])]));

function applyStructural(doc, m) {
  const paths = nodePaths(doc);
  const path = paths[m.at % paths.length];
  switch (m.kind) {
    case 'wrongType':
      return setAt(doc, path, clone(m.value));
    case 'deepNest':
      return setAt(doc, path, `${DEEP}-${m.depth}-${m.flavour}`);
    case 'deleteKey':
      return path.length ? setAt(doc, path, undefined) : doc;
    default:
      return doc; // alias: textual, see below
  }
}

/** YAML text with an alias bomb-ish structure at the end (anchors expanded `count` times). */
function aliasText(text, count) {
  const refs = Array.from({length: count}, () => '*a').join(', ');
  return `${text}\nanchor-holder: &a [x, y, z]\nalias-user: [${refs}]\n`;
}

function applyTextual(buf, m) {
  const text = () => buf.toString('utf8');
  const lines = () => text().split('\n');
  const pos = m.at === undefined ? 0 : m.at % (buf.length + 1);
  switch (m.kind) {
    case 'truncate':
      return buf.subarray(0, pos);
    case 'flip': {
      if (!buf.length) return buf;
      const out = Buffer.from(buf);
      out[pos % buf.length] = m.byte;
      return out;
    }
    case 'deleteLine': {
      const l = lines();
      l.splice(m.at % l.length, m.count);
      return Buffer.from(l.join('\n'));
    }
    case 'duplicateLine': {
      const l = lines();
      const i = m.at % l.length;
      l.splice(i, 0, l[i]);
      return Buffer.from(l.join('\n'));
    }
    case 'insert':
      return Buffer.concat([buf.subarray(0, pos), Buffer.from(m.text), buf.subarray(pos)]);
    case 'indent': {
      const l = lines();
      const i = m.at % l.length;
      l[i] = m.delta > 0 ? ' '.repeat(m.delta) + l[i] : l[i].replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return Buffer.from(l.join('\n'));
    }
    case 'encoding':
      switch (m.how) {
        case 'bom':
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
        case 'crlf':
          return Buffer.from(text().replace(/\n/g, '\r\n'));
        case 'cr':
          return Buffer.from(text().replace(/\n/g, '\r'));
        case 'nul':
          return Buffer.concat([buf.subarray(0, buf.length >> 1), Buffer.from([0]), buf.subarray(buf.length >> 1)]);
        case 'utf16':
          return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')]);
        case 'latin1':
          return Buffer.from(text().replace(/e/g, 'é'), 'latin1');
        default:
          return Buffer.from(text().replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)));
      }
    case 'deepText': {
      const close = {'[': ']', '{': '}', '(': ')', '- ': ''}[m.open];
      const deep =
        m.open === '- '
          ? Array.from({length: Math.min(m.depth, 300)}, (_, i) => `${' '.repeat(i * 2)}- `).join('\n') + 'x'
          : m.open.repeat(m.depth) + close.repeat(m.depth);
      const l = lines();
      l.splice(m.at % (l.length + 1), 0, `deep_value_${m.open === '(' ? '=' : ':'} ${deep}`);
      return Buffer.from(l.join('\n'));
    }
    default:
      return buf;
  }
}

// ------------------------------------------------------------------------------------------
// Cases

/**
 * A generated charm: `files` (path -> Buffer), the planted `secrets`, and whether the secret
 * property applies (only to unmutated charms: a mutation may legitimately turn a secret into text).
 */
export function buildCharm(spec, mutations = {structural: [], textual: []}) {
  const {documents, secrets, containers} = charmDocuments(spec);
  const files = {};
  const docNames = Object.keys(documents);
  for (const m of mutations.structural) {
    const target = docNames[m.at % docNames.length];
    if (m.kind === 'alias') continue;
    documents[target] = applyStructural(documents[target], m);
  }
  for (const [path, doc] of Object.entries(documents)) {
    let text = yamlText(doc, spec.yaml).replace(
      new RegExp(`(["']?)${DEEP}-(\\d+)-(\\w+)\\1`, 'g'),
      (_, _q, depth, flavour) => nestText(Number(depth), flavour),
    );
    const alias = mutations.structural.find((m) => m.kind === 'alias' && docNames[m.at % docNames.length] === path);
    if (alias) text = aliasText(text, alias.count);
    files[path] = text;
  }
  Object.assign(files, layerFiles(spec, containers, secrets), pythonFiles(spec, containers, secrets));
  const paths = Object.keys(files).sort();
  const out = Object.fromEntries(paths.map((p) => [p, Buffer.from(files[p])]));
  for (const m of mutations.textual) {
    const path = paths[m.file % paths.length];
    out[path] = applyTextual(out[path], m);
  }
  return {files: out, secrets, mutated: mutations.structural.length + mutations.textual.length > 0};
}

export const charmArb = specArb.map((spec) => ({spec, mutations: {structural: [], textual: []}}));
export const mutatedCharmArb = fc.record({
  spec: specArb,
  mutations: fc
    .record({
      structural: fc.array(structuralArb, {maxLength: 2}),
      textual: fc.array(textualArb, {minLength: 1, maxLength: 3}),
    })
    .filter((m) => m.structural.length + m.textual.length > 0),
});
export const anyCharmArb = fc.oneof(charmArb, mutatedCharmArb);

/** Heading level and directive attributes given to the section builders. */
export const sectionOptionsArb = fc.record({
  headingLevel: fc.integer({min: 1, max: 6}),
  attributes: fc.record(
    {
      exclude: fc
        .array(fc.constantFrom('update-status', 'config-changed', 'install', 'collect_unit_status', ' ', ''), {
          maxLength: 3,
        })
        .map((a) => a.join(',')),
      container: fc.oneof(nameArb, fc.constant('')),
      layout: fc.constantFrom('auto', 'full', 'compact', 'weird'),
      direction: fc.constantFrom('LR', 'TB', 'RL'),
    },
    {requiredKeys: []},
  ),
});

// ------------------------------------------------------------------------------------------
// Pages

const DIRECTIVES_OF_OURS = [
  'charm-architecture',
  'charm-overview',
  'deployment-diagram',
  'charm-diagram',
  'charm-containers',
  'oci-images',
  'charm-metrics',
  'juju-events',
  'charm-code-overview',
  'pebble-layers',
  'charm-integrations',
  'charm-config',
  'charm-actions',
];
const OURS_INSIDE = new RegExp(`::(${DIRECTIVES_OF_OURS.join('|')})`);
const attrArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constant('charm'), fc.constantFrom('gen', 'gen', 'missing', 'nope', '', ...PROTOTYPE_NAMES)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constant('heading-level'),
      fc.constantFrom('1', '2', '3', '6', '0', '7', 'x', '2.5', ' 3', ''),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constant('exclude'),
      fc
        .array(
          fc.constantFrom(
            'update-status',
            'config-changed',
            'install',
            'collect_unit_status',
            ' ',
            '',
            ...PROTOTYPE_NAMES,
          ),
          {maxLength: 3},
        )
        .map((a) => a.join(',')),
    ),
  },
  {weight: 2, arbitrary: fc.tuple(fc.constant('layout'), fc.constantFrom('auto', 'full', 'compact', 'weird'))},
  {weight: 2, arbitrary: fc.tuple(fc.constant('direction'), fc.constantFrom('LR', 'TB', 'RL', ''))},
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constant('container'),
      fc.oneof(nameArb, fc.constant(''), fc.constantFrom(...PROTOTYPE_NAMES)),
    ),
  },
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom('colour', 'id', 'class', 'title'), textArb)},
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom('#anchor', '.cls'), fc.constant(null))},
);
const attrsText = (attrs) => {
  if (!attrs.length) return '';
  return `{${attrs.map(([k, v]) => (v === null ? k : `${k}="${String(v).replace(/["\n\r]/g, '')}"`)).join(' ')}}`;
};
const directiveNameArb = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom(...DIRECTIVES_OF_OURS)},
  {weight: 1, arbitrary: fc.constantFrom('note', 'warning', 'tip', 'unknown-thing', 'juju-event', 'Juju-Events')},
);
const annotationArb = fc
  .tuple(
    fc.constantFrom(
      'config-changed',
      'config_changed',
      '`install`',
      'update-status',
      '[x](#y)',
      'made-up',
      '**start**',
    ),
    textArb,
  )
  .map(([e, t]) => `- ${e}: ${t.replace(/\n/g, ' ')}`);

const simpleBlockArb = fc.oneof(
  {weight: 2, arbitrary: textArb},
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({min: 1, max: 6}), textArb)
      .map(([d, t]) => `${'#'.repeat(d)} ${t.replace(/\n/g, ' ')}`),
  },
  {weight: 1, arbitrary: fc.array(annotationArb, {minLength: 1, maxLength: 3}).map((a) => a.join('\n'))},
);
/** A directive whose children nest at most `depth` more directives. */
const directiveAt = (depth) =>
  fc
    .record({
      name: directiveNameArb,
      attrs: fc.array(attrArb, {maxLength: 3}),
      leaf: fc.boolean(),
      label: fc.option(
        textArb.map((t) => t.replace(/[\n\]]/g, ' ')),
        {freq: 5},
      ),
      children: fc.array(depth > 0 ? blockAt(depth - 1) : simpleBlockArb, {maxLength: 2}),
    })
    .map((d) => {
      // Known bug `nested-directive`: a directive of ours inside another of ours is left unexpanded.
      if (!generatorOptions.includeKnownBugs && DIRECTIVES_OF_OURS.includes(d.name))
        d = {...d, children: d.children.filter((c) => !OURS_INSIDE.test(c))};
      const label = d.label !== null ? `[${d.label}]` : '';
      if (d.leaf) return `::${d.name}${label}${attrsText(d.attrs)}`;
      const body = d.children.join('\n\n');
      const colons = ':'.repeat(
        3 + (body.match(/^[ >-]*:{3,}/gm) ?? []).reduce((n, f) => Math.max(n, f.replace(/[^:]/g, '').length - 2), 0),
      );
      return `${colons}${d.name}${label}${attrsText(d.attrs)}\n${body}\n${colons}`;
    });
const blockAt = (depth) => {
  const dir = directiveAt(depth);
  return fc.oneof(
    {weight: 3, arbitrary: dir},
    {weight: 3, arbitrary: simpleBlockArb},
    {
      weight: 1,
      arbitrary: dir.map((d) =>
        d
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      ),
    },
    {
      weight: 1,
      arbitrary: dir.map((d) =>
        d
          .split('\n')
          .map((l, i) => (i ? `  ${l}` : `- ${l}`))
          .join('\n'),
      ),
    },
    {weight: 1, arbitrary: dir.map((d) => `\`\`\`md\n${d}\n\`\`\``)},
  );
};
const blockArb = blockAt(2);

export const pageArb = fc.array(blockArb, {minLength: 1, maxLength: 5}).map((blocks) => `${blocks.join('\n\n')}\n`);
export const remarkCaseArb = fc.record({
  charm: fc.oneof({weight: 3, arbitrary: charmArb}, {weight: 1, arbitrary: mutatedCharmArb}),
  page: pageArb,
  onError: fc.constantFrom('throw', 'throw', 'warn'),
  defaultCharm: fc.boolean(),
  repository: fc.boolean(),
});

// ------------------------------------------------------------------------------------------
// Checks

class PropertyFailure extends Error {}
const fail = (message) => {
  throw new PropertyFailure(message);
};

/** Plain JSON only: no undefined, NaN, Infinity, functions, class instances, cycles. */
export function jsonProblems(value, path = '$', seen = new Set()) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (typeof value !== 'object') return [`${path} is a ${typeof value}`];
  if (seen.has(value)) return [`${path} is a cycle`];
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null)
    return [`${path} is a ${value.constructor?.name}`];
  const out = [];
  for (const k of Object.keys(value)) {
    if (value[k] === undefined) out.push(`${path}.${k} is undefined`);
    else out.push(...jsonProblems(value[k], `${path}.${k}`, seen));
  }
  seen.delete(value);
  return out;
}

/** A table cell holding text or code with a line break (known bug `line-break-in-table-code`). */
function hasLineBreakInTable(root) {
  let found = false;
  const inCell = (n) => {
    if (typeof n.value === 'string' && /[\r\n]/.test(n.value)) found = true;
    for (const c of n.children ?? []) inCell(c);
  };
  walk(root, (n) => {
    if (n.type === 'tableCell') inCell(n);
  });
  return found;
}
const positioned = (d) =>
  typeof d.file === 'string' &&
  d.file.length > 0 &&
  Number.isInteger(d.line) &&
  d.line >= 1 &&
  Number.isInteger(d.column) &&
  d.column >= 1 &&
  typeof d.code === 'string' &&
  d.code.length > 0;
const walk = (node, visit, parent = null) => {
  visit(node, parent);
  for (const c of node.children ?? []) walk(c, visit, node);
};
const mdRoundTrip = (md) => fromMarkdown(md, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]});

function writeFiles(dir, files) {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), {recursive: true});
    writeFileSync(abs, content);
  }
}

/** Files of a directory (path -> text), to print a failing case. */
export function readTree(dir, base = dir, out = {}) {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) readTree(abs, base, out);
    else out[relative(base, abs)] = readFileSync(abs, 'utf8');
  }
  return out;
}

/**
 * The fuzzer bound to an implementation.
 * api: {loadCharm, CharmArchError, buildSection, SECTIONS, DIRECTIVE_NAMES, deploymentDiagram, charmDiagram,
 *       remarkCharmDirectives, normalizeOptions, stateFor, clearCharmCache}
 * parseMermaid: (source) => Promise<unknown>, rejects on invalid Mermaid.
 */
export function createFuzzer({
  api,
  parseMermaid,
  schemaPath,
  workDir,
  caseMs = 2000,
  maxRssMb = 2048,
  thorough = false,
}) {
  const require = createRequire(import.meta.url);
  const ajvMod = require('ajv/dist/2020.js');
  const Ajv2020 = ajvMod.default ?? ajvMod;
  const validate = new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true}).compile(
    JSON.parse(readFileSync(schemaPath, 'utf8')),
  );
  const charmDir = join(workDir, 'site', 'charm-under-test');
  const pagePath = join(workDir, 'site', 'docs', 'page.md');
  // In a test runner's worker the earlier test files have already raised the process's peak: the
  // bound is on what fuzzing adds to it, so the verdict does not depend on the order of the files.
  const peakAtStartMb = process.resourceUsage().maxRSS / 1024;
  const stats = {
    cases: 0,
    loaded: 0,
    loadErrors: 0,
    sections: 0,
    diagrams: 0,
    pages: 0,
    pageErrors: 0,
    slowest: 0,
    peakRssMb: 0,
    largestRssRaiseMb: 0,
    errorCodes: new Map(),
    ms: {},
    knownBugHits: new Map(),
    markdownBytes: 0,
  };

  const timed = async (what, fn) => {
    const start = performance.now();
    const peakBefore = process.resourceUsage().maxRSS / 1024;
    const result = await fn();
    const ms = performance.now() - start;
    stats.slowest = Math.max(stats.slowest, ms);
    if (ms > caseMs) fail(`${what} took ${Math.round(ms)} ms (bound: ${caseMs} ms)`);
    // The process's peak resident memory: a case that needs a gigabyte raises it for good. Only the
    // case that raised it past the bound fails (the peak never comes down for the cases after it).
    const peakMb = process.resourceUsage().maxRSS / 1024;
    stats.peakRssMb = Math.max(stats.peakRssMb, Math.round(peakMb));
    if (peakMb > peakBefore)
      stats.largestRssRaiseMb = Math.max(stats.largestRssRaiseMb, Math.round(peakMb - peakBefore));
    if (peakMb - peakAtStartMb > maxRssMb && peakMb > peakBefore) {
      fail(
        `${what} raised the peak resident memory from ${Math.round(peakBefore)} MB to ${Math.round(peakMb)} MB, ${Math.round(peakMb - peakAtStartMb)} MB above the ${Math.round(peakAtStartMb)} MB when fuzzing began (bound: ${maxRssMb} MB)`,
      );
    }
    return result;
  };

  /** Writes the charm; loadCharm; checks the model or the error. Returns the model or null. */
  function load(files) {
    writeFiles(charmDir, files);
    let model;
    try {
      model = api.loadCharm(charmDir);
    } catch (error) {
      if (!(error instanceof api.CharmArchError))
        fail(`loadCharm threw a ${error?.constructor?.name}, not a CharmArchError: ${error?.stack ?? error}`);
      if (!positioned(error))
        fail(
          `unpositioned error: ${JSON.stringify({code: error.code, file: error.file, line: error.line, column: error.column, message: error.message})}`,
        );
      for (const d of error.diagnostics ?? [])
        if (!positioned(d)) fail(`unpositioned diagnostic: ${JSON.stringify(d)}`);
      // What the CLI prints: one `file:line:column: code: message` line per problem (hints continue indented).
      for (const line of error.format().split('\n')) {
        if (!line.startsWith('    ') && !/^.+:\d+:\d+: [a-z][a-z0-9-]*: /.test(line))
          fail(`error line not positioned: ${JSON.stringify(line)}`);
      }
      stats.loadErrors++;
      stats.errorCodes.set(error.code, (stats.errorCodes.get(error.code) ?? 0) + 1);
      return null;
    }
    stats.loaded++;
    const problems = jsonProblems(model);
    if (problems.length) fail(`model is not plain JSON: ${problems.slice(0, 5).join('; ')}`);
    if (!validate(JSON.parse(JSON.stringify(model))))
      fail(
        `model is not schema-valid: ${validate.errors
          .slice(0, 5)
          .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
          .join('; ')}`,
      );
    for (const d of model.diagnostics) if (!positioned(d)) fail(`unpositioned diagnostic: ${JSON.stringify(d)}`);
    return model;
  }

  /** Every section, at a heading level and with attributes; returns every output text. */
  /** Serialises mdast, parses it back: no raw HTML, the same headings, the same mermaid blocks. */
  function roundTrip(label, root) {
    const headings = [];
    const mermaid = [];
    walk(root, (n) => {
      if (n.type === 'heading') headings.push(n.depth);
      // The CLI prints each diagram with the static colours of the classes it uses (src/diagrams/static-styles.ts).
      if (n.type === 'charmDiagram') mermaid.push(api.withStaticStyles(n.source));
    });
    let md;
    try {
      // The CLI's Markdown adapter prints diagram nodes as ```mermaid fences.
      md = toMarkdown(root, {
        extensions: [gfmToMarkdown(), api.diagramToMarkdown('mermaid')],
        bullet: '-',
        fences: true,
        rule: '-',
      });
    } catch (error) {
      fail(`${label} does not serialise: ${error?.stack ?? error}`);
    }
    stats.markdownBytes += md.length;
    const back = mdRoundTrip(md);
    const backHeadings = [];
    const backMermaid = [];
    walk(back, (n) => {
      if (n.type === 'html')
        fail(
          `${label} serialises to raw HTML: ${JSON.stringify(n.value).slice(0, 200)}\n--- markdown ---\n${md.slice(0, 3000)}`,
        );
      if (n.type === 'heading') backHeadings.push(n.depth);
      if (n.type === 'code' && n.lang === 'mermaid') backMermaid.push(n.value);
    });
    if (JSON.stringify(backHeadings) !== JSON.stringify(headings))
      fail(
        `${label}: headings ${JSON.stringify(headings)} read back as ${JSON.stringify(backHeadings)}\n--- markdown ---\n${md.slice(0, 3000)}`,
      );
    if (JSON.stringify(backMermaid) !== JSON.stringify(mermaid))
      fail(`${label}: mermaid blocks do not read back unchanged\n--- markdown ---\n${md.slice(0, 3000)}`);
    return md;
  }

  /**
   * Every section builder at a heading level and with attributes: the mdast holds no html/mdx node
   * and no unsafe link, and serialises to Markdown that reads back (one document with the whole
   * page and the four sections it does not hold; each section on its own when `thorough`).
   * Returns every output text (for the secrets check).
   */
  async function sections(model, headingLevel, attributes) {
    const outputs = [];
    const combined = [];
    // One charm's sections; the family directives (integration-map, charm-catalog) read the site's charms, not a model.
    for (const name of Object.keys(api.SECTIONS)) {
      const ctx = {
        model,
        headingLevel,
        links: {
          jujuDocsUrl: 'https://documentation.ubuntu.com/juju/latest/reference/hook/',
          charmhubUrl: 'https://charmhub.io',
          repository: 'https://github.com/x/y',
        },
        attributes,
        annotations: [],
      };
      let nodes;
      try {
        nodes = api.buildSection(name, ctx);
      } catch (error) {
        fail(`section ${name} threw: ${error?.stack ?? error}`);
      }
      const root = {type: 'root', children: nodes};
      walk(root, (n) => {
        if (n.type === 'html' || n.type.startsWith('mdx'))
          fail(`section ${name} returned a ${n.type} node: ${JSON.stringify(n).slice(0, 300)}`);
        if (n.type === 'link' && !/^(https?:\/\/[^/\\]|mailto:|#)/i.test(n.url.trim()))
          fail(`section ${name} returned an unsafe link ${JSON.stringify(n.url)}`);
        if ('value' in n && typeof n.value !== 'string') fail(`section ${name}: ${n.type} value is not a string`);
      });
      stats.sections++;
      outputs.push(JSON.stringify(nodes));
      // The whole page holds every section but these four: serialising the others again is time, not coverage.
      if (
        !thorough &&
        !['charm-architecture', 'pebble-layers', 'charm-integrations', 'charm-config', 'charm-actions'].includes(name)
      )
        continue;
      // Known bug `line-break-in-table-code`: charm text with a line break (a service command, a config
      // default) in a table cell breaks the table, and what follows may read as raw HTML. Not
      // round-tripped unless known bugs are included (the check is in regressions.test.ts).
      if (!generatorOptions.includeKnownBugs && hasLineBreakInTable(root)) {
        stats.knownBugHits.set(
          'line-break-in-table-code',
          (stats.knownBugHits.get('line-break-in-table-code') ?? 0) + 1,
        );
        continue;
      }
      if (thorough) outputs.push(roundTrip(`section ${name}`, root));
      else combined.push(...nodes);
    }
    if (combined.length)
      outputs.push(
        roundTrip('the sections (charm-architecture, pebble-layers, charm-integrations, charm-config, charm-actions)', {
          type: 'root',
          children: combined,
        }),
      );
    return outputs;
  }

  async function diagrams(model, attributes) {
    const outputs = [];
    const chosen = {
      ...(attributes.layout ? {layout: attributes.layout} : {}),
      ...(attributes.direction ? {direction: attributes.direction} : {}),
    };
    const variants = thorough
      ? [{}, {layout: 'full'}, {layout: 'compact', direction: 'TB'}, {direction: 'LR'}]
      : [chosen];
    const deployment = variants.map((o) => ['deployment', o, () => api.deploymentDiagram(model, o)]);
    const charm = ['charm', {}, () => api.charmDiagram(model)];
    // Parsing is most of a case's time: by default one diagram per case, in turn (the sections build both).
    const results = thorough ? [...deployment, charm] : [stats.cases % 2 ? charm : deployment[0]];
    for (const [kind, opts, make] of results) {
      let result;
      try {
        result = make();
      } catch (error) {
        fail(`${kind} diagram threw: ${error?.stack ?? error}`);
      }
      try {
        await parseMermaid(result.source);
      } catch (error) {
        fail(
          `${kind} diagram ${JSON.stringify(opts)} is not valid Mermaid: ${String(error?.message ?? error).slice(0, 500)}\n--- source ---\n${result.source.slice(0, 4000)}`,
        );
      }
      stats.diagrams++;
      outputs.push(result.source, JSON.stringify(result));
    }
    return outputs;
  }

  const noSecrets = (secrets, outputs, where) => {
    for (const out of outputs) {
      if (!out.includes(SECRET_MARK)) continue;
      const s = secrets.find((x) => out.includes(x)) ?? SECRET_MARK;
      const at = out.indexOf(s);
      fail(`planted secret ${s} appears in ${where}: …${out.slice(Math.max(0, at - 200), at + 100)}…`);
    }
  };

  /** Property: the loader, then (on a model) every section and diagram, and the secrets. */
  async function checkCharm({spec, mutations}, opts = {headingLevel: 2, attributes: {}}) {
    stats.cases++;
    const {files, secrets, mutated} = buildCharm(spec, mutations);
    await timed('case', async () => {
      let t = performance.now();
      const lap = (phase) => {
        const now = performance.now();
        stats.ms[phase] = (stats.ms[phase] ?? 0) + (now - t);
        t = now;
      };
      const model = load(files);
      lap('load');
      if (!model) return;
      const sectionOutputs = await sections(model, opts.headingLevel, opts.attributes);
      lap('sections');
      const diagramOutputs = await diagrams(model, opts.attributes);
      lap('diagrams');
      const outputs = [JSON.stringify(model), ...sectionOutputs, ...diagramOutputs];
      if (!mutated) noSecrets(secrets, outputs, 'the model, a section or a diagram');
    });
  }

  /** Property: the remark transformer on a page against a generated charm. */
  async function checkPage({charm, page, onError, defaultCharm, repository}) {
    stats.cases++;
    stats.pages++;
    const {files, secrets, mutated} = buildCharm(charm.spec, charm.mutations);
    writeFiles(charmDir, files);
    mkdirSync(dirname(pagePath), {recursive: true});
    writeFileSync(pagePath, page);
    api.clearCharmCache();
    const options = api.normalizeOptions({
      charms: {
        gen: {path: 'charm-under-test', ...(repository ? {repository: 'https://github.com/x/y', branch: 'main'} : {})},
        missing: {path: 'no-such-charm'},
      },
      ...(defaultCharm ? {defaultCharm: 'gen'} : {}),
      onError,
    });
    api.stateFor(options).siteDir = dirname(charmDir);
    const transformer = api.remarkCharmDirectives(options);
    const tree = fromMarkdown(page, {
      extensions: [gfm(), directive()],
      mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
    });
    const ours = [];
    const authorNodes = new Set();
    walk(tree, (n) => {
      authorNodes.add(n);
      if ((n.type === 'containerDirective' || n.type === 'leafDirective') && api.DIRECTIVE_NAMES.includes(n.name))
        ours.push(n.position.start);
    });
    const file = new VFile({path: pagePath, value: page});
    await timed('page', async () => {
      try {
        transformer(tree, file);
      } catch (error) {
        if (onError === 'warn') fail(`with onError 'warn' the transformer threw: ${error?.stack ?? error}`);
        if (!(error instanceof Error)) fail(`the transformer threw a non-Error: ${String(error)}`);
        const shown = relative(process.cwd(), pagePath);
        const where = shown && !shown.startsWith('..') ? shown : pagePath;
        const m = error.message.startsWith(`${where}:`)
          ? /^:(\d+):(\d+):/.exec(error.message.slice(where.length))
          : null;
        if (!m)
          fail(
            `the transformer threw an error that does not start with ${where}:<line>:<col>: ${error?.stack ?? error}`,
          );
        const [line, column] = [Number(m[1]), Number(m[2])];
        if (!ours.some((p) => p.line === line && p.column === column))
          fail(
            `error at ${line}:${column}, which is not one of our directives (${JSON.stringify(ours.map((p) => `${p.line}:${p.column}`))}): ${error.message}`,
          );
        // A bug is reported at the directive too (code internal-error): still a bug.
        if (/: internal-error: /.test(error.message)) fail(`the transformer met an internal error: ${error.message}`);
        stats.pageErrors++;
        if (!mutated) noSecrets(secrets, [error.message], 'an error message');
        return;
      }
      const left = [];
      walk(tree, (n) => {
        if ((n.type === 'containerDirective' || n.type === 'leafDirective') && api.DIRECTIVE_NAMES.includes(n.name))
          left.push(`${n.type} ${n.name} at ${n.position?.start.line}:${n.position?.start.column}`);
        if (n.type === 'html' && !authorNodes.has(n))
          fail(`the transform generated an html node: ${JSON.stringify(n.value)}`);
        if (
          n.type.startsWith('mdx') &&
          !(n.type === 'mdxjsEsm' || (n.type === 'mdxJsxFlowElement' && n.name === 'CharmDiagram'))
        )
          fail(`the transform left an unexpected ${n.type} node`);
      });
      if (left.length) fail(`directives left unexpanded: ${left.join(', ')}`);
      for (const msg of file.messages)
        if (!(msg.line >= 1 && msg.column >= 1)) fail(`unpositioned page message: ${msg.reason}`);
      for (const msg of file.messages)
        if (msg.ruleId === 'internal-error') fail(`the transformer met an internal error: ${msg.reason}`);
      if (!mutated)
        noSecrets(secrets, [JSON.stringify(tree), ...file.messages.map((m) => m.reason)], 'the transformed page');
    });
  }

  return {checkCharm, checkPage, stats, charmDir, pagePath};
}

export {PropertyFailure};
