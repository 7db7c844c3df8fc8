import { parseArgs } from 'node:util';
import { VistarkriyaClient } from '../client.js';
import { APIConnectionError, APIError, InputValidationError, VistarkriyaError } from '../core/errors.js';
import { createRedactor } from '../core/redact.js';
import { OPERATIONS, getOperation, nearOperationIds } from '../model/registry.js';
import { Veri5Client } from '../veri5/client.js';
import { clientFromEnv } from './clients.js';
import { type CliIO, UsageError } from './io.js';

export const CALL_HELP = `Usage: vistarkriya call <operation> [json] [--base-url URL]
       vistarkriya call <path> [json] [--method M]

Runs one operation with the credentials from the environment and prints the result as JSON.

  <operation>  An operation id, e.g. wallet.core.balance, verify.pan, cibil.fetch
               (vistarkriya call --list shows them all)
               or a Veri5 method, e.g. veri5.verifyPan (Veri5Client, VERI5_* environment)
  <path>       Or a raw path, e.g. /api/v1/wallet/core/balance (signed like any call)
  [json]       The input, e.g. '{"pan":"ABCPV1234D"}' (query parameters for GET operations)

Options:
  --base-url URL  Default: VISTARKRIYA_BASE_URL, else https://vistarkriya.com
  --method M      For a raw path: default POST when [json] is given, else GET
  --list          List the operations
  --help, -h      This help

Environment: VISTARKRIYA_API_KEY, VISTARKRIYA_API_SECRET, VISTARKRIYA_ADMIN_CODE, VISTARKRIYA_BASE_URL;
for veri5.*: VERI5_CLIENT_CODE, VERI5_API_KEY, VERI5_SALT, VERI5_BASE_URL or VERI5_ENVIRONMENT.

Against the sandbox (npx vistarkriya sandbox, in another terminal):
  export VISTARKRIYA_BASE_URL=http://127.0.0.1:4010 VISTARKRIYA_API_KEY=vk_test_sandbox \\
         VISTARKRIYA_API_SECRET=sandbox_secret VISTARKRIYA_ADMIN_CODE=123456
  vistarkriya call verify.pan '{"pan":"ABCPV1234D","name":"Ravi Kumar"}'`;

/** Every operation id, platform and Veri5 (`veri5.verifyPan`), for `--list` and suggestions. */
export const OPERATION_IDS: readonly string[] = OPERATIONS.map((op) => op.id);

/** `vistarkriya call`: run one operation and print the result. */
export async function callCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'base-url': { type: 'string' },
      method: { type: 'string', short: 'X' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(CALL_HELP);
    return 0;
  }
  if (values.list) {
    for (const op of OPERATIONS) io.out(`${op.id.padEnd(24)} ${op.method.padEnd(4)} ${op.path}`);
    return 0;
  }
  const [operation, json, ...extra] = positionals;
  if (!operation) throw new UsageError('call needs an operation (see --help).');
  if (extra.length > 0) throw new UsageError('call takes one JSON argument; quote it.');
  let input: unknown;
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      // The input may hold an Aadhaar or account number: echo it masked.
      throw new UsageError(`The input is not valid JSON: ${maskNumbers(json.slice(0, 80))}`);
    }
  }
  // `baseURL`: where the call goes, for a connection error's message.
  const { client, baseURL } = clientFromEnv(operation, io.env, values['base-url']);
  try {
    let result: unknown;
    if (operation.startsWith('/') && client instanceof VistarkriyaClient) {
      const method = (values.method ?? (input === undefined ? 'GET' : 'POST')).toUpperCase();
      result = await client.request(
        method === 'GET'
          ? { method, path: operation, query: input as Record<string, string> | undefined }
          : { method, path: operation, body: input ?? {} },
      );
    } else {
      const op = getOperation(operation);
      if (!op || (op.api === 'veri5') !== client instanceof Veri5Client) {
        const near = nearOperationIds(operation);
        throw new UsageError(
          `Unknown operation "${operation}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ' See vistarkriya call --list.'}`,
        );
      }
      // Every row runs on its client's one executor, with the row's own input rules.
      result = await client._run(op as never, input);
    }
    io.out(JSON.stringify(result, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    io.err(describeError(err, hostOf(baseURL)));
    return 1;
  } finally {
    await client.close();
  }
}

/** `host:port` of a base URL, or the URL itself when it does not parse. */
function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

/** One readable block for a failed call; SDK errors are already redacted. */
export function describeError(err: unknown, host?: string): string {
  if (err instanceof InputValidationError) {
    return `${err.name}: ${err.message}\n  field: ${err.field}, rule: ${err.rule} (nothing was sent)`;
  }
  if (err instanceof APIError) {
    const lines = [
      `${err.name}: ${err.message}`,
      `  status: ${err.status}${err.code ? `, code: ${err.code}` : ''}`,
    ];
    if (err.requestId) lines.push(`  request id: ${err.requestId}`);
    if (err.code === 'HMAC_INVALID') lines.push('  Debug it with: vistarkriya sign --help');
    return lines.join('\n');
  }
  if (err instanceof APIConnectionError) {
    // The message usually names the code already (`Could not connect (ECONNREFUSED).`).
    const code = err.errorCode && !err.message.includes(err.errorCode) ? ` (${err.errorCode})` : '';
    return `${err.name}: ${err.message}${code}${host ? `\n  host: ${host}` : ''}`;
  }
  if (err instanceof VistarkriyaError) return `${err.name}: ${err.message}`;
  return `Error: ${maskNumbers(err instanceof Error ? err.message : String(err))}`;
}

/** Masks identity and account numbers (and anything shaped like a signature) in text the CLI prints. */
const maskNumbers = createRedactor([]);
