import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  VERI5_CODES,
  Veri5AuthenticationError,
  Veri5Client,
  Veri5Error,
  Veri5HashError,
  Veri5InputError,
  Veri5MissingFieldError,
  Veri5QuotaError,
  Veri5ServiceUnavailableError,
  Veri5UnknownError,
} from '../src/index.js';
import { type Veri5TestServer, startVeri5Server } from './helpers/veri5-server.js';

type Op = 'pan' | 'panDetails' | 'aadhaar' | 'gstin' | 'bank';
type Expectation =
  | { kind: 'success' }
  | { kind: 'result' }
  | { kind: 'error'; cls: typeof Veri5Error; retryable: boolean; outcomeUnknown?: boolean };

const success = { kind: 'success' } as const;
const result = { kind: 'result' } as const;
const err = (cls: typeof Veri5Error, retryable = false, outcomeUnknown = false): Expectation => ({
  kind: 'error',
  cls,
  retryable,
  outcomeUnknown,
});

// Every code of seed 003, transcribed from its tables (not from src/veri5/codes.ts), with the
// operation whose answer carries it and what the SDK must make of it.
const SEED_CODES: Array<[code: string, table: string, op: Op, expected: Expectation]> = [
  ['000', 'Table 2', 'pan', success],
  ['400101', 'Table 2', 'pan', result],
  ['400102', 'Table 2', 'pan', result],
  ['400103', 'Table 2', 'pan', result],
  ['410007', 'Table 2', 'pan', err(Veri5ServiceUnavailableError, true)],
  ['400099', 'Table 2', 'pan', err(Veri5UnknownError, false, true)],
  ['400105', 'Table 3', 'panDetails', result],
  ['400106', 'Table 3', 'panDetails', result],
  ['400111', 'Table 3', 'panDetails', err(Veri5AuthenticationError)],
  ['400112', 'Table 3', 'panDetails', result],
  ['400113', 'Table 3', 'panDetails', result],
  ['400301', 'Table 4', 'aadhaar', result],
  ['400302', 'Table 4', 'aadhaar', result],
  ['400303', 'Table 4', 'aadhaar', result],
  ['400304', 'Table 4', 'aadhaar', err(Veri5ServiceUnavailableError, true)],
  ['333', 'Table 4', 'aadhaar', err(Veri5UnknownError, false, true)],
  ['4000', 'Table 5', 'bank', success],
  ['4001', 'Table 5', 'bank', result],
  // "Caused due to Internal Error": the transfer may have happened, so it is never re-sent.
  ['4002', 'Table 5', 'bank', err(Veri5UnknownError, false, true)],
  ['400401', 'Table 6', 'gstin', err(Veri5HashError)],
  ['400402', 'Table 6', 'gstin', err(Veri5QuotaError)],
  ['400403', 'Table 6', 'gstin', err(Veri5MissingFieldError)],
  ['400404', 'Table 6', 'gstin', err(Veri5MissingFieldError)],
  ['400405', 'Table 6', 'gstin', err(Veri5MissingFieldError)],
  ['400406', 'Table 6', 'gstin', err(Veri5MissingFieldError)],
  ['380024', 'Appendix B', 'gstin', err(Veri5MissingFieldError)],
  ['380025', 'Appendix B', 'gstin', err(Veri5MissingFieldError)],
  ['380026', 'Appendix B', 'gstin', err(Veri5MissingFieldError)],
  ['380048', 'Appendix B', 'pan', err(Veri5AuthenticationError)],
  ['380091', 'Appendix B', 'gstin', err(Veri5HashError)],
  ['380076', 'Appendix B', 'pan', err(Veri5AuthenticationError)],
  ['410003', 'Appendix B', 'pan', err(Veri5InputError)],
  ['410004', 'Appendix B', 'pan', err(Veri5InputError)],
  ['410005', 'Appendix B', 'pan', err(Veri5InputError)],
  ['410006', 'Appendix B', 'pan', err(Veri5InputError)],
  ['410008', 'Appendix B', 'pan', err(Veri5MissingFieldError)],
  ['410009', 'Appendix B', 'pan', err(Veri5MissingFieldError)],
  ['410010', 'Appendix B', 'pan', err(Veri5MissingFieldError)],
  ['410011', 'Appendix B', 'pan', err(Veri5MissingFieldError)],
  ['410012', 'Appendix B', 'pan', err(Veri5InputError)],
  ['410013', 'Appendix B', 'pan', err(Veri5MissingFieldError)],
  ['410014', 'Appendix B', 'pan', err(Veri5InputError)],
];

/** The answer shape each endpoint uses in the seed (§3.1.2, §3.2.2, §3.3.2, §3.4.2, §3.5.2). */
function answer(op: Op, code: string, message: string): unknown {
  const status = code === '000' || code === '4000' ? 'SUCCESS' : 'FAIL';
  switch (op) {
    case 'pan':
      return {
        txn_id: 'T1',
        verified_data: message,
        verification_status: status,
        verification_code: code,
        response_status: { code, message, status },
      };
    case 'panDetails':
      return {
        response_data: { response_message: '' },
        response_status: { Code: code, Message: message, status },
      };
    case 'aadhaar':
      return { Verified_data: {}, verification_status: status, response_status: { code, message, status } };
    case 'gstin':
      return { response_status: { code, message, status } };
    case 'bank':
      return { code, message, status };
  }
}

let server: Veri5TestServer;
let veri5: Veri5Client;
beforeAll(async () => {
  server = await startVeri5Server();
  veri5 = new Veri5Client({ ...server.credentials, baseURL: server.url, logLevel: 'off', maxRetries: 2 });
});
beforeEach(() => {
  server.seen.length = 0;
  server.script.length = 0;
});
afterAll(async () => {
  await veri5.close();
  await server.close();
});

function call(op: Op): Promise<{ status: string; code: string; message: string }> {
  switch (op) {
    case 'pan':
      return veri5.verifyPan({ panNumber: 'ABCPE1234F', consent: true });
    case 'panDetails':
      return veri5.fetchPanDetails({ txnId: 'T1' });
    case 'aadhaar':
      return veri5.verifyAadhaar({ aadhaarNumber: '234567890124', consent: true });
    case 'gstin':
      return veri5.verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    case 'bank':
      return veri5.verifyBankAccount({
        beneficiaryName: 'A',
        accountNumber: '001234567890',
        ifsc: 'SBIN0001234',
      });
  }
}

describe('Veri5 code table', () => {
  it('maps every code of the seed, and nothing else', () => {
    expect(Object.keys(VERI5_CODES).sort()).toEqual([...new Set(SEED_CODES.map(([c]) => c))].sort());
    for (const [code, , , expected] of SEED_CODES) {
      const info = VERI5_CODES[code]!;
      expect(info.kind, code).toBe(expected.kind);
      if (info.kind === 'error' && expected.kind === 'error') {
        expect(info.errorClass, code).toBe(expected.cls);
        expect(info.retryable, code).toBe(expected.retryable);
      }
    }
  });

  it.each(SEED_CODES)(
    '%s (%s) answered by %s is handled as the seed says',
    async (code, _table, op, expected) => {
      const message = `message for ${code}`;
      // A short Retry-After keeps retried codes quick; Veri5 itself sends none.
      const reply = { headers: { 'retry-after-ms': '1' }, body: answer(op, code, message) };
      for (let i = 0; i < 3; i++) server.script.push(reply);
      const outcome = await call(op).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (expected.kind === 'error') {
        expect('error' in outcome, `${code} must throw`).toBe(true);
        const e = (outcome as { error: Veri5Error }).error;
        expect(e).toBeInstanceOf(expected.cls);
        expect(e).toBeInstanceOf(Veri5Error);
        expect(e.code).toBe(code);
        expect(e.retryable).toBe(expected.retryable);
        expect(e.outcomeUnknown).toBe(expected.outcomeUnknown ?? false);
        expect(e.message).toContain(message);
        // Service-unavailable codes are retried (maxRetries 2); everything else is sent once.
        expect(server.seen).toHaveLength(expected.retryable ? 3 : 1);
      } else {
        expect('value' in outcome, `${code} must resolve`).toBe(true);
        const v = (outcome as { value: { status: string; code: string; message: string } }).value;
        expect(v).toMatchObject({ status: expected.kind === 'success' ? 'SUCCESS' : 'FAIL', code, message });
        expect(server.seen).toHaveLength(1);
      }
    },
  );

  it('an error built by hand is retryable exactly when its class is (service unavailable), unless told', () => {
    const init = { status: 200, code: '410007', message: 'm' };
    expect(new Veri5ServiceUnavailableError(init).retryable).toBe(true);
    expect(new Veri5ServiceUnavailableError({ ...init, retryable: false }).retryable).toBe(false);
    for (const cls of [
      Veri5Error,
      Veri5AuthenticationError,
      Veri5HashError,
      Veri5InputError,
      Veri5MissingFieldError,
      Veri5QuotaError,
      Veri5UnknownError,
    ]) {
      expect(new cls(init).retryable, cls.name).toBe(false);
    }
    expect(new Veri5UnknownError({ ...init, retryable: true }).retryable).toBe(true);
  });

  it('throws a plain Veri5Error for an undocumented FAIL code instead of guessing a result', async () => {
    server.script.push({
      body: { response_status: { code: '499999', message: 'new failure', status: 'FAIL' } },
    });
    const e = await veri5.verifyGstin({ gstin: '29AAECK9415C1ZJ' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Veri5Error);
    expect((e as Veri5Error).name).toBe('Veri5Error');
    expect((e as Veri5Error).code).toBe('499999');
    expect(server.seen).toHaveLength(1);
  });

  it('rejects an answer without any code, or FAIL under a success code, as ResponseValidationError', async () => {
    server.script.push({ body: { hello: 'world' } });
    await expect(veri5.verifyGstin({ gstin: '29AAECK9415C1ZJ' })).rejects.toMatchObject({
      name: 'ResponseValidationError',
    });
    server.script.push({
      body: { verification_status: 'FAIL', response_status: { code: '000', status: 'SUCCESS' } },
    });
    await expect(veri5.verifyPan({ panNumber: 'ABCPE1234F', consent: true })).rejects.toMatchObject({
      name: 'ResponseValidationError',
    });
  });
});
