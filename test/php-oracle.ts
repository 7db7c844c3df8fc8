import { fileURLToPath } from 'node:url';
import { type PhpRunner, sharedPhp } from './helpers/php.js';

/**
 * The seeds' formulas run by a real PHP (scripts/vectors/oracle.php on test/helpers/php.ts: php-cli
 * or php-wasm): the independent reference the signers are checked against. One per test file.
 * Requests are newline-delimited JSON; those asked in the same turn of the event loop go to PHP as
 * one run's STDIN (batching), and its answers come back one line each, in order.
 */
export interface PhpOracle {
  /** seed 000: `hash_hmac('sha256', $timestamp . $method . $endpoint . $body, $api_secret)`. */
  vistarkriya(i: {
    secret: string | Uint8Array;
    timestamp: number;
    method: string;
    target: string;
    body: string | Uint8Array;
  }): Promise<string>;
  /** seed 004: signature and the prehash PHP built (after `preg_replace('/\s+/', '', …)`). */
  openLegacy(i: {
    secret: string | Uint8Array;
    timestamp: number;
    method: string;
    body: string | Uint8Array;
  }): Promise<{
    signature: string;
    prehash: string;
  }>;
  /** seed 003: `hash('sha256', implode('|', $fields))`. */
  veri5(fields: readonly string[]): Promise<string>;
  /** `PHP_VERSION` of the oracle process. */
  version(): Promise<string>;
  close(): Promise<void>;
}

const ORACLE_PHP = fileURLToPath(new URL('../scripts/vectors/oracle.php', import.meta.url));

/** Base64 of the exact UTF-8 bytes (or of raw bytes, e.g. a body as received by a server). */
function b64(value: string | Uint8Array): string {
  return (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value)).toString('base64');
}

/** Requests per PHP run: bounds the STDIN of one run (bodies can be 20 kB). */
const MAX_BATCH = 2000;

interface Pending {
  line: string;
  resolve: (answer: Record<string, string>) => void;
  reject: (err: Error) => void;
}

/** On `runner`, by default this test file's (php-cli if present, else php-wasm). */
export function startPhpOracle(runner?: PhpRunner): PhpOracle {
  const php: Promise<PhpRunner> = runner ? Promise.resolve(runner) : sharedPhp();
  let closed = false;
  const queue: Pending[] = [];
  let draining = false;

  const runBatch = async (batch: Pending[]) => {
    const r = await (await php).run({ file: ORACLE_PHP, stdin: batch.map((p) => p.line).join('') });
    const lines = r.stdout.split('\n');
    if (r.exitCode !== 0 || lines.length !== batch.length + 1) {
      throw new Error(`php oracle exited (${r.exitCode}): ${r.stderr.slice(0, 500)}`);
    }
    batch.forEach((p, i) => {
      const answer = JSON.parse(lines[i]!) as Record<string, string>;
      if (answer.error) p.reject(new Error(`php oracle: ${answer.error}`));
      else p.resolve(answer);
    });
  };
  const drain = async () => {
    draining = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      await runBatch(batch).catch((err: Error) => {
        for (const p of batch) p.reject(err);
      });
    }
    draining = false;
  };

  const ask = (request: Record<string, unknown>): Promise<Record<string, string>> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('php oracle is closed'));
      queue.push({ line: `${JSON.stringify(request)}\n`, resolve, reject });
      // Let the caller ask everything it has (e.g. Promise.all over thousands) before PHP runs.
      if (!draining && queue.length === 1) setImmediate(drain);
    });

  return {
    async vistarkriya(i) {
      const a = await ask({
        kind: 'vistarkriya',
        secret: b64(i.secret),
        timestamp: i.timestamp,
        method: b64(i.method),
        target: b64(i.target),
        body: b64(i.body),
      });
      return a.signature!;
    },
    async openLegacy(i) {
      const a = await ask({
        kind: 'open-legacy',
        secret: b64(i.secret),
        timestamp: i.timestamp,
        method: b64(i.method),
        body: b64(i.body),
      });
      return { signature: a.signature!, prehash: Buffer.from(a.prehash!, 'base64').toString('utf8') };
    },
    async veri5(fields) {
      return (await ask({ kind: 'veri5', fields: fields.map(b64) })).hash!;
    },
    async version() {
      return (await ask({ kind: 'version' })).php!;
    },
    /** Refuses further requests; the runner stays with its owner. */
    async close() {
      closed = true;
    },
  };
}
