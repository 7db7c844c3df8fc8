// A separate process for the stan uniqueness test (test/veri5-stan.test.ts): it waits for the start
// time it is given, then sends CALLS concurrent Veri5 PAN verifications to BASE_URL. Many of these
// run at once, as the instances of one service would, all starting in the same millisecond.
import { Veri5Client } from '../../src/index.js';

const { BASE_URL, START_AT, CALLS, CLIENT_CODE, API_KEY, SALT } = process.env;
const veri5 = new Veri5Client({
  baseURL: BASE_URL!,
  clientCode: CLIENT_CODE!,
  apiKey: API_KEY!,
  salt: SALT!,
  maxRetries: 0,
  logLevel: 'off',
});

// Load what the first call needs (undici, the code table) before the start line, then spin to it.
await veri5.verifyPan({ panNumber: 'ABCPE1234F', consent: true }).catch(() => undefined);
while (Date.now() < Number(START_AT)) {}

const results = await Promise.allSettled(
  Array.from({ length: Number(CALLS) }, () => veri5.verifyPan({ panNumber: 'ABCPE1234F', consent: true })),
);
await veri5.close();
const failed = results.filter((r) => r.status === 'rejected').length;
process.stdout.write(JSON.stringify({ started: Number(START_AT), failed }));
