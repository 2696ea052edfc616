// Jest's order of test files, with the end-to-end files first. Jest runs the files it expects to be
// longest first (the last run's durations; without them, the largest files): the e2e entry files are
// a few lines that each run minutes of Docusaurus builds, so on a fresh checkout (CI) they would
// start last and the run would end with one core building a site while the other idles.
const Sequencer = require('@jest/test-sequencer').default;

class EndToEndFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const isE2e = (test) => test.context.config.displayName?.name === 'e2e';
    return [...sorted.filter(isE2e), ...sorted.filter((test) => !isE2e(test))];
  }
}
module.exports = EndToEndFirstSequencer;
