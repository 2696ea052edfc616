/**
 * End to end on purpose-made charms: one throwaway site (fixture-site/site.ts), built cold and then
 * warm with the real `docusaurus build` (the plugin from dist/), served, and looked at in headless
 * Chromium by each group below. Needs `npm run build` first and Chromium at /usr/bin/chromium.
 */
import {describeHostilePaths} from './fixture-site/hostile-paths.js';
import {describeHostileText} from './fixture-site/hostile-text.js';
import {describeLargeDiagrams} from './fixture-site/large-diagrams.js';
import {describePastedOutput} from './fixture-site/pasted-output.js';
import {useFixtureSite} from './fixture-site/site.js';
import {describeTemplatePages} from './fixture-site/template-pages.js';

const site = useFixtureSite();

describeTemplatePages(site);
describeHostileText(site);
describeHostilePaths(site);
describeLargeDiagrams(site);
describePastedOutput(site);
