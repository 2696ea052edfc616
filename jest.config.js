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
  // A limit only a hang reaches: on a busy 2-core machine honest tests have taken 6 times their idle time.
  testTimeout: 2 * 60_000,
};

export default {
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  // Two workers on two cores (jest's default is one fewer than the cores, so one): the e2e files
  // start first (test/sequencer.cjs) and the unit files fill the other core. With one worker the
  // wall is the sum of the files' times; with two, `npm test` ran 14 min at load 12-15 for 7.3 min
  // of CPU (of which the files summed 1,959 s of wall: about 2.3 files at a time).
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/sequencer.cjs',
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
      // Steps of a browser test wait up to STEP_TIMEOUT (test/e2e/browser.ts) each.
      testTimeout: 5 * 60_000,
    },
  ],
};
