// The floor of any Node reader of charms: start Node, load @lezer/python, parse the files listed
// (one absolute path a line in argv[2]) and nothing else. Compared with `charm-arch facts`.
import {readFileSync} from 'node:fs';
import {parser} from '@lezer/python';

for (const file of readFileSync(process.argv[2], 'utf8').split('\n'))
  if (file) parser.parse(readFileSync(file, 'utf8'));
