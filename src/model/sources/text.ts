/** A source file's text: bytes checked (size, encoding, binary) and decoded, with a line index for positions. */
import {LineCounter} from 'yaml';
import {CharmArchError} from '../../errors.js';
import {fileTooLarge} from './file-errors.js';

export interface SourceFile {
  /** Path relative to the charm root, `/`-separated. */
  path: string;
  text: string;
  /** Line index built once per file: offset -> line/column. */
  lines: LineCounter;
}

/** A file's bytes as checked text with a line index, wherever they were read from (disk or a git tree). */
export function decodeSourceText(path: string, bytes: Buffer, maxFileBytes: number): SourceFile {
  // Checked again after reading: the file may have grown since stat.
  if (bytes.length > maxFileBytes) {
    throw fileTooLarge(path, bytes.length, maxFileBytes);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CharmArchError({
      code: 'not-utf8',
      message: `${path} is UTF-16, not UTF-8.`,
      file: path,
      hint: 'Save the file as UTF-8.',
    });
  }
  if (bytes.includes(0)) {
    throw new CharmArchError({
      code: 'binary-file',
      message: `${path} is not a text file (it contains NUL bytes).`,
      file: path,
      hint: 'Charm metadata and source must be UTF-8 text.',
    });
  }
  let text: string;
  try {
    // ignoreBOM: the BOM is kept here and stripped below, so that both paths agree.
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    const {line, column} = firstInvalidUtf8(bytes);
    throw new CharmArchError({
      code: 'not-utf8',
      message: `${path} is not valid UTF-8.`,
      file: path,
      line,
      column,
      hint: 'Save the file as UTF-8.',
    });
  }
  // A BOM would shift every column by one; CRLF is left as is (the line index handles it).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineCounter();
  let offset = 0;
  lines.addNewLine(0);
  for (;;) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
    lines.addNewLine(offset);
  }
  return {path, text, lines};
}

/** Line and column (in characters) of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer): {line: number; column: number} {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return {line, column};
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(i, i + n));
    } catch {
      return {line, column};
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else {
      column += n === 4 ? 2 : 1;
    }
    i += n;
  }
  return {line, column};
}

/** 1-based line and column of an offset in a file. */
export function positionOf(file: SourceFile, offset: number): {line: number; column: number} {
  const {line, col} = file.lines.linePos(offset);
  return {line, column: col};
}
