/**
 * reStructuredText from the section builders' mdast (after `sphinxTree`), for Sphinx projects
 * written in rst: `.. _label:` targets, `.. mermaid::` diagrams (sphinxcontrib-mermaid),
 * `.. list-table::` tables.
 *
 * Charm text is inert: every character rst gives meaning to inside a paragraph (roles,
 * interpreted text, literals, emphasis, targets, substitutions, footnotes, embedded URIs) is
 * backslash-escaped, and a block never starts with list, directive, comment or table markup.
 * rst cannot nest inline markup, so a link's or emphasis's text is printed as plain text.
 */
import type {Code, Heading, List, PhrasingContent, RootContent, Table} from 'mdast';
import {withStaticStyles} from '../../diagrams/index.js';
import {elementId} from './sphinx-tree.js';

/** Title adornments by heading depth (Sphinx takes levels from the order styles appear in a file). */
const ADORNMENT = ['=', '-', '~', '^', '"', "'"];
const INDENT = '   ';

export function printRst(nodes: RootContent[]): string {
  return `${blocks(nodes).join('\n\n')}\n`;
}

function blocks(nodes: RootContent[]): string[] {
  return nodes.map(labelled).filter((b): b is string => b !== null);
}

/** A block with its `.. _label:` target when it has an id. */
function labelled(node: RootContent): string | null {
  const text = block(node);
  const id = elementId(node);
  return text !== null && id ? `.. _${id}:\n\n${text}` : text;
}

function block(node: RootContent): string | null {
  switch (node.type) {
    case 'heading':
      return heading(node);
    case 'paragraph':
      return paragraphText(node.children);
    case 'list':
      return list(node);
    case 'code':
      return code(node);
    case 'charmDiagram':
      // The CLI's diagram adapter for rst: sphinxcontrib-mermaid's directive around the Mermaid source.
      return literalBlock('.. mermaid::', withStaticStyles(node.source));
    case 'table':
      return table(node);
    case 'blockquote':
      // The empty comment ends a preceding list, so the indented block is a quote, not the list's.
      return `..\n\n${indent(blocks(node.children).join('\n\n'))}`;
    case 'html':
      return paragraphText([{type: 'text', value: node.value}]);
    default:
      // thematic breaks (rst forbids transitions at a section's edges), definitions: nothing
      return null;
  }
}

function heading(node: Heading): string {
  const title = paragraphText(node.children);
  return `${title}\n${ADORNMENT[node.depth - 1]!.repeat(Math.max(title.length, 4))}`;
}

function list(node: List): string {
  const start = node.start ?? 1;
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${start + i}. ` : '- ';
      const body = blocks(item.children).join('\n\n') || '\\';
      const pad = ' '.repeat(marker.length);
      return (
        marker +
        body
          .split('\n')
          .map((l, j) => (j === 0 || !l ? l : pad + l))
          .join('\n')
      );
    })
    .join('\n\n');
}

function code(node: Code): string | null {
  return literalBlock(`.. code-block:: ${node.lang ?? 'text'}`, node.value);
}

/** A directive whose content is `text` taken literally; nothing for blank text. */
function literalBlock(directive: string, text: string): string | null {
  return text.trim() ? `${directive}\n\n${indent(text)}` : null;
}

function table(node: Table): string {
  const rows = node.children.map((row) =>
    row.children.map((cell, c) => `${c === 0 ? '* - ' : '  - '}${paragraphText(cell.children) || '\\'}`).join('\n'),
  );
  return `.. list-table::\n   :header-rows: 1\n\n${indent(rows.join('\n'))}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.trim() ? INDENT + l : ''))
    .join('\n');
}

/** Inline content on one line, starting with nothing rst would read as block markup. */
function paragraphText(children: PhrasingContent[]): string {
  return inline(children).replace(/\s+/g, ' ').trim();
}

/** `1. x`, `a) x`, `(i) x`, `- x`, `.. x`, `| x`, `>>> x` at a block's start: the first mark escaped. */
function guardStart(text: string): string {
  const enumerator = /^(\(?)(\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)([.)])(\s|$)/.exec(text);
  if (enumerator) return enumerator[1] ? `\\${text}` : `${enumerator[2]}\\${text.slice(enumerator[2]!.length)}`;
  return /^[-+*•#.>|=~^'"!]/.test(text) ? `\\${text}` : text;
}

/** Characters with inline meaning in rst (and the escape itself); a colon only where it could open a role or field. */
function escape(text: string): string {
  return text.replace(/[\\`*_|[\]<>]|:(?=[\w:`]|$)/g, '\\$&');
}

/** Plain text of phrasing content. */
function plain(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) =>
      'value' in n ? n.value : 'children' in n ? plain(n.children) : n.type === 'image' ? (n.alt ?? '') : ' ',
    )
    .join('');
}

/** What may stand right before inline markup's start, and right after its end, without a separator. */
const OPENS_MARKUP = /(^|[^\\])[\s\-:/'"<([{]$/;
const CLOSES_MARKUP = /^[\s\-.,:;!?/'")\]}>]/;

/**
 * Inline markup must be set off from neighbouring word characters; an escaped space (`\ `,
 * removed by docutils) does that without adding a visible space.
 */
function inline(nodes: PhrasingContent[]): string {
  let out = '';
  let afterMarkup = false;
  const add = (text: string, markup: boolean): void => {
    // text that opens the block must not read as a list, directive, comment or table
    const piece = out || markup ? text : guardStart(text.trimStart());
    if (!piece) return;
    if ((markup && out && !OPENS_MARKUP.test(out)) || (afterMarkup && !CLOSES_MARKUP.test(piece))) out += '\\ ';
    out += piece;
    afterMarkup = markup;
  };
  // rst cannot nest markup: a link in emphasis is worth more than the emphasis
  const flat = nodes.flatMap((n) =>
    (n.type === 'strong' || n.type === 'emphasis') && n.children.some((c) => c.type === 'link') ? n.children : [n],
  );
  for (const node of flat) {
    if (node.type === 'inlineCode') {
      const value = node.value.replace(/\s+/g, ' ');
      // `` cannot hold backticks or edge spaces: such a literal stays escaped text
      if (value.includes('`') || /^\s|\s$/.test(value) || !value) add(escape(value), false);
      else add(`\`\`${value}\`\``, true);
    } else if (node.type === 'link') {
      const label = plain(node.children).replace(/\s+/g, ' ').trim();
      if (/^[^\s<>`]+$/.test(node.url) && label) add(`\`${escape(label)} <${node.url}>\`__`, true);
      else add(escape(label), false);
    } else if (node.type === 'strong' || node.type === 'emphasis') {
      const mark = node.type === 'strong' ? '**' : '*';
      const value = plain(node.children).replace(/\s+/g, ' ').trim();
      if (value) add(`${mark}${escape(value)}${mark}`, true);
    } else if (node.type === 'sphinxRef') {
      add(
        `:ref:\`${escape(node.title.replace(/[`<>]/g, '').replace(/\s+/g, ' ').trim()) || node.label} <${node.label}>\``,
        true,
      );
    } else if (node.type === 'break') add(' ', false);
    else add(escape(plain([node])), false);
  }
  return out;
}
