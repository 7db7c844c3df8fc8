import { parseArgs } from 'node:util';
import { vistarkriyaSigner, vistarkriyaStringToSign } from '../signers/index.js';
import { type CliIO, UsageError } from './io.js';

export const SIGN_HELP = `Usage: vistarkriya sign --method M --path P [--body B] [--timestamp T]

Prints the exact string the platform signs (timestamp + METHOD + path + body), its
HMAC-SHA256 signature and the four headers, so you can compare with what your code sends.
The secret is read from VISTARKRIYA_API_SECRET and never printed.

Options:
  --method, -X M     HTTP method (GET, POST, ...)
  --path, -p P       Request target exactly as sent, with /api/v1 and any query string
  --body, -d B       Exact body text sent (default: none). Use @file to read a file.
  --timestamp, -t T  Unix seconds (default: now)
  --help, -h         This help

Environment: VISTARKRIYA_API_SECRET (required), VISTARKRIYA_API_KEY, VISTARKRIYA_ADMIN_CODE.

Example:
  VISTARKRIYA_API_SECRET=sandbox_secret vistarkriya sign --method POST \\
    --path /api/v1/verify/pan --body '{"pan":"ABCPV1234D"}'`;

/** The usual causes of HMAC_INVALID, printed after every signature. */
export const HMAC_CAUSES = [
  'Method not upper case: sign "GET", not "get" (and send the same method).',
  'Path without /api/v1, or without its query string: sign the target exactly as sent.',
  'Body re-serialised: your HTTP library may re-encode the JSON (spacing, key order, escaping)',
  '  after you signed it. Serialise once; sign and send that same string.',
  'Clock skew: X-Timestamp must be within 5 minutes of the server (use NTP). The SDK corrects',
  '  this itself from the Date header of a TIMESTAMP_EXPIRED answer.',
  'Wrong secret, or the admin code signed (it is a header only, never part of the signature).',
];

/** `vistarkriya sign`: show the exact signed string and signature. */
export async function signCommand(
  args: string[],
  io: CliIO,
  readFile: (p: string) => string,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      method: { type: 'string', short: 'X' },
      path: { type: 'string', short: 'p' },
      body: { type: 'string', short: 'd' },
      timestamp: { type: 'string', short: 't' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(SIGN_HELP);
    return 0;
  }
  if (!values.method || !values.path) throw new UsageError('sign needs --method and --path (see --help).');
  const secret = io.env.VISTARKRIYA_API_SECRET;
  if (!secret)
    throw new UsageError('Set VISTARKRIYA_API_SECRET (it is read from the environment, never from a flag).');
  const warnings: string[] = [];
  const method = values.method.toUpperCase();
  if (method !== values.method)
    warnings.push(`method "${values.method}" upper-cased to "${method}": send it upper case too.`);
  const target = values.path;
  if (!target.startsWith('/'))
    warnings.push('the path must start with "/" (e.g. /api/v1/wallet/core/balance).');
  else if (!target.startsWith('/api/v1/'))
    warnings.push('the path does not start with /api/v1: the platform signs the full path.');
  const body = values.body?.startsWith('@') ? readFile(values.body.slice(1)) : (values.body ?? '');
  const compact = compactJson(body);
  if (compact !== undefined && compact !== body) {
    warnings.push(
      'the body is not compact JSON: that is fine only if these exact bytes are sent (no re-serialising).',
    );
  }
  if (method === 'GET' && body !== '')
    warnings.push('a GET with a body: most HTTP clients drop it, and the signature then fails.');
  const now = Math.floor(Date.now() / 1000);
  let timestamp = now;
  if (values.timestamp !== undefined) {
    if (!/^\d+$/.test(values.timestamp)) throw new UsageError('--timestamp must be unix seconds.');
    timestamp = Number(values.timestamp);
    if (values.timestamp.length >= 12)
      warnings.push('the timestamp looks like milliseconds: X-Timestamp is unix seconds.');
    else if (Math.abs(timestamp - now) > 300) {
      warnings.push(
        `the timestamp is ${Math.abs(timestamp - now)} s away from this machine's clock: outside the 5-minute window.`,
      );
    }
  }
  const input = { method, target, body, timestamp };
  const stringToSign = vistarkriyaStringToSign(input);
  const signer = vistarkriyaSigner({
    apiKey: io.env.VISTARKRIYA_API_KEY ?? '<VISTARKRIYA_API_KEY>',
    apiSecret: secret,
    adminCode: io.env.VISTARKRIYA_ADMIN_CODE ?? '<VISTARKRIYA_ADMIN_CODE>',
  });
  const { headers } = await signer.sign(input);
  io.out(`String to sign (${Buffer.byteLength(stringToSign, 'utf8')} bytes of UTF-8, between the markers):`);
  io.out(`>>>${stringToSign}<<<`);
  io.out('');
  io.out('Signature = hex(HMAC-SHA256(VISTARKRIYA_API_SECRET, string to sign)):');
  io.out(headers['X-Signature']!);
  io.out('');
  io.out('Headers to send:');
  for (const [name, value] of Object.entries(headers)) io.out(`  ${name}: ${value}`);
  if (body !== '') io.out('  Content-Type: application/json');
  if (warnings.length > 0) {
    io.out('');
    io.out('Warnings:');
    for (const w of warnings) io.out(`  ! ${w}`);
  }
  io.out('');
  io.out('If the platform still answers HMAC_INVALID, the usual causes are:');
  for (const c of HMAC_CAUSES) io.out(c.startsWith('  ') ? `    ${c.trim()}` : `  - ${c}`);
  return 0;
}

function compactJson(body: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return undefined;
  }
}
