import type {RootContent} from 'mdast';
import {charmTitle, sourceUrl, type SectionContext} from './context.js';
import {describedItem} from './charm-text.js';
import {blockquote, code, heading, link, list, paragraph, text} from './mdast.js';
import {charmAttributes, type CharmDirective} from './directive.js';
import {templateBlock, templateParagraph, templateSentence} from './template-prose.js';

const ROCKCRAFT_URL = 'https://documentation.ubuntu.com/rockcraft/stable/';
const PUBLISH_URL =
  'https://canonical-charmcraft.readthedocs-hosted.com/en/stable/howto/manage-charms/#publish-a-charm-on-charmhub';

/** Section 5: the rocks and the resources that carry them. */
export function ociImages(ctx: SectionContext): RootContent[] {
  const m = ctx.model;
  const out: RootContent[] = [heading(ctx.headingLevel, 'oci-images', text('OCI images'))];
  const images = m.resources.filter((r) => r.type === 'oci-image');
  if (!images.length && !m.rocks.length) {
    out.push(paragraph(text('This charm declares no OCI image resources.')));
    return out;
  }
  if (m.rocks.length) {
    out.push(
      templateParagraph(
        templateSentence(
          'We use Rockcraft to build OCI Images for <charm-name>.',
          text('We use '),
          link(ROCKCRAFT_URL, text('Rockcraft')),
          text(` to build OCI images for ${charmTitle(m)}. `),
        ),
        templateSentence(
          'The images are defined in <charm-name> rock.',
          text('The images are defined in these rocks:'),
        ),
      ),
    );
    out.push(
      list(
        false,
        m.rocks.map((r) => {
          const url = sourceUrl(ctx.links, r.path);
          const head = [
            url ? link(url, code(r.name)) : code(r.name),
            text(r.version ? ` ${r.version}` : ''),
            text(r.base ? ` on ${r.base}` : ''),
            ...(url ? [] : [text(' ('), code(r.path), text(')')]),
            ...(r.resource ? [text(', published as the '), code(r.resource), text(' resource')] : []),
          ];
          return describedItem(head, isInitPlaceholder(r.summary) ? undefined : r.summary, ctx.links);
        }),
      ),
    );
  }
  if (images.length) {
    out.push(paragraph(text('The charm declares these OCI image resources:')));
    out.push(
      list(
        false,
        images.map((r) =>
          describedItem(
            [code(r.name), ...(r.upstreamSource ? [text(', default image '), code(r.upstreamSource)] : [])],
            r.description,
            ctx.links,
          ),
        ),
      ),
    );
  }
  // Rocks built here are published with the charm; images of an upstream registry are not this team's to publish.
  if (m.rocks.length)
    out.push(
      templateParagraph(
        templateSentence(
          'They are published to Charmhub, the official repository of charms.',
          text('They are published to '),
          link('https://charmhub.io/', text('Charmhub')),
          text(', the official repository of charms.'),
        ),
      ),
    );
  out.push(
    templateBlock(
      'See more: How to publish your charm on Charmhub',
      blockquote(paragraph(text('See more: '), link(PUBLISH_URL, text('How to publish your charm on Charmhub')))),
    ),
  );
  return out;
}

/**
 * The summary `rockcraft init` writes for the team to replace ("A summary of your Django
 * application"): shown, it would read as what the rock is.
 */
function isInitPlaceholder(summary: string | undefined): boolean {
  return summary !== undefined && /^a summary of your\b/i.test(summary.trim());
}

export const ociImagesDirective: CharmDirective = {
  name: 'oci-images',
  attributes: charmAttributes(),
  build: ociImages,
  checks: ['rock'],
  titles: [/^oci images$/, /^rocks$/],
  starter: {
    part: 'page',
    when: (model) => model.rocks.length > 0 || model.resources.some((r) => r.type === 'oci-image'),
    prose: () => ['TODO: how the images are built and published.'],
  },
};
