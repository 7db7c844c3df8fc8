/**
 * Verification: PAN, Aadhaar, bank account and GSTIN, with the sandbox's magic values for
 * each outcome. A mismatch or an invalid identifier is a result (`status`), not an error.
 *
 *   npx tsx examples/verify.ts
 */
import { VistarkriyaClient } from 'vistarkriya';
import { MAGIC } from 'vistarkriya/sandbox';
import { type Log, expect, runIfMain } from './_harness.js';

export default async function verify(log: Log): Promise<string> {
  const vk = new VistarkriyaClient();
  try {
    const { services } = (await vk.verify.services()) as { services: { code: string; price: number }[] };
    log(`services: ${services.map((s) => `${s.code} ₹${s.price}`).join(', ')}`);

    const pan = await vk.verify.pan({ pan: MAGIC.pan.valid, name: 'Ravi Kumar Sharma' });
    log(`PAN ${pan.pan}: ${pan.status} (${pan.pan_type}, name match ${pan.name_match})`);
    expect(pan.status === 'VALID', 'magic valid PAN is VALID');

    const mismatch = await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar Sharma' });
    log(`PAN ${mismatch.pan}: ${mismatch.status}, registered to ${mismatch.registered_name}`);
    expect(mismatch.status === 'NAME_MISMATCH' && mismatch.name_match === false, 'name mismatch is a result');

    const invalid = await vk.verify.pan({ pan: MAGIC.pan.invalid });
    expect(invalid.status === 'INVALID', 'magic invalid PAN is INVALID');
    log(`PAN ${invalid.pan}: ${invalid.status}`);

    // Spaces in an Aadhaar number are fine; the number is masked in the answer (and in logs).
    const aadhaar = await vk.verify.aadhaar({ aadhaar: '2345 6789 0124', consent: true });
    log(
      `Aadhaar ${aadhaar.aadhaar_masked}: ${aadhaar.status}, ${aadhaar.gender}, ${aadhaar.age_band}, ${aadhaar.state}`,
    );
    expect(
      aadhaar.status === 'VALID' && aadhaar.aadhaar_masked === 'XXXXXXXX0124',
      'Aadhaar verified and masked',
    );

    const bank = await vk.verify.bank({
      account_number: MAGIC.bank.valid,
      ifsc: 'HDFC0001234',
      name: 'Priya Nair',
    });
    log(`bank ${bank.account_masked} @ ${bank.bank_name}: ${bank.status} (${bank.registered_name})`);
    expect(bank.status === 'VALID', 'magic valid account is VALID');
    const wrongName = await vk.verify.bank({
      account_number: MAGIC.bank.name_mismatch,
      ifsc: 'SBIN0004567',
      name: 'Priya Nair',
    });
    expect(wrongName.status === 'NAME_MISMATCH', 'magic mismatch account is NAME_MISMATCH');
    log(`bank ${wrongName.account_masked}: ${wrongName.status}`);

    const gst = await vk.verify.gst({ gstin: MAGIC.gstin.valid });
    log(`GSTIN ${gst.gstin}: ${gst.status}, ${gst.legal_name} (${gst.state}, ${gst.gst_status})`);
    expect(gst.status === 'VALID', 'magic valid GSTIN is VALID');
    return `PAN, Aadhaar, bank and GSTIN verified; mismatch and invalid returned as results`;
  } finally {
    await vk.close();
  }
}

await runIfMain(import.meta, verify);
