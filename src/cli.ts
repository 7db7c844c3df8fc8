#!/usr/bin/env node
/**
 * The `vistarkriya` command: `sandbox`, `sign` (debug a signature), `call` (run one operation),
 * `bulk` (run it for every row of a file). Node built-ins, and csv-parse for `bulk`'s CSV input.
 * @module
 */
import { runCli } from './cli/main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  },
);
