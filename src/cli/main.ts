// The `vistarkriya` command's dispatcher (the bin entry is src/cli.ts).
import { readFileSync } from 'node:fs';
import { BULK_HELP, bulkCommand } from './bulk.js';
import { CALL_HELP, callCommand } from './call.js';
import { type CliIO, UsageError, processIO } from './io.js';
import { OPENAPI_HELP, openapiCommand } from './openapi.js';
import { SDK_VERSION } from '../core/version.js';
import { SANDBOX_HELP, SANDBOX_USAGE, sandboxCommand } from './sandbox.js';
import { SIGN_HELP, signCommand } from './sign.js';

export const MAIN_HELP = `Usage: vistarkriya <command> [options]

Commands:
  ${SANDBOX_USAGE}
                                                      Run the local sandbox (no account needed)
  sign --method M --path P [--body B] [--timestamp T] Show the exact signed string and signature
  call <operation> [json]                             Run one operation with env credentials
  bulk <operation> --in rows.csv --out results.jsonl  Run it for every row: rate-limited, resumable
  openapi [--input <operation>]                       Print the OpenAPI 3.1 document (or an input's JSON Schema)

Options:
  --version, -v  Print the version
  --help, -h     This help

Run vistarkriya <command> --help for details.`;

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sandbox':
        return await sandboxCommand(rest, io);
      case 'sign':
        return await signCommand(rest, io, (p) => readFileSync(p, 'utf8'));
      case 'call':
        return await callCommand(rest, io);
      case 'bulk':
        return await bulkCommand(rest, io);
      case 'openapi':
        return await openapiCommand(rest, io);
      case '--version':
      case '-v':
        io.out(SDK_VERSION);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h': {
        const topics = {
          sandbox: SANDBOX_HELP,
          sign: SIGN_HELP,
          call: CALL_HELP,
          bulk: BULK_HELP,
          openapi: OPENAPI_HELP,
        };
        const topic = topics[(rest[0] ?? '') as keyof typeof topics];
        io.out(topic ?? MAIN_HELP);
        return command === undefined ? 2 : 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`vistarkriya: ${(err as Error).message}`);
      io.err('Run vistarkriya --help for usage.');
      return 2;
    }
    io.err(`vistarkriya: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
