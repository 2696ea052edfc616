// Docusaurus's Babel preset, with the browserslist pinned to this site's package.json.
// Babel otherwise looks for a browserslist from the current directory: run from the
// repository root (`docusaurus build website`), it finds none, targets old browsers and
// compiles async functions to generators, which defeats the dead-code elimination
// @docusaurus/theme-mermaid relies on (the build then fails to resolve the optional
// '@mermaid-js/layout-elk').
const path = require('path');

module.exports = {
  presets: [require.resolve('@docusaurus/core/lib/babel/preset')],
  browserslistConfigFile: path.join(__dirname, 'package.json'),
};
