// ESLint flat config. TypeScript files are linted with typescript-eslint's type-checked rules (the
// types come from tsconfig.json through the project service); the Node scripts (.js/.mjs/.cjs) with
// the same rules minus the ones that need types. Formatting is Prettier's job (.prettierrc.json):
// eslint-config-prettier, last, turns off every rule that would argue with it.
//
// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 does not have: the
// `typescript` package is therefore @typescript/typescript6 (the API), while `tsc` comes from
// `@typescript/native` (TypeScript 7), which typecheck and build run.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import sonarjs from 'eslint-plugin-sonarjs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeScriptFiles = ['**/*.ts', '**/*.tsx'];
const scriptFiles = ['**/*.js', '**/*.mjs', '**/*.cjs'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'website/',
      'bench/out/',
      'test/fixtures/',
      '**/__fixtures__/',
      'test-results/',
      '.cache/',
      '.scratch/',
    ],
  },
  {linterOptions: {reportUnusedDisableDirectives: 'error'}},
  js.configs.recommended,
  {
    files: typeScriptFiles,
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      // Brackets for a key of an index signature (YAML data, records: the key may be absent), dots for
      // a declared property.
      '@typescript-eslint/dot-notation': ['error', {allowIndexSignaturePropertyAccess: true}],
      // T[] for a simple element type, Array<...> for an object literal or a generic one.
      '@typescript-eslint/array-type': ['error', {default: 'array-simple'}],
      // `s[0] === c` reads as well as startsWith and says "one character".
      '@typescript-eslint/prefer-string-starts-ends-with': ['error', {allowSingleElementEquality: 'always'}],
      // An empty string means "not given" here (an environment variable, a charm's text field): `||`
      // on strings is meant. On anything else `??` says what is meant.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', {ignorePrimitives: {string: true}}],
      // A string value in a template is the common case here (Markdown, Mermaid, messages); numbers
      // and booleans too. What this rule exists for (objects printing as [object Object]) stays on.
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true, allowBoolean: true}],
      // `_name` marks a parameter a signature needs but the body does not use; `{omitted, ...rest}` drops a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true},
      ],
    },
  },
  {
    // Jest's asymmetric matchers (expect.objectContaining, expect.stringMatching, ...) are typed
    // `any`, and a test puts them in the expected value (or passes one to toThrow) by design.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {'@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off'},
  },
  {
    files: scriptFiles,
    languageOptions: {globals: {...globals.node}},
    rules: {
      'no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true}],
    },
  },
  {
    // No-op code: a branch or ternary arm identical to its sibling, a condition tested twice, an
    // expression compared with itself. ESLint core covers duplicate cases, else-if conditions and
    // self-comparison; SonarJS the identical branches and operands.
    plugins: {sonarjs},
    rules: {
      'no-self-compare': 'error',
      'no-unneeded-ternary': 'error',
      'sonarjs/no-all-duplicated-branches': 'error',
      'sonarjs/no-duplicated-branches': 'error',
      'sonarjs/no-identical-conditions': 'error',
      'sonarjs/no-identical-expressions': 'error',
    },
  },
  prettier,
);
