import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConfigurationError,
  InputValidationError,
  RateLimitError,
  Veri5AuthenticationError,
  Veri5Client,
  type Veri5ClientOptions,
  Veri5HashError,
  Veri5ServiceUnavailableError,
} from '../src/index.js';
import { stubEnvs } from './helpers/env.js';
import { MAGIC, type Veri5TestServer, startVeri5Server } from './helpers/veri5-server.js';

const AADHAAR = '234567890124'; // valid Verhoeff
const PAN = 'ABCPE1234F';
const ENVELOPE_FIELDS = [
  'client_code',
  'sub_client_code',
  'channel_code',
  'channel_version',
  'stan',
  'client_ip',
  'transmission_datetime',
  'operation_mode',
  'run_mode',
  'actor_type',
  'user_handle_type',
  'user_handle_value',
  'location',
  'function_code',
  'function_sub_code',
];

function captureLogger() {
  const lines: string[] = [];
  const push = (m: string, ...rest: unknown[]) => lines.push([m, ...rest.map(String)].join(' '));
  return { lines, logger: { debug: push, info: push, warn: push, error: push } };
}

let server: Veri5TestServer;
const clients: Veri5Client[] = [];
function client(extra: Partial<Veri5ClientOptions> = {}): Veri5Client {
  const c = new Veri5Client({ ...server.credentials, baseURL: server.url, logLevel: 'off', ...extra });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startVeri5Server();
});
afterEach(() => {
  server.seen.length = 0;
  server.script.length = 0;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

describe('Veri5Client construction', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names every missing credential and its environment variable', () => {
    stubEnvs({ VERI5_CLIENT_CODE: '', VERI5_API_KEY: '', VERI5_SALT: '' });
    expect(() => new Veri5Client()).toThrow(ConfigurationError);
    expect(() => new Veri5Client({ clientCode: 'C' })).toThrow(
      /apiKey \(or env VERI5_API_KEY\), salt \(or env VERI5_SALT\)/,
    );
    expect(
      () => new Veri5Client({ clientCode: 'C', apiKey: 'k', salt: 's', environment: 'prod' as 'production' }),
    ).toThrow(/sandbox' or 'production/);
  });

  it('reads credentials from the environment and picks the seed host per environment', async () => {
    stubEnvs({ VERI5_CLIENT_CODE: 'ENV_CODE', VERI5_API_KEY: 'env_key', VERI5_SALT: 'env_salt' });
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response(
        JSON.stringify({ response_status: { code: '000', message: 'ok', status: 'SUCCESS' } }),
      );
    };
    const prod = new Veri5Client({ environment: 'production', fetch, logLevel: 'off' });
    const sandbox = new Veri5Client({ environment: 'sandbox', fetch, logLevel: 'off' });
    await prod.verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    await sandbox.fetchPanDetails({ txnId: 'T1' });
    expect(urls).toEqual([
      'https://prod.veri5digital.com/service/api/1.0/verifyGSTIN',
      'https://sandbox.veri5digital.com/service/api/1.0/fetchPanDetails',
    ]);
    expect(prod.clientCode).toBe('ENV_CODE');
  });
});

describe('Veri5Client against an independent Veri5 server', () => {
  it('sends hashes the server accepts (verifyGSTIN) and returns the typed GSTIN record', async () => {
    const r = await client().verifyGstin({ gstin: ' 29aaeck9415c1zj ', requestId: 'req-1' });
    expect(r.status).toBe('SUCCESS');
    expect(r.code).toBe('000');
    expect(r.request_id).toBe('req-1');
    if (r.status !== 'SUCCESS') throw new Error('unreachable');
    expect(r.gstin_details).toEqual(MAGIC.gstinRecord);
    expect(Object.keys(r.gstin_details!)).toHaveLength(27);
    expect(r.gstin_details?.tradeNam).toBe('VERI5 DIGITAL');
    const sent = server.seen[0]!.json;
    expect(sent.request).toEqual({
      request_id: 'req-1',
      gstin: '29AAECK9415C1ZJ',
      api_key: 'veri5_test_key',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(sent.headers.function_code).toBe('DEFAULT');
    expect(sent.headers.function_sub_code).toBe('DEFAULT');
  });

  it('generates a request_id when absent', async () => {
    const r = await client().verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    expect(r.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(server.seen[0]!.json.request.request_id).toBe(r.request_id);
  });

  it('verifies a PAN, then fetches its details with an accepted fetchPanDetails hash', async () => {
    const veri5 = client();
    const r = await veri5.verifyPan({
      panNumber: PAN,
      name: 'ASHA RAO',
      dob: '01/01/1990',
      panType: 'IND',
      consent: true,
    });
    expect(r).toMatchObject({ status: 'SUCCESS', code: '000', verification_method: 'VERIFY_PAN_DATA' });
    const sent = server.seen[0]!.json;
    expect(sent.headers).toMatchObject({ function_code: 'VERIFY_PAN', function_sub_code: 'DATA' });
    expect(sent.request).toEqual({
      pan_details: { pan_number: PAN, name: 'ASHA RAO', dob: '01/01/1990', pan_type: 'IND' },
      consent: 'Y',
      consent_message: expect.any(String),
    });
    const details = await veri5.fetchPanDetails({ txnId: r.txn_id! });
    expect(details).toMatchObject({
      status: 'SUCCESS',
      code: '000',
      message: 'Pan details fetched successfully',
      response_data: { response_message: { pan_number: PAN } },
    });
    expect(server.seen[1]!.json.headers).toMatchObject({
      function_code: 'DEFAULT',
      function_sub_code: 'DATA',
    });
    expect(server.seen[1]!.json.request.txn_id).toBe(r.txn_id);
  });

  it('returns a PAN name mismatch as { status: FAIL, code: 400101 } instead of throwing', async () => {
    const r = await client().verifyPan({
      panNumber: PAN,
      name: MAGIC.mismatchName,
      dob: '01/01/1990',
      consent: true,
    });
    expect(r).toMatchObject({ status: 'FAIL', code: '400101', txn_id: 'TXN-MISMATCH' });
    expect(r.message).toMatch(/Name is Incorrect/);
    const invalid = await client().verifyPan({ panNumber: MAGIC.invalidPan, consent: true });
    expect(invalid).toMatchObject({ status: 'FAIL', code: '400103', message: 'Invalid PAN' });
    expect(server.seen[1]!.json.headers.function_sub_code).toBe('NUMBER');
  });

  it('returns fetchPanDetails FAIL codes (capitalised Code/Message) as results', async () => {
    const r = await client().fetchPanDetails({ txnId: 'NO-SUCH-TXN' });
    expect(r).toMatchObject({ status: 'FAIL', code: '400105', message: 'txnId does not exist' });
  });

  it('throws Veri5HashError with code 400401 for a wrong salt, and never leaks the salt', async () => {
    const wrong = client({ salt: 'not_the_salt' });
    const err = await wrong.verifyGstin({ gstin: '29AAECK9415C1ZJ' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Veri5HashError);
    expect(err).toBeInstanceOf(Veri5AuthenticationError);
    expect((err as Veri5HashError).code).toBe('400401');
    expect((err as Veri5HashError).retryable).toBe(false);
    expect(String((err as Error).message)).not.toContain('not_the_salt');
    expect(JSON.stringify(err)).not.toContain('not_the_salt');
    expect(server.seen).toHaveLength(1); // final: not retried
    const panErr = await wrong.fetchPanDetails({ txnId: 'TXN1' }).catch((e: unknown) => e);
    expect(panErr).toBeInstanceOf(Veri5HashError);
  });

  it('verifies an Aadhaar number and normalises Verified_data / Age_band to snake_case', async () => {
    const r = await client().verifyAadhaar({ aadhaarNumber: '2345 6789 0124', consent: true });
    expect(r.status).toBe('SUCCESS');
    if (r.status !== 'SUCCESS') throw new Error('unreachable');
    expect(r.verified_data).toEqual({
      age_band: '20-30',
      gender: 'MALE',
      state: 'Karnataka',
      mobile_number: 'xxxxxxx123',
    });
    expect(r.verification_method).toBe('VERIFY_AADHAAR_DATA');
    expect(r.verified_using).toBe('Database Check');
    const sent = server.seen[0]!.json;
    expect(sent.headers).toMatchObject({ function_code: 'VERIFY_AADHAAR', function_sub_code: 'DATA' });
    expect(sent.request).toEqual({
      aadhaar_details: { aadhaar_number: AADHAAR },
      consent: 'Y',
      consent_message: expect.any(String),
    });
  });

  it('sends every Appendix A envelope field, with client and per-client defaults', async () => {
    const veri5 = client({ subClientCode: 'SUB1', envelope: { channel_code: 'WEB', run_mode: 'REAL' } });
    await veri5.verifyPan({ panNumber: PAN, consent: true });
    const h = server.seen[0]!.json.headers;
    expect(Object.keys(h).sort()).toEqual([...ENVELOPE_FIELDS].sort());
    for (const f of ENVELOPE_FIELDS) expect(typeof h[f]).toBe('string');
    expect(h).toMatchObject({
      client_code: 'VERI5_TEST',
      sub_client_code: 'SUB1',
      channel_code: 'WEB',
      run_mode: 'REAL',
      operation_mode: 'SELF',
      actor_type: 'DEFAULT',
      location: 'NA',
    });
  });

  it('never puts the salt in any request body or header, for every operation', async () => {
    const veri5 = client();
    const pan = await veri5.verifyPan({ panNumber: PAN, name: 'ASHA RAO', dob: '01/01/1990', consent: true });
    await veri5.fetchPanDetails({ txnId: pan.txn_id! });
    await veri5.verifyAadhaar({ aadhaarNumber: AADHAAR, consent: true });
    await veri5.verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    await veri5.verifyBankAccount({
      beneficiaryName: 'Asha Rao',
      accountNumber: '001234567890',
      ifsc: 'SBIN0001234',
    });
    expect(server.seen).toHaveLength(5);
    for (const req of server.seen) {
      expect(req.body).not.toContain('veri5_test_salt');
      expect(JSON.stringify(req.headers)).not.toContain('veri5_test_salt');
    }
  });

  it('gives 50 rapid concurrent calls 50 distinct numeric stans and a current transmission_datetime', async () => {
    const veri5 = client();
    const start = Date.now();
    await Promise.all(Array.from({ length: 50 }, () => veri5.verifyPan({ panNumber: PAN, consent: true })));
    const end = Date.now();
    const stans = server.seen.map((r) => r.json.headers.stan as string);
    expect(stans).toHaveLength(50);
    expect(new Set(stans).size).toBe(50);
    for (const r of server.seen) {
      expect(r.json.headers.stan).toMatch(/^\d+$/);
      expect(r.json.headers.transmission_datetime).toMatch(/^\d{13}$/);
      const t = Number(r.json.headers.transmission_datetime);
      expect(t).toBeGreaterThanOrEqual(start - 1000);
      expect(t).toBeLessThanOrEqual(end + 1000);
    }
  });

  it('retries a service-unavailable answer (410007) with a new stan, the same request_id and a valid hash', async () => {
    server.script.push({
      body: {
        response_status: { code: '410007', message: 'Verification Service Not Available.', status: 'FAIL' },
      },
    });
    const r = await client().verifyGstin({ gstin: '29AAECK9415C1ZJ', requestId: 'keep-me' });
    expect(r.status).toBe('SUCCESS');
    expect(server.seen).toHaveLength(2);
    const [first, second] = server.seen.map((s) => s.json);
    expect(first.request.request_id).toBe('keep-me');
    expect(second.request.request_id).toBe('keep-me');
    expect(second.headers.stan).not.toBe(first.headers.stan);
  });

  it('throws Veri5ServiceUnavailableError (retryable) once retries are spent', async () => {
    for (let i = 0; i < 3; i++) {
      server.script.push({
        body: {
          response_status: { code: '400304', message: 'UIDAI website not reachable.', status: 'FAIL' },
        },
      });
    }
    const err = await client({ maxRetries: 2 })
      .verifyAadhaar({ aadhaarNumber: AADHAAR, consent: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Veri5ServiceUnavailableError);
    expect(err).toMatchObject({ code: '400304', retryable: true, outcomeUnknown: false });
    expect(server.seen).toHaveLength(3);
  });

  it('does not re-send a penny drop after 429; calling again sends a new uniqueRequestNo', async () => {
    server.script.push({
      status: 429,
      headers: { 'retry-after': '0' },
      body: { message: 'Too many requests' },
    });
    const input = {
      beneficiaryName: 'Asha Rao',
      accountNumber: '0012 3456 7890',
      ifsc: 'sbin0001234',
      mobile: '+91 98765 43210',
      email: 'asha@example.com',
      address: 'MG Road, Bengaluru',
      country: 'IN',
    };
    await expect(client().verifyBankAccount(input)).rejects.toBeInstanceOf(RateLimitError);
    expect(server.seen).toHaveLength(1);
    const r = await client().verifyBankAccount(input);
    expect(r).toMatchObject({ status: 'SUCCESS', code: '4000' });
    expect(server.seen).toHaveLength(2);
    const [first, second] = server.seen.map((s) => s.json);
    expect(first.uniqueRequestNo).toMatch(/^[0-9a-f]{32}$/);
    expect(second.uniqueRequestNo).not.toBe(first.uniqueRequestNo);
    expect(r.uniqueRequestNo).toBe(second.uniqueRequestNo);
    expect(second).toEqual({
      version: '',
      uniqueRequestNo: second.uniqueRequestNo,
      purposeCode: '',
      customerID: '',
      clientCode: 'VERI5_TEST',
      debitAccountNo: '',
      beneficiary: {
        beneficiaryDetail: {
          beneficiaryName: { fullName: 'Asha Rao' },
          beneficiaryAddress: { address1: 'MG Road, Bengaluru', country: 'IN' },
          beneficiaryContact: { mobileNo: '9876543210', emailID: 'asha@example.com' },
          beneficiaryAccountNo: '001234567890',
          beneficiaryIFSC: 'SBIN0001234',
        },
      },
      transferType: 'IMPS',
      transferCurrencyCode: 'Rs',
      transferAmount: 1,
      remitterToBeneficiaryInfo: '',
    });
  });

  it('returns ACCOUNT NOT VERIFIED (4001) as a result and a persistent 429 as RateLimitError', async () => {
    server.script.push({
      body: { code: '4001', message: 'ACCOUNT NOT VERIFIED: account closed', status: 'FAIL' },
    });
    const r = await client().verifyBankAccount({
      beneficiaryName: 'A',
      accountNumber: '001234567890',
      ifsc: 'SBIN0001234',
      uniqueRequestNo: 'mine-1',
    });
    expect(r).toMatchObject({ status: 'FAIL', code: '4001', uniqueRequestNo: 'mine-1' });
    for (let i = 0; i < 2; i++)
      server.script.push({ status: 429, headers: { 'retry-after': '0' }, body: { message: 'slow down' } });
    const err = await client({ maxRetries: 1 })
      .verifyBankAccount({ beneficiaryName: 'A', accountNumber: '001234567890', ifsc: 'SBIN0001234' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
  });

  it('keeps hashing when a route is overridden', async () => {
    server.alias('verifyGSTIN', '/v2/gst');
    const r = await client({ routes: { verifyGSTIN: '/v2/gst' } }).verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    expect(r.status).toBe('SUCCESS');
    expect(server.seen[0]!.path).toBe('/v2/gst');
  });

  it('debug logs never contain the salt or a full Aadhaar number', async () => {
    const { lines, logger } = captureLogger();
    const veri5 = client({ logger, logLevel: 'debug' });
    await veri5.verifyAadhaar({ aadhaarNumber: AADHAAR, consent: true });
    server.script.push({
      body: { response_status: { code: '410007', message: `Service down for ${AADHAAR}`, status: 'FAIL' } },
    });
    await veri5.verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    await client({ logger, logLevel: 'debug', salt: 'wrong_salt_value' })
      .verifyGstin({ gstin: '29AAECK9415C1ZJ' })
      .catch(() => {});
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    expect(all).not.toContain('veri5_test_salt');
    expect(all).not.toContain('wrong_salt_value');
    expect(all).not.toContain(AADHAAR);
  });

  it('does not echo an Aadhaar number in errors built from Veri5 messages', async () => {
    server.script.push({
      body: { response_status: { code: '333', message: `Unexpected error for ${AADHAAR}`, status: 'FAIL' } },
    });
    const err = await client()
      .verifyAadhaar({ aadhaarNumber: AADHAAR, consent: true })
      .catch((e: unknown) => e);
    expect((err as Error).message).not.toContain(AADHAAR);
    expect((err as Error).message).toContain('0124');
  });
});

describe('input validation before sending', () => {
  const rejects = async (p: Promise<unknown>, field: string, rule?: string) => {
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputValidationError);
    expect((err as InputValidationError).issues).toContainEqual(
      expect.objectContaining({ field, ...(rule ? { rule } : {}) }),
    );
    return err as InputValidationError;
  };

  it('rejects bad PANs, DATA without name or dob, impossible dates and unknown PAN types', async () => {
    const v = client();
    await rejects(v.verifyPan({ panNumber: 'ABCDE123', consent: true }), 'panNumber', 'format');
    await rejects(v.verifyPan({ panNumber: PAN, consent: true }, { subCode: 'DATA' }), 'name', 'required');
    await rejects(v.verifyPan({ panNumber: PAN, consent: true }, { subCode: 'DATA' }), 'dob', 'required');
    await rejects(
      v.verifyPan({ panNumber: PAN, name: 'A', dob: '31/02/1990', consent: true }),
      'dob',
      'date',
    );
    await rejects(v.verifyPan({ panNumber: PAN, panType: 'XYZ' as 'IND', consent: true }), 'panType', 'enum');
    expect(server.seen).toHaveLength(0);
  });

  it('rejects Aadhaar typos and missing consent without echoing the number', async () => {
    const v = client();
    const err = await rejects(
      v.verifyAadhaar({ aadhaarNumber: '234567890123', consent: true }),
      'aadhaarNumber',
      'verhoeff',
    );
    expect(err.message).not.toContain('234567890123');
    await rejects(v.verifyAadhaar({ aadhaarNumber: AADHAAR, consent: false as true }), 'consent', 'consent');
    expect(server.seen).toHaveLength(0);
  });

  it('rejects bad GSTINs, IFSCs, account numbers, amounts and empty txnIds', async () => {
    const v = client();
    await rejects(v.verifyGstin({ gstin: '29AAECK9415C1ZK' }), 'gstin', 'check_character');
    await rejects(
      v.verifyBankAccount({ beneficiaryName: 'A', accountNumber: '12', ifsc: 'SBIN0001234' }),
      'accountNumber',
    );
    await rejects(
      v.verifyBankAccount({ beneficiaryName: 'A', accountNumber: '001234567890', ifsc: 'SBIN1001234' }),
      'ifsc',
    );
    await rejects(
      v.verifyBankAccount({
        beneficiaryName: 'A',
        accountNumber: '001234567890',
        ifsc: 'SBIN0001234',
        amount: 1.005,
      }),
      'amount',
    );
    await rejects(v.fetchPanDetails({ txnId: ' ' }), 'txnId', 'required');
    expect(server.seen).toHaveLength(0);
  });

  it('checks a DOCUMENT image: PNG sent as plain base64, non-images refused, large ones warned', async () => {
    const { lines, logger } = captureLogger();
    const v = client({ logger, logLevel: 'warn', maxDocumentBytes: 2 * 1024 * 1024 });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(16),
    ]);
    await v.verifyPan({ document: `data:image/png;base64,${png.toString('base64')}`, consent: true });
    expect(server.seen[0]!.json.request.pan_details).toEqual({ document: png.toString('base64') });
    expect(server.seen[0]!.json.headers.function_sub_code).toBe('DOCUMENT');
    expect(lines).toHaveLength(0);

    await rejects(
      v.verifyPan({ document: Buffer.from('%PDF-1.7 not an image').toString('base64'), consent: true }),
      'document',
      'image_type',
    );
    await rejects(v.verifyPan({ consent: true }, { subCode: 'DOCUMENT' }), 'document', 'required');
    const huge = Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]);
    await rejects(v.verifyPan({ document: new Uint8Array(huge), consent: true }), 'document', 'max_size');
    expect(server.seen).toHaveLength(1);

    const large = Buffer.concat([png, Buffer.alloc(600 * 1024)]);
    await v.verifyPan({ document: new Uint8Array(large), consent: true });
    expect(lines.join('\n')).toMatch(/Veri5 recommends < 500 KB/);
  });
});

describe('custom stan source', () => {
  it('uses generateStan for every attempt', async () => {
    let n = 0;
    const v = client({ generateStan: () => String(9000 + ++n) });
    server.script.push({
      headers: { 'retry-after-ms': '1' },
      body: { response_status: { code: '410007', message: 'down', status: 'FAIL' } },
    });
    await v.verifyPan({ panNumber: PAN, consent: true });
    expect(server.seen.map((r) => r.json.headers.stan)).toEqual(['9001', '9002']);
  });
});

describe('answer shapes the seed leaves open', () => {
  it('finds the GSTIN record at the top level too (the seed prints it as an unnamed object)', async () => {
    server.script.push({
      body: {
        response_status: { code: '000', message: 'Verification done Successfully.', status: 'SUCCESS' },
        ...MAGIC.gstinRecord,
      },
    });
    const r = await client().verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    if (r.status !== 'SUCCESS') throw new Error('expected SUCCESS');
    expect(r.gstin_details).toEqual(MAGIC.gstinRecord);
    expect(r.stjCd).toBeUndefined(); // not duplicated at the top level
  });

  it('treats a gateway error page on a billable call as outcome unknown, without retrying', async () => {
    server.script.push({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad gateway</html>',
    });
    const err = await client()
      .verifyPan({ panNumber: PAN, consent: true })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'InternalServerError', status: 502, outcomeUnknown: true });
    expect(server.seen).toHaveLength(1);
  });
});
