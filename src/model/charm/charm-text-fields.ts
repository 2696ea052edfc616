import {charmTextProblem} from '../sources/charm-text.js';
import type {DiagnosticSink} from '../sources/diagnostics.js';
import {get, scalarText} from './metadata/fields.js';
import type {CharmMetadata} from './metadata/metadata.js';
import type {ObservedEvent} from '../types.js';

/** One field of charm text the pages read as Markdown, and where it may be written. */
interface TextField {
  label: string;
  text: string;
  /** Candidate YAML paths (the layouts differ); the first whose value is this text gives the position. */
  paths: string[][];
}

/**
 * A positioned warning for each field of charm text that the pages show plainly, not as Markdown
 * (too long, or nested too deeply to parse in bounded time: see charm-text.ts).
 */
export function warnOnPlainText(meta: CharmMetadata, events: ObservedEvent[], sink: DiagnosticSink): void {
  for (const field of metadataTextFields(meta)) {
    const problem = charmTextProblem(field.text);
    if (!problem) continue;
    const at = positionOf(meta, field);
    sink.warn({
      code: problem.code,
      message: `${field.label} is ${problem.problem}; the page shows it as plain text.`,
      hint: 'Shorten it or flatten its nesting to have it rendered as Markdown.',
      ...at,
    });
  }
  const seen = new Set<string>();
  for (const e of events) {
    if (!e.handlerDoc || e.inherited) continue;
    const problem = charmTextProblem(e.handlerDoc);
    const file = e.handlerFile ?? e.file;
    const line = e.handlerLine ?? e.line;
    if (!problem || seen.has(`${file}:${line}`)) continue;
    seen.add(`${file}:${line}`);
    sink.warn({
      code: problem.code,
      message: `The docstring of \`${e.handler ?? e.handlerExpression}\` is ${problem.problem}; the page shows it as plain text.`,
      hint: 'Shorten it or flatten its nesting to have it rendered as Markdown.',
      file,
      line,
      column: 1,
    });
  }
}

function metadataTextFields(meta: CharmMetadata): TextField[] {
  const own = <T extends {origin: string}>(items: T[]): T[] => items.filter((i) => !i.origin.startsWith('extension:'));
  return [
    {label: 'The summary', text: meta.summary, paths: [['summary']]},
    {label: 'The description', text: meta.description, paths: [['description']]},
    ...own(meta.endpoints).map((e) => ({
      label: `The description of endpoint \`${e.name}\``,
      text: e.description ?? '',
      paths: [[e.role, e.name, 'description']],
    })),
    ...own(meta.config).map((o) => ({
      label: `The description of config option \`${o.name}\``,
      text: o.description ?? '',
      paths: [
        ['config', 'options', o.name, 'description'],
        ['options', o.name, 'description'],
      ],
    })),
    ...own(meta.actions).flatMap((a) => [
      {
        label: `The description of action \`${a.name}\``,
        text: a.description ?? '',
        paths: [
          ['actions', a.name, 'description'],
          [a.name, 'description'],
        ],
      },
      ...a.params.map((p) => ({
        label: `The description of parameter \`${p.name}\` of action \`${a.name}\``,
        text: p.description ?? '',
        paths: [
          ['actions', a.name, 'params', p.name, 'description'],
          [a.name, 'params', p.name, 'description'],
        ],
      })),
    ]),
  ];
}

function positionOf(meta: CharmMetadata, field: TextField): {file: string; line: number; column: number} {
  for (const f of meta.files) {
    for (const path of field.paths) {
      const value = get(f.value, path);
      if (value !== undefined && scalarText(value) === field.text) return {file: f.file.path, ...f.pos(path, 'value')};
    }
  }
  const first = meta.files[0];
  return first ? {file: first.file.path, line: 1, column: 1} : {file: 'charmcraft.yaml', line: 1, column: 1};
}
