import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * A long-lived `php` process running the seeds' formulas (scripts/vectors/oracle.php): the
 * independent reference the signers are checked against. One per test file; requests are
 * newline-delimited JSON, answered in order, so many can be in flight at once (batching).
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

export function startPhpOracle(): PhpOracle {
  const child: ChildProcessWithoutNullStreams = spawn('php', ['-d', 'memory_limit=512M', ORACLE_PHP], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pending: { resolve: (v: Record<string, string>) => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  let exited: Error | undefined;
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const fail = (err: Error) => {
    exited = err;
    for (const p of pending.splice(0)) p.reject(err);
  };
  child.on('error', fail);
  child.on('exit', (code) => fail(new Error(`php oracle exited (${code}): ${stderr.slice(0, 500)}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const p = pending.shift();
    if (!p) return;
    const answer = JSON.parse(line) as Record<string, string>;
    if (answer.error) p.reject(new Error(`php oracle: ${answer.error}`));
    else p.resolve(answer);
  });

  const ask = (request: Record<string, unknown>): Promise<Record<string, string>> => {
    if (exited) return Promise.reject(exited);
    return new Promise((resolve, reject) => {
      pending.push({ resolve, reject });
      child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  };

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
    close() {
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      });
    },
  };
}
