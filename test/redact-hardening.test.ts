import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../src/core/redact.js';
import { type FetchLike, VistarkriyaClient, proxySigner } from '../src/index.js';
import { createProxyHandler } from '../src/proxy/index.js';
import { platformError } from './faults/fake-transport.js';
import { capturingLogger, rejectionOf, scriptedClient } from './faults/helpers.js';
import { type SeenRequest, startSigningServer } from './helpers/signing-server.js';

const ACCOUNT_20 = '12345678901234567890';
const ACCOUNT_19 = '1234567890123456789';

/** Every form an error can be read in: what a user logs, prints or reports. */
function everyView(err: unknown): string {
  const e = err as Error;
  return [e.message, e.stack, inspect(err, { depth: 10 }), JSON.stringify(err), String(err)].join('\n');
}

describe('identity numbers: 9–20 digit runs and identifier fields are masked', () => {
  const redact = createRedactor([]);

  it('masks runs of 19 and 20 digits (the account rule allows up to 20 characters)', () => {
    expect(redact(`acct ${ACCOUNT_19}`)).toBe('acct XXXXXXXXXXXXXXX6789');
    expect(redact(`acct ${ACCOUNT_20}`)).toBe('acct XXXXXXXXXXXXXXXX7890');
    expect(redact('acct 1234567890123456789012')).not.toContain('1234567890123456789012');
  });

  it('masks the value of a known identifier field whatever its shape', () => {
    const cases = [
      '{"account_number":"SB-0012AB99XY"}',
      '{"accountNumber": "SB0012AB99XY"}',
      '{"beneficiaryAccountNo":"SB0012AB99XY"}',
      "account_number='SB0012AB99XY'",
      '/api/v1/x?account_number=SB0012AB99XY&page=2',
      'account_number: SB0012AB99XY.',
      '{"aadhaar":"2345-6789-0124"}',
      '{"aadhaar_number":"2345 6789 0124"}',
      'aadhaarNumber=2345%206789%200124',
    ];
    for (const text of cases) {
      const out = redact(text);
      expect(out, text).not.toMatch(/SB-?0012AB/);
      expect(out, text).not.toMatch(/2345.{0,3}6789/);
    }
    expect(redact('/api/v1/x?account_number=SB0012AB99XY&page=2')).toBe(
      '/api/v1/x?account_number=XXXXXXXX99XY&page=2',
    );
    expect(redact('{"account_number":12345678}')).toBe('{"account_number":XXXX5678}');
    // Other fields are left alone.
    expect(redact('{"reference":"SB0012AB99XY","page":2}')).toBe('{"reference":"SB0012AB99XY","page":2}');
  });

  it('error message, stack, util.inspect, debug lines and vk.redact() never show a 20-digit account', async () => {
    const { lines, logger } = capturingLogger();
    const { client } = scriptedClient(
      [
        platformError(
          400,
          'BAD_ACCOUNT',
          `Account ${ACCOUNT_20} is closed (account_number: AB${ACCOUNT_19})`,
        ),
      ],
      { maxRetries: 0, logger, logLevel: 'debug' },
    );
    const err = await rejectionOf(
      client.request({ method: 'GET', path: '/api/v1/x', query: { account_number: ACCOUNT_20 } }),
    );
    const seen = `${everyView(err)}\n${lines.map((l) => l.line).join('\n')}`;
    expect(lines.some((l) => l.line.includes('/api/v1/x?account_number='))).toBe(true);
    expect(seen).not.toContain(ACCOUNT_20);
    expect(seen).not.toContain(ACCOUNT_19);
    expect(client.redact(`paid to ${ACCOUNT_20}`)).toBe('paid to XXXXXXXXXXXXXXXX7890');
  });
});

describe('the admin code, the API key and signatures in any case are redacted', () => {
  const apiKey = 'vk_live_9f8e7d6c5b4a';
  const adminCode = '731904';
  const apiSecret = 'live_secret_Qw3rty';

  it('in an error whose cause came from a custom fetch (util.inspect shows causes)', async () => {
    let signature = '';
    const fetch: FetchLike = async (_url, init) => {
      const headers = init.headers as Record<string, string>;
      signature = headers['X-Signature'] ?? headers['x-signature']!;
      const cause = Object.assign(
        new Error(`socket hang up key=${apiKey} admin=${adminCode} sig=${signature.toUpperCase()}`),
        { code: 'ECONNRESET' },
      );
      throw new TypeError(`fetch failed for ${apiKey}`, { cause });
    };
    const client = new VistarkriyaClient({
      apiKey,
      apiSecret,
      adminCode,
      baseURL: 'https://api.example.test',
      fetch,
      maxRetries: 0,
      logLevel: 'off',
    });
    const err = await rejectionOf(client.wallet.core.balance());
    const seen = everyView(err);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(seen).not.toContain(apiKey);
    expect(seen).not.toContain(adminCode);
    expect(seen.toLowerCase()).not.toContain(signature);
    // The key is cut down to a prefix, enough to tell accounts apart.
    expect(client.redact(`key ${apiKey}`)).toMatch(/^key vk_live\[REDACTED\]$/);
    expect(client.redact(`KEY ${apiKey.toUpperCase()}`)).not.toContain(apiKey.toUpperCase());
  });

  it('in an error built from an answer that echoes them', async () => {
    const echo = `bad key ${apiKey}, admin ${adminCode}, secret ${apiSecret.toUpperCase()}`;
    const { client } = scriptedClient(
      [platformError(401, 'AUTH_INVALID_KEY', echo, { 'x-echo': echo, 'x-request-id': `req ${echo}` })],
      {
        apiKey,
        apiSecret,
        adminCode,
        maxRetries: 0,
      },
    );
    const err = await rejectionOf(client.wallet.core.balance());
    const seen = everyView(err);
    expect((err as { requestId: string }).requestId).toMatch(/^req bad key vk_live\[REDACTED\]/);
    expect(seen).not.toContain(apiKey);
    expect(seen).not.toContain(adminCode);
    expect(seen.toLowerCase()).not.toContain(apiSecret.toLowerCase());
  });

  it('the tokens a proxySigner headers function returns are redacted too', async () => {
    const token = 'sess_tok_5c1f0e9a77b2';
    const { lines, logger } = capturingLogger();
    const fetch: FetchLike = async () => {
      throw new TypeError(`fetch failed: Authorization Bearer ${token} refused`);
    };
    const client = new VistarkriyaClient({
      baseURL: 'https://app.example.test/api/vk',
      signer: proxySigner({ headers: async () => ({ Authorization: `Bearer ${token}` }) }),
      fetch,
      maxRetries: 0,
      logger,
      logLevel: 'debug',
    });
    const err = await rejectionOf(client.wallet.core.balance());
    expect(everyView(err)).not.toContain(token);
    expect(lines.map((l) => l.line).join('\n')).not.toContain(token);
    expect(client.redact(`token ${token}`)).not.toContain(token);
  });
});

describe('proxy answers never carry the admin code, the API key or a signature in any case', () => {
  const SECRET = 'proxy_secret_Hd81';
  const creds = { apiKey: 'vk_proxy_key_5d2e91', apiSecret: SECRET, adminCode: '915273' };
  let upstream: Awaited<ReturnType<typeof startSigningServer>>;
  let respond: (req: SeenRequest) => { body: string; headers: Record<string, string> };

  beforeAll(async () => {
    upstream = await startSigningServer({
      secret: SECRET,
      respond: (req, res) => {
        const a = respond(req);
        res.statusCode = 401;
        for (const [k, v] of Object.entries(a.headers)) res.setHeader(k, v);
        res.end(a.body);
      },
    });
  });
  afterAll(() => upstream.close());

  it('redacts an upstream echo in the body and the passed-through headers', async () => {
    respond = (req) => {
      const sig = String(req.headers['x-signature']).toUpperCase();
      const echo = `key ${req.headers['x-api-key']} admin ${req.headers['x-admin-code']} sig ${sig}`;
      return {
        body: JSON.stringify({
          success: false,
          error: { code: 'HMAC_INVALID', message: echo, http_status: 401, admin: 915273 },
        }),
        headers: { 'x-request-id': echo },
      };
    };
    const handler = createProxyHandler({
      ...creds,
      baseURL: upstream.url,
      basePath: '/api/vk',
      allow: ['verify.pan'],
      authorize: () => true,
      logLevel: 'off',
      maxRetries: 0,
    });
    const res = await handler(
      new Request('http://app.test/api/vk/api/v1/verify/pan', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pan: 'ABCPE1234F' }),
      }),
    );
    const text = `${await res.text()}\n${res.headers.get('x-request-id')}`;
    const sent = upstream.seen[0]!.headers['x-signature'] as string;
    expect(res.status).toBe(401);
    expect(text).not.toContain(creds.apiKey);
    expect(text).not.toContain(creds.adminCode);
    expect(text.toLowerCase()).not.toContain(sent);
    expect(text).toContain('[REDACTED]');
    await handler.close();
  });
});
