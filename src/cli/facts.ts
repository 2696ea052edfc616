import {resolve} from 'node:path';
import {loadCharmFor, takeRef} from './at-ref.js';
import {EXIT, type CliIO} from './io.js';

/** `charm-arch facts <charm-dir>`: the charm model as JSON on stdout. */
export function factsCommand(argv: string[], io: CliIO): number {
  const {ref, rest: args} = takeRef(argv);
  const dir = args.find((a) => !a.startsWith('-'));
  if (!dir) {
    io.stderr.write('usage: charm-arch facts <charm-dir> [--compact] [--ref REF]\n');
    return EXIT.error;
  }
  const {model} = loadCharmFor(resolve(io.cwd, dir), ref);
  io.stdout.write(`${JSON.stringify(model, null, args.includes('--compact') ? 0 : 2)}\n`);
  return EXIT.ok;
}
