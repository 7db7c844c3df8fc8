import { parseArgs } from 'node:util';
import { MAGIC, startSandbox } from '../sandbox/index.js';
import { type CliIO, UsageError } from './io.js';

/** The sandbox's synopsis: its help and the top-level help both show it (every option). */
export const SANDBOX_USAGE =
  'sandbox [--port N] [--host H] [--skew S] [--latency MS] [--allow-ip IP] [--quiet]';

export const SANDBOX_HELP = `Usage: vistarkriya ${SANDBOX_USAGE}

Starts a local simulator of the Vistarkriya platform (/api/v1/...), Veri5
(/service/api/1.0/...) and the Open legacy scheme (/open/...). It checks signatures
exactly and answers magic values with every outcome (the MAGIC export of
vistarkriya/sandbox; the table is in docs/sandbox-and-testing.md, "Magic values").

Options:
  --port N       Port (default 4010; 0 picks a free one)
  --host H       Interface (default 127.0.0.1)
  --skew S       Run the sandbox clock S seconds ahead (try 600 to see clock-skew correction)
  --latency MS   Add MS milliseconds to every answer
  --allow-ip IP  Only this caller IP may use the API key (repeatable); others get AUTH_IP_BLOCKED
  --quiet        No per-request log lines
  --help, -h     This help

Stop it with Ctrl-C.`;

/** `vistarkriya sandbox`: run the sandbox until SIGINT/SIGTERM. */
export async function sandboxCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      skew: { type: 'string' },
      latency: { type: 'string' },
      'allow-ip': { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(SANDBOX_HELP);
    return 0;
  }
  const int = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be an integer.`);
    return Number(v);
  };
  const port = int('port', values.port, 4010);
  if (port < 0 || port > 65535) throw new UsageError('--port must be from 0 to 65535.');
  const sandbox = await startSandbox({
    port,
    host: values.host,
    clockOffsetSeconds: int('skew', values.skew, 0),
    latencyMs: int('latency', values.latency, 0),
    allowedIps: values['allow-ip'],
    logger: values.quiet ? undefined : { info: (line) => io.out(line) },
  });
  const { platform, veri5, open } = sandbox.credentials;
  io.out('vistarkriya sandbox: the Vistarkriya platform, Veri5 and Open legacy, simulated locally');
  io.out('');
  io.out('Platform (all routes under /api/v1):');
  io.out(`  API key     ${platform.apiKey}`);
  io.out(`  API secret  ${platform.apiSecret}`);
  io.out(`  admin code  ${platform.adminCode}   (X-Admin-Code or X-Tenant-Code)`);
  io.out(
    `Veri5 (/service/api/1.0/...): client code ${veri5.clientCode}, api key ${veri5.apiKey}, salt ${veri5.salt}`,
  );
  io.out(`Open legacy (/open/...): access key ${open.accessKey}, secret ${open.secretKey}`);
  io.out('');
  io.out('Use it from your shell or code:');
  for (const [k, v] of Object.entries(sandbox.env)) io.out(`  export ${k}=${v}`);
  io.out('');
  io.out(
    `Magic PANs: valid ${MAGIC.pan.valid}, invalid ${MAGIC.pan.invalid}, name mismatch ${MAGIC.pan.name_mismatch}, 503 ${MAGIC.pan.unavailable}, 429 ${MAGIC.pan.rate_limited}, slow ${MAGIC.pan.slow}, reset ${MAGIC.pan.reset}`,
  );
  io.out('');
  // Last line of the banner: scripts and tests wait for it.
  io.out(`vistarkriya sandbox listening on ${sandbox.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  io.out('sandbox stopped');
  return 0;
}
