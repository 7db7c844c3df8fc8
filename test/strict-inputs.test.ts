// Strict inputs everywhere a row's input is checked: a field the operation does not declare is an
// InputValidationError that names it and suggests the field it most likely meant, and nothing is
// sent. The documented escape hatch, `extra`, sends fields the platform adds later as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBulk } from '../src/bulk/index.js';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { InputValidationError, Veri5Client, VistarkriyaClient, veri5Signer } from '../src/index.js';
import { VERI5 } from '../src/model/veri5.js';
import { createProxyHandler } from '../src/proxy/index.js';
import { collect } from './helpers/bulk.js';
import { useProxyUpstream } from './helpers/proxy-upstream.js';
import { signedRequest } from './helpers/raw-request.js';
import { SANDBOX_HOSTS, type SandboxUnderTest } from './helpers/sandbox-hosts.js';

const CREDS = { apiKey: 'vk_test_strict', apiSecret: 'strict_secret_value', adminCode: '123456' };

function recordingFetch(answer: unknown = { success: true, data: {} }) {
  const sent: { url: string; body: string }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    sent.push({ url: String(url), body: String(init?.body ?? '') });
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch };
}

const platform = (fetch: ReturnType<typeof recordingFetch>['fetch']) =>
  new VistarkriyaClient({ ...CREDS, baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 });

async function refusal(call: Promise<unknown>): Promise<InputValidationError> {
  const err = await call.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputValidationError);
  return err as InputValidationError;
}

describe('VistarkriyaClient', () => {
  it('refuses a misspelt optional field, naming it and the field meant, and sends nothing', async () => {
    const { sent, fetch } = recordingFetch();
    const vk = platform(fetch);
    const err = await refusal(vk.verify.pan({ pan: 'ABCPE1234F', nmae: 'Ravi Kumar' } as never));
    expect(err.message).toBe('Invalid nmae: is not a field of verify.pan: did you mean `name`?');
    expect(err).toMatchObject({ field: 'nmae', rule: 'unknown_field' });
    expect(sent).toHaveLength(0);
    // The same key on a list (query) operation.
    const list = await refusal(vk.b2c.customers({ serach: 'asha' } as never));
    expect(list.message).toMatch(/did you mean `search`\?/);
    expect(sent).toHaveLength(0);
  });

  it('sends `extra` as it is: merged into the body, or into the query', async () => {
    const { sent, fetch } = recordingFetch({ success: true, data: { items: [], pagination: {} } });
    const vk = platform(fetch);
    await vk.verify.pan({ pan: 'abcpe1234f', name: 'Asha', extra: { purpose: 'KYC', case_no: 7 } });
    expect(JSON.parse(sent[0]!.body)).toEqual({
      pan: 'ABCPE1234F',
      name: 'Asha',
      purpose: 'KYC',
      case_no: 7,
    });
    await vk.b2c.customers({ search: 'asha', extra: { city: 'Pune' } });
    expect(new URL(sent[1]!.url).search).toBe('?search=asha&city=Pune');
    // A declared field cannot ride in `extra` past its rule.
    const err = await refusal(vk.verify.pan({ pan: 'ABCPE1234F', extra: { name: '' } }));
    expect(err).toMatchObject({ field: 'extra', rule: 'declared_field' });
    expect(sent).toHaveLength(2);
  });
});

describe('Veri5Client', () => {
  it('refuses unknown fields with a suggestion (the platform’s snake_case names included)', async () => {
    const { sent, fetch } = recordingFetch();
    const veri5 = new Veri5Client({
      clientCode: 'C',
      apiKey: 'k',
      salt: 'veri5_salt_1',
      fetch,
      maxRetries: 0,
    });
    const err = await refusal(
      veri5.verifyPan({ panNumber: 'ABCPE1234F', nmae: 'Ravi', consent: true } as never),
    );
    expect(err.issues[0]).toMatchObject({
      field: 'nmae',
      message: expect.stringMatching(/did you mean `name`\?/),
    });
    const snake = await refusal(veri5.verifyBankAccount({ beneficiary_name: 'A' } as never));
    expect(snake.issues[0]!.message).toMatch(/did you mean `beneficiaryName`\?/);
    expect(sent).toHaveLength(0);
  });

  it('takes subCode from the options as from the input', async () => {
    const { sent, fetch } = recordingFetch({ response_status: { code: '000', status: 'SUCCESS' } });
    const veri5 = new Veri5Client({
      clientCode: 'C',
      apiKey: 'k',
      salt: 'veri5_salt_1',
      fetch,
      maxRetries: 0,
    });
    await veri5.verifyPan({ panNumber: 'ABCPE1234F', consent: true, subCode: 'NUMBER' });
    await veri5.verifyPan({ panNumber: 'ABCPE1234F', consent: true }, { subCode: 'NUMBER' });
    const codes = sent.map((s) => JSON.parse(s.body).headers.function_sub_code);
    expect(codes).toEqual(['NUMBER', 'NUMBER']);
  });

  it('retries fetchPanDetails like a read (a lookup), but not a billable verification', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      return calls % 2 === 1
        ? new Response('<html>busy</html>', { status: 503, headers: { 'retry-after-ms': '1' } })
        : new Response(
            JSON.stringify({ response_status: { Code: '000', Message: 'ok', status: 'SUCCESS' } }),
          );
    };
    const veri5 = new Veri5Client({
      clientCode: 'C',
      apiKey: 'k',
      salt: 'veri5_salt_1',
      fetch: flaky,
      maxRetries: 1,
    });
    expect(VERI5.fetchPanDetails.retry).toBe('read');
    await expect(veri5.fetchPanDetails({ txnId: 't1' })).resolves.toMatchObject({ status: 'SUCCESS' });
    expect(calls).toBe(2);
    const gst = await veri5.verifyGstin({ gstin: '29AAECK9415C1ZJ' }).catch((e: unknown) => e);
    expect(gst).toMatchObject({ status: 503, outcomeUnknown: true });
    expect(calls).toBe(3);
  });
});

describe('veri5Signer', () => {
  it('hashes a row’s sequence over the JSON it is given, without parsing the body', async () => {
    const signer = veri5Signer({ clientCode: 'INFO9378', apiKey: 'abc', salt: 'abc' });
    const json = {
      headers: { client_code: 'INFO9378' },
      request: { request_id: 'abcd', gstin: '29AAECK9415C1ZJ' },
    };
    const signed = await signer.sign({
      method: 'POST',
      target: '/any/route',
      body: 'not the JSON: never parsed',
      timestamp: 1,
      operation: VERI5.verifyGstin,
      json,
    });
    // The seed's worked example (the Veri5 API document, "Appendix E: Hash Generation").
    expect(JSON.parse(signed.body!).request.hash).toBe(
      'e3f10f1787428a75e5f0c9331c3bacde36df54e855744a3ccc1f0ff9c7b518fe',
    );
    expect(json.request).not.toHaveProperty('hash'); // the caller's object is left as it was
  });
});

describe('the proxy', () => {
  const upstream = useProxyUpstream('strict_proxy_secret', () => ({
    status: 200,
    body: JSON.stringify({ success: true, data: {} }),
  }));
  const handler = () =>
    createProxyHandler({
      ...CREDS,
      apiSecret: 'strict_proxy_secret',
      baseURL: upstream.url,
      basePath: '/api/vk',
      allow: ['verify.pan'],
      authorize: () => true,
      logLevel: 'off',
    });

  it('refuses `extra` from a browser (declared fields only) and suggests for typos', async () => {
    const h = handler();
    const post = (body: unknown) =>
      h(
        new Request('http://app.test/api/vk/api/v1/verify/pan', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const extra = await (await post({ pan: 'ABCPE1234F', extra: { tenant: 'other' } })).json();
    expect(extra.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'extra', rule: 'unknown_field' });
    const typo = await (await post({ pan: 'ABCPE1234F', nmae: 'Ravi' })).json();
    expect(typo.error.message).toBe('Invalid nmae: is not a field of verify.pan: did you mean `name`?');
    expect(upstream.seen).toHaveLength(0);
    await h.close();
  });
});

describe('bulk and the CLI', () => {
  it('a bulk row with an unknown column is invalid, and never sent', async () => {
    const { sent, fetch } = recordingFetch();
    const vk = platform(fetch);
    const results = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows: [{ pan: 'ABCPE1234F', nmae: 'Ravi' }] }),
    );
    expect(results[0]).toMatchObject({ status: 'invalid', error: { field: 'nmae', rule: 'unknown_field' } });
    expect(sent).toHaveLength(0);
  });

  it('vistarkriya call refuses a misspelt field before connecting', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIO = {
      out: (l) => stdout.push(l),
      err: (l) => stderr.push(l),
      env: {
        ...CREDS,
        VISTARKRIYA_API_KEY: 'k',
        VISTARKRIYA_API_SECRET: 'strict_secret_value',
        VISTARKRIYA_ADMIN_CODE: '123456',
      },
    };
    // Port 9 (discard) on 127.0.0.1 would refuse a connection: the refusal below proves nothing was sent.
    const code = await runCli(
      ['call', 'verify.pan', '{"pan":"ABCPE1234F","nmae":"Ravi"}', '--base-url', 'http://127.0.0.1:9'],
      io,
    );
    expect(code).toBe(1);
    expect(stderr.join('\n')).toMatch(
      /InputValidationError: Invalid nmae: .*did you mean `name`\?[\s\S]*nothing was sent/,
    );
  });
});

describe.each(SANDBOX_HOSTS)('the sandbox checks platform inputs by the rows ($name)', (host) => {
  let sb: SandboxUnderTest;
  beforeAll(async () => {
    sb = await host.start();
  });
  afterAll(() => sb.close());

  it('answers VALIDATION_ERROR with the client’s message, and ignores fields it does not know', async () => {
    const bad = await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', '{"pan":"ABCDE12345"}');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'pan must be a PAN: 5 letters, 4 digits, 1 letter (AAAAA9999A).',
    });
    // What the client's `extra` sends: the sandbox, as a server would, ignores it.
    const extra = await signedRequest(
      sb.send,
      'POST',
      '/api/v1/verify/pan',
      '{"pan":"abcpv1234d","purpose":"KYC"}',
    );
    expect(extra.status).toBe(200);
    expect(extra.json.data).toMatchObject({ pan: 'ABCPV1234D', status: 'VALID' });
    // A query's integer field is read back as a number, and checked by its rule.
    const page = await signedRequest(sb.send, 'GET', '/api/v1/b2c/customers?page=0');
    expect(page.json.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'page must be greater than 0.',
    });
  });
});
