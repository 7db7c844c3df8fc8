/**
 * Veri5 (Khosla Labs): PAN, Aadhaar, PAN details, GSTIN and a penny drop. The client builds
 * the `headers` envelope (unique numeric `stan`) and the SHA-256 pipe hashes; the salt never
 * travels. A FAIL verification (400101 name mismatch, 400103 invalid PAN) is a result; a
 * protocol failure (400401 hash, 380048 key) is a thrown error.
 *
 *   npx tsx examples/veri5.ts
 */
import { Veri5Client, Veri5HashError } from 'vistarkriya';
import { MAGIC } from 'vistarkriya/sandbox';
import { type Log, expect, runIfMain } from './_harness.js';

export default async function veri5(log: Log): Promise<string> {
  // VERI5_CLIENT_CODE / VERI5_API_KEY / VERI5_SALT from the environment; VERI5_BASE_URL points at
  // the sandbox here (in production: `environment: 'production'`).
  const v5 = new Veri5Client();
  const wrongSalt = new Veri5Client({ salt: 'not-the-salt', maxRetries: 0 });
  try {
    const pan = await v5.verifyPan({
      panNumber: MAGIC.pan.valid,
      name: 'Ravi Kumar',
      dob: '01/01/1990',
      consent: true,
    });
    log(`verifyPan ${MAGIC.pan.valid}: ${pan.status} ${pan.code} (txn ${pan.txn_id})`);
    expect(pan.status === 'SUCCESS', 'valid PAN verifies');

    const details = await v5.fetchPanDetails({ txnId: String(pan.txn_id) });
    expect(details.status === 'SUCCESS', 'PAN details fetched with a valid hash');
    log(
      `fetchPanDetails ${pan.txn_id}: ${details.status} ${JSON.stringify(details.response_data?.response_message)}`,
    );

    const mismatch = await v5.verifyPan({
      panNumber: MAGIC.pan.name_mismatch,
      name: 'Ravi Kumar',
      dob: '01/01/1990',
      consent: true,
    });
    log(`verifyPan ${MAGIC.pan.name_mismatch}: ${mismatch.status} ${mismatch.code} (${mismatch.message})`);
    expect(
      mismatch.status === 'FAIL' && mismatch.code === '400101',
      'name mismatch is a FAIL result, not an error',
    );

    const invalid = await v5.verifyPan(
      { panNumber: MAGIC.pan.invalid, consent: true },
      { subCode: 'NUMBER' },
    );
    expect(invalid.status === 'FAIL' && invalid.code === '400103', 'invalid PAN is FAIL 400103');
    log(`verifyPan ${MAGIC.pan.invalid}: ${invalid.status} ${invalid.code}`);

    const aadhaar = await v5.verifyAadhaar({ aadhaarNumber: MAGIC.aadhaar.valid, consent: true });
    log(`verifyAadhaar: ${aadhaar.status} ${JSON.stringify(aadhaar.verified_data)}`);
    expect(aadhaar.status === 'SUCCESS', 'valid Aadhaar verifies');

    // The GSTIN of the seed's Appendix E worked example.
    const gstin = await v5.verifyGstin({ gstin: '29AAECK9415C1ZJ' });
    expect(gstin.status === 'SUCCESS', 'GSTIN verified with a valid hash');
    log(
      `verifyGstin 29AAECK9415C1ZJ: ${gstin.status}, ${gstin.gstin_details?.lgnm} (${gstin.gstin_details?.sts})`,
    );

    const bank = await v5.verifyBankAccount({
      beneficiaryName: 'Priya Nair',
      accountNumber: MAGIC.bank.valid,
      ifsc: 'HDFC0001234',
    });
    log(`verifyBankAccount: ${bank.status} ${bank.code}`);
    expect(bank.status === 'SUCCESS', 'penny drop succeeds');

    try {
      await wrongSalt.verifyGstin({ gstin: MAGIC.gstin.valid });
      throw new Error('a wrong salt must not verify');
    } catch (err) {
      expect(
        err instanceof Veri5HashError && err.code === '400401',
        `wrong salt → Veri5HashError 400401 (got ${err})`,
      );
      log(`wrong salt: ${err.name} ${err.code} (the salt itself is never in the message)`);
    }
    return 'PAN, PAN details, Aadhaar, GSTIN, bank verified; FAIL results returned, hash error thrown';
  } finally {
    await v5.close();
    await wrongSalt.close();
  }
}

await runIfMain(import.meta, veri5);
