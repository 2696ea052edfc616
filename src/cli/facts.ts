import {resolve} from 'node:path';
import {loadCharmCached as loadCharm} from '../model/cache.js'; // reuses a model kept on disk when the charm is unchanged
import {EXIT, type CliIO} from './io.js';

/** `charm-arch facts <charm-dir>`: the charm model as JSON on stdout. */
export function factsCommand(args: string[], io: CliIO): number {
  const dir = args.find((a) => !a.startsWith('-'));
  if (!dir) {
    io.stderr.write('usage: charm-arch facts <charm-dir> [--compact]\n');
    return EXIT.error;
  }
  const model = loadCharm(resolve(io.cwd, dir));
  io.stdout.write(`${JSON.stringify(model, null, args.includes('--compact') ? 0 : 2)}\n`);
  return EXIT.ok;
}
