/** The remark plugin: finds this plugin's directives on a page and expands each into mdast from its charm. */
import {isAbsolute, resolve} from 'node:path';
import type {Root, RootContent} from 'mdast';
import type {ContainerDirective, LeafDirective} from 'mdast-util-directive';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {docVersionOf, refFor} from '../doc-versions.js';
import {loadCharmCachedAt} from '../model/index.js';
import {CharmArchError, DirectiveError, type ErrorCode} from '../errors.js';
import {normalizeOptions, resolveCharm, type Options, type PluginOptions} from '../options.js';
import {checkAttributes} from '../sections/directive.js';
import {DIRECTIVE_NAMES, directiveNamed} from '../sections/registry.js';
import type {LinkOptions} from '../sections/context.js';
import {stateFor, type SiteState} from '../state.js';
import {adoptHeading, authorHeadingBefore, type AuthorHeading} from './adopt.js';
import {dropKeptTemplate, keptText, type KeptText} from './kept-template.js';
import {extractAnnotations} from './annotations.js';
import {
  charmWarningLines,
  DRIFT_CODE,
  DriftError,
  driftedAnnotations,
  driftLine,
  driftMessage,
  reportOnce,
} from '../report.js';
import {describe, internalError, pagePath, warn, warningAdmonition} from './directive-failure.js';
import {scrollableTables} from './table-scroll.js';
import {diagramImport, isDiagram, toDiagramElement} from './diagram-component.js';
import {expandFamily} from './family.js';

type Directive = ContainerDirective | LeafDirective;

export {DIRECTIVE_NAMES};

export {DirectiveError};

/**
 * The remark half: expands this plugin's directives into mdast. Belongs in
 * `beforeDefaultRemarkPlugins`, so generated headings get ids and reach the TOC.
 */
export function remarkCharmDirectives(options: Options | PluginOptions) {
  const normalized = normalizeOptions(options);
  const state = stateFor(normalized);
  return (tree: Root, file: VFile): void => {
    transform(tree, file, state);
  };
}

const isOurDirective = (node: {type: string}): boolean =>
  (node.type === 'containerDirective' || node.type === 'leafDirective') &&
  directiveNamed((node as Directive).name) !== undefined;

function transform(tree: Root, file: VFile, state: SiteState): void {
  const found: Array<{
    node: Directive;
    parent: {children: RootContent[]};
    headingDepth: number;
    author?: AuthorHeading;
    kept: KeptText;
  }> = [];
  let lastDepth = 1;
  visit(tree, (node, _index, parent) => {
    if (node.type === 'heading') lastDepth = node.depth;
    if (isOurDirective(node) && parent) {
      const siblings = (parent as {children: RootContent[]}).children;
      const author = authorHeadingBefore(siblings, node as RootContent, isOurDirective);
      const kept = keptText(siblings, node as RootContent, isOurDirective);
      found.push({node: node as Directive, parent, headingDepth: lastDepth, kept, ...(author ? {author} : {})});
    }
  });
  if (!found.length) return;
  let needsImport = false;
  // Innermost first: a directive inside another one is expanded before the outer one keeps it as prose.
  for (const {node, parent, headingDepth, author, kept} of found.reverse()) {
    // The template sentences the author kept around the directive are not written twice.
    const expanded = dropKeptTemplate(expand(node, headingDepth, file, state, author), kept);
    const generated = scrollableTables(expanded).map((n) => {
      if (isDiagram(n)) {
        needsImport = true;
        return toDiagramElement(n);
      }
      return n;
    });
    const index = parent.children.indexOf(node);
    if (index >= 0) parent.children.splice(index, 1, ...generated);
  }
  if (needsImport) tree.children.unshift(diagramImport());
}

/**
 * The directive's content. Under an author heading of its own section (`## Juju events` then the
 * events directive), the section adopts that heading: no second heading, sub-headings one level below.
 */
function expand(
  node: Directive,
  headingDepth: number,
  file: VFile,
  state: SiteState,
  author?: AuthorHeading,
): RootContent[] {
  const options = state.options;
  const pos = node.position?.start ?? {line: 1, column: 1};
  // Typed on the name, so that a call to it ends the path for the compiler too (no `!` after it).
  const fail: (code: ErrorCode, message: string, hint?: string) => never = (code, message, hint) => {
    throw new DirectiveError({
      code,
      message,
      file: pagePath(file),
      line: pos.line,
      column: pos.column,
      ...(hint ? {hint} : {}),
    });
  };
  try {
    const siteDir =
      state.siteDir ??
      fail(
        'plugin-missing',
        'The charm-architecture remark plugin runs, but the Docusaurus plugin half is not installed.',
        'Add `charms.plugin` (from charmArchitecture()) to `plugins` in docusaurus.config.',
      );
    const directive = directiveNamed(node.name)!;
    const attributes = Object.fromEntries(
      Object.entries(node.attributes ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    // An unknown attribute first; a bad value once the charm is known (a family directive has none to resolve).
    const problems = checkAttributes(directive, attributes);
    if (problems.unknown) fail(problems.unknown.code, problems.unknown.message, problems.unknown.hint);
    if (directive.family) {
      if (problems.value) fail(problems.value.code, problems.value.message);
      return expandFamily(node, directive, {
        attributes,
        headingDepth,
        ...(author ? {author} : {}),
        file,
        state,
        siteDir,
        fail,
        report: (model, dir) => {
          for (const line of charmWarningLines(model, dir)) reportOnce(state, line);
        },
      });
    }
    const choice = resolveCharm(attributes, options);
    const configured = Object.keys(options.charms).join(', ');
    if ('problem' in choice) {
      if (choice.problem === 'empty-charm')
        fail(
          'empty-charm',
          `:::${node.name} has an empty \`charm\` attribute.`,
          `Name a charm (one of: ${configured}), or leave \`charm\` out to use ${options.defaultCharm ? `the default charm \`${options.defaultCharm}\`` : 'the default charm'}.`,
        );
      if (choice.problem === 'unknown-charm')
        fail(
          'unknown-charm',
          `Unknown charm \`${choice.written}\` on :::${node.name}.`,
          `Configured charms: ${configured}. Add it to the plugin's \`charms\` option.`,
        );
      fail(
        'no-charm',
        `:::${node.name} names no charm and no \`defaultCharm\` is configured.`,
        `Add charm="<id>" (one of: ${configured}).`,
      );
    }
    const charm = options.charms[choice.id]!;
    if (problems.value) fail(problems.value.code, problems.value.message);
    const levelAttr = attributes['heading-level'];
    const headingLevel = levelAttr !== undefined ? Number(levelAttr) : Math.min(6, headingDepth + 1);
    const dir = isAbsolute(charm.path) ? charm.path : resolve(siteDir, charm.path);
    // At a git ref when the directive, the page's doc version (`versions`) or the charm names one.
    const ref = refFor(attributes['ref'], charm.ref, options.versions, docVersionOf(options.id, file.path));
    const {model, revision} = loadCharmCachedAt(dir, ref, {maxFileBytes: options.maxFileBytes});
    for (const line of charmWarningLines(model, dir)) reportOnce(state, line);
    const container = attributes['container'];
    if (
      container !== undefined &&
      !model.containers.some((c) => c.name === container) &&
      !model.pebble.some((l) => l.container === container)
    ) {
      fail(
        'unknown-container',
        `The charm ${model.name} has no container \`${container}\`.`,
        `Its containers: ${model.containers.map((c) => c.name).join(', ') || 'none (a machine charm)'}.`,
      );
    }
    const label = node.children.filter(
      (c) => !(c.type === 'paragraph' && (c.data as {directiveLabel?: boolean} | undefined)?.directiveLabel),
    );
    const {prose, annotations} = directive.annotations
      ? extractAnnotations(label)
      : {prose: label as RootContent[], annotations: []};
    const drifted = driftedAnnotations(model, annotations);
    // onDrift 'throw' (CI): a DriftError, which the catch below passes on: onError 'warn' does not downgrade it.
    if (drifted.length && options.onDrift === 'throw')
      throw new DriftError(drifted.map((a) => driftLine(pagePath(file), a.line ?? pos.line, model, a)).join('\n'));
    for (const a of drifted)
      warn(state, file, driftMessage(model, a), {line: a.line ?? pos.line, column: 1}, DRIFT_CODE);
    const links: LinkOptions = {
      jujuDocsUrl: options.jujuDocsUrl,
      charmhubUrl: options.charmhubUrl,
      ...(charm.repository ? {repository: charm.repository} : {}),
      ...(charm.branch ? {branch: charm.branch} : {}),
      ...(charm.pathInRepository ? {charmPathInRepository: charm.pathInRepository} : {}),
      // Old docs link to old code: the commit itself, and where the charm sat in the repository then.
      ...(revision
        ? {branch: revision.commit, charmPathInRepository: charm.pathInRepository ?? (revision.charmPath || '.')}
        : {}),
    };
    const build = (level: number): RootContent[] =>
      directive.build({model, headingLevel: level, links, attributes, annotations});
    const adopted =
      author && levelAttr === undefined ? adoptHeading(directive.titles, author, build(author.heading.depth)) : null;
    if (adopted) return [...prose, ...adopted];
    const generated = build(headingLevel);
    // Author prose goes under the section heading, above the generated content.
    return generated.length && generated[0]!.type === 'heading'
      ? [generated[0], ...prose, ...generated.slice(1)]
      : [...prose, ...generated];
  } catch (thrown) {
    if (thrown instanceof DriftError) throw thrown;
    // A bug met on some charm is still reported at the directive, and `onError: 'warn'` still holds.
    const error = thrown instanceof CharmArchError ? thrown : internalError(thrown, node.name, file, pos);
    const message = describe(error, file, pos);
    if (options.onError === 'warn') {
      warn(state, file, message, pos, error.code);
      return [warningAdmonition(message)];
    }
    // eslint-disable-next-line preserve-caught-error -- the message names the file, line and cause; with `cause`, the build's printout of it would add the stack from inside the parser
    throw new Error(message);
  }
}

export default remarkCharmDirectives;
