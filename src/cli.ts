#!/usr/bin/env node
/**
 * The `vistarkriya` command: `sandbox`, `sign` (debug a signature), `call` (run one operation).
 * Node built-ins only.
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
