import type {Code, Nodes, PhrasingContent, Root, RootContent} from 'mdast';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {directiveNamed} from '../../sections/registry.js';
import {OutlineBuilder, type DocBlock, type DocBlockKind, type DocOutline, type DocToken} from './types.js';

const MYST_TARGET = /^\([^()\s]+\)=$/;
/** A MyST role just before a code span: `` {ref}`title <target>` ``. */
const ROLE_BEFORE = /\{([a-z][\w:-]*)\}$/;

/**
 * Reads Markdown and MyST with the mdast parser the plugin already uses (micromark + GFM).
 * MyST's extras that matter here are inline roles, which CommonMark sees as text followed by
 * a code span and are re-joined below; `(label)=` targets are plain paragraphs and
 * ```{directive} fences are code blocks, both ignored.
 */
export function readMarkdown(source: string, format: 'md' | 'myst'): DocOutline {
  const text = blankFrontMatter(source.replace(/\r\n?/g, '\n'));
  const builder = new OutlineBuilder();
  const found: DocOutline['directives'] = [];
  walk(parse(text), builder, found, format);
  return {format, sections: builder.sections(), directives: found};
}

function parse(text: string): Root {
  // Docusaurus directives only when the page has one: the text-directive syntax (`:name`) would
  // otherwise eat words such as `juju:hook` written outside code.
  const directives = /^\s*:::[a-z]/m.test(text);
  return fromMarkdown(text, {
    extensions: directives ? [gfm(), directive()] : [gfm()],
    mdastExtensions: directives ? [gfmFromMarkdown(), directiveFromMarkdown()] : [gfmFromMarkdown()],
  });
}

/** MyST directives whose body is Markdown prose: ```{note} ... ``` (the others hold code, diagrams, toctrees). */
const MYST_PROSE_DIRECTIVE =
  /^\{(note|tip|hint|important|warning|caution|attention|danger|error|seealso|admonition|dropdown|topic|sidebar)\}$/;

/** The body of a MyST prose directive, parsed with its lines kept true (directive options `:x: y` dropped). */
function mystDirectiveBody(node: Code): Root {
  const start = node.position?.start.line ?? 1;
  const body = node.value.replace(/^(?::[\w-]+:.*(?:\n|$))+/, (options) => options.replace(/[^\n]/g, ''));
  return parse('\n'.repeat(start) + body);
}

/** YAML front matter becomes blank lines, so line numbers stay true. */
function blankFrontMatter(text: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  if (!m) return text;
  return m[0].replace(/[^\n]/g, '') + text.slice(m[0].length);
}

function lineOf(node: {position?: {start: {line: number}}}, fallback = 1): number {
  return node.position?.start.line ?? fallback;
}

function walk(
  node: Root | RootContent,
  builder: OutlineBuilder,
  directives: DocOutline['directives'],
  format: 'md' | 'myst',
): void {
  const visit = (child: Root | RootContent): void => walk(child, builder, directives, format);
  switch (node.type) {
    case 'root':
    case 'blockquote':
      for (const child of node.children) visit(child);
      return;
    case 'code':
      // MyST admonitions are prose, headings aside (a heading in one would not start a section)
      if (format === 'myst' && node.lang && MYST_PROSE_DIRECTIVE.test(node.lang))
        for (const child of mystDirectiveBody(node).children) if (child.type !== 'heading') visit(child);
      return;
    case 'heading':
      builder.heading(node.depth, block('heading', node.children, lineOf(node)));
      return;
    case 'paragraph':
      // a MyST target `(label)=` names a place on the page, not a thing of the charm
      if (node.children.length === 1 && node.children[0]!.type === 'text' && MYST_TARGET.test(node.children[0].value))
        return;
      builder.block(block('paragraph', node.children, lineOf(node)));
      return;
    case 'list':
      for (const item of node.children) {
        let first = true;
        for (const child of item.children) {
          if (first && child.type === 'paragraph')
            builder.block(block('item', child.children, lineOf(child, lineOf(item))));
          else visit(child);
          first = false;
        }
      }
      return;
    case 'table':
      node.children.forEach((row, i) => {
        if (i === 0) return; // the header row names the columns
        const tokens: DocToken[] = [];
        row.children.forEach((cell, c) => {
          if (c > 0) tokens.push({type: 'text', text: ' | ', line: lineOf(row)});
          tokens.push(...inlineTokens(cell.children, lineOf(row)));
        });
        builder.block({kind: 'row', line: lineOf(row), tokens});
      });
      return;
    case 'containerDirective':
    case 'leafDirective':
      if (directiveNamed(node.name)) directives.push({name: node.name, line: lineOf(node)});
      else if (node.type === 'containerDirective') for (const child of node.children) visit(child);
      return;
    default:
      // html (comments), thematic breaks: not prose
      return;
  }
}

function block(kind: DocBlockKind, children: PhrasingContent[], line: number): DocBlock {
  return {kind, line, tokens: inlineTokens(children, line)};
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

function codesIn(node: Nodes): string[] {
  if (node.type === 'inlineCode') return [node.value];
  if ('children' in node) return (node.children as Nodes[]).flatMap(codesIn);
  return [];
}

/** Inline content as tokens; strong/emphasis are transparent unless they hold only text. */
export function inlineTokens(children: PhrasingContent[], fallbackLine: number): DocToken[] {
  const out: DocToken[] = [];
  const push = (t: DocToken): void => {
    const prev = out[out.length - 1];
    // MyST role: `{ref}` at the end of a text, then a code span.
    if (t.type === 'code' && prev?.type === 'text') {
      const m = ROLE_BEFORE.exec(prev.text);
      if (m) {
        prev.text = prev.text.slice(0, m.index);
        if (!prev.text) out.pop();
        out.push(roleToken(t.text, t.line));
        return;
      }
    }
    out.push(t);
  };
  const visit = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      const line = lineOf(node, fallbackLine);
      switch (node.type) {
        case 'text':
          push({type: 'text', text: node.value, line});
          break;
        case 'inlineCode':
          push({type: 'code', text: node.value, line});
          break;
        case 'link':
        case 'linkReference': {
          const codes = codesIn(node);
          push({
            type: 'link',
            text: plain(node),
            line,
            ...(node.type === 'link' ? {url: node.url} : {}),
            ...(codes.length ? {codes} : {}),
          });
          break;
        }
        case 'strong':
        case 'emphasis':
        case 'delete':
          if (node.children.every((c) => c.type === 'text')) push({type: 'strong', text: plain(node), line});
          else visit(node.children);
          break;
        case 'break':
          push({type: 'text', text: '\n', line});
          break;
        case 'textDirective':
          push({type: 'text', text: `:${node.name}${plain(node)}`, line});
          break;
        default:
          // html, images, footnote references: not names
          break;
      }
    }
  };
  visit(children);
  return out;
}

/** `title <target>` (or just `target`) of a MyST/Sphinx role. */
export function roleToken(content: string, line: number): DocToken {
  const m = /^([\s\S]*?)\s*<([^<>]+)>\s*$/.exec(content);
  if (m?.[1]?.trim()) return {type: 'ref', text: m[1].trim(), url: m[2]!, line};
  if (m) return {type: 'ref', text: m[2]!, url: m[2]!, line};
  return {type: 'ref', text: content.trim(), url: content.trim(), line};
}
