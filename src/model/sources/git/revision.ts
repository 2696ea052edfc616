import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {CharmArchError} from '../../../errors.js';
import {levenshtein} from '../../../levenshtein.js';
import {runGit} from './run.js';

/** A charm directory in a git repository, and the commit a ref names there. */
export interface GitRevision {
  /** The ref as written: branch, tag, commit or any git revision (`HEAD~2`). */
  ref: string;
  /** Full commit id the ref names now. */
  commit: string;
  /** The repository's working tree (absolute). */
  top: string;
  /** This worktree's git directory (holds HEAD) and the common one (refs/, packed-refs). */
  gitDir: string;
  commonDir: string;
  /** The charm directory inside the repository, `/`-separated; '' at its root. */
  charmPath: string;
}

/** What a ref may not look like: an option to git (`-x`), or whitespace and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
export const UNSAFE_REF = /^-|[\s\x00-\x1f\x7f]/;

/**
 * Resolves `ref` in the repository around `charmDir` (one git call). The charm directory need not
 * exist in the working tree: a charm moved or removed since the ref still reads at the ref.
 * Throws CharmArchError: not a git repository, unknown ref (with the nearest names), a shallow
 * clone without that ref (with the fetch command).
 */
export function resolveRevision(charmDir: string, ref: string): GitRevision {
  const dir = resolve(charmDir);
  if (!ref || UNSAFE_REF.test(ref)) {
    throw new CharmArchError({
      code: 'bad-ref',
      message: `\`${ref}\` is not a git ref.`,
      file: dir,
      hint: 'Give a branch, tag or commit id (it may not start with `-` or hold spaces).',
    });
  }
  const base = nearestExisting(dir);
  const result = runGit(base, [
    'rev-parse',
    '--path-format=absolute',
    '--show-toplevel',
    '--git-dir',
    '--git-common-dir',
    '--show-prefix',
    '--is-shallow-repository',
    '--verify',
    '--quiet',
    `${ref}^{commit}`,
  ]);
  const lines = result.stdout.toString('utf8').split('\n');
  if (lines.length < 5 || !lines[0]) {
    throw new CharmArchError({
      code: 'not-a-git-repository',
      message: `${dir} is not in a git repository, so it cannot be read at \`${ref}\`${result.stderr ? ` (git: ${firstLine(result.stderr)})` : ''}.`,
      file: dir,
      hint: "Point the charm path into a clone of the charm's repository (git clone <url>), or remove `ref` to read the files as they are.",
    });
  }
  const [top, gitDir, commonDir, prefix, shallow, commit] = lines as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const charmPath = [prefix.replace(/\/$/, ''), relative(base, dir).split(sep).join('/')].filter(Boolean).join('/');
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) {
    if (shallow === 'true') {
      throw new CharmArchError({
        code: 'ref-not-in-shallow-clone',
        message: `\`${ref}\` is not in this shallow clone of ${top} (it has only the latest commits).`,
        file: dir,
        hint: `Fetch it: \`git -C ${top} fetch --depth=1 origin tag ${ref}\` for a tag, \`git -C ${top} fetch --depth=1 origin ${ref}\` for a branch or commit, or all history with \`git -C ${top} fetch --unshallow\` (in CI: actions/checkout with fetch-depth: 0).`,
      });
    }
    const near = nearestRefs(top, ref);
    throw new CharmArchError({
      code: 'unknown-ref',
      message: `\`${ref}\` names no commit in ${top}.`,
      file: dir,
      hint: near.length
        ? `Nearest refs: ${near.join(', ')}. Check the spelling, or \`git fetch --tags\` if it was made elsewhere.`
        : 'The repository has no branches or tags yet; commit first, or `git fetch` the refs.',
    });
  }
  return {ref, commit, top, gitDir, commonDir, charmPath};
}

/** The first existing directory at or above `dir` (git must run inside the repository). */
function nearestExisting(dir: string): string {
  let current = dir;
  while (!isDirectory(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The three branch and tag names nearest to `ref` by edit distance. */
function nearestRefs(top: string, ref: string): string[] {
  const names = runGit(top, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags', 'refs/remotes'])
    .stdout.toString('utf8')
    .split('\n')
    .filter(Boolean);
  const wanted = ref.toLowerCase();
  return names
    .map((name) => ({name, distance: levenshtein(wanted, name.toLowerCase())}))
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1))
    .slice(0, 3)
    .map((n) => n.name);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^fatal: /, '');
}

/**
 * The git files that decide which commit `ref` names: a moved branch or a new tag changes one
 * of them (webpack watches them; the model cache compares them). Missing ones are included: a
 * tag created later appears there. A full commit id names the same commit forever: none.
 */
export function refFiles(revision: Pick<GitRevision, 'ref' | 'gitDir' | 'commonDir'>): string[] {
  const {ref, gitDir, commonDir} = revision;
  if (/^[0-9a-f]{40}$/.test(ref)) return [];
  // `v2~1`, `main^{tree}`: the name part decides; `@` is HEAD.
  const name = ref.replace(/[~^@{].*$/, '') || 'HEAD';
  const files = [join(commonDir, 'packed-refs')];
  if (name === 'HEAD') files.push(join(gitDir, 'HEAD'), ...symbolicTarget(gitDir, commonDir));
  for (const candidate of [
    name,
    `refs/${name}`,
    `refs/tags/${name}`,
    `refs/heads/${name}`,
    `refs/remotes/${name}`,
    `refs/remotes/${name}/HEAD`,
  ]) {
    files.push(join(commonDir, candidate));
  }
  return [...new Set(files)];
}

/** refFiles for a ref that names nothing yet (a tag to come): still watched, so creating it recompiles. */
export function refFilesAround(charmDir: string, ref: string): string[] {
  const result = runGit(nearestExisting(resolve(charmDir)), [
    'rev-parse',
    '--path-format=absolute',
    '--git-dir',
    '--git-common-dir',
  ]);
  const [gitDir, commonDir] = result.stdout.toString('utf8').split('\n');
  return result.status === 0 && gitDir && commonDir ? refFiles({ref, gitDir, commonDir}) : [];
}

/** The branch file HEAD points at (`ref: refs/heads/main`), so a commit on the checked-out branch counts. */
function symbolicTarget(gitDir: string, commonDir: string): string[] {
  try {
    const head = join(gitDir, 'HEAD');
    if (!existsSync(head)) return [];
    const match = /^ref: (\S+)/.exec(readFileSync(head, 'utf8'));
    return match ? [join(commonDir, match[1]!)] : [];
  } catch {
    return [];
  }
}
