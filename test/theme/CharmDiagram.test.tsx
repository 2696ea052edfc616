/**
 * <CharmDiagram> in React with a jsdom document. As @docusaurus/theme-mermaid's own test does, the
 * client hooks are mocked: here the mock renders an <svg> that records the Mermaid theme and
 * text it was given, and throws for text Mermaid would reject. The colour mode comes from a
 * context the test switches, as Docusaurus' useColorMode does. `translate()` is mocked with a
 * dictionary the test fills in. The real Mermaid run is in test/e2e (Chromium).
 */
import {jest} from '@jest/globals';
import {createContext, useContext, useMemo, type ReactNode} from 'react';
import {act} from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import type {MermaidConfig} from 'mermaid';
import type CharmDiagramDeclared from '@theme/CharmDiagram';

const ColorMode = createContext<'light' | 'dark'>('light');
/** Translations by id; an id missing here shows the English message, as in Docusaurus. */
const translations = new Map<string, string>();

interface RenderArgs {
  text: string;
  config: MermaidConfig;
}
/** Mermaid's own behaviour, in small: pending, a parse error (thrown), a size refusal (drawn), or an SVG. */
const useMermaidRenderResult = jest.fn(({text, config}: RenderArgs) => {
  if (text.includes('PENDING')) return null;
  if (text.includes('INVALID')) throw new Error('Parse error on line 2: unexpected INVALID');
  if (text.length > (config.maxTextSize ?? 50_000))
    return {
      svg: '<svg data-refused="true"><text>Maximum text size in diagram exceeded</text></svg>',
      bindFunctions: undefined,
    };
  return {
    svg: `<svg data-mermaid-theme="${String(config.theme)}" data-chars="${text.length}"></svg>`,
    bindFunctions: undefined,
  };
});

jest.unstable_mockModule('@docusaurus/theme-mermaid/client', () => ({
  MermaidContainerClassName: 'docusaurus-mermaid-container',
  useMermaidRenderResult,
  // What the real hook does: the site's options, with the theme of the current colour mode.
  useMermaidConfig: (): MermaidConfig => {
    const mode = useContext(ColorMode);
    return useMemo(() => ({startOnLoad: false, theme: mode === 'dark' ? 'dark' : 'default'}), [mode]);
  },
}));
jest.unstable_mockModule(
  '@docusaurus/Translate',
  () => ({
    translate: ({id, message}: {id: string; message: string}, values?: Record<string, string | number>) =>
      (translations.get(id) ?? message).replace(/\{(\w+)\}/g, (_m, name: string) =>
        String(values?.[name] ?? `{${name}}`),
      ),
  }),
  {virtual: true},
);

const {default: CharmDiagram} = await import('../../theme/CharmDiagram/index.js');
const {CHARM_MAX_TEXT_SIZE} = await import('../../theme/CharmDiagram/MermaidView.js');
const {deploymentDiagram} = await import('../../src/diagrams/index.js');
const {diagramNode} = await import('../../src/sections/diagrams.js');
const {diagramElementProps, toDiagramElement} = await import('../../src/remark/diagram-component.js');
const {sampleK8sModel} = await import('../diagrams/model-factory.js');

// The `declare module '@theme/CharmDiagram'` (theme/theme-charm-architecture.d.ts) matches the component: checked by `npm run typecheck`.
const declared: typeof CharmDiagramDeclared = CharmDiagram;

const SOURCE = 'flowchart LR\n  n0["pastebin"] --> n1["postgresql"]\n  class n0 ca-charm\n';
const ALT = JSON.stringify([
  {label: 'This charm', items: ['pastebin (Kubernetes charm)']},
  {
    label: 'Requires (this charm points at the provider)',
    items: ['database (postgresql_client), requires postgresql', 'ingress (ingress), requires Ingress provider'],
  },
  {label: 'Peer relations', items: []},
]);

let container: HTMLDivElement;
let root: Root;

function show(node: ReactNode, mode: 'light' | 'dark' = 'light'): void {
  act(() => root.render(<ColorMode.Provider value={mode}>{node}</ColorMode.Provider>));
}

beforeEach(() => {
  translations.clear();
  useMermaidRenderResult.mockClear();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('colour mode', () => {
  test('renders with the light theme, then again with the dark theme when the mode switches', () => {
    show(<CharmDiagram source={SOURCE} title="Deployment of pastebin" alt={ALT} />, 'light');
    expect(container.querySelector('.docusaurus-mermaid-container svg')?.getAttribute('data-mermaid-theme')).toBe(
      'default',
    );

    show(<CharmDiagram source={SOURCE} title="Deployment of pastebin" alt={ALT} />, 'dark');
    expect(container.querySelector('.docusaurus-mermaid-container svg')?.getAttribute('data-mermaid-theme')).toBe(
      'dark',
    );
    const themes = useMermaidRenderResult.mock.calls.map(([args]) => args.config.theme);
    expect(themes[0]).toBe('default');
    expect(themes.at(-1)).toBe('dark');
  });

  test('every render keeps strict security, the raised size limit and the charm classes in themeCSS, in both modes', () => {
    show(<CharmDiagram source={SOURCE} />, 'light');
    show(<CharmDiagram source={SOURCE} />, 'dark');
    for (const [{text, config}] of useMermaidRenderResult.mock.calls) {
      expect(text).toBe(SOURCE);
      expect(config).toMatchObject({securityLevel: 'strict', maxTextSize: CHARM_MAX_TEXT_SIZE});
      expect(config.themeCSS).toContain('.node.ca-charm rect');
    }
  });
});

describe('error box', () => {
  test("a source Mermaid rejects shows the plugin error box with Mermaid's message and the source, not a diagram", () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      show(<CharmDiagram source={'flowchart LR\n  INVALID -->'} title="Broken" />);
    } finally {
      logged.mockRestore();
    }
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.querySelector('p')?.textContent).toBe('This diagram could not be rendered.');
    expect(alert?.querySelector('pre')?.textContent).toBe('Parse error on line 2: unexpected INVALID');
    expect(alert?.querySelector('details summary')?.textContent).toBe('Mermaid source');
    expect(alert?.querySelector('details code')?.textContent).toBe('flowchart LR\n  INVALID -->');
    expect(container.querySelector('svg')).toBeNull();
  });

  test('a source over the size limit gets the error box and never reaches Mermaid', () => {
    const big = `flowchart LR\n${'  a --> b\n'.repeat(CHARM_MAX_TEXT_SIZE / 10)}`;
    show(<CharmDiagram source={big} />);
    expect(container.querySelector('[role="alert"] pre')?.textContent).toBe(
      `The Mermaid source has ${big.length} characters, more than the ${CHARM_MAX_TEXT_SIZE} that Mermaid accepts (maxTextSize).`,
    );
    expect(useMermaidRenderResult).not.toHaveBeenCalled();
  });

  test('the size refusal is rendered, not thrown, so the server render (no error boundary there) shows it too', () => {
    const big = `flowchart LR\n${'  a --> b\n'.repeat(CHARM_MAX_TEXT_SIZE / 10)}`;
    const html = renderToString(<CharmDiagram source={big} title="Huge" />);
    expect(html).toContain('role="alert"');
    expect(html).toContain(`The Mermaid source has ${big.length} characters`);
  });

  test("a source of 60,000 characters (over Mermaid's default 50,000) is rendered", () => {
    const wide = `flowchart LR\n${'  a --> b\n'.repeat(6000)}`;
    show(<CharmDiagram source={wide} />);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.querySelector('svg[data-refused]')).toBeNull();
    expect(container.querySelector('svg')?.getAttribute('data-chars')).toBe(String(wide.length));
  });
});

describe('text alternative', () => {
  test('the alt groups become nested lists under a summary, after the description', () => {
    show(
      <CharmDiagram
        source={SOURCE}
        title="Deployment of pastebin"
        alt={ALT}
        description="Pastebin and what it integrates with."
      />,
    );
    const details = container.querySelector('figure > details');
    expect(details?.querySelector('summary')?.textContent).toBe('Text version of this diagram');
    expect(details?.querySelector('p')?.textContent).toBe('Pastebin and what it integrates with.');
    const groups = Array.from(details?.querySelectorAll(':scope > ul > li') ?? []).map((li) => ({
      label: li.firstChild?.textContent,
      items: Array.from(li.querySelectorAll('li')).map((item) => item.textContent),
    }));
    expect(groups).toEqual(JSON.parse(ALT));
    expect(container.querySelector('figcaption')?.textContent).toBe('Deployment of pastebin');
    expect(container.querySelector('figure')?.getAttribute('aria-labelledby')).toBe(
      container.querySelector('figcaption')?.id,
    );
  });

  test('an alt that is not a list of groups shows no text version (and no crash)', () => {
    for (const alt of ['not json', '{"label":"x"}', '[{"items":["no label"]}]', '']) {
      show(<CharmDiagram source={SOURCE} alt={alt} />);
      expect(container.querySelector('figure > details')).toBeNull();
      expect(container.querySelector('svg')).not.toBeNull();
    }
  });
});

describe('translation', () => {
  test("every UI string comes from translate(): a site's translations replace them all", () => {
    const ids = [
      'loading',
      'tools',
      'zoomOut',
      'zoomIn',
      'resetZoom',
      'fullScreen',
      'copySource',
      'downloadSvg',
      'textVersion',
    ];
    for (const id of ids) translations.set(`theme.charmDiagram.${id}`, `«${id}»`);
    show(<CharmDiagram source={SOURCE} alt={ALT} />);
    const toolbar = container.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('«tools»');
    expect(
      Array.from(toolbar?.querySelectorAll('button') ?? []).map((b) => b.getAttribute('aria-label') ?? b.textContent),
    ).toEqual(['«zoomOut»', '«resetZoom»', '«zoomIn»', '«fullScreen»', '«copySource»', '«downloadSvg»']);
    expect(container.querySelector('summary')?.textContent).toBe('«textVersion»');
    show(<CharmDiagram source="PENDING" />);
    expect(container.querySelector('[aria-busy="true"]')?.textContent).toBe('«loading»');
  });

  test('the error box is translated too', () => {
    translations.set('theme.charmDiagram.error.title', 'Ce diagramme n’a pas pu être affiché.');
    translations.set('theme.charmDiagram.error.source', 'Source Mermaid');
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      show(<CharmDiagram source={'INVALID'} />);
    } finally {
      logged.mockRestore();
    }
    expect(container.querySelector('[role="alert"] p')?.textContent).toBe('Ce diagramme n’a pas pu être affiché.');
    expect(container.querySelector('[role="alert"] summary')?.textContent).toBe('Source Mermaid');
  });
});

describe('the element the remark half writes', () => {
  test('renders what the diagram builder made: Mermaid source, title as caption, description and text alternative', () => {
    const result = deploymentDiagram(sampleK8sModel());
    const attributes = diagramElementProps(toDiagramElement(diagramNode(result)));
    if (!attributes) throw new Error('toDiagramElement wrote no <CharmDiagram> element');
    // Typed as the shared contract's attributes: this line stops compiling if the component's props diverge from them.
    show(<CharmDiagram {...attributes} />);
    expect(useMermaidRenderResult.mock.calls.at(-1)?.[0].text).toBe(result.source);
    expect(container.querySelector('figcaption')?.textContent).toBe(result.title);
    const details = container.querySelector('figure > details');
    expect(details?.querySelector('p')?.textContent).toBe(result.description);
    const groups = Array.from(details?.querySelectorAll(':scope > ul > li') ?? []).map((li) => ({
      label: li.firstChild?.textContent,
      items: Array.from(li.querySelectorAll('li')).map((item) => item.textContent),
    }));
    expect(groups).toEqual(result.alt);
  });
});

test('the @theme/CharmDiagram declaration is the component', () => {
  expect(declared).toBe(CharmDiagram);
});
