import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {CharmArchError} from '../errors.js';
import {loadCharmCached as loadCharm} from '../model/index.js'; // reuses a model kept on disk when the charm is unchanged
import type {CharmModel} from '../model/index.js';
import {choice, lastValue, parseArgs} from './args.js';
import {UsageError} from '../errors.js';
import {EXIT, writeOut, type CliIO} from './io.js';
import {pageTitle, renderModel, FORMAT_HELP} from './render.js';

export type InitFormat = 'docusaurus' | 'myst' | 'rst';

export interface InitOptions {
  format: InitFormat;
  /** Docusaurus: the `charm="..."` attribute (omitted: the site's `defaultCharm`). */
  charmId?: string;
  /** MyST/rst: label prefix (the charm's name when omitted). */
  labelPrefix?: string;
  /** MyST/rst: links to the source host. */
  repository?: string;
  branch?: string;
  /** How the page names the charm directory and itself in its "regenerate with" note. */
  charmDirLabel?: string;
  outLabel?: string;
}

const USAGE = `usage: charm-arch init <charm-dir> [--format docusaurus|myst|rst] [--out FILE] [--force] [--charm-id ID]
                      [--repository URL] [--branch NAME] [--label-prefix PREFIX]
  docusaurus (default): a page of directives that expand when the site builds.
  myst, rst: the rendered page (as \`render --format myst|rst\`) with a note on how to check and regenerate it.
${FORMAT_HELP}`;

/** A Docusaurus page made of the section directives, with prose placeholders for what only the team knows. */
export function docusaurusStarter(model: CharmModel, options: Pick<InitOptions, 'charmId'> = {}): string {
  const attr = options.charmId ? `{charm="${options.charmId.replace(/"/g, '')}"}` : '';
  const k8s = model.kind === 'kubernetes' && model.containers.length > 0;
  const hasImages = model.rocks.length > 0 || model.resources.some((r) => r.type === 'oci-image');
  const hasMetrics = model.metrics.endpoints.length + model.metrics.exporters.length + model.metrics.targets.length > 0;
  const firstEvent = model.events.find((e) => e.name)?.name;
  const directive = (name: string, prose: string[] = []): string => [`:::${name}${attr}`, ...prose, ':::', ''].join('\n');
  const out: string[] = [
    '---',
    `title: ${JSON.stringify(pageTitle(model))}`,
    'sidebar_label: Charm architecture',
    `description: ${JSON.stringify(`Architecture of the ${model.name} charm: containers, images, integrations and the Juju events it observes.`)}`,
    '---',
    '',
    `# ${pageTitle(model)}`,
    '',
    'Each directive below expands from the charm itself when the site builds, so the lists and diagrams',
    'follow the code. Text inside a directive is kept above what it generates: replace each TODO with what',
    'only your team knows (why the charm is built this way, what a handler guards against), or delete it.',
    '',
    directive('charm-overview', [`TODO: what ${model.name} is for, and the design choices a new maintainer should know.`]),
    directive('deployment-diagram', ['TODO: a typical deployment, and which integrations are required.']),
  ];
  if (k8s) {
    out.push(directive('charm-diagram'));
    out.push(directive('charm-containers', ['TODO: anything about the containers that the charm code does not say (ports, why a sidecar).']));
  }
  if (hasImages) out.push(directive('oci-images', ['TODO: how the images are built and published.']));
  if (hasMetrics) out.push(directive('charm-metrics', ['TODO: what the dashboards and alert rules watch.']));
  out.push(
    directive('juju-events', [
      'TODO: how the charm reacts to events in general (for example, one reconcile loop).',
      ...(firstEvent ? ['', `- ${firstEvent}: TODO: what the handler does and why. A list item that starts with an event name`, '  is shown with that event; add one per event worth explaining.'] : []),
    ]),
    directive('charm-code-overview'),
    '## Reference',
    '',
    directive('charm-integrations'),
    directive('charm-config'),
  );
  if (model.actions.length) out.push(directive('charm-actions'));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The rendered page for Sphinx (MyST or rst), with a note saying it was generated and how to regenerate or check it. */
export function sphinxStarter(charmDir: string, model: CharmModel, format: 'myst' | 'rst', options: Omit<InitOptions, 'format'> = {}): string {
  const dir = options.charmDirLabel ?? charmDir;
  const out = options.outLabel ?? `charm-architecture.${format === 'rst' ? 'rst' : 'md'}`;
  const body = renderModel(model, {
    format,
    sections: ['charm-architecture'],
    headingLevel: 2,
    title: true,
    ...(options.labelPrefix !== undefined ? {labelPrefix: options.labelPrefix} : {}),
    ...(options.repository ? {repository: options.repository} : {}),
    ...(options.branch ? {branch: options.branch} : {}),
  });
  const renderArgs = [options.repository ? `--repository ${options.repository} ` : '', options.branch ? `--branch ${options.branch} ` : '', options.labelPrefix !== undefined ? `--label-prefix '${options.labelPrefix}' ` : ''].join('');
  const note = [
    `Generated by \`charm-arch init --format ${format}\` from the ${model.name} charm (${dir}).`,
    'The sections below were written from the charm; edit them freely, then keep the page true to the code with:',
    `  npx charm-arch check ${out} ${dir}`,
    'or regenerate the whole page (this replaces your edits) with:',
    `  npx charm-arch init ${dir} --format ${format} ${renderArgs}--out ${out} --force`,
  ];
  // The note is a comment; charm-provided paths in it cannot end it early.
  const comment = format === 'rst' ? `..\n${note.map((l) => `   ${l}`).join('\n')}` : `<!--\n${note.join('\n').replace(/-->/g, '- ->')}\n-->`;
  return `${comment}\n\n${body}`;
}

const INIT_FORMATS = ['docusaurus', 'myst', 'rst'] as const;

/** `charm-arch init <charm-dir>`: a starter architecture page for a team adopting the tool. */
export function initCommand(args: string[], io: CliIO): number {
  let format: InitFormat;
  let out: string | undefined;
  let dir: string;
  let force: boolean;
  const options: Omit<InitOptions, 'format'> = {};
  try {
    const parsed = parseArgs(args, {valued: ['--format', '--out', '--charm-id', '--repository', '--branch', '--label-prefix'], boolean: ['--force', '--help', '-h']});
    if (parsed.flags.has('--help') || parsed.flags.has('-h')) {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    format = choice('--format', lastValue(parsed, '--format'), INIT_FORMATS, 'docusaurus');
    force = parsed.flags.has('--force');
    out = lastValue(parsed, '--out');
    const charmId = lastValue(parsed, '--charm-id');
    if (charmId !== undefined && !/^[\w.-]+$/.test(charmId)) throw new UsageError(`--charm-id must be a charm id as configured in the plugin (letters, digits, . _ -), not ${charmId}`);
    if (charmId) options.charmId = charmId;
    const repository = lastValue(parsed, '--repository');
    const branch = lastValue(parsed, '--branch');
    const labelPrefix = lastValue(parsed, '--label-prefix');
    if (repository) options.repository = repository;
    if (branch) options.branch = branch;
    if (labelPrefix !== undefined) options.labelPrefix = labelPrefix;
    for (const [flag, v] of parsed.values) if (v.some((x) => x === '') && flag !== '--label-prefix') throw new UsageError(`${flag} needs a value`);
    const [first, ...extra] = parsed.positional;
    if (!first) throw new UsageError('needs a charm directory');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    dir = first;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`charm-arch init: ${error.message}\n${USAGE}`);
    return EXIT.error;
  }
  if (out && existsSync(resolve(io.cwd, out)) && !force) {
    throw new CharmArchError({code: 'out-exists', file: out, message: `${out} already exists; not overwriting it.`, hint: 'Pass --force to replace it, or choose another --out.'});
  }
  const charmDir = resolve(io.cwd, dir);
  const model = loadCharm(charmDir);
  const text = format === 'docusaurus' ? docusaurusStarter(model, options) : sphinxStarter(charmDir, model, format, {...options, charmDirLabel: dir, ...(out ? {outLabel: out} : {})});
  if (out) {
    writeOut(io, out, text);
    io.stderr.write(`charm-arch init: wrote ${out} (${format}) for the ${model.name} charm\n`);
  } else io.stdout.write(text);
  return EXIT.ok;
}
