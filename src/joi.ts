import * as utilsValidation from '@docusaurus/utils-validation';

// A CommonJS package: Node's ESM loader exposes it as `default`, Docusaurus's config loader (jiti) by name.
type UtilsValidation = typeof import('@docusaurus/utils-validation');

/** Joi as Docusaurus ships it (the plugin options and the directives' attributes are validated with it). */
export const Joi: UtilsValidation['Joi'] = (
  (utilsValidation as unknown as {default?: UtilsValidation}).default ?? utilsValidation
).Joi;

/** Joi's schema types, as the Joi above makes them (no import of joi itself: Docusaurus owns that dependency). */
export type ObjectSchema = ReturnType<typeof Joi.object>;
export type StringSchema = ReturnType<typeof Joi.string>;
export type SchemaMap = NonNullable<Parameters<typeof Joi.object>[0]>;
