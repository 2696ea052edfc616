// Compile src/ and theme/ to dist/ with tsc, and copy the files tsc does not emit: every .json
// and .css below src/ and theme/ (the extension catalog's data files, src/model/extensions/data/,
// and the theme's CSS).
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, rmSync, readdirSync, statSync, mkdirSync} from 'node:fs';
import {join, dirname, extname} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
rmSync(join(root, 'dist'), {recursive: true, force: true});
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@typescript/native/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {stdio: 'inherit'},
);

// Non-TypeScript assets that the compiled code loads at run time, at the same place beside it.
function copyAssets(dir) {
  const src = join(root, dir);
  if (!existsSync(src)) return;
  for (const entry of readdirSync(src)) {
    const from = join(src, entry);
    if (statSync(from).isDirectory()) {
      copyAssets(join(dir, entry));
    } else if (['.css', '.json'].includes(extname(entry))) {
      const to = join(root, 'dist', dir, entry);
      mkdirSync(dirname(to), {recursive: true});
      cpSync(from, to);
    }
  }
}
copyAssets('src');
copyAssets('theme');
