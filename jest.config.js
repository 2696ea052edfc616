/** Jest runs TypeScript through @swc/jest as native ESM (needs NODE_OPTIONS=--experimental-vm-modules). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: {syntax: 'typescript', tsx: true},
      target: 'es2022',
      transform: {react: {runtime: 'automatic'}},
    },
    module: {type: 'es6'},
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {'^.+\\.(t|j)sx?$': swc},
  // Sources import './x.js' (NodeNext style); map back to the .ts file.
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  testEnvironment: 'node',
  transformIgnorePatterns: ['/node_modules/'],
  // The benchmark writes whole sites (with package.json files) under bench/out: not modules of the tests.
  modulePathIgnorePatterns: ['<rootDir>/bench/out/', '<rootDir>/test-results/'],
};

export default {
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
    },
    {
      // React tests of theme/ (jsdom; CSS modules as class-name proxies).
      ...common,
      displayName: 'theme',
      testMatch: ['<rootDir>/test/theme/**/*.test.tsx'],
      testEnvironment: '<rootDir>/test/theme/jsdom-environment.cjs',
      moduleNameMapper: {...common.moduleNameMapper, '\\.module\\.css$': '<rootDir>/test/theme/style-mock.cjs'},
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
