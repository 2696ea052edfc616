import {posix} from 'node:path';
import type {DiagnosticSink} from '../../sources/diagnostics.js';
import {isMapping} from './fields.js';
import type {CharmMetadata} from './metadata.js';
import type {SkippedPath} from '../../sources/source-tree.js';

/** Where the entry point is declared (`parts.<part>.charm-entrypoint`), or null when it is the default. */
function declaration(meta: CharmMetadata): {file: string; line: number; column: number} | null {
  for (const f of meta.files) {
    const parts = isMapping(f.value) ? f.value['parts'] : undefined;
    if (!isMapping(parts)) continue;
    for (const [name, part] of Object.entries(parts)) {
      if (isMapping(part) && typeof part['charm-entrypoint'] === 'string')
        return {file: f.file.path, ...f.pos(['parts', name, 'charm-entrypoint'], 'value')};
    }
  }
  return null;
}

/**
 * An entry point outside the charm (`../x.py`, `/srv/x.py`) is an error at its declaration: it is
 * never read (reading it would be blamed on whatever file it named). Returns false then.
 */
export function checkEntrypointInside(meta: CharmMetadata, sink: DiagnosticSink): boolean {
  const path = posix.normalize(meta.entrypoint.replace(/\\/g, '/'));
  if (!path.startsWith('/') && path !== '..' && !path.startsWith('../')) return true;
  sink.error({
    code: 'entrypoint-outside-charm',
    message: `The charm's entry point \`${meta.entrypoint}\` is outside the charm directory.`,
    hint: 'Set `charm-entrypoint` to a path inside the charm, such as src/charm.py.',
    ...(declaration(meta) ?? {file: meta.files[0]?.file.path ?? 'charmcraft.yaml', line: 1, column: 1}),
  });
  return false;
}

/** A warning when the entry point (the module `charmcraft` runs) was not read: the events shown would be none, silently. */
export function warnOnMissingEntrypoint(
  meta: CharmMetadata,
  read: boolean,
  skipped: SkippedPath[],
  sink: DiagnosticSink,
): void {
  if (read || skipped.some((s) => s.path === meta.entrypoint)) return;
  const declared = declaration(meta);
  sink.warn({
    code: 'missing-entrypoint',
    message: `The charm's entry point ${meta.entrypoint} ${declared ? 'declared here ' : ''}does not exist or is not Python the loader reads; no events are read from it.`,
    hint: declared
      ? 'Point `charm-entrypoint` at the module that calls ops.main().'
      : 'Add src/charm.py, or declare `charm-entrypoint` in the charm part of charmcraft.yaml.',
    ...(declared ?? {file: meta.entrypoint, line: 1, column: 1}),
  });
}

/** The folders and files the source listing passed over, as positioned warnings. */
export function warnOnSkipped(skipped: SkippedPath[], sink: DiagnosticSink): void {
  for (const s of skipped)
    sink.warn({code: s.code, message: s.message, hint: s.hint, file: s.path, line: 1, column: 1});
}
