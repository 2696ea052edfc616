import {roleToken} from './markdown.js';
import {OutlineBuilder, type DocBlockKind, type DocOutline, type DocToken} from './types.js';

/**
 * A small line-based reStructuredText reader.
 *
 * Why not a real parser: no reStructuredText parser is installed in this project (docutils is
 * Python; the npm ports are unmaintained or render to HTML and drop line numbers), and the check
 * needs only what architecture pages are made of: section titles (underlined, optionally
 * overlined), bullet and enumerated lists, `list-table` rows, paragraphs, and in them ``literals``,
 * `:role:` references, `text <url>`_ links and `interpreted text`. Literal blocks (`::`), code and
 * mermaid directives and comments are skipped. Anything else is read as paragraph text, which can
 * only make the check find a name, never invent a section.
 */
export function readRst(source: string): DocOutline {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const builder = new OutlineBuilder();
  const styles: string[] = [];
  let para: Paragraph | null = null;
  const flush = (): void => {
    if (para)
      builder.block({
        kind: para.kind,
        line: para.line,
        tokens: para.text.flatMap((t, i) => rstInline(t, para!.lines[i]!)),
      });
    para = null;
  };
  const start = (kind: DocBlockKind, line: number, text: string): void => {
    flush();
    para = {kind, line, text: [text], lines: [line]};
  };
  let skipIndent = -1; // skipping an indented block (literal, code, comment) deeper than this
  let literalNext = false;
  let inListTable = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const indent = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (skipIndent >= 0) {
      if (!trimmed || indent > skipIndent) continue;
      skipIndent = -1;
    }
    if (!trimmed) {
      flush();
      if (literalNext) {
        // the block after `::` is literal: skip what is indented deeper than the paragraph
        skipIndent = literalIndent(lines, i);
        literalNext = false;
      }
      continue;
    }
    if (inListTable >= 0 && indent <= inListTable) inListTable = -1;
    // Section title: text underlined (and maybe overlined) with one punctuation character.
    const next = lines[i + 1]?.trimEnd() ?? '';
    if (
      indent === 0 &&
      isAdornment(trimmed) &&
      isTitleLine(lines[i + 1]) &&
      isAdornment(lines[i + 2]?.trim() ?? '') &&
      lines[i + 2]!.trim()[0] === trimmed[0]
    ) {
      flush();
      const title = lines[i + 1]!.trim();
      builder.heading(levelOf(styles, `${trimmed[0]}o`), {
        kind: 'heading',
        line: i + 2,
        tokens: rstInline(title, i + 2),
      });
      i += 2;
      continue;
    }
    if (
      indent === 0 &&
      !isAdornment(trimmed) &&
      isAdornment(next) &&
      next.length >= Math.min(trimmed.length, 3) &&
      !trimmed.startsWith('.. ')
    ) {
      flush();
      builder.heading(levelOf(styles, next[0]!), {kind: 'heading', line: lineNo, tokens: rstInline(trimmed, lineNo)});
      i += 1;
      continue;
    }
    // Explicit markup: directives, targets, comments.
    const dir = /^\.\.\s+([\w:-]+)::\s*(.*)$/.exec(trimmed);
    if (dir) {
      flush();
      const name = dir[1]!.toLowerCase();
      if (name === 'list-table' || name === 'table') inListTable = indent;
      else if (
        ![
          'note',
          'seealso',
          'tip',
          'warning',
          'important',
          'admonition',
          'attention',
          'hint',
          'caution',
          'rubric',
        ].includes(name)
      )
        skipIndent = indent;
      // list-table and admonitions: their indented content is read as usual (options lines `:x:` are skipped below)
      continue;
    }
    if (/^\.\.(\s|$)/.test(trimmed)) {
      // target (`.. _label:`), substitution or comment: skip it and its indented continuation
      flush();
      skipIndent = indent;
      continue;
    }
    if (/^:[\w-]+:(\s|$)/.test(trimmed) && !para) continue; // directive option / field list
    const literal = /::\s*$/.test(trimmed);
    const text = literal ? trimmed.replace(/\s*::\s*$/, trimmed.endsWith(' ::') ? '' : ':') : trimmed;
    // List-table rows (`* - cell`) and their further cells (`- cell`).
    const row = /^\*\s+-\s+(.*)$/.exec(trimmed);
    if (inListTable >= 0 && row) start('row', lineNo, row[1]!);
    else if (inListTable >= 0 && /^-\s+/.test(trimmed)) {
      // a further cell of the current row: part of the row, never its lead
      const open = para as Paragraph | null;
      if (open?.kind === 'row') {
        open.text.push(` | ${trimmed.replace(/^-\s+/, '')}`);
        open.lines.push(lineNo);
      } else start('paragraph', lineNo, trimmed.replace(/^-\s+/, ''));
    } else {
      const item = /^(?:[-*+•]|#\.|\(?\d+[.)]|\(?[a-z][.)])\s+(.*)$/.exec(trimmed);
      if (item) start('item', lineNo, item[1]!);
      else {
        const open = para as Paragraph | null;
        if (open) {
          open.text.push(` ${text}`);
          open.lines.push(lineNo);
        } else start('paragraph', lineNo, text);
      }
    }
    if (literal) literalNext = true;
  }
  flush();
  return {format: 'rst', sections: builder.sections(), directives: []};
}

interface Paragraph {
  kind: DocBlockKind;
  line: number;
  text: string[];
  lines: number[];
}

const ADORNMENT = /^([=\-~^"'`#*+_.:<>!$%&,;?@\\|/])\1{2,}$/;

function isAdornment(line: string): boolean {
  return ADORNMENT.test(line.trim());
}

function isTitleLine(line: string | undefined): boolean {
  return !!line && !!line.trim() && !isAdornment(line);
}

/** Heading levels follow the order in which adornment styles first appear, as docutils does. */
function levelOf(styles: string[], style: string): number {
  let i = styles.indexOf(style);
  if (i < 0) {
    styles.push(style);
    i = styles.length - 1;
  }
  return i + 1;
}

/** Indent of the paragraph before a literal block: the literal block is what is deeper. */
function literalIndent(lines: string[], blank: number): number {
  for (let j = blank - 1; j >= 0; j--) {
    const l = lines[j]!;
    if (l.trim()) return l.length - l.trimStart().length;
  }
  return 0;
}

const INLINE =
  /``([^`]+?)``+|:([\w:-]+):`((?:\\.|[^`\\])+)`|`((?:\\.|[^`\\])+)`__?|`((?:\\.|[^`\\])+)`|\*\*([^*]+)\*\*/g;

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Inline markup of one line as tokens. */
export function rstInline(text: string, line: number): DocToken[] {
  const out: DocToken[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({type: 'text', text: unescape(text.slice(last, m.index)), line});
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.push({type: 'code', text: m[1], line});
    else if (m[2] !== undefined) {
      const role = m[2];
      const content = unescape(m[3]!);
      if (/^(code|literal|file|command|program|samp)$/.test(role)) out.push({type: 'code', text: content, line});
      else out.push(roleToken(content, line));
    } else if (m[4] !== undefined) {
      const content = unescape(m[4]);
      const link = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(content);
      out.push(link ? {type: 'link', text: link[1]!, url: link[2]!, line} : {type: 'link', text: content, line});
    } else if (m[5] !== undefined) out.push({type: 'code', text: unescape(m[5]), line});
    else if (m[6] !== undefined) out.push({type: 'strong', text: m[6], line});
  }
  if (last < text.length) out.push({type: 'text', text: unescape(text.slice(last)), line});
  return out;
}
