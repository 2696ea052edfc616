import {EXIT, type CliIO} from './io.js';

/** Placeholder until the render command lands. */
export function renderCommand(_args: string[], io: CliIO): number {
  io.stderr.write('charm-arch render: not implemented yet\n');
  return EXIT.error;
}
