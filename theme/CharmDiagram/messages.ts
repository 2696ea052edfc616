/**
 * Every string `<CharmDiagram>` shows, through Docusaurus `translate()`, so a site translates
 * them (`docusaurus write-translations` finds these calls: ids and messages stay literal here).
 */
import {translate} from '@docusaurus/Translate';

export const messages = {
  loading: (): string =>
    translate({
      id: 'theme.charmDiagram.loading',
      message: 'Loading diagram…',
      description: 'Shown while a charm diagram renders',
    }),
  tools: (): string =>
    translate({
      id: 'theme.charmDiagram.tools',
      message: 'Diagram tools',
      description: 'Accessible label of the charm diagram toolbar',
    }),
  zoomOut: (): string =>
    translate({id: 'theme.charmDiagram.zoomOut', message: 'Zoom out', description: 'Charm diagram button'}),
  zoomIn: (): string =>
    translate({id: 'theme.charmDiagram.zoomIn', message: 'Zoom in', description: 'Charm diagram button'}),
  resetZoom: (): string =>
    translate({
      id: 'theme.charmDiagram.resetZoom',
      message: 'Reset zoom',
      description: 'Charm diagram button (shows the zoom percentage)',
    }),
  fullScreen: (): string =>
    translate({id: 'theme.charmDiagram.fullScreen', message: 'Full screen', description: 'Charm diagram button'}),
  close: (): string =>
    translate({
      id: 'theme.charmDiagram.close',
      message: 'Close',
      description: 'Charm diagram button that leaves full screen',
    }),
  copySource: (): string =>
    translate({
      id: 'theme.charmDiagram.copySource',
      message: 'Copy source',
      description: 'Charm diagram button: copies the Mermaid source',
    }),
  copied: (): string =>
    translate({
      id: 'theme.charmDiagram.copied',
      message: 'Source copied',
      description: 'Status after copying a charm diagram source',
    }),
  copyFailed: (): string =>
    translate({
      id: 'theme.charmDiagram.copyFailed',
      message: 'Copy failed',
      description: 'Status when copying a charm diagram source failed',
    }),
  downloadSvg: (): string =>
    translate({id: 'theme.charmDiagram.downloadSvg', message: 'Download SVG', description: 'Charm diagram button'}),
  textVersion: (): string =>
    translate({
      id: 'theme.charmDiagram.textVersion',
      message: 'Text version of this diagram',
      description: 'Summary of the text alternative of a charm diagram',
    }),
  errorTitle: (): string =>
    translate({
      id: 'theme.charmDiagram.error.title',
      message: 'This diagram could not be rendered.',
      description: 'Heading of the box shown when Mermaid refuses a charm diagram',
    }),
  errorSource: (): string =>
    translate({
      id: 'theme.charmDiagram.error.source',
      message: 'Mermaid source',
      description: 'Summary of the Mermaid source shown in the error box',
    }),
  tooLarge: (length: number, limit: number): string =>
    translate(
      {
        id: 'theme.charmDiagram.error.tooLarge',
        message:
          'The Mermaid source has {length} characters, more than the {limit} that Mermaid accepts (maxTextSize).',
        description: 'Error box message for a charm diagram over Mermaid’s size limit',
      },
      {length, limit},
    ),
};
