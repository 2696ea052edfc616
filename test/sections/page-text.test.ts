/**
 * What a reader of a real charm's page saw wrong (trial report of 2026-11-27, items 11 and 14):
 * the summary and description printed twice when they say the same, and files beside a charm in
 * its repository (a rock next to the charm folder) left without their link. Input -> expected.
 */
import {sourceUrl, type LinkOptions} from '../../src/sections/context.js';
import {blurbs} from '../../src/sections/overview.js';

describe('overview: summary and description each once', () => {
  test.each([
    ['equal', 'Machine charm for OpenSearch', 'Machine charm for OpenSearch\n', ['Machine charm for OpenSearch\n']],
    [
      'equal but for case, spacing and the full stop',
      'Machine charm for  OpenSearch.',
      'machine charm for OpenSearch',
      ['machine charm for OpenSearch'],
    ],
    [
      'the description opens with the summary',
      'Indico on Kubernetes.',
      'Indico on Kubernetes.\n\nIt runs the Indico event manager.',
      ['Indico on Kubernetes.\n\nIt runs the Indico event manager.'],
    ],
    [
      'the summary holds the description',
      'WordPress, the blogging platform, on Kubernetes.',
      'the blogging platform',
      ['WordPress, the blogging platform, on Kubernetes.'],
    ],
    ['different', 'A blog.', 'WordPress with its plugins.', ['A blog.', 'WordPress with its plugins.']],
    ['no description', 'A blog.', '', ['A blog.']],
  ])('%s', (_case, summary, description, expected) => {
    expect(blurbs(summary, description)).toEqual(expected);
  });
});

describe('repository links of files beside the charm', () => {
  const links: LinkOptions = {
    jujuDocsUrl: 'https://juju.example/hook/',
    charmhubUrl: 'https://charmhub.io',
    repository: 'https://github.com/acme/paas/',
    branch: 'v2',
    charmPathInRepository: 'examples/flask/charm',
  };
  test.each([
    [
      'a file of the charm',
      'src/charm.py',
      12,
      'https://github.com/acme/paas/blob/v2/examples/flask/charm/src/charm.py#L12',
    ],
    [
      'a rock beside the charm',
      '../test_rock/rockcraft.yaml',
      undefined,
      'https://github.com/acme/paas/blob/v2/examples/flask/test_rock/rockcraft.yaml',
    ],
    [
      'a file two folders up, still in the repository',
      '../../rockcraft.yaml',
      3,
      'https://github.com/acme/paas/blob/v2/examples/rockcraft.yaml#L3',
    ],
    ['a file outside the repository', '../../../../elsewhere/rockcraft.yaml', undefined, null],
  ])('%s', (_case, file, line, expected) => {
    expect(sourceUrl(links, file, line)).toBe(expected);
  });

  test('a charm at the root of its repository: a path above it is outside, no link', () => {
    expect(sourceUrl({...links, charmPathInRepository: '.'}, '../rock/rockcraft.yaml')).toBeNull();
    expect(sourceUrl({...links, charmPathInRepository: '.'}, 'rock/rockcraft.yaml')).toBe(
      'https://github.com/acme/paas/blob/v2/rock/rockcraft.yaml',
    );
  });

  test('no repository configured: no link', () => {
    const {repository: _none, ...bare} = links;
    expect(sourceUrl(bare, 'src/charm.py', 1)).toBeNull();
  });
});
