/** How a directive's failure reaches the author: on the page's vfile, in the build log, or as a warning on the page. */
import type {RootContent} from 'mdast';
import type {VFile} from 'vfile';
import {DirectiveError, type CharmArchError} from '../errors.js';
import {paragraph, text, code} from '../sections/mdast.js';
import {displayPath, reportOnce} from '../report.js';
import type {SiteState} from '../state.js';

/**
 * A warning on the page's vfile (for remark tooling) and in the build log: Docusaurus does not
 * print vfile messages, and a drift note nobody sees is no check at all.
 */
export function warn(
  state: SiteState,
  file: VFile,
  message: string,
  place: {line: number; column: number},
  code: string,
): void {
  file.message(message, {place, ruleId: code, source: 'charm-architecture'});
  const where = `${pagePath(file)}:${place.line}:${place.column}`;
  reportOnce(state, message.startsWith(where) ? message : `${where}: ${code}: ${message}`);
}

/** The page's path as the build log shows it. */
export function pagePath(file: VFile): string {
  return displayPath(file.path ?? 'page');
}

/** An unexpected throw from inside the plugin, reported at the directive as a bug to report. */
export function internalError(
  thrown: unknown,
  directive: string,
  file: VFile,
  pos: {line: number; column: number},
): DirectiveError {
  const what = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return new DirectiveError({
    code: 'internal-error',
    message: `:::${directive} could not be generated: an internal error (${what.split('\n')[0]}).`,
    file: pagePath(file),
    line: pos.line,
    column: pos.column,
    hint: "This is a bug in docusaurus-plugin-charm-architecture: please report it with the charm; `onError: 'warn'` lets the build go on.",
  });
}

/** The message for a failed directive: the directive's own error, or the charm's read error under the page position. */
export function describe(error: CharmArchError, file: VFile, pos: {line: number; column: number}): string {
  const page = `${pagePath(file)}:${pos.line}:${pos.column}`;
  if (error instanceof DirectiveError) return error.format();
  return `${page}: the charm could not be read:\n${error.format()}`;
}

/** A visible warning where the section would be (the admonitions plugin renders it). */
export function warningAdmonition(message: string): RootContent {
  return {
    type: 'containerDirective',
    name: 'warning',
    attributes: {},
    children: [paragraph(text('This section could not be generated: ')), paragraph(code(message))],
  } as unknown as RootContent;
}
