/** The errors every reader of charm files raises alike, whether it reads the working tree or a git tree. */
import {CharmArchError} from '../../errors.js';

/** A file over the size limit (checked at stat or tree-entry time and again after reading). */
export function fileTooLarge(path: string, size: number, maxFileBytes: number): CharmArchError {
  return new CharmArchError({
    code: 'file-too-large',
    message: `${path} is ${size} bytes, over the limit of ${maxFileBytes} bytes.`,
    file: path,
    hint: 'Raise the `maxFileBytes` option if this file is really part of the charm.',
  });
}

/** A directory where the model expected a file. */
export function directoryNotFile(path: string): CharmArchError {
  return new CharmArchError({
    code: 'not-a-file',
    message: `${path} is a directory where a file was expected.`,
    file: path,
    hint: 'Remove or rename the directory.',
  });
}

/** A symbolic link that resolves to itself. */
export function symlinkLoop(path: string): CharmArchError {
  return new CharmArchError({
    code: 'symlink-loop',
    message: `${path} is a symbolic link that loops (it resolves to itself).`,
    file: path,
    hint: 'Replace the link with the file itself, or remove it.',
  });
}
