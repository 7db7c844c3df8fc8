// Appendix A: `stan` is "A unique number generated per request by the client". A service runs
// several instances: stans from processes started in the same millisecond must still all differ.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAN_MAX, STAN_MIN, createStanSource, nextStan } from '../src/veri5/envelope.js';
import { REPO_ROOT } from './helpers/php.js';
import { runNode } from './helpers/run-node.js';
import { type Veri5TestServer, startVeri5Server } from './helpers/veri5-server.js';

const CHILD = path.join(REPO_ROOT, 'test/helpers/stan-child.ts');
const runChild = (env: Record<string, string>) => runNode(['--import', 'tsx', CHILD], env);

describe('stan across processes', () => {
  let server: Veri5TestServer;
  beforeAll(async () => {
    server = await startVeri5Server();
  });
  afterAll(() => server.close());

  it('processes started in the same millisecond, each sending many concurrent calls, never share a stan', async () => {
    const PROCESSES = 4;
    const CALLS = 150;
    // Far enough ahead for every child to load (tsx, undici) and warm up first.
    const startAt = Date.now() + 6_000;
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        runChild({
          BASE_URL: server.url,
          START_AT: String(startAt),
          CALLS: String(CALLS),
          CLIENT_CODE: server.credentials.clientCode,
          API_KEY: server.credentials.apiKey,
          SALT: server.credentials.salt,
        }),
      ),
    );
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ failed: 0 });
    }
    const stans = server.seen.map((s) => s.json.headers.stan as string);
    // Each child's warm-up call, then its CALLS calls.
    expect(stans).toHaveLength(PROCESSES * (CALLS + 1));
    expect(new Set(stans).size).toBe(stans.length);
    for (const stan of stans) expect(stan).toMatch(/^[1-9]\d{15}$/);
  }, 60_000);
});

describe('stan values', () => {
  it('are 16-digit integers that every JSON number type holds exactly, distinct within a process', () => {
    const stans = Array.from({ length: 20_000 }, () => nextStan());
    expect(new Set(stans).size).toBe(stans.length);
    for (const s of stans) {
      expect(s).toMatch(/^[1-9]\d{15}$/);
      expect(Number.isSafeInteger(Number(s))).toBe(true);
      expect(String(Number(s))).toBe(s);
    }
  });

  it('count up from a random start and wrap inside the range', () => {
    const source = createStanSource(() => STAN_MAX - STAN_MIN - 1);
    expect([source(), source(), source()]).toEqual([
      String(STAN_MAX - 1),
      String(STAN_MIN),
      String(STAN_MIN + 1),
    ]);
    expect(STAN_MAX).toBe(2 ** 53);
  });
});
