/** Shared by the charm model tests: paths, the JSON Schema validator, normalisation. */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ErrorObject, ValidateFunction} from 'ajv';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_CHARMS = join(REPO_ROOT, 'test/fixtures/charms');
export const WEBSITE_CHARMS = join(REPO_ROOT, 'website/charms');
export const EXPECTED_DIR = join(REPO_ROOT, 'test/fixtures/expected');
export const SCHEMA_PATH = join(REPO_ROOT, 'schema/charm-model.schema.json');

type AjvCtor = new (opts: Record<string, unknown>) => {compile(schema: unknown): ValidateFunction};

let validator: ValidateFunction | undefined;

/** The model schema compiled once with ajv (draft 2020-12, strict). */
export function modelValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const mod = require('ajv/dist/2020.js') as {default?: AjvCtor} & AjvCtor;
  const Ajv2020 = mod.default ?? mod;
  // allowUnionTypes: the schema uses `"type": ["string", "null"]` for nullable fields.
  const ajv = new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true});
  validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  return validator;
}

/** Schema errors as readable lines (empty when the value is valid). */
export function schemaErrors(value: unknown): string[] {
  const validate = modelValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/**
 * The model as plain JSON with machine-specific text removed: every absolute path
 * (the charm directory, the repository root) is replaced by a placeholder.
 */
export function normaliseModel<T>(model: T, charmDir: string): T {
  const replacements: Array<[string, string]> = [
    [resolve(charmDir), '<charm>'],
    [REPO_ROOT, '<repo>'],
  ];
  return JSON.parse(JSON.stringify(model), (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    let out = value;
    for (const [from, to] of replacements) out = out.split(from).join(to);
    return out;
  }) as T;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
