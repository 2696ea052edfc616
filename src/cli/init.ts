import {EXIT, type CliIO} from './io.js';

/** Placeholder until the init command lands. */
export function initCommand(_args: string[], io: CliIO): number {
  io.stderr.write('charm-arch init: not implemented yet\n');
  return EXIT.error;
}
