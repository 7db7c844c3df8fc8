import util from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../src/core/redact.js';
import { VistarkriyaClient, VistarkriyaError, openLegacySigner } from '../src/index.js';
import {
  MAGIC_AADHAAR,
  MAGIC_API_KEY_IP_BLOCKED,
  MAGIC_BANK,
  MAGIC_GSTIN,
  MAGIC_PAN,
  type Sandbox,
  startSandbox,
} from '../src/sandbox/index.js';
import { Veri5Client } from '../src/veri5/index.js';
import { TEST_SECRET, capturingLogger, faultClient, faultHeaders } from './faults/helpers.js';
import { FAULTS, type FaultServer, startFaultServer } from './faults/server.js';

/**
 * Secret hygiene: a representative run of every operation (successes and failures of every kind)
 * with debug logging into a capturing logger; then no log line and no error (message, stack,
 * JSON.stringify, util.inspect to depth 5) may contain a secret, a salt, a signature the servers
 * actually received, or a full Aadhaar or bank account number.
 */

let sandbox: Sandbox;
let faults: FaultServer;
beforeAll(async () => {
  sandbox = await startSandbox({ slowMs: 1500 });
  faults = await startFaultServer();
});
afterAll(async () => {
  await sandbox.close();
  await faults.close();
});

const logs = capturingLogger();
const errors: unknown[] = [];
const clients: { close(): Promise<void> }[] = [];

/** Awaits a call and keeps its error (a failure is an expected outcome here). */
async function settle(call: () => PromiseLike<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    errors.push(err);
  }
}

// A typo'd Aadhaar (wrong Verhoeff digit) and account numbers that are not magic.
const BAD_AADHAAR = '234567890123';
const OTHER_ACCOUNT = '912010034567891';
const AADHAAR_NUMBERS = [...Object.values(MAGIC_AADHAAR), BAD_AADHAAR];
const ACCOUNT_NUMBERS = [...Object.values(MAGIC_BANK), OTHER_ACCOUNT];

function platformClient(extra: ConstructorParameters<typeof VistarkriyaClient>[0] = {}) {
  const c = new VistarkriyaClient({
    ...sandbox.clientOptions,
    logger: logs.logger,
    logLevel: 'debug',
    maxRetries: 1,
    ...extra,
  });
  clients.push(c);
  return c;
}

async function runPlatform(vk: VistarkriyaClient) {
  const quick = { timeout: 300, maxRetries: 0 };
  await settle(() => vk.wallet.core.balance());
  await settle(() =>
    vk.wallet.core.transactions({ page: 1, per_page: 5, from: '2024-01-01', to: '2024-02-01' }),
  );
  await settle(() => vk.wallet.pipeline.balance());
  await settle(() => vk.wallet.license.balance());
  await settle(() => vk.cibil.reports());
  await settle(() => vk.cibil.status({ report_id: 'RPT-1' }));
  for (const pan of Object.values(MAGIC_PAN)) {
    await settle(() => vk.verify.pan({ pan, name: 'Asha Verma' }, quick));
    await settle(() =>
      vk.cibil.fetch(
        { pan, name: 'Asha Verma', mobile: '9876543210', dob: '01/01/1990', consent: true },
        quick,
      ),
    );
  }
  for (const aadhaar of AADHAAR_NUMBERS) {
    await settle(() => vk.verify.aadhaar({ aadhaar, consent: true }, quick));
    // Written with spaces and hyphens too.
    await settle(() =>
      vk.verify.aadhaar({ aadhaar: aadhaar.replace(/(\d{4})(?=\d)/g, '$1 '), consent: true }, quick),
    );
    await settle(() =>
      vk.verify.aadhaar({ aadhaar: aadhaar.replace(/(\d{4})(?=\d)/g, '$1-'), consent: true }, quick),
    );
    // And in a query string (a search), where it is percent-encoded.
    await settle(() => vk.b2c.customers({ search: aadhaar }, quick));
    await settle(() => vk.b2c.customers({ search: aadhaar.replace(/(\d{4})(?=\d)/g, '$1 ') }, quick));
  }
  for (const account_number of ACCOUNT_NUMBERS) {
    await settle(() => vk.verify.bank({ account_number, ifsc: 'HDFC0001234', name: 'Asha Verma' }, quick));
  }
  await settle(() => vk.verify.bank({ account_number: `x${OTHER_ACCOUNT}`, ifsc: 'bad', name: 'A' }, quick));
  for (const gstin of Object.values(MAGIC_GSTIN)) await settle(() => vk.verify.gst({ gstin }, quick));
  await settle(() => vk.verify.services());
  await settle(() => vk.marketplace.services());
  await settle(() => vk.marketplace.products({ category: 'insurance' }));
  await settle(() => vk.marketplace.order({ product_id: 'PRD-1', quantity: 1 }));
  await settle(() => vk.marketplace.order({ product_id: 'PRD-NOFUNDS', quantity: 1 }));
  await settle(() => vk.kamao.earnings());
  await settle(() => vk.kamao.payouts());
  await settle(() => vk.kamao.reports({ month: '2024-01' }));
  await settle(() => vk.b2c.orders());
  await settle(() => vk.b2c.createCustomer({ name: 'Asha Verma', mobile: '9876543210' }));
  await settle(() => vk.b2c.createCustomer({ name: 'Asha Verma', mobile: '9999999999' }));
  await settle(() =>
    vk.request({ method: 'POST', path: '/api/v1/verify/aadhaar', body: { aadhaar: BAD_AADHAAR } }),
  );
  await settle(() => vk.request({ method: 'GET', path: '/api/v1/no/such/route' }));
}

async function runVeri5() {
  const v5 = new Veri5Client({
    ...sandbox.veri5Options,
    logger: logs.logger,
    logLevel: 'debug',
    maxRetries: 1,
  });
  clients.push(v5);
  const quick = { timeout: 300, maxRetries: 0 };
  for (const panNumber of Object.values(MAGIC_PAN)) {
    await settle(() =>
      v5.verifyPan({ panNumber, name: 'Asha Verma', dob: '01/01/1990', consent: true }, quick),
    );
  }
  for (const aadhaarNumber of AADHAAR_NUMBERS)
    await settle(() => v5.verifyAadhaar({ aadhaarNumber, consent: true }, quick));
  for (const gstin of Object.values(MAGIC_GSTIN)) await settle(() => v5.verifyGstin({ gstin }, quick));
  await settle(() => v5.verifyGstin({ gstin: '19ABCPQ4020Q1ZB' }, quick));
  for (const accountNumber of ACCOUNT_NUMBERS) {
    await settle(() =>
      v5.verifyBankAccount({ beneficiaryName: 'Asha Verma', accountNumber, ifsc: 'HDFC0001234' }, quick),
    );
  }
  await settle(() => v5.fetchPanDetails({ txnId: 'nope' }, quick));
  // A wrong salt: every hashed call is refused, and the salt must not show.
  const wrong = new Veri5Client({
    ...sandbox.veri5Options,
    salt: 'wrong_salt_value_77',
    logger: logs.logger,
    logLevel: 'debug',
  });
  clients.push(wrong);
  await settle(() => wrong.verifyGstin({ gstin: MAGIC_GSTIN.valid }, quick));
  await settle(() => wrong.verifyAadhaar({ aadhaarNumber: MAGIC_AADHAAR.valid, consent: true }, quick));
}

async function runFaults() {
  const vk = faultClient(faults.url, {
    logger: logs.logger,
    logLevel: 'debug',
    maxRetries: 1,
    maxResponseBytes: 4096,
  });
  clients.push(vk);
  for (const fault of FAULTS) {
    const headers = faultHeaders(`hyg-${fault}`, fault, { delayMs: 2000, retryAfter: '0', size: 8192 });
    const opts = { headers, timeout: 400 };
    await settle(() => vk.verify.aadhaar({ aadhaar: MAGIC_AADHAAR.valid, consent: true }, opts));
    await settle(() => vk.verify.bank({ account_number: MAGIC_BANK.valid, ifsc: 'HDFC0001234' }, opts));
    await settle(() => vk.b2c.customers({ search: MAGIC_AADHAAR.valid }, opts));
  }
}

function receivedSignatures(): string[] {
  const out = new Set<string>();
  const heads = [...sandbox.requests.map((r) => r.headers), ...faults.seen.map((r) => r.headers)];
  for (const h of heads) {
    const sig = h['x-signature'];
    if (typeof sig === 'string') out.add(sig);
    const auth = h.authorization;
    if (typeof auth === 'string' && auth.includes(':')) out.add(auth.slice(auth.lastIndexOf(':') + 1));
  }
  // Veri5 hashes travel inside the body.
  for (const r of sandbox.requests) for (const m of r.body.match(/\b[0-9a-f]{64}\b/gi) ?? []) out.add(m);
  return [...out];
}

/** Every way an identity number may be written, all of them forbidden in full. */
function spellings(digits: string): string[] {
  const groups = digits.length === 12 ? digits.match(/\d{4}/g)! : [];
  return [digits, ...(groups.length ? [groups.join(' '), groups.join('-'), groups.join('%20')] : [])];
}

function renderings(err: unknown): string[] {
  const e = err as Error;
  return [
    String(e.message),
    String(e.stack),
    JSON.stringify(err),
    util.inspect(err, { depth: 5 }),
    String(err),
  ];
}

describe('secret hygiene across a representative run', () => {
  let forbidden: { what: string; value: string }[] = [];

  beforeAll(async () => {
    await runPlatform(platformClient());
    // Failures of authentication: wrong secret, blocked IP, a skewed server clock.
    await runPlatform(platformClient({ apiSecret: 'wrong_secret_value_42' }));
    const blocked = platformClient({ apiKey: MAGIC_API_KEY_IP_BLOCKED });
    await settle(() => blocked.verify.pan({ pan: MAGIC_PAN.valid }));
    // The Open legacy signer through the raw request.
    const open = platformClient({
      signer: openLegacySigner({
        accessKey: sandbox.credentials.open.accessKey,
        secretKey: sandbox.credentials.open.secretKey,
      }),
    });
    await settle(() =>
      open.request({ method: 'POST', path: '/open/v1/payment_token', body: { amount: '1.00' } }),
    );
    const openWrong = platformClient({
      signer: openLegacySigner({
        accessKey: sandbox.credentials.open.accessKey,
        secretKey: 'open_wrong_secret_9',
      }),
    });
    await settle(() =>
      openWrong.request({ method: 'POST', path: '/open/v1/payment_token', body: { amount: '1.00' } }),
    );
    await runVeri5();
    await runFaults();
    for (const c of clients) await c.close();

    forbidden = [
      { what: 'platform secret', value: sandbox.credentials.platform.apiSecret },
      { what: 'wrong platform secret', value: 'wrong_secret_value_42' },
      { what: 'fault-server secret', value: TEST_SECRET },
      { what: 'Veri5 salt', value: sandbox.credentials.veri5.salt },
      { what: 'wrong Veri5 salt', value: 'wrong_salt_value_77' },
      { what: 'Open secret', value: sandbox.credentials.open.secretKey },
      { what: 'wrong Open secret', value: 'open_wrong_secret_9' },
      ...receivedSignatures().map((value) => ({ what: 'signature', value })),
      ...AADHAAR_NUMBERS.flatMap(spellings).map((value) => ({ what: 'Aadhaar', value })),
      ...ACCOUNT_NUMBERS.map((value) => ({ what: 'account number', value })),
    ];
  }, 60_000);

  it('the run was representative: many requests, signatures, errors of many classes, debug lines', () => {
    expect(sandbox.requests.length).toBeGreaterThan(80);
    expect(faults.seen.length).toBeGreaterThanOrEqual(FAULTS.length * 3);
    expect(receivedSignatures().length).toBeGreaterThan(80);
    const classes = new Set(errors.map((e) => (e as Error).name));
    for (const name of [
      'InputValidationError',
      'SignatureMismatchError',
      'IpBlockedError',
      'RateLimitError',
      'InternalServerError',
      'APIConnectionError',
      'APITimeoutError',
      'BadRequestError',
      'ConflictError',
      'ResponseValidationError',
    ]) {
      expect(classes, `no ${name} in the run`).toContain(name);
    }
    expect([...classes].some((n) => n.startsWith('Veri5'))).toBe(true);
    expect(logs.lines.filter((l) => l.level === 'debug').length).toBeGreaterThan(100);
  });

  it('every error is an SDK error', () => {
    for (const err of errors) expect(err).toBeInstanceOf(VistarkriyaError);
  });

  it('no log line contains a secret, salt, signature or full Aadhaar/account number', () => {
    const leaks: string[] = [];
    for (const { line } of logs.lines) {
      for (const f of forbidden) if (line.includes(f.value)) leaks.push(`${f.what} in log: ${line}`);
    }
    expect(leaks).toEqual([]);
  });

  it('no error (message, stack, JSON, inspect) contains one either', () => {
    const leaks: string[] = [];
    for (const err of errors) {
      for (const text of renderings(err)) {
        for (const f of forbidden) {
          if (text.includes(f.value))
            leaks.push(`${f.what} in ${(err as Error).name}: ${text.slice(0, 300)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('the redactor on the forms the run produced', () => {
  it('masks an Aadhaar written with spaces once it is percent- or form-encoded in a query', () => {
    const redact = createRedactor([]);
    expect(redact('GET /b2c/customers?search=2345%206789%200124')).toBe(
      'GET /b2c/customers?search=XXXX XXXX 0124',
    );
    expect(redact('search=2345+6789+0124&x=1')).toBe('search=XXXX XXXX 0124&x=1');
    expect(redact('aadhaar 2345.6789.0124')).toBe('aadhaar XXXX XXXX 0124');
  });
});

describe('debug logs of an Aadhaar verification', () => {
  it('show the call, and contain neither the secret, the signature nor the full Aadhaar number', async () => {
    const own = capturingLogger();
    const vk = new VistarkriyaClient({ ...sandbox.clientOptions, logger: own.logger, logLevel: 'debug' });
    const before = sandbox.requests.length;
    try {
      const result = await vk.verify.aadhaar({ aadhaar: MAGIC_AADHAAR.valid, consent: true });
      expect(result).toMatchObject({ aadhaar_masked: `XXXXXXXX${MAGIC_AADHAAR.valid.slice(-4)}` });
    } finally {
      await vk.close();
    }
    const sent = sandbox.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain(MAGIC_AADHAAR.valid);
    const signature = sent[0]!.headers['x-signature'] as string;
    expect(signature).toMatch(/^[0-9a-f]{64}$/);

    const text = own.lines.map((l) => l.line).join('\n');
    expect(text).toMatch(/POST \/api\/v1\/verify\/aadhaar -> 200 \(verify\.aadhaar, attempt 1, \d+ ms\)/);
    expect(text).not.toContain(sandbox.credentials.platform.apiSecret);
    expect(text).not.toContain(signature);
    for (const spelling of spellings(MAGIC_AADHAAR.valid)) expect(text).not.toContain(spelling);
  });
});
