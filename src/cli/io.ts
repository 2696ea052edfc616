import {existsSync, mkdirSync, statSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {CharmArchError} from '../errors.js';

/** Where the CLI writes: injected so tests run it in-process. */
export interface CliIO {
  stdout: {write(chunk: string): unknown};
  stderr: {write(chunk: string): unknown};
  cwd: string;
}

/** Exit codes: 0 success / in sync, 1 drift found, 2 bad input or usage. */
export const EXIT = {ok: 0, drift: 1, error: 2} as const;

/** Writes `--out FILE` (relative to the working directory), creating its folder; a folder in the way is a clear error. */
export function writeOut(io: CliIO, out: string, text: string): void {
  const path = resolve(io.cwd, out);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CharmArchError({
      code: 'out-is-directory',
      file: out,
      message: `--out ${out} is a directory.`,
      hint: 'Give a file name, for example charm-architecture.md.',
    });
  }
  try {
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CharmArchError({
      code: 'out-not-writable',
      file: out,
      message: `Cannot write ${out} (${reason}).`,
      hint: 'Check that its folder can be created and written to, or choose another --out.',
    });
  }
}
