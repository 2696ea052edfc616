import {CharmArchError, CharmLoadError} from '../model/errors.js';
import {factsCommand} from './facts.js';
import {EXIT, type CliIO} from './io.js';

export type {CliIO};

const USAGE = `usage: charm-arch <command> [options]

commands:
  facts <charm-dir> [--compact] [--ref REF]
                                    print the charm model as JSON
  render <charm-dir> [--format md|myst] [--section name]... [--heading-level N] [--out FILE]
         [--repository URL] [--branch NAME] [--ref REF]
                                    print the architecture page (or some sections)
  check <doc> <charm-dir> [--json] [--ignore [category:]name]... [--ignore-file FILE]
        [--format md|myst|rst] [--only category]... [--ref REF]
                                    compare a hand-written page with the charm (exit 1 on drift)
  init <charm-dir> [--format docusaurus|myst] [--out FILE] [--force] [--charm-id ID]
       [--repository URL] [--branch NAME]
                                    write a starter architecture page

exit codes: 0 success (in sync), 1 drift (check), 2 bad input or usage
`;

type Command = (args: string[], io: CliIO) => number | Promise<number>;

async function loadCommand(name: string): Promise<Command | undefined> {
  switch (name) {
    case 'facts':
      return factsCommand;
    case 'render':
      return (await import('./render.js')).renderCommand;
    case 'check':
      return (await import('./check.js')).checkCommand;
    case 'init':
      return (await import('./init.js')).initCommand;
    default:
      return undefined;
  }
}

/** Runs the CLI; returns the exit code. Errors become `file:line:column: code: message` lines, never stack traces. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
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
    return await command(args, io);
  } catch (error) {
    if (error instanceof CharmArchError) {
      io.stderr.write(`${error.format()}\n`);
      if (!(error instanceof CharmLoadError)) return EXIT.error;
      return EXIT.error;
    }
    io.stderr.write(`charm-arch: internal error: ${(error as Error).message}\nPlease report this with the charm that caused it.\n`);
    return EXIT.error;
  }
}
