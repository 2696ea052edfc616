/**
 * Charm text in the integration map and the catalog stays text: hostile charm names, display
 * names, endpoint names and interfaces give a map that real Mermaid parses, with no raw markup,
 * and mdast with no html / JSX nodes.
 */
import type {RootContent} from 'mdast';
import {matchFamily, type FamilyCharm} from '../../src/diagrams/family-match.js';
import {integrationMapDiagram} from '../../src/diagrams/integration-map.js';
import {FAMILY_SECTIONS} from '../../src/sections/index.js';
import {HOSTILE_STRINGS} from '../diagrams/hostile.js';
import {parseMermaid} from '../diagrams/mermaid-parse.js';
import {endpoint, makeModel} from '../diagrams/model-factory.js';

function hostileFamily(hostile: string): FamilyCharm[] {
  return [
    {
      id: 'a',
      model: makeModel({
        name: 'a',
        displayName: hostile,
        summary: hostile,
        endpoints: [endpoint(hostile, 'requires', hostile), endpoint('p', 'peers', hostile)],
      }),
    },
    {
      id: 'b',
      model: makeModel({
        name: 'b',
        displayName: `${hostile} b`,
        endpoints: [endpoint(`${hostile}-db`, 'provides', hostile, {optional: true})],
      }),
    },
  ];
}

function nodeTypes(nodes: readonly RootContent[]): Set<string> {
  const types = new Set<string>();
  const walk = (n: {type: string; children?: unknown[]}): void => {
    types.add(n.type);
    (n.children as Array<typeof n> | undefined)?.forEach(walk);
  };
  nodes.forEach((n) => walk(n));
  return types;
}

test.each(HOSTILE_STRINGS.map((s, i) => [i, s] as const))(
  'hostile string %i: the map parses, the sections hold text only',
  async (_i, hostile) => {
    const charms = hostileFamily(hostile);
    const diagram = integrationMapDiagram(matchFamily(charms));
    await expect(parseMermaid(diagram.source)).resolves.toBe('flowchart-v2');
    // The only lines are ours: init directive, header, 2 nodes, 1 edge, 2 classes.
    expect(
      diagram.source
        .split('\n')
        .filter(Boolean)
        .map((l) => l.trim().split(/[\s[(|"]/)[0]),
    ).toEqual(['%%{init:', 'flowchart', 'accTitle:', 'accDescr:', 'n0', 'n1', 'n0', 'class', 'class']);
    for (const name of ['integration-map', 'charm-catalog']) {
      const out = FAMILY_SECTIONS[name]!({charms, headingLevel: 2, attributes: {}});
      const types = nodeTypes(out);
      for (const t of [
        'html',
        'mdxJsxFlowElement',
        'mdxJsxTextElement',
        'mdxFlowExpression',
        'mdxTextExpression',
        'containerDirective',
        'leafDirective',
        'textDirective',
      ])
        expect(types.has(t)).toBe(false);
      // One section heading, the sub-headings of the map: charm text never adds a heading.
      expect(out.filter((n) => n.type === 'heading')).toHaveLength(name === 'integration-map' ? 3 : 1);
    }
  },
);
