import fc from 'fast-check';
import {
  ACC_TEXT_MAX,
  accText,
  createIdGenerator,
  DEFAULT_LABEL_MAX,
  escapeLabel,
  normalizeText,
  quoted,
  quotedLines,
} from '../../src/diagrams/index.js';
import {HOSTILE_STRINGS} from './hostile.js';
import {accessibleTexts, parseMermaid} from './mermaid-parse.js';

/** Inverse of the encoding (entity codes back to characters), without the invisible word joiners. */
function decode(escaped: string): string {
  return escaped.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replaceAll('\u2060', '');
}

const SAFE_OUTPUT = /^(?:[A-Za-z0-9 .,\-/()]|#\d+;)+$/;

describe('escapeLabel', () => {
  test.each(HOSTILE_STRINGS.map((s, i) => [i, s] as const))(
    'hostile string %i is encoded with the allow-list and entity codes only',
    (_i, s) => {
      const out = escapeLabel(s);
      expect(out).toMatch(SAFE_OUTPUT);
      expect(decode(out)).toBe(normalizeText(s) || ' ');
      for (const bad of ['"', '%%', '{', '}', '[', ']', '|', '<', '>', '`', ':', '\n', '\r', 'fa:fa-']) {
        expect(out).not.toContain(bad);
      }
    },
  );

  test('risky characters use entity codes', () => {
    expect(escapeLabel('a"b')).toBe('a#34;b');
    expect(escapeLabel('#;%')).toBe('#35;#59;#37;');
    expect(escapeLabel('<script>')).toBe('#60;script#62;');
    expect(escapeLabel('x: y')).toBe('x#58; y');
    expect(escapeLabel('日')).toBe('#26085;');
    expect(escapeLabel('🚀')).toBe('#128640;'); // one code point, not two surrogates
    expect(escapeLabel('\u200F')).toBe('#8207;'); // RTL mark kept, as an entity
  });

  test('whitespace is collapsed, control characters dropped, empty stays valid', () => {
    expect(escapeLabel('a\nb\r\n\tc')).toBe('a b c');
    expect(escapeLabel('a\u0000\u0007b')).toBe('ab');
    expect(escapeLabel('')).toBe('#32;');
    expect(escapeLabel('   ')).toBe('#32;');
  });

  test('long text is truncated with an ellipsis at the limit', () => {
    const long = 'x'.repeat(500);
    expect(normalizeText(long)).toHaveLength(DEFAULT_LABEL_MAX);
    expect(normalizeText(long).endsWith('\u2026')).toBe(true);
    expect(escapeLabel(long)).toBe('x'.repeat(DEFAULT_LABEL_MAX - 1) + '#8230;');
    expect(normalizeText('🚀'.repeat(100), 10)).toBe('🚀'.repeat(9) + '\u2026');
    expect(normalizeText('short', 10)).toBe('short');
  });

  test('sequences mermaid reads after decoding get a word joiner', () => {
    expect(escapeLabel('$$x$$')).toBe('#36;#8288;#36;x#36;#8288;#36;');
    expect(escapeLabel('fa:fa-car')).toBe('fa#58;#8288;fa-car');
    expect(decode(escapeLabel('fa:fa-car $$ ﬂ°°35¶ß'))).toBe('fa:fa-car $$ ﬂ°°35¶ß');
  });

  test('quoted / quotedLines / accText', () => {
    expect(quoted('a"b')).toBe('"a#34;b"');
    expect(quotedLines(['a', '', 'b<br>'])).toBe('"a<br>b#60;br#62;"');
    expect(accText('x'.repeat(2000)).length).toBeLessThan(1100);
  });

  test('accessibility text reads as plain text in the source, encoded only where mermaid would misread it', () => {
    expect(accText('Arrows point to the provider; optional ones are dashed: see "Integrations".')).toBe(
      'Arrows point to the provider; optional ones are dashed: see "Integrations".',
    );
    expect(accText('C# #59; 50%% a:b <b> & x\u00A0y')).toBe('C# #35;59; 50#37;% a#58;b #60;b#62; #38; x#160;y');
    expect(accText('caf\u00e9 (3) [x] {y} `z`')).toBe('caf\u00e9 (3) [x] {y} `z`');
    expect(accText('\u202Eevil')).toBe('#8238;evil');
  });

  test('accessibility text: what mermaid shows is the text itself, and nothing becomes syntax', async () => {
    const texts = [
      ...HOSTILE_STRINGS,
      'Arrows point from the requirer to the provider; optional integrations are dashed.',
      'style a:#fff; classDef b:#000; #59; #amp; &amp; &lt; <b>bold</b> 50%% %%{init: {}}%% fa:fa-car $$x$$ \u00A0',
    ];
    for (const s of texts) {
      const source = `flowchart LR\n  accTitle: ${accText(s)}\n  accDescr: ${accText(s)}\n  n0["a"] --> n1["b"]\n`;
      await expect(parseMermaid(source)).resolves.toBe('flowchart-v2');
      const shown = await accessibleTexts(source);
      // (mermaid's placeholders keep an invisible word joiner, as in labels)
      expect(shown.description.replaceAll('\u2060', '')).toBe(normalizeText(s, ACC_TEXT_MAX) || ' ');
      expect(shown.title.replaceAll('\u2060', '')).toBe(normalizeText(s, ACC_TEXT_MAX) || ' ');
    }
  });

  test('ids are generated, never derived from names', () => {
    const ids = createIdGenerator();
    expect([ids.node(), ids.node(), ids.subgraph(), ids.node(), ids.subgraph()]).toEqual([
      'n0',
      'n1',
      'sg0',
      'n2',
      'sg1',
    ]);
  });

  test('the parser used here does reject invalid text', async () => {
    await expect(parseMermaid('flowchart LR\n  n0["unclosed]')).rejects.toThrow(/Parse error|Lexical error/);
    await expect(parseMermaid('flowchart LR\n  n0["a"b"]')).rejects.toThrow();
  });

  test('every hostile string parses as node label, edge label, subgraph title and accessibility text', async () => {
    for (const s of HOSTILE_STRINGS) {
      const src = [
        'flowchart LR',
        `  accTitle: ${accText(s)}`,
        `  accDescr: ${accText(s)}`,
        `  subgraph sg0[${quoted(s)}]`,
        `    n0[${quoted(s)}]`,
        `    n1(${quotedLines([s, s])})`,
        '  end',
        `  n0 -->|${quoted(s)}| n1`,
        `  n1 -.->|${quoted(s)}| n0`,
        '  classDef ca-optional stroke-dasharray:6 4',
        '  class n0 ca-charm',
        '  class n1 ca-optional',
      ].join('\n');
      await expect(parseMermaid(src)).resolves.toBe('flowchart-v2');
    }
  });

  test('property: any string gives a safe encoding that round-trips and parses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({unit: 'grapheme', maxLength: 80}),
          fc.string({unit: 'binary', maxLength: 80}),
          fc.constantFrom(...HOSTILE_STRINGS),
        ),
        async (s) => {
          const out = escapeLabel(s);
          expect(out).toMatch(SAFE_OUTPUT);
          expect(decode(out)).toBe(normalizeText(s) || ' ');
          await expect(
            parseMermaid(
              `flowchart TB\n  accTitle: ${accText(s)}\n  n0[${quoted(s)}] -->|${quoted(s)}| n1(${quoted(s)})\n`,
            ),
          ).resolves.toBe('flowchart-v2');
          const shown = await accessibleTexts(`flowchart TB\n  accDescr: ${accText(s)}\n  n0 --> n1\n`);
          expect(shown.description.replaceAll('\u2060', '')).toBe(normalizeText(s, ACC_TEXT_MAX) || ' ');
        },
      ),
      {numRuns: 300},
    );
  });
});
