/**
 * End to end on the demo site: website/ built once with the real `docusaurus build` (the plugin
 * from dist/), served, and looked at in headless Chromium by every group of tests below (one
 * build shared, where each group used to build the site again).
 *
 * Needs `npm run build` first (npm test does it) and Chromium at /usr/bin/chromium (.ci/run
 * installs it). Screenshots go to test-results/screenshots/. Environment: see website/built.ts.
 */
import {describeArchitectureDemos} from './website/architecture-demos.js';
import {useBuiltWebsite} from './website/built.js';
import {describeBuildAndEveryPage} from './website/every-page.js';
import {describeFamilyPages} from './website/family-pages.js';
import {describeThemedDiagrams} from './website/themed-diagrams.js';

const site = useBuiltWebsite();

describeBuildAndEveryPage(site);
describeArchitectureDemos(site);
describeThemedDiagrams(site);
describeFamilyPages(site);
