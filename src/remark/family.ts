/**
 * The remark side of the directives that read the whole family (`FamilyDirective`): which
 * charms, each loaded once through the model cache, and (for a directive that reads the site's
 * pages, the catalog) which page documents each.
 */
import {isAbsolute, resolve} from 'node:path';
import type {RootContent} from 'mdast';
import type {ContainerDirective, LeafDirective} from 'mdast-util-directive';
import type {VFile} from 'vfile';
import {docVersionOf, refFor} from '../doc-versions.js';
import {loadCharmCachedAt} from '../model/index.js';
import type {CharmModel} from '../model/index.js';
import type {ErrorCode} from '../errors.js';
import type {FamilyDirective} from '../sections/directive.js';
import type {FamilyCharm} from '../sections/family.js';
import type {SiteState} from '../state.js';
import {charmPages} from './charm-pages.js';
import {adoptHeading, type AuthorHeading} from './adopt.js';

export interface FamilyExpansion {
  attributes: Readonly<Record<string, string>>;
  /** Depth of the enclosing heading. */
  headingDepth: number;
  file: VFile;
  state: SiteState;
  /** The site's directory (the Docusaurus plugin half is installed). */
  siteDir: string;
  /** Throws the page-positioned error of the remark half. */
  fail: (code: ErrorCode, message: string, hint?: string) => never;
  /** Prints a charm's own warnings once per load. */
  report: (model: CharmModel, dir: string) => void;
  /** The author heading the directive stands under, which it adopts when its title is the section's. */
  author?: AuthorHeading;
}

/** `charms="a, b"`, or every configured charm in configuration order. */
function selectedIds(name: string, x: FamilyExpansion): string[] {
  const configured = Object.keys(x.state.options.charms);
  if (x.attributes['charm'] !== undefined)
    x.fail(
      'unknown-attribute',
      `:::${name} reads several charms and takes no \`charm\`.`,
      'Name them with charms="id1,id2", or leave it out for every configured charm.',
    );
  const listed = x.attributes['charms'];
  if (listed === undefined) return configured;
  const ids = listed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length)
    x.fail(
      'bad-attribute',
      `charms on :::${name} names no charm.`,
      `Write charms="id1,id2" with ids from: ${configured.join(', ')}, or leave it out for every charm.`,
    );
  for (const id of ids) {
    if (!configured.includes(id))
      x.fail(
        'unknown-charm',
        `Unknown charm \`${id}\` in charms on :::${name}.`,
        `Configured charms: ${configured.join(', ')}. Add it to the plugin's \`charms\` option.`,
      );
  }
  return [...new Set(ids)];
}

/**
 * The section for a family directive whose attribute values were checked against its schema;
 * errors go through `fail` (onError applies).
 */
export function expandFamily(
  node: ContainerDirective | LeafDirective,
  directive: FamilyDirective,
  x: FamilyExpansion,
): RootContent[] {
  const level = x.attributes['heading-level'];
  const ids = selectedIds(node.name, x);
  const {options} = x.state;
  const siteDir = x.siteDir;
  const charms: FamilyCharm[] = ids.map((id) => {
    const path = options.charms[id]!.path;
    const dir = isAbsolute(path) ? path : resolve(siteDir, path);
    // Each charm where the page reads it: the directive's ref, the page's doc version, the charm's ref.
    const ref = refFor(
      x.attributes['ref'],
      options.charms[id]!.ref,
      options.versions,
      docVersionOf(options.id, x.file.path),
    );
    const {model} = loadCharmCachedAt(dir, ref, {maxFileBytes: options.maxFileBytes});
    x.report(model, dir);
    return {id, model};
  });
  const pages =
    directive.readsSitePages && x.file.path ? charmPages(siteDir, resolve(x.file.path), ids, options) : undefined;
  const build = (headingLevel: number): RootContent[] =>
    directive.build({charms, headingLevel, attributes: x.attributes, ...(pages ? {pages} : {})});
  // Author prose goes under the section heading, above the generated content.
  const prose = node.children.filter(
    (c) => !(c.type === 'paragraph' && (c.data as {directiveLabel?: boolean} | undefined)?.directiveLabel),
  ) as RootContent[];
  // Under `## Catalog` (or another of its titles) the section's own heading would say it twice.
  const adopted =
    x.author && level === undefined ? adoptHeading(directive.titles, x.author, build(x.author.heading.depth)) : null;
  if (adopted) return [...prose, ...adopted];
  const generated = build(level !== undefined ? Number(level) : Math.min(6, x.headingDepth + 1));
  return generated[0]?.type === 'heading' ? [generated[0], ...prose, ...generated.slice(1)] : [...prose, ...generated];
}
