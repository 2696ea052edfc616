import type {ContainerDirective, LeafDirective} from 'mdast-util-directive';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {directive as directiveSyntax} from 'micromark-extension-directive';
import {visit} from 'unist-util-visit';
import type {Directive} from '../sections/directive.js';
import {DIRECTIVE_NAMES, directiveNamed} from '../sections/registry.js';

/** One of this plugin's directives on a page: its descriptor and its node (attributes, children, position). */
export interface PageDirective {
  directive: Directive;
  node: ContainerDirective | LeafDirective;
}

/**
 * This plugin's directives in a page's Markdown source, found by the directive syntax remark
 * itself uses (an example inside a code fence is none), nested ones included, in page order.
 * For readers of pages remark is not compiling: the webpack pre-loader, the build warnings,
 * the catalog's links. A page naming no directive is not parsed.
 */
export function pageDirectives(source: string): PageDirective[] {
  if (!DIRECTIVE_NAMES.some((name) => source.includes(`:${name}`))) return [];
  const tree = fromMarkdown(source, {extensions: [directiveSyntax()], mdastExtensions: [directiveFromMarkdown()]});
  const found: PageDirective[] = [];
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const directive = directiveNamed(node.name);
    if (directive) found.push({directive, node});
  });
  return found;
}
