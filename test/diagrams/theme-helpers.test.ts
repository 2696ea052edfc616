import {fileNameFor, inlineCssVariables, parseAlt} from '../../theme/CharmDiagram/parseAlt.js';
import {CHARM_DIAGRAM_THEME_CSS, CLASS_PREFIX} from '../../theme/CharmDiagram/themeCss.js';
import {
  DIAGRAM_CLASS_PREFIX,
  DIAGRAM_CLASSES,
  PORTABLE_CLASS_STYLES,
  diagramClassName,
} from '../../src/diagrams/index.js';

describe('CharmDiagram helpers', () => {
  test('parseAlt accepts the JSON string or the array, and ignores anything else', () => {
    const groups = [{label: 'A', items: ['x', 'y']}];
    expect(parseAlt(JSON.stringify(groups))).toEqual(groups);
    expect(parseAlt(groups)).toEqual(groups);
    expect(parseAlt('not json')).toEqual([]);
    expect(parseAlt('{"label":"x"}')).toEqual([]);
    expect(parseAlt(undefined)).toEqual([]);
    expect(parseAlt('[{"label":1},{"label":"ok","items":["a",2,null]},null,"x"]')).toEqual([
      {label: 'ok', items: ['a']},
    ]);
    expect(parseAlt('[{"label":"no items"}]')).toEqual([{label: 'no items', items: []}]);
  });

  test('inlineCssVariables resolves values in force, else the fallback', () => {
    const vars: Record<string, string> = {'--a': ' red'};
    const lookup = (n: string) => vars[n] ?? '';
    expect(inlineCssVariables('fill: var(--a, blue); stroke: var(--b, rgb(1, 2, 3)); x: var(--c)', lookup)).toBe(
      'fill: red; stroke: rgb(1, 2, 3); x: initial',
    );
  });

  test('fileNameFor', () => {
    expect(fileNameFor('Deployment of the "x" charm')).toBe('deployment-of-the-x-charm.svg');
    expect(fileNameFor(undefined)).toBe('diagram.svg');
    expect(fileNameFor('日本')).toBe('diagram.svg');
  });

  test('themeCSS styles every class the builders assign, with Infima variables only (no literal-only colours)', () => {
    // The theme's prefix is the builders' (the theme imports no value from src/).
    expect(CLASS_PREFIX).toBe(DIAGRAM_CLASS_PREFIX);
    // Each class is styled by the theme or, colourless, by the diagram's own classDef.
    for (const cls of DIAGRAM_CLASSES) {
      expect({
        cls,
        styled:
          CHARM_DIAGRAM_THEME_CSS.includes(`.${diagramClassName(cls)} `) || PORTABLE_CLASS_STYLES[cls] !== undefined,
      }).toEqual({cls, styled: true});
    }
    // Never a bare class name a host page may style too (Sphinx's `.optional`).
    for (const cls of DIAGRAM_CLASSES) expect(CHARM_DIAGRAM_THEME_CSS).not.toMatch(new RegExp(`\\.${cls}\\b`));
    // every colour value is a var(--ifm-…, fallback)
    for (const m of CHARM_DIAGRAM_THEME_CSS.matchAll(/(?:fill|stroke|color): ([^;]+);/g)) {
      expect(m[1]).toMatch(/^var\(--ifm-/);
    }
  });
});
