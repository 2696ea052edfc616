/**
 * A generated heading's anchor is the one the site gives its text anyway (Docusaurus' own slugger,
 * github-slugger), so pasted `charm-arch render` output has the directive page's anchors.
 */
import {createRequire} from 'node:module';
import fc from 'fast-check';
import {code, heading, headingSlug, text} from '../../src/sections/mdast.js';

const require = createRequire(import.meta.url);
// The slugger Docusaurus' heading plugin uses (@docusaurus/mdx-loader lib/remark/headings).
const {createSlugger} = require('@docusaurus/utils') as {
  createSlugger: () => {slug: (value: string, options?: {maintainCase?: boolean}) => string};
};
const docusaurusSlug = (value: string): string => createSlugger().slug(value);

describe('headingSlug', () => {
  test('headings the sections write', () => {
    expect(
      heading(3, 'event-mysql-database-created', code('database-created'), text(' on '), code('mysql')).data,
    ).toEqual({hProperties: {id: 'database-created-on-mysql'}, charmLabel: 'event-mysql-database-created'});
    expect(headingSlug('High-level overview of Pastebin deployment')).toBe(
      'high-level-overview-of-pastebin-deployment',
    );
    expect(headingSlug("The charm's own events")).toBe('the-charms-own-events');
    expect(headingSlug('Default of nginx_snippet')).toBe('default-of-nginx_snippet');
  });

  test('property: the slug Docusaurus gives any heading text of ASCII and Latin letters', () => {
    const chars = fc.oneof(
      fc.string({unit: fc.integer({min: 0x20, max: 0x7e}).map((c) => String.fromCharCode(c)), maxLength: 40}),
      fc.string({unit: fc.integer({min: 0xa0, max: 0x24f}).map((c) => String.fromCharCode(c)), maxLength: 20}),
    );
    fc.assert(
      fc.property(chars, (value) => {
        expect(headingSlug(value)).toBe(docusaurusSlug(value));
      }),
      {numRuns: 2000},
    );
  });
});
