// Runs several `charm-arch` commands in this one process, in the order given, from this process's
// working directory, as bin/charm-arch.js runs one: `node cli-batch.mjs '<JSON array of argv arrays>'`.
// Prints a JSON array of {code, stdout, stderr}, one per command. The determinism test runs it in
// two processes with the commands in opposite orders: any output that depends on the process, the
// working directory or what ran before in the process (caches, counters) differs between the two.
import {main} from '../../dist/src/cli/index.js';

const results = [];
for (const argv of JSON.parse(process.argv[2])) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: {write: (s) => (stdout += s)},
    stderr: {write: (s) => (stderr += s)},
    cwd: process.cwd(),
  });
  results.push({code, stdout, stderr});
}
process.stdout.write(JSON.stringify(results));
