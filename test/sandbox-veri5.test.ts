// The sandbox's Veri5 routes driven with raw JSON (hashes computed here, not by the SDK),
// then once through Veri5Client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Veri5Client, Veri5HashError } from '../src/index.js';
import { MAGIC, MAGIC_GSTIN_QUOTA_EXCEEDED } from '../src/sandbox/index.js';
import { rawRequest, sha256Hex } from './helpers/raw-request.js';
import { SANDBOX_HOSTS, type SandboxUnderTest } from './helpers/sandbox-hosts.js';

// The seed's Appendix E worked example: client_code INFO9378, api_key abc, salt abc.
const SEED = { clientCode: 'INFO9378', apiKey: 'abc', salt: 'abc' };
const SEED_HASH = 'e3f10f1787428a75e5f0c9331c3bacde36df54e855744a3ccc1f0ff9c7b518fe';

let stan = 1000;
const envelope = (functionCode: string, subCode: string, clientCode = SEED.clientCode) => ({
  client_code: clientCode,
  sub_client_code: '',
  channel_code: 'API',
  channel_version: '1',
  stan: String(++stan),
  client_ip: '',
  transmission_datetime: String(Date.now()),
  operation_mode: 'SELF',
  run_mode: 'DEFAULT',
  actor_type: 'DEFAULT',
  user_handle_type: 'DEFAULT',
  user_handle_value: 'DEFAULT',
  location: 'NA',
  function_code: functionCode,
  function_sub_code: subCode,
});

describe.each(SANDBOX_HOSTS)('sandbox Veri5 contract ($name)', (host) => {
  describe('sandbox Veri5 routes (raw requests)', () => {
    let sb: SandboxUnderTest;
    const post = async (op: string, body: unknown) => {
      const res = await rawRequest(
        sb.send,
        'POST',
        `/service/api/1.0/${op}`,
        { 'Content-Type': 'application/json' },
        JSON.stringify(body),
      );
      return res;
    };
    const gstin = (request: Record<string, string>, clientCode = SEED.clientCode) =>
      post('verifyGSTIN', { headers: envelope('DEFAULT', 'DEFAULT', clientCode), request });

    beforeAll(async () => {
      sb = await host.start({ veri5: SEED });
    });
    afterAll(() => sb.close());

    it('verifyGSTIN accepts the seed known-answer hash', async () => {
      expect(sha256Hex('INFO9378|abcd|abc|abc|29AAECK9415C1ZJ')).toBe(SEED_HASH);
      const res = await gstin({
        request_id: 'abcd',
        gstin: '29AAECK9415C1ZJ',
        api_key: 'abc',
        hash: SEED_HASH,
      });
      expect(res.status).toBe(200);
      expect(res.json.response_status).toEqual({
        code: '000',
        message: 'Verification done Successfully.',
        status: 'SUCCESS',
      });
      expect(res.json.result).toMatchObject({
        gstin: '29AAECK9415C1ZJ',
        sts: 'Active',
        lgnm: expect.any(String),
      });
      expect(Object.keys(res.json.result)).toEqual(
        expect.arrayContaining([
          'lgnm',
          'stj',
          'ctj',
          'rgdt',
          'ctb',
          'dty',
          'nba',
          'sts',
          'cxdt',
          'lstupdt',
          'stjCd',
          'ctjCd',
          'tradeNam',
          'adadr',
          'addr',
          'bnm',
          'st',
          'loc',
          'bno',
          'stcd',
          'flno',
          'lt',
          'lg',
          'pncd',
          'ntr',
          'pradr',
        ]),
      );
      expect(sb.requests.at(-1)!.body).not.toContain('"salt"');
    });

    it('verifyGSTIN: wrong salt → 400401, bad key → 380048, missing fields → 400403..400406, quota → 400402', async () => {
      const wrong = sha256Hex('INFO9378|abcd|abc|WRONG|29AAECK9415C1ZJ');
      expect(
        (await gstin({ request_id: 'abcd', gstin: '29AAECK9415C1ZJ', api_key: 'abc', hash: wrong })).json
          .response_status,
      ).toMatchObject({ code: '400401', status: 'FAIL' });
      expect(
        (
          await gstin(
            { request_id: 'abcd', gstin: '29AAECK9415C1ZJ', api_key: 'abc', hash: SEED_HASH },
            'OTHER',
          )
        ).json.response_status.code,
      ).toBe('380048');
      const full = { request_id: 'r1', gstin: '29AAECK9415C1ZJ', api_key: 'abc', hash: 'x' };
      for (const [field, code] of [
        ['request_id', '400403'],
        ['gstin', '400404'],
        ['api_key', '400405'],
        ['hash', '400406'],
      ] as const) {
        const { [field]: _omit, ...rest } = full;
        expect((await gstin(rest)).json.response_status.code, field).toBe(code);
      }
      const q = MAGIC_GSTIN_QUOTA_EXCEEDED;
      const quota = await gstin({
        request_id: 'q',
        gstin: q,
        api_key: 'abc',
        hash: sha256Hex(`INFO9378|q|abc|abc|${q}`),
      });
      expect(quota.json.response_status.code).toBe('400402');
    });

    it('verifyUserIdDoc PAN: SUCCESS 000, FAIL 400101 / 400103 / 410007, input codes', async () => {
      const pan = (
        pan_number: string,
        sub = 'DATA',
        extra: Record<string, string> = { name: 'Ravi Kumar', dob: '01/01/1990' },
      ) =>
        post('verifyUserIdDoc', {
          headers: envelope('VERIFY_PAN', sub),
          request: { pan_details: { pan_number, ...extra }, consent: 'Y', consent_message: 'ok' },
        });
      const ok = (await pan(MAGIC.pan.valid)).json;
      expect(ok).toMatchObject({
        verification_status: 'SUCCESS',
        verification_code: '000',
        verified_by: 'Income tax e-Filing Portal',
        verification_method: 'VERIFY_PAN_DATA',
      });
      expect(ok.txn_id).toMatch(/^TXN\d+/);
      expect(ok.stan).toBe(String(stan));
      expect((await pan(MAGIC.pan.name_mismatch)).json).toMatchObject({
        verification_status: 'FAIL',
        verification_code: '400101',
      });
      expect((await pan(MAGIC.pan.invalid, 'NUMBER', {})).json.verification_code).toBe('400103');
      expect((await pan(MAGIC.pan.unavailable)).json.verification_code).toBe('410007');
      expect((await pan('ABCDE12345')).json.response_status.code).toBe('410005');
      expect((await pan('')).json.response_status.code).toBe('410010');
      expect((await pan(MAGIC.pan.valid, 'DATA', { dob: '01/01/1990' })).json.response_status.code).toBe(
        '410008',
      );
      expect(
        (await pan(MAGIC.pan.valid, 'DATA', { name: 'A', dob: '1990-01-01' })).json.response_status.code,
      ).toBe('410004');
      expect((await pan(MAGIC.pan.valid, 'SOMETHING')).json.response_status.code).toBe('410012');
      const rl = await pan(MAGIC.pan.rate_limited);
      expect(rl.status).toBe(429);
      expect(rl.headers['retry-after']).toBe('1');
    });

    it('verifyUserIdDoc Aadhaar: 000 with Verified_data, 400301 / 400303 / 400304', async () => {
      const aadhaar = (aadhaar_number: string) =>
        post('verifyUserIdDoc', {
          headers: envelope('VERIFY_AADHAAR', 'DATA'),
          request: { aadhaar_details: { aadhaar_number }, consent: 'Y', consent_message: 'ok' },
        });
      const ok = (await aadhaar(MAGIC.aadhaar.valid)).json;
      expect(ok).toMatchObject({
        verification_status: 'SUCCESS',
        verified_by: 'UIDAI Portal',
        Verified_data: {
          Age_band: expect.any(String),
          Gender: expect.any(String),
          State: expect.any(String),
        },
      });
      expect(JSON.stringify(ok)).not.toContain(MAGIC.aadhaar.valid);
      expect((await aadhaar('')).json.verification_code).toBe('400301');
      expect((await aadhaar('234567890123')).json.verification_code).toBe('400303');
      expect((await aadhaar(MAGIC.aadhaar.invalid)).json.verification_code).toBe('400303');
      expect((await aadhaar(MAGIC.aadhaar.unavailable)).json.verification_code).toBe('400304');
    });

    it('fetchPanDetails: SHA256(client_code|txn_id|api_key|salt), 380091 on a bad hash, 400105 unknown txn', async () => {
      const verified = await post('verifyUserIdDoc', {
        headers: envelope('VERIFY_PAN', 'DATA'),
        request: {
          pan_details: { pan_number: MAGIC.pan.valid, name: 'Ravi Kumar', dob: '01/01/1990' },
          consent: 'Y',
        },
      });
      const txn = verified.json.txn_id as string;
      const fetch = (txn_id: string, hash: string) =>
        post('fetchPanDetails', {
          headers: envelope('DEFAULT', 'DATA'),
          request: { txn_id, api_key: 'abc', hash },
        });
      const ok = await fetch(txn, sha256Hex(`INFO9378|${txn}|abc|abc`));
      expect(ok.json.response_status).toEqual({
        Code: '000',
        Message: 'Pan details fetched successfully',
        status: 'SUCCESS',
      });
      expect(ok.json.response_data.response_message).toMatchObject({
        pan_number: MAGIC.pan.valid,
        name: 'Ravi Kumar',
      });
      expect((await fetch(txn, sha256Hex(`INFO9378|${txn}|abc|nope`))).json.response_status.Code).toBe(
        '380091',
      );
      expect(
        (await fetch('TXN-NONE', sha256Hex('INFO9378|TXN-NONE|abc|abc'))).json.response_status.Code,
      ).toBe('400105');
    });

    it('bankVerification: 4000 / 4001 / 4002, and the same uniqueRequestNo gets the same answer', async () => {
      const bank = (accountNo: string, uniqueRequestNo: string) =>
        post('bankVerification', {
          version: '1',
          uniqueRequestNo,
          purposeCode: 'VERIFY',
          customerID: 'c1',
          clientCode: SEED.clientCode,
          debitAccountNo: '',
          beneficiary: {
            beneficiaryDetail: {
              beneficiaryName: { fullName: 'Priya Nair' },
              beneficiaryAddress: { address1: '', country: 'IN' },
              beneficiaryContact: {},
              beneficiaryAccountNo: accountNo,
              beneficiaryIFSC: 'HDFC0001234',
            },
          },
          transferType: 'IMPS',
          transferCurrencyCode: 'Rs',
          transferAmount: 1.0,
          remitterToBeneficiaryInfo: 'verify',
        });
      expect((await bank(MAGIC.bank.valid, 'u1')).json).toMatchObject({ code: '4000', status: 'SUCCESS' });
      expect((await bank(MAGIC.bank.invalid, 'u2')).json).toMatchObject({ code: '4001', status: 'FAIL' });
      expect((await bank(MAGIC.bank.unavailable, 'u3')).json).toMatchObject({ code: '4002', status: 'FAIL' });
      // Retried with the same uniqueRequestNo (even with another account): the first answer, not a second penny drop.
      expect((await bank(MAGIC.bank.invalid, 'u1')).json.code).toBe('4000');
    });
  });

  describe('Veri5Client against the sandbox', () => {
    it('hashes accepted, FAIL is a result, a wrong salt throws Veri5HashError', async () => {
      const sb = await host.start();
      const v5 = new Veri5Client(sb.veri5Options);
      const bad = new Veri5Client({ ...sb.veri5Options, salt: 'zz-not-the-salt-zz', maxRetries: 0 });
      try {
        expect((await v5.verifyGstin({ gstin: MAGIC.gstin.valid })).status).toBe('SUCCESS');
        expect(
          await v5.verifyPan({ panNumber: MAGIC.pan.invalid, consent: true }, { subCode: 'NUMBER' }),
        ).toMatchObject({
          status: 'FAIL',
          code: '400103',
        });
        const err = await bad.verifyGstin({ gstin: MAGIC.gstin.valid }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(Veri5HashError);
        expect(String((err as Error).message)).not.toContain('zz-not-the-salt-zz');
        for (const r of sb.requests) expect(r.body).not.toContain('veri5_test_salt');
      } finally {
        await v5.close();
        await bad.close();
        await sb.close();
      }
    });
  });
});
