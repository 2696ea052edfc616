/** CSS modules in the theme tests: every class name is its own key (`styles.error` -> 'error'). */
module.exports = new Proxy({}, {get: (_target, key) => (key === '__esModule' ? false : String(key))});
