import {writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Root, RootContent} from 'mdast';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {loadCharmFor, takeRef} from './at-ref.js';
import {DEFAULT_OPTIONS} from '../options.js';
import {buildSection, DIRECTIVE_NAMES} from '../sections/index.js';
import {EXIT, type CliIO} from './io.js';

export type RenderFormat = 'md' | 'myst';

export interface RenderOptions {
  format: RenderFormat;
  sections: string[];
  headingLevel: number;
  repository?: string;
  branch?: string;
  /** Read the charm at this git ref; links then point at its commit. */
  ref?: string;
}

/** The page (or sections) as Markdown or MyST, from the same section builders the directives use. */
export function renderPage(charmDir: string, options: RenderOptions): string {
  const {model, commit, charmPathInRepository} = loadCharmFor(charmDir, options.ref);
  const nodes: RootContent[] = [];
  for (const name of options.sections) {
    nodes.push(
      ...buildSection(name, {
        model,
        headingLevel: options.headingLevel,
        links: {jujuDocsUrl: DEFAULT_OPTIONS.jujuDocsUrl, charmhubUrl: DEFAULT_OPTIONS.charmhubUrl, ...(options.repository ? {repository: options.repository} : {}), ...(options.branch ? {branch: options.branch} : {}), ...(commit ? {branch: commit} : {}), ...(charmPathInRepository ? {charmPathInRepository} : {})},
        attributes: {},
        annotations: [],
      }),
    );
  }
  const tree: Root = {type: 'root', children: options.format === 'myst' ? nodes.flatMap(toMyst) : nodes};
  return toMarkdown(tree, {extensions: [gfmToMarkdown()], bullet: '-', fences: true, rule: '-'});
}

/** MyST: `(label)=` targets before headings, ```{mermaid} fences. */
function toMyst(node: RootContent): RootContent[] {
  if (node.type === 'code' && node.lang === 'mermaid') return [{...node, lang: '{mermaid}'}];
  if (node.type === 'heading') {
    const id = (node.data as {hProperties?: {id?: string}} | undefined)?.hProperties?.id;
    if (id) return [{type: 'html', value: `(${id})=`}, node];
  }
  return [node];
}

export function renderCommand(argv: string[], io: CliIO): number {
  const {ref, rest: args} = takeRef(argv);
  let format: RenderFormat = 'md';
  const sections: string[] = [];
  let out: string | undefined;
  let dir: string | undefined;
  let headingLevel = 1;
  let repository: string | undefined;
  let branch: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--format') {
        const f = next();
        if (f !== 'md' && f !== 'myst') throw new UsageError(`--format must be md or myst, not ${f}`);
        format = f;
      } else if (a === '--section') {
        const s = next();
        if (!DIRECTIVE_NAMES.includes(s)) throw new UsageError(`unknown section ${s}; one of: ${DIRECTIVE_NAMES.join(', ')}`);
        sections.push(s);
      } else if (a === '--out') out = next();
      else if (a === '--heading-level') headingLevel = Number(next());
      else if (a === '--repository') repository = next();
      else if (a === '--branch') branch = next();
      else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
      else dir = a;
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr.write(`charm-arch render: ${error.message}\n`);
        return EXIT.error;
      }
      throw error;
    }
  }
  if (!dir) {
    io.stderr.write('usage: charm-arch render <charm-dir> [--format md|myst] [--section name]... [--out FILE]\n');
    return EXIT.error;
  }
  const text = renderPage(resolve(io.cwd, dir), {format, sections: sections.length ? sections : ['charm-architecture'], headingLevel, ...(repository ? {repository} : {}), ...(branch ? {branch} : {}), ...(ref !== undefined ? {ref} : {})});
  if (out) writeFileSync(resolve(io.cwd, out), text);
  else io.stdout.write(text);
  return EXIT.ok;
}

class UsageError extends Error {}
