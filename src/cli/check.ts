import {EXIT, type CliIO} from './io.js';

/** Placeholder until the check command lands. */
export function checkCommand(_args: string[], io: CliIO): number {
  io.stderr.write('charm-arch check: not implemented yet\n');
  return EXIT.error;
}
