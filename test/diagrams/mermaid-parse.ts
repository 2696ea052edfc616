/**
 * Parse Mermaid text with the real mermaid 11 package, in Node under jest ESM.
 *
 * How: mermaid's ESM build (`mermaid` -> dist/mermaid.core.mjs) loads in jest
 * with `NODE_OPTIONS=--experimental-vm-modules` (node_modules are not
 * transformed; they run as native ESM through jest's module registry).
 * `mermaid.parse` needs a DOM only for DOMPurify, which mermaid imports as
 * `import DOMPurify from 'dompurify'` and which binds to a global `window` at
 * import time (without one: "DOMPurify.addHook is not a function").
 *
 * A jsdom window on `globalThis` works in a single test file but is NOT
 * usable here: jest 30's globals cleanup records every value set on the
 * global and, at teardown, "soft deletes" the jsdom window's properties,
 * which overflows the stack (RangeError in jest-util's protect setter) and
 * kills the worker. So instead `dompurify` is replaced, for this test file's
 * module registry, by a DOMPurify instance bound to a private jsdom window
 * (`jest.unstable_mockModule`, before mermaid is imported). No global is set.
 *
 * Parsing runs mermaid's own pre-processing (comment and directive
 * stripping, entity encoding) and the flowchart grammar; it does not lay out
 * (jsdom has no SVG geometry): render-browser.test.ts renders for real in
 * Chromium.
 */
import {createRequire} from 'node:module';
import {jest} from '@jest/globals';

// jsdom and dompurify's CJS build, loaded outside jest's ESM registry.
// (jsdom has no bundled types and @types/jsdom is not installed: type the one constructor used.)
type JSDOMCtor = new (html: string) => {window: unknown};
const require = createRequire(import.meta.url);
const {JSDOM} = require('jsdom') as {JSDOM: JSDOMCtor};
const createDOMPurify = require('dompurify') as (window: unknown) => unknown;

type Mermaid = typeof import('mermaid').default;
let loaded: Promise<Mermaid> | null = null;

export function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const {window} = new JSDOM('<!doctype html><html><body></body></html>');
    const purify = createDOMPurify(window);
    jest.unstable_mockModule('dompurify', () => ({default: purify}));
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
    return mermaid;
  })();
  return loaded;
}

/** Parse; resolves to the diagram type, rejects with mermaid's parse error. */
export async function parseMermaid(source: string): Promise<string> {
  const mermaid = await loadMermaid();
  const result = await mermaid.parse(source);
  if (!result) throw new Error('mermaid.parse returned false');
  return result.diagramType;
}

/** The accessible title and description of a diagram, as a browser shows them (see `shownText`). */
export async function accessibleTexts(source: string): Promise<{title: string; description: string}> {
  const mermaid = await loadMermaid();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as {getAccTitle?: () => string; getAccDescription?: () => string};
  return {title: shownText(db.getAccTitle?.() ?? ''), description: shownText(db.getAccDescription?.() ?? '')};
}

let textWindow: {document: Document} | null = null;

/**
 * What the page shows of a text mermaid writes into the SVG (`<title>`, `<desc>`): mermaid sets it
 * as the element's text, serialises the SVG, turns its entity placeholders into HTML entities
 * (mermaid's `decodeEntities`, the three replacements below) and the browser parses the result.
 */
function shownText(value: string): string {
  textWindow ??= new JSDOM('<!doctype html><html><body></body></html>').window as {document: Document};
  const element = textWindow.document.createElement('div');
  element.textContent = value;
  element.innerHTML = element.innerHTML.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  return element.textContent ?? '';
}
