#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/src/cli (build with `npm run build`).
import {main} from '../dist/src/cli/index.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
