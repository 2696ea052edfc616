/**
 * A Jest environment with a jsdom document, for the React tests of theme/ (jest-environment-jsdom
 * is not a dependency; jsdom is). Node's own globals stay; jsdom's window, document and DOM
 * classes fill in what Node lacks.
 */
const {TestEnvironment} = require('jest-environment-node');
const {JSDOM} = require('jsdom');

class JsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
      url: 'http://localhost/',
      pretendToBeVisual: true,
    });
    const win = this.dom.window;
    for (const key of Object.getOwnPropertyNames(win)) {
      if (key in this.global) continue;
      Object.defineProperty(this.global, key, {configurable: true, writable: true, value: win[key]});
    }
    this.global.window = win;
    this.global.document = win.document;
    this.global.navigator = win.navigator;
    // React's act() warns unless the environment says it is a test.
    this.global.IS_REACT_ACT_ENVIRONMENT = true;
  }

  async teardown() {
    this.dom.window.close();
    await super.teardown();
  }
}

module.exports = JsdomEnvironment;
