import type {OptionValidationContext} from '@docusaurus/types';
import {Joi} from './joi.js';

/** One charm the site documents. */
export interface CharmSource {
  /** Charm directory, relative to the site directory (or absolute). */
  path: string;
  /** Repository URL for source links, e.g. https://github.com/canonical/indico-operator */
  repository?: string;
  /** Branch for source links. */
  branch?: string;
  /** Charm directory inside the repository, for source links (`.` when the charm is at the root). */
  pathInRepository?: string;
  /** Read the charm at this git ref (branch, tag or commit) instead of the working tree; links then point at its commit. */
  ref?: string;
}

export interface PluginOptions {
  id?: string;
  charms: Record<string, CharmSource>;
  /** The charm a directive without `charm="..."` uses; the only charm when there is one. */
  defaultCharm?: string;
  /** `throw` fails the build on a charm or directive error; `warn` shows a warning admonition instead. */
  onError: 'throw' | 'warn';
  /**
   * A page's note on an event the charm does not observe: `warn` (every build prints it, cached or
   * not) or `throw` (the build fails: for CI).
   */
  onDrift: 'warn' | 'throw';
  /** Base URL of the Juju hook reference that event names link to. */
  jujuDocsUrl: string;
  /** Base URL for charm library pages. */
  charmhubUrl: string;
  /** Files larger than this are refused. */
  maxFileBytes: number;
  /**
   * Charm models kept on disk between builds: `true` in node_modules/.cache/<package name>/,
   * a directory (relative to the site), or `false` (also off with CHARM_ARCH_NO_CACHE=1).
   */
  persistentCache: boolean | string;
  /** Docusaurus doc version -> the git ref its pages read every charm at (`null`: the working tree). */
  versions?: Record<string, string | null>;
}

export type Options = Partial<PluginOptions> & {charms: Record<string, CharmSource>};

export const DEFAULT_OPTIONS: Omit<PluginOptions, 'charms'> = {
  onError: 'throw',
  onDrift: 'warn',
  jujuDocsUrl: 'https://documentation.ubuntu.com/juju/latest/reference/hook/',
  charmhubUrl: 'https://charmhub.io',
  maxFileBytes: 2 * 1024 * 1024,
  persistentCache: true,
};

/** A branch, tag, commit or revision (`v2~1`); never an option to git, never spaces. */
const gitRef = Joi.string()
  .pattern(/^[^-\s][^\s]*$/)
  .messages({'string.pattern.base': '{{#label}} must be a git ref (a branch, tag or commit), not `{{#value}}`.'});

const charmSchema = Joi.object({
  path: Joi.string().required(),
  repository: Joi.string().uri({scheme: ['http', 'https']}),
  branch: Joi.string(),
  pathInRepository: Joi.string(),
  ref: gitRef,
});

export const OptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string(),
  charms: Joi.object()
    .pattern(/^[a-z0-9][a-z0-9-_]*$/i, charmSchema)
    .min(1)
    .required()
    .messages({'object.min': '`charms` must name at least one charm.'}),
  defaultCharm: Joi.string(),
  onError: Joi.string().valid('throw', 'warn').default(DEFAULT_OPTIONS.onError),
  onDrift: Joi.string().valid('warn', 'throw').default(DEFAULT_OPTIONS.onDrift),
  jujuDocsUrl: Joi.string()
    .uri({scheme: ['http', 'https']})
    .default(DEFAULT_OPTIONS.jujuDocsUrl),
  charmhubUrl: Joi.string()
    .uri({scheme: ['http', 'https']})
    .default(DEFAULT_OPTIONS.charmhubUrl),
  maxFileBytes: Joi.number().integer().min(1024).default(DEFAULT_OPTIONS.maxFileBytes),
  persistentCache: Joi.alternatives(Joi.boolean(), Joi.string()).default(DEFAULT_OPTIONS.persistentCache),
  versions: Joi.object().pattern(Joi.string(), gitRef.allow(null)),
}).custom((value: PluginOptions, helpers) => {
  if (value.defaultCharm !== undefined && !Object.hasOwn(value.charms, value.defaultCharm)) {
    return helpers.message({
      custom: `defaultCharm "${value.defaultCharm}" is not one of the configured charms (${Object.keys(value.charms).join(', ')}).`,
    });
  }
  return value;
});

/** Validates and fills defaults. Used by Docusaurus (validateOptions) and by `charmArchitecture()`. */
export function normalizeOptions(options: Options): PluginOptions {
  const {value, error} = OptionsSchema.validate(options, {convert: false}) as {value: unknown; error?: Error};
  if (error) throw new Error(`docusaurus-plugin-charm-architecture: invalid options: ${error.message}`);
  return value as PluginOptions;
}

export function validateOptions({validate, options}: OptionValidationContext<Options, PluginOptions>): PluginOptions {
  return validate(OptionsSchema, options);
}

/**
 * Which configured charm a directive means: its `charm` attribute, else `defaultCharm`, else the
 * only charm. One rule for the remark half (which reports why none fits), the webpack pre-loader
 * and the build warnings. Ids are looked up as own keys only: `charm="constructor"` is not
 * Object.prototype.constructor.
 */
export type CharmChoice =
  {id: string} | {problem: 'empty-charm' | 'unknown-charm'; written: string} | {problem: 'no-charm'};

export function resolveCharm(
  attributes: Readonly<Record<string, string | null | undefined>> | null | undefined,
  options: {readonly charms: Readonly<Record<string, unknown>>; readonly defaultCharm?: string | undefined},
): CharmChoice {
  const written = attributes?.['charm'] ?? undefined;
  const {charms} = options;
  if (written !== undefined) {
    if (written.trim() === '') return {problem: 'empty-charm', written};
    return Object.hasOwn(charms, written) ? {id: written} : {problem: 'unknown-charm', written};
  }
  const ids = Object.keys(charms);
  const id = options.defaultCharm ?? (ids.length === 1 ? ids[0] : undefined);
  return id !== undefined && Object.hasOwn(charms, id) ? {id} : {problem: 'no-charm'};
}

/** The charm id a directive means, or undefined when none fits. */
export function resolvedCharmId(...args: Parameters<typeof resolveCharm>): string | undefined {
  const choice = resolveCharm(...args);
  return 'id' in choice ? choice.id : undefined;
}
