/**
 * Error handling: every typed error, produced on purpose with the sandbox's magic values.
 * Catch by class (`instanceof`); every error has `status`, `code`, `message` and, for
 * billable calls that may have gone through, `outcomeUnknown: true`.
 *
 *   npx tsx examples/errors.ts
 */
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  ConfigurationError,
  ConflictError,
  InputValidationError,
  InternalServerError,
  InvalidApiKeyError,
  IpBlockedError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  SignatureMismatchError,
  type Signer,
  TimestampExpiredError,
  BadRequestError,
  VistarkriyaClient,
  vistarkriyaSigner,
} from 'vistarkriya';
import {
  MAGIC,
  MAGIC_API_KEY_IP_BLOCKED,
  MAGIC_MOBILE_DUPLICATE,
  MAGIC_PRODUCT_NO_FUNDS,
  startSandbox,
} from 'vistarkriya/sandbox';
import { type Log, expect, runIfMain } from './_harness.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs `call`, checks it throws `cls`, logs the error's fields. */
async function expectError(
  log: Log,
  label: string,
  cls: ErrorClass,
  call: () => Promise<unknown>,
): Promise<Error> {
  try {
    await call();
  } catch (err) {
    expect(err instanceof cls, `${label}: expected ${cls.name}, got ${String(err)}`);
    const e = err as Error & {
      status?: number;
      code?: string;
      outcomeUnknown?: boolean;
      retryAfter?: number;
    };
    const fields = [
      e.status !== undefined ? `status ${e.status}` : undefined,
      e.code ? `code ${e.code}` : undefined,
      e.retryAfter !== undefined ? `retryAfter ${e.retryAfter}s` : undefined,
      e.outcomeUnknown ? 'outcomeUnknown' : undefined,
    ].filter(Boolean);
    log(`${label.padEnd(28)} → ${e.name}${fields.length ? ` (${fields.join(', ')})` : ''}`);
    return e;
  }
  throw new Error(`${label}: expected ${cls.name}, but the call succeeded`);
}

export default async function errors(log: Log): Promise<string> {
  const env = process.env;
  const creds = {
    apiKey: env.VISTARKRIYA_API_KEY!,
    apiSecret: env.VISTARKRIYA_API_SECRET!,
    adminCode: env.VISTARKRIYA_ADMIN_CODE!,
  };
  // maxRetries: 0 so the magic 429/503 answers surface at once (by default the SDK retries them when safe).
  const vk = new VistarkriyaClient({ maxRetries: 0 });
  const clients: VistarkriyaClient[] = [vk];
  const client = (options: ConstructorParameters<typeof VistarkriyaClient>[0]) => {
    const c = new VistarkriyaClient({ maxRetries: 0, ...options });
    clients.push(c);
    return c;
  };
  let count = 0;
  const check = async (label: string, cls: ErrorClass, call: () => Promise<unknown>) => {
    count++;
    return expectError(log, label, cls, call);
  };
  try {
    // Before anything is sent.
    await check('missing credentials', ConfigurationError, async () =>
      client({ apiKey: '', apiSecret: '', adminCode: '' }),
    );
    const input = await check('Aadhaar failing Verhoeff', InputValidationError, () =>
      vk.verify.aadhaar({ aadhaar: '234567890123', consent: true }),
    );
    expect(!input.message.includes('234567890123'), 'the Aadhaar number is not echoed');

    // Authentication (the five documented codes).
    const noKey: Signer = {
      async sign(req) {
        const { headers } = await vistarkriyaSigner(creds).sign(req);
        const { 'X-API-Key': _dropped, ...rest } = headers;
        return { headers: rest };
      },
    };
    await check('no X-API-Key', MissingApiKeyError, () => client({ signer: noKey }).wallet.core.balance());
    await check('unknown API key', InvalidApiKeyError, () =>
      client({ ...creds, apiKey: 'vk_test_unknown' }).wallet.core.balance(),
    );
    const hmac = await check('wrong secret', SignatureMismatchError, () =>
      client({ ...creds, apiSecret: 'not_the_secret' }).wallet.core.balance(),
    );
    expect(!hmac.message.includes('not_the_secret'), 'the secret is never in a message');
    const stale: Signer = {
      sign: (req) => vistarkriyaSigner(creds).sign({ ...req, timestamp: req.timestamp - 400 }),
    };
    await check('timestamp 400 s old', TimestampExpiredError, () =>
      client({ signer: stale }).wallet.core.balance(),
    );
    await check('IP not on the allow-list', IpBlockedError, () =>
      client({ ...creds, apiKey: MAGIC_API_KEY_IP_BLOCKED }).wallet.core.balance(),
    );

    // Clock skew is corrected, not thrown: a sandbox 15 minutes ahead.
    const skewed = await startSandbox({ clockOffsetSeconds: 900 });
    try {
      const c = client(skewed.clientOptions);
      await c.wallet.core.balance();
      expect(Math.abs(c.clockOffsetSeconds - 900) <= 2, `offset learned (${c.clockOffsetSeconds})`);
      log(
        `${'server clock 15 min ahead'.padEnd(28)} → corrected from the Date header (offset ${c.clockOffsetSeconds} s), no error`,
      );
    } finally {
      await skewed.close();
    }

    // The platform's answers.
    await check('server-side validation', BadRequestError, () =>
      vk.request({ method: 'POST', path: '/api/v1/verify/pan', body: { pan: 'not-a-pan' } }),
    );
    await check('unknown report_id', NotFoundError, () =>
      vk.cibil.status({ report_id: 'CIB-DOES-NOT-EXIST' }),
    );
    await check('duplicate customer', ConflictError, () =>
      vk.b2c.createCustomer({ name: 'Kavya Rao', mobile: MAGIC_MOBILE_DUPLICATE }),
    );
    const funds = await check('insufficient balance', APIError, () =>
      vk.marketplace.order({ product_id: MAGIC_PRODUCT_NO_FUNDS }),
    );
    expect((funds as APIError).status === 402 && (funds as APIError).code === 'INSUFFICIENT_BALANCE', '402');
    await check('rate limited (429)', RateLimitError, () => vk.verify.pan({ pan: MAGIC.pan.rate_limited }));
    await check('service unavailable (503)', InternalServerError, () =>
      vk.verify.pan({ pan: MAGIC.pan.unavailable }),
    );

    // No answer at all.
    await check('slow answer, 300 ms timeout', APITimeoutError, () =>
      vk.verify.pan({ pan: MAGIC.pan.slow }, { timeout: 300 }),
    );
    const reset = await check('connection reset', APIConnectionError, () =>
      vk.verify.pan({ pan: MAGIC.pan.reset }),
    );
    expect((reset as APIConnectionError).outcomeUnknown, 'a reset billable call has an unknown outcome');
    return `${count} typed errors caught, clock skew corrected`;
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

await runIfMain(import.meta, errors);
