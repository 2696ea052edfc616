import {existsSync, readFileSync, statSync} from 'node:fs';
import {relative, resolve, sep} from 'node:path';
import {loadCharmFor, takeRef} from './at-ref.js';
import {CharmArchError} from '../errors.js';
import {normaliseEventName} from '../model/index.js';
import {
  compare,
  CATEGORIES,
  type Category,
  type Comparison,
  type Finding,
  type SectionReport,
} from './doc-reader/compare.js';
import {readDoc, type DocFormat} from './doc-reader/index.js';
import {UsageError} from '../errors.js';
import {EXIT, type CliIO} from './io.js';

export type {Finding, SectionReport, Category};

const USAGE = `usage: charm-arch check <doc> <charm-dir> [--json] [--ignore [category:]name]... [--ignore-file FILE]
                        [--format md|myst|rst] [--only category]... [--ref REF]
  Compares a hand-written architecture page with the charm: events, containers, rocks, endpoints
  and actions, for each category the page has a section for. Exit 0 in sync, 1 drift, 2 error.
`;

export interface CheckOptions {
  /** Page format; by default from the extension and content. */
  format?: DocFormat;
  /** `name`, `category:name`, or globs (`*`) over either; accepted differences. */
  ignore?: string[];
  /** Compare only these categories. */
  only?: Category[];
  /** Compare with the charm at this git ref (`--ref v2`: did the 2.x page match 2.x's code). */
  ref?: string;
}

export interface CheckResult extends Comparison {
  doc: string;
  charm: string;
  format: DocFormat;
  /** Findings dropped by `ignore`. */
  ignored: Finding[];
}

/** Compares the page at `docPath` with the charm at `charmDir`; `docLabel` is how findings name the page. */
export function checkPage(
  docPath: string,
  charmDir: string,
  options: CheckOptions = {},
  docLabel = docPath,
): CheckResult {
  if (!existsSync(docPath) || !statSync(docPath).isFile()) {
    throw new CharmArchError({
      code: 'doc-not-found',
      file: docLabel,
      message: `Page not found: ${docLabel}.`,
      hint: 'Give the path of the hand-written architecture page (.md or .rst) first, then the charm directory.',
    });
  }
  const source = readFileSync(docPath, 'utf8');
  const outline = readDoc(docPath, source, options.format);
  const {model} = loadCharmFor(charmDir, options.ref);
  const result = compare(outline, model, docLabel, options.only ? new Set(options.only) : undefined);
  const rules = (options.ignore ?? []).map(ignoreRule);
  const findings: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of result.findings) (rules.some((r) => r(f)) ? ignored : findings).push(f);
  return {...result, findings, ignored, doc: docLabel, charm: model.name, format: outline.format};
}

const norm = (s: string): string => normaliseEventName(s.trim().replace(/^`|`$/g, ''));

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** `update-status`, `event:update_status`, `container:*`, `stale:event:*`; an unknown prefix is a usage error. */
function ignoreRule(spec: string): (f: Finding) => boolean {
  const parts = spec.split(':');
  const name = glob(norm(parts.pop()!));
  let category: string | undefined;
  let kind: string | undefined;
  for (const p of parts.map((x) => x.trim().toLowerCase())) {
    if (p === 'missing' || p === 'stale') kind = p;
    else if ((CATEGORIES as readonly string[]).includes(p.replace(/s$/, ''))) category = p.replace(/s$/, '');
    else
      throw new UsageError(
        `--ignore \`${spec}\`: \`${p}\` is not missing, stale or a category (${CATEGORIES.join(', ')})`,
      );
  }
  return (f) =>
    (!category || f.category === category) &&
    (!kind || f.kind === kind) &&
    (name.test(norm(f.name)) || name.test(norm(f.name).replace(/-action$/, '')));
}

function readIgnoreFile(path: string, label: string): string[] {
  if (!existsSync(path))
    throw new CharmArchError({code: 'ignore-file-not-found', file: label, message: `Ignore file not found: ${label}.`});
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

const CATEGORY_TITLE: Record<Category, string> = {
  event: 'events',
  container: 'containers',
  rock: 'rocks',
  endpoint: 'endpoints',
  action: 'actions',
};

/** `charm-arch check <doc> <charm-dir>`: drift between a hand-written page and the charm. */
export function checkCommand(argv: string[], io: CliIO): number {
  const json = argv.includes('--json');
  try {
    return runCheck(argv, io, json);
  } catch (error) {
    if (!json) {
      if (error instanceof UsageError) return usage(io, error.message);
      throw error;
    }
    // With --json every outcome is JSON on stdout, errors included.
    const diagnostic =
      error instanceof CharmArchError
        ? error.toDiagnostic()
        : {
            severity: 'error',
            code: error instanceof UsageError ? 'usage' : 'internal-error',
            message: (error as Error).message,
          };
    io.stdout.write(`${JSON.stringify({error: diagnostic}, null, 2)}\n`);
    return EXIT.error;
  }
}

function runCheck(argv: string[], io: CliIO, json: boolean): number {
  const {ref, rest: args} = takeRef(argv);
  const positional: string[] = [];
  const ignore: string[] = [];
  const options: CheckOptions = {ignore, ...(ref !== undefined ? {ref} : {})};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      return args[++i];
    };
    const flag = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (flag === '--json') continue;
    else if (flag === '--help' || flag === '-h') {
      io.stdout.write(USAGE);
      return EXIT.ok;
    } else if (flag === '--ignore' || flag === '--ignore-file' || flag === '--format' || flag === '--only') {
      const v = value();
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      if (flag === '--ignore')
        ignore.push(
          ...v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      else if (flag === '--ignore-file') ignore.push(...readIgnoreFile(resolve(io.cwd, v), v));
      else if (flag === '--format') {
        if (v !== 'md' && v !== 'myst' && v !== 'rst')
          throw new UsageError(`--format must be md, myst or rst, not ${v}`);
        options.format = v;
      } else {
        for (const c of v.split(',')) {
          const cat = c.trim().toLowerCase().replace(/s$/, '') as Category;
          if (!CATEGORIES.includes(cat)) throw new UsageError(`--only takes ${CATEGORIES.join(', ')}, not ${c}`);
          (options.only ??= []).push(cat);
        }
      }
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  ignore.forEach(ignoreRule); // an unknown category is an error here, not a rule that never matches
  if (positional.length !== 2)
    throw new UsageError(
      positional.length < 2
        ? 'needs a page and a charm directory'
        : `too many arguments: ${positional.slice(2).join(' ')}`,
    );
  const [docArg, charmArg] = positional as [string, string];
  const docPath = resolve(io.cwd, docArg);
  const label = displayPath(io.cwd, docPath);
  const result = checkPage(docPath, resolve(io.cwd, charmArg), options, label);

  if (json) {
    const summary = {
      missing: result.findings.filter((f) => f.kind === 'missing').length,
      stale: result.findings.filter((f) => f.kind === 'stale').length,
      ignored: result.ignored.length,
    };
    io.stdout.write(
      `${JSON.stringify({doc: result.doc, charm: result.charm, format: result.format, inSync: result.findings.length === 0, summary, findings: result.findings, ignored: result.ignored, sections: result.sections}, null, 2)}\n`,
    );
  } else {
    for (const f of result.findings) io.stdout.write(`${f.file}:${f.line}: ${f.message}\n`);
    io.stdout.write(`${summaryLine(result)}\n`);
    if (result.sections.every((s) => s.status === 'absent')) {
      io.stderr.write(
        `${label}:1: warning: no section of the page lists events, containers, OCI images, integrations or actions; nothing was compared\n`,
      );
    }
  }
  return result.findings.length ? EXIT.drift : EXIT.ok;
}

function summaryLine(r: CheckResult): string {
  const compared = r.sections.filter((s) => s.status === 'compared');
  const by = (status: SectionReport['status']): string[] =>
    r.sections.filter((s) => s.status === status).map((s) => CATEGORY_TITLE[s.category]);
  const scope = [
    compared.length
      ? `compared ${compared.map((s) => `${CATEGORY_TITLE[s.category]} (line ${s.line})`).join(', ')}`
      : 'compared nothing',
    ...(by('delegated').length ? [`not compared, the page points elsewhere: ${by('delegated').join(', ')}`] : []),
    ...(by('generated').length ? [`generated by directives: ${by('generated').join(', ')}`] : []),
    ...(r.ignored.length ? [`${r.ignored.length} ignored`] : []),
  ].join('; ');
  if (!r.findings.length) return `${r.doc}: in sync with ${r.charm} (${scope})`;
  const count = (k: Finding['kind']): number => r.findings.filter((f) => f.kind === k).length;
  const per = CATEGORIES.map((c) => {
    const fs = r.findings.filter((f) => f.category === c);
    if (!fs.length) return '';
    const m = fs.filter((f) => f.kind === 'missing').length;
    const s = fs.length - m;
    return `${CATEGORY_TITLE[c]}: ${[m ? `${m} missing` : '', s ? `${s} stale` : ''].filter(Boolean).join(', ')}`;
  }).filter(Boolean);
  return `${r.doc}: drift from ${r.charm}: ${count('missing')} missing, ${count('stale')} stale (${per.join('; ')}) (${scope})`;
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`charm-arch check: ${message}\n${USAGE}`);
  return EXIT.error;
}
