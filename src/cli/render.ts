import {resolve} from 'node:path';
import type {RootContent} from 'mdast';
import {loadCharmFor} from './at-ref.js';
import type {CharmModel} from '../model/index.js';
import {DEFAULT_OPTIONS} from '../options.js';
import {charmTitle} from '../sections/context.js';
import type {LinkOptions} from '../sections/context.js';
import {DIRECTIONS, LAYOUTS} from '../sections/deployment-diagram.js';
import {DIRECTIVE_NAMES, PAGE_DIRECTIVE, directiveNamed} from '../sections/registry.js';
import {heading, text} from '../sections/mdast.js';
import {choice, headingLevelOf, lastValue, parseArgs, type ParsedArgs} from './args.js';
import {UsageError} from '../errors.js';
import {EXIT, writeOut, type CliIO} from './io.js';
import {printMarkdown, printMyst} from './print/markdown.js';
import {printRst} from './print/rst.js';
import {sphinxTree} from './print/sphinx-tree.js';

export const RENDER_FORMATS = ['md', 'myst', 'rst'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Which tool reads which format: printed by `--help` and the README. */
export const FORMAT_HELP = `formats:
  md    GFM Markdown with \`\`\`mermaid diagrams: GitHub, and Docusaurus .md/.mdx pages (charm text is
        escaped for MDX too). In a Docusaurus site prefer the directives (:::${PAGE_DIRECTIVE.name}).
  myst  MyST Markdown for Sphinx with myst_parser and sphinxcontrib.mermaid: (label)= targets,
        \`\`\`{mermaid} directives, events as numbered sub-sections.
  rst   reStructuredText for Sphinx with sphinxcontrib.mermaid: .. _label: targets, .. mermaid::.
`;

const USAGE = `usage: charm-arch render <charm-dir> [--format md|myst|rst] [--section name]... [--heading-level N]
                        [--no-title] [--label-prefix PREFIX] [--out FILE] [--repository URL] [--branch NAME]
                        [--layout auto|full|compact] [--direction LR|TB] [--ref REF]
  Prints the architecture page from the charm: a page title and every section, or only the
  --section(s) named (then without a title). --heading-level is the level of the sections
  (default 2 under a title, 1 without). MyST and rst labels start with the charm's name
  (--label-prefix changes it; '' drops it), so several charms' pages fit in one Sphinx project.
  --layout and --direction set the deployment diagram's layout, as the directives' attributes do.
${FORMAT_HELP}`;

export interface RenderOptions {
  format: RenderFormat;
  sections: string[];
  /** Depth of each section's own heading. */
  headingLevel: number;
  /** A page title one level above the sections. */
  title?: boolean;
  /** MyST/rst labels: `prefix-id`; the charm's name when omitted. */
  labelPrefix?: string;
  repository?: string;
  branch?: string;
  /** Deployment diagram layout, as the directives' `layout` / `direction` attributes. */
  layout?: 'auto' | 'full' | 'compact';
  direction?: 'LR' | 'TB';
  /** Read the charm at this git ref; links then point at its commit. */
  ref?: string;
}

/** The page title: the same for `render` and `init`. */
export function pageTitle(model: CharmModel): string {
  return `${charmTitle(model)} charm architecture`;
}

/** The page (or sections) as Markdown, MyST or rst, from the same section builders the directives use. */
export function renderPage(charmDir: string, options: RenderOptions): string {
  const {model, commit, charmPathInRepository} = loadCharmFor(charmDir, options.ref);
  return renderModel(model, options, {
    ...(commit ? {branch: commit} : {}),
    ...(charmPathInRepository ? {charmPathInRepository} : {}),
  });
}

/** `at`: where links point when the charm was read at a git ref (its commit, the charm's folder in the repository). */
export function renderModel(
  model: CharmModel,
  options: RenderOptions,
  at: Partial<Pick<LinkOptions, 'branch' | 'charmPathInRepository'>> = {},
): string {
  const links: LinkOptions = {
    jujuDocsUrl: DEFAULT_OPTIONS.jujuDocsUrl,
    charmhubUrl: DEFAULT_OPTIONS.charmhubUrl,
    ...(options.repository ? {repository: options.repository} : {}),
    ...(options.branch ? {branch: options.branch} : {}),
    ...at,
  };
  // The page title's label is the whole-page directive's name.
  const nodes: RootContent[] = options.title
    ? [heading(Math.max(1, options.headingLevel - 1), PAGE_DIRECTIVE.name, text(pageTitle(model)))]
    : [];
  const attributes = {
    ...(options.layout ? {layout: options.layout} : {}),
    ...(options.direction ? {direction: options.direction} : {}),
  };
  for (const name of options.sections) {
    const directive = directiveNamed(name);
    if (!directive || directive.family) throw new Error(`Unknown section ${name}`);
    nodes.push(...directive.build({model, headingLevel: options.headingLevel, links, attributes, annotations: []}));
  }
  if (options.format === 'md') return printMarkdown(nodes);
  const sphinx = sphinxTree(nodes, options.labelPrefix ?? model.name);
  return options.format === 'myst' ? printMyst(sphinx) : printRst(sphinx);
}

/** `charm-arch render <charm-dir>`. */
export function renderCommand(args: string[], io: CliIO): number {
  let options: RenderOptions & {out?: string; dir: string};
  try {
    const parsed = parseArgs(args, {
      valued: [
        '--format',
        '--section',
        '--heading-level',
        '--out',
        '--repository',
        '--branch',
        '--label-prefix',
        '--layout',
        '--direction',
        '--ref',
      ],
      boolean: ['--no-title', '--help', '-h'],
    });
    if (parsed.flags.has('--help') || parsed.flags.has('-h')) {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    const sections = parsed.values.get('--section') ?? [];
    for (const s of sections)
      if (directiveNamed(s)?.family)
        throw new UsageError(`${s} reads several charms: use charm-arch render-map <charm-dir>...`);
    for (const s of sections)
      if (!DIRECTIVE_NAMES.includes(s))
        throw new UsageError(`unknown section ${s}; one of: ${DIRECTIVE_NAMES.join(', ')}`);
    const title = !sections.length && !parsed.flags.has('--no-title');
    const [dir, ...extra] = parsed.positional;
    if (!dir) throw new UsageError('needs a charm directory');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const out = lastValue(parsed, '--out');
    const repository = lastValue(parsed, '--repository');
    const branch = lastValue(parsed, '--branch');
    const labelPrefix = lastValue(parsed, '--label-prefix');
    options = {
      dir,
      format: choice('--format', lastValue(parsed, '--format'), RENDER_FORMATS, 'md'),
      sections: sections.length ? sections : [PAGE_DIRECTIVE.name],
      headingLevel: headingLevelOf(
        lastValue(parsed, '--heading-level'),
        title ? 2 : 1,
        title ? 2 : 1,
        title ? ' (level 1 is the page title; --no-title frees it)' : '',
      ),
      title,
      ...layoutOptions(parsed),
      ...(out ? {out} : {}),
      ...(repository ? {repository} : {}),
      ...(branch ? {branch} : {}),
      ...(labelPrefix !== undefined ? {labelPrefix} : {}),
      ...refOption(parsed),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`charm-arch render: ${error.message}\n`);
    return EXIT.error;
  }
  const page = renderPage(resolve(io.cwd, options.dir), options);
  if (options.out) writeOut(io, options.out, page);
  else io.stdout.write(page);
  return EXIT.ok;
}

/** `--layout` / `--direction`: the deployment diagram's layout, as the directives' attributes. */
function layoutOptions(parsed: ParsedArgs): Pick<RenderOptions, 'layout' | 'direction'> {
  const layout = lastValue(parsed, '--layout');
  const direction = lastValue(parsed, '--direction');
  return {
    ...(layout !== undefined ? {layout: choice('--layout', layout, LAYOUTS, 'auto')} : {}),
    ...(direction !== undefined ? {direction: choice('--direction', direction, DIRECTIONS, 'LR')} : {}),
  };
}

/** `--ref`: read the charm at a git ref (tag, branch, commit) instead of its working tree. */
function refOption(parsed: ParsedArgs): Pick<RenderOptions, 'ref'> {
  const ref = lastValue(parsed, '--ref');
  return ref !== undefined ? {ref} : {};
}
