import { describe, expectTypeOf, it } from 'vitest';
import type {
  AadhaarVerificationResult,
  AadhaarVerifiedData,
  GstinDetails,
  GstinVerificationResult,
  PanVerificationResult,
  Veri5Client,
} from '../src/index.js';

describe('Veri5Client types', () => {
  it('methods return the typed results', () => {
    expectTypeOf<Veri5Client['verifyPan']>().returns.resolves.toEqualTypeOf<PanVerificationResult>();
    expectTypeOf<Veri5Client['verifyAadhaar']>().returns.resolves.toEqualTypeOf<AadhaarVerificationResult>();
    expectTypeOf<Veri5Client['verifyGstin']>().returns.resolves.toEqualTypeOf<GstinVerificationResult>();
  });

  it('narrows on status', () => {
    const r = {} as AadhaarVerificationResult;
    if (r.status === 'SUCCESS')
      expectTypeOf(r.verified_data).toEqualTypeOf<AadhaarVerifiedData | undefined>();
    const g = {} as GstinVerificationResult;
    if (g.status === 'SUCCESS') expectTypeOf(g.gstin_details).toEqualTypeOf<GstinDetails | undefined>();
    expectTypeOf(g.request_id).toEqualTypeOf<string>();
    const p = {} as PanVerificationResult;
    if (p.status === 'FAIL') expectTypeOf<'400101'>().toExtend<typeof p.code>();
    expectTypeOf(p.txn_id).toEqualTypeOf<string | undefined>();
  });

  it('requires consent: true for Aadhaar and rejects unknown sub-codes', () => {
    expectTypeOf<Parameters<Veri5Client['verifyAadhaar']>[0]['consent']>().toEqualTypeOf<true>();
    // @ts-expect-error only DATA, NUMBER and DOCUMENT exist
    const bad: NonNullable<Parameters<Veri5Client['verifyPan']>[1]>['subCode'] = 'IMAGE';
    void bad;
  });
});
