import {execFileSync} from 'node:child_process';
import {CharmArchError} from '../../../errors.js';

/**
 * The environment without what would point git at another repository (set inside git hooks and
 * some CI steps: GIT_DIR, GIT_WORK_TREE, ...); git finds the repository from `cwd` alone.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^GIT_(DIR|WORK_TREE|INDEX_FILE|COMMON_DIR|OBJECT_DIRECTORY|NAMESPACE)$/.test(key)) env[key] = value;
  // GIT_NO_LAZY_FETCH: a partial clone's missing blob is an error here, never a network fetch in the middle of a build.
  return {
    ...env,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    GIT_NO_LAZY_FETCH: '1',
  };
}

/** What a git command printed, and how it ended; never thrown, so callers decide what a failure means. */
export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs git synchronously (the model is read synchronously, once per commit). English messages
 * (LC_ALL=C) so failures can be recognised; no prompts, no pager, no locks taken.
 */
export function runGit(
  cwd: string,
  args: string[],
  input?: Buffer | string,
  outputBytes = 64 * 1024 * 1024,
): GitResult {
  try {
    const stdout = execFileSync('git', args, {
      cwd,
      ...(input !== undefined ? {input} : {}),
      maxBuffer: outputBytes,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: gitEnv(),
    });
    return {status: 0, stdout, stderr: ''};
  } catch (error) {
    const e = error as NodeJS.ErrnoException & {status?: number | null; stdout?: Buffer; stderr?: Buffer};
    if (e.code === 'ENOENT') {
      throw new CharmArchError({
        code: 'git-not-found',
        message: 'Reading a charm at a git ref needs git, which is not installed (or not on PATH).',
        file: cwd,
        hint: 'Install git (apt-get install git), or remove the `ref` to read the working tree.',
      });
    }
    return {
      status: e.status ?? 1,
      stdout: e.stdout ?? Buffer.alloc(0),
      stderr: (e.stderr ?? Buffer.alloc(0)).toString('utf8').trim(),
    };
  }
}
