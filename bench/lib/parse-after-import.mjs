// A floor of `charm-arch facts` that keeps its module graph: start Node, import the model (as the CLI
// does: yaml, @lezer/python and the model's own modules) and parse the files listed (one absolute
// path a line in argv[3]) whole with @lezer/python, nothing else. argv[2]: the build's dist/.
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {parser} from '@lezer/python';

await import(pathToFileURL(join(resolve(process.argv[2]), 'src', 'model', 'index.js')).href);
for (const file of readFileSync(process.argv[3], 'utf8').split('\n'))
  if (file) parser.parse(readFileSync(file, 'utf8'));
