/** `charm-arch render-map <charm-dir>...`: the integration map (and catalog) of a family of charms, as Markdown or MyST. */
import {basename, resolve} from 'node:path';
import type {RootContent} from 'mdast';
import {loadCharmCached} from '../model/index.js';
import type {FamilyCharm} from '../sections/family.js';
import {FAMILY_DIRECTIVES} from '../sections/registry.js';
import {EXIT, type CliIO} from './io.js';
import {printMarkdown, printMyst} from './print/markdown.js';
import {printRst} from './print/rst.js';
import {sphinxTree} from './print/sphinx-tree.js';
import type {RenderFormat} from './render.js';

export interface RenderMapOptions {
  format: RenderFormat;
  headingLevel: number;
  /** The flags of the family sections printed only on request (`--catalog`: the catalog table, without page links: there is no site). */
  flags: readonly string[];
}

/** The family sections' own flags (`--catalog`). */
const SECTION_FLAGS = FAMILY_DIRECTIVES.flatMap((d) => (d.renderMap.flag ? [d.renderMap.flag] : []));

const USAGE = `usage: charm-arch render-map <charm-dir>... [--format md|myst|rst] ${SECTION_FLAGS.map((f) => `[${f}] `).join('')}[--heading-level N] [--out FILE]\n`;

/** Each directory loaded once; ids are the charm names (a second charm of the same name gets its folder name). */
export function loadFamily(dirs: readonly string[]): FamilyCharm[] {
  const charms: FamilyCharm[] = [];
  for (const dir of dirs) {
    const model = loadCharmCached(dir);
    const taken = charms.some((c) => c.id === model.name);
    charms.push({id: taken ? `${model.name}@${basename(dir)}` : model.name, model});
  }
  return charms;
}

export function renderMap(dirs: readonly string[], options: RenderMapOptions): string {
  const charms = loadFamily(dirs);
  const sections = FAMILY_DIRECTIVES.filter((d) => !d.renderMap.flag || options.flags.includes(d.renderMap.flag)).sort(
    (a, b) => a.renderMap.rank - b.renderMap.rank,
  );
  const nodes: RootContent[] = sections.flatMap((d) =>
    d.build({charms, headingLevel: options.headingLevel, attributes: {}}),
  );
  if (options.format === 'md') return printMarkdown(nodes);
  // No charm owns the family page: its labels are left unprefixed (as its sections' heading ids).
  const sphinx = sphinxTree(nodes, '');
  return options.format === 'myst' ? printMyst(sphinx) : printRst(sphinx);
}

export async function renderMapCommand(args: string[], io: CliIO): Promise<number> {
  const options: RenderMapOptions = {format: 'md', headingLevel: 1, flags: []};
  const dirs: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    if (a === '--format') {
      const f = value();
      if (f !== 'md' && f !== 'myst' && f !== 'rst')
        return usage(io, `--format must be md, myst or rst, not ${f ?? 'nothing'}`);
      options.format = f;
    } else if (a === '--heading-level') {
      const n = value();
      if (!n || !/^[1-6]$/.test(n))
        return usage(io, `--heading-level must be a number from 1 to 6, not ${n ?? 'nothing'}`);
      options.headingLevel = Number(n);
    } else if (a === '--out') {
      out = value();
      if (!out) return usage(io, '--out needs a file name');
    } else if (SECTION_FLAGS.includes(a)) options.flags = [...options.flags, a];
    else if (a.startsWith('-')) return usage(io, `unknown option ${a}`);
    else dirs.push(resolve(io.cwd, a));
  }
  if (!dirs.length) return usage(io, 'name at least one charm directory');
  const text = renderMap(dirs, options);
  if (out) (await import('node:fs')).writeFileSync(resolve(io.cwd, out), text);
  else io.stdout.write(text);
  return EXIT.ok;
}

function usage(io: CliIO, problem: string): number {
  io.stderr.write(`charm-arch render-map: ${problem}\n${USAGE}`);
  return EXIT.error;
}
