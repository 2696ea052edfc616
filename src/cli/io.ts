/** Where the CLI writes: injected so tests run it in-process. */
export interface CliIO {
  stdout: {write(chunk: string): unknown};
  stderr: {write(chunk: string): unknown};
  cwd: string;
}

/** Exit codes: 0 success / in sync, 1 drift found, 2 bad input or usage. */
export const EXIT = {ok: 0, drift: 1, error: 2} as const;
