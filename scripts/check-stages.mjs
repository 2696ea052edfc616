// The model's stages import one way, and the rest of src/ enters the model by one door:
//   src/model/sources/ -> src/model/python/ -> src/model/charm/ (and extensions/), behind src/model/index.ts.
// Prints each import that breaks this, `file:line: imports target (rule)`, and exits 1 if there is one.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const model = join(root, 'src', 'model');

/** Stage of a file of src/model, by its folder; a lower stage never imports a higher one. */
const STAGES = ['sources', 'python', 'charm'];
function stageOf(file) {
  const first = relative(model, file).split('/')[0];
  if (first === 'extensions') return STAGES.indexOf('charm');
  return STAGES.indexOf(first);
}

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// Static imports, re-exports and dynamic imports of relative specifiers (type-only imports count too).
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g;
const problems = [];
for (const file of tsFiles(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const inModel = file.startsWith(model + '/');
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), m[1]).replace(/\.js$/, '.ts');
    if (!target.startsWith(model + '/')) continue;
    const line = text.slice(0, m.index).split('\n').length;
    const where = `${relative(root, file)}:${line}: imports ${relative(root, target)}`;
    if (!inModel) {
      if (target !== join(model, 'index.ts')) problems.push(`${where} (outside src/model, import src/model/index.ts)`);
      continue;
    }
    const from = stageOf(file);
    const to = stageOf(target);
    if (from >= 0 && to > from) problems.push(`${where} (${STAGES[from]}/ must not import ${STAGES[to]}/)`);
    if (target === join(model, 'index.ts'))
      problems.push(`${where} (inside the model, import the module itself, not the door)`);
  }
}
for (const p of problems) process.stderr.write(`${p}\n`);
process.exit(problems.length ? 1 : 0);
