/** One way to run the directive transformer in tests: a page parsed as Docusaurus does, printed back as Markdown. */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Code, Root, RootContent} from 'mdast';
import {directiveFromMarkdown, directiveToMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {VFile} from 'vfile';
import {diagramElementProps} from '../../src/remark/diagram-component.js';
import {remarkCharmDirectives} from '../../src/remark/index.js';
import {stateFor} from '../../src/state.js';
import {normalizeOptions} from '../../src/options.js';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const fixtures = join(here, '..', 'fixtures', 'remark');

export const options = normalizeOptions({
  charms: {
    pastebin: {path: 'website/charms/pastebin-k8s', repository: 'https://github.com/example/pastebin-k8s-operator'},
    logsink: {path: 'website/charms/logsink'},
    hostile: {path: 'test/fixtures/charms/hostile'},
    broken: {path: 'test/fixtures/charms/broken/yaml-syntax'},
    unknownkey: {path: 'test/fixtures/charms/broken/unknown-key'},
    busy: {path: 'test/fixtures/remark/busy-charm/charm', repository: 'https://github.com/example/busy-k8s-operator'},
    flask: {path: 'test/fixtures/charms/flask-app', repository: 'https://github.com/example/flask-app-operator'},
    // A machine subordinate: container-scoped endpoints to its principal.
    pooler: {path: 'test/fixtures/charms/subordinate'},
    // Its own handler and a library's share a name; a library alone handles one of its events.
    patched: {path: 'test/fixtures/remark/library-handlers/charm'},
    // A django-framework charm whose rock defines some services itself.
    shop: {path: 'test/fixtures/charms/twelve-factor/charm'},
    // A machine charm's snaps, apt packages and systemd units, names linked to the source.
    beacon: {path: 'test/fixtures/charms/machine-workload', repository: 'https://github.com/example/beacon-operator'},
    // A charm in the `charm/` folder of its repository, its rock beside it.
    shapes: {
      path: 'test/fixtures/remark/charm-shapes/charm',
      repository: 'https://github.com/example/shapes-operator',
      pathInRepository: 'charm',
    },
  },
  defaultCharm: 'pastebin',
});
stateFor(options).siteDir = root;

/**
 * A `<CharmDiagram>` element as two fences a reviewer can read: the Mermaid source with the title
 * and description in the info string, then the text alternative (`alt`) as indented JSON.
 */
function printableDiagram(node: RootContent): Code[] | null {
  const props = diagramElementProps(node);
  if (!props) return null;
  const alt: unknown = JSON.parse(props.alt);
  return [
    {
      type: 'code',
      lang: 'mermaid',
      meta: `CharmDiagram title=${JSON.stringify(props.title)} description=${JSON.stringify(props.description)}`,
      value: props.source,
    },
    {type: 'code', lang: 'json', meta: 'CharmDiagram alt', value: JSON.stringify(alt, null, 2)},
  ];
}

/** Parses a page the way Docusaurus does (CommonMark + GFM + directives), runs the transformer, prints Markdown back. */
export function run(source: string, opts = options): {output: string; tree: Root; file: VFile} {
  const tree = fromMarkdown(source, {
    extensions: [gfm(), directive()],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
  });
  const file = new VFile({path: join(fixtures, 'page.md'), value: source});
  remarkCharmDirectives(opts)(tree, file);
  // Diagram elements and imports are MDX nodes: print each diagram's props for review, all of them.
  const printable: Root = {
    type: 'root',
    children: tree.children.flatMap((n) => (n.type === 'mdxjsEsm' ? [] : (printableDiagram(n) ?? [n]))),
  };
  return {
    output: toMarkdown(printable, {extensions: [gfmToMarkdown(), directiveToMarkdown()], bullet: '-'}),
    tree,
    file,
  };
}
