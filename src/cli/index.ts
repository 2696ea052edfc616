// Only what every run needs is imported here: `--help` and usage errors load no model code.
// Each command module (and with it the model, the Markdown printer, ...) is imported on demand.
import {CharmArchError, UsageError} from '../errors.js';
import {EXIT, type CliIO} from './io.js';

export type {CliIO};

const USAGE = `usage: charm-arch <command> [options]

commands:
  facts <charm-dir> [--compact] [--ref REF]
                                    print the charm model as JSON
  render <charm-dir> [--format md|myst|rst] [--section name]... [--heading-level N] [--out FILE]
         [--no-title] [--label-prefix PREFIX] [--repository URL] [--branch NAME] [--ref REF]
                                    print the architecture page (or some sections)
  check <doc> <charm-dir> [--json] [--ignore [category:]name]... [--ignore-file FILE]
        [--format md|myst|rst] [--only category]... [--ref REF]
                                    compare a hand-written page with the charm (exit 1 on drift)
  render-map <charm-dir>... [--format md|myst|rst] [--catalog] [--heading-level N] [--out FILE]
                                    print the integration map of a family of charms
  init <charm-dir> [--format docusaurus|myst|rst] [--out FILE] [--force] [--charm-id ID]
       [--repository URL] [--branch NAME] [--label-prefix PREFIX]
                                    write a starter architecture page

formats: md for GitHub and Docusaurus .md/.mdx pages; myst for Sphinx with myst_parser; rst for Sphinx
  (both with sphinxcontrib.mermaid). \`charm-arch <command> --help\` says more.
every command: --no-cache (or CHARM_ARCH_NO_CACHE=1) reads the charm afresh, without the model
  cache in node_modules/.cache/docusaurus-plugin-charm-architecture/ (CHARM_ARCH_CACHE_DIR moves it)

exit codes: 0 success (in sync), 1 drift (check), 2 bad input or usage
`;

type Command = (args: string[], io: CliIO) => number | Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'facts':
      return (await import('./facts.js')).factsCommand;
    case 'render':
      return (await import('./render.js')).renderCommand;
    case 'check':
      return (await import('./check.js')).checkCommand;
    case 'init':
      return (await import('./init.js')).initCommand;
    case 'render-map':
      return (await import('./render-map.js')).renderMapCommand;
    default:
      return undefined;
  }
}

/** Runs the CLI; returns the exit code. Errors become `file:line:column: code: message` lines, never stack traces. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const args = rest.filter((a) => a !== '--no-cache');
  if (!name || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(USAGE);
    return name ? EXIT.ok : EXIT.error;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`charm-arch: unknown command \`${name}\`\n${USAGE}`);
    return EXIT.error;
  }
  try {
    // Models kept on disk between runs (node_modules/.cache/<package>/ above the current directory).
    const {usePersistentCache} = await import('../model/index.js');
    usePersistentCache(rest.includes('--no-cache') ? false : undefined, io.cwd);
    return await command(args, io);
  } catch (error) {
    if (error instanceof CharmArchError) {
      io.stderr.write(`${error.format('cli')}\n`);
      return EXIT.error;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`charm-arch ${name}: ${error.message}\n`);
      return EXIT.error;
    }
    io.stderr.write(
      `charm-arch: internal error: ${(error as Error).message}\nPlease report this with the charm that caused it.\n`,
    );
    return EXIT.error;
  }
}
