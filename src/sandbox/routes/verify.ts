import { ok } from '../envelope.js';
import { CITIES, businessName, cityByGstCode, maskAllButLast4, personName, pick, rng } from '../data.js';
import { magicOutcome } from '../magic.js';
import { panHolderType } from '../../validators/pan.js';
import type { RouteResult } from '../types.js';
import { type PlatformContext, type PlatformHandler, nextId, withMagic } from './common.js';

const BANKS: Record<string, string> = {
  HDFC: 'HDFC Bank',
  SBIN: 'State Bank of India',
  ICIC: 'ICICI Bank',
  UTIB: 'Axis Bank',
  KKBK: 'Kotak Mahindra Bank',
  PUNB: 'Punjab National Bank',
  BARB: 'Bank of Baroda',
  YESB: 'Yes Bank',
};

export const SERVICES = [
  { code: 'PAN', name: 'PAN verification', route: '/api/v1/verify/pan', price: 2.5 },
  { code: 'AADHAAR', name: 'Aadhaar verification', route: '/api/v1/verify/aadhaar', price: 4 },
  { code: 'BANK', name: 'Bank account verification (penny drop)', route: '/api/v1/verify/bank', price: 3.5 },
  { code: 'GST', name: 'GSTIN verification', route: '/api/v1/verify/gst', price: 2 },
].map((s) => ({ ...s, currency: 'INR', status: 'ACTIVE' }));

const upper = (s: string | undefined) => s?.trim().toUpperCase();

/**
 * The name part of a PAN or bank answer: `NAME_MISMATCH` only when a name was sent (the magic
 * value alone cannot mismatch), `name_match` only when a name was sent, and the registered name
 * echoing the name sent when it matched.
 */
function nameResult(outcome: 'valid' | 'name_mismatch', name: string | undefined, registered: string) {
  const mismatch = outcome === 'name_mismatch' && name !== undefined;
  return {
    status: mismatch ? 'NAME_MISMATCH' : 'VALID',
    ...(name !== undefined ? { name_match: !mismatch } : {}),
    registered_name: mismatch || name === undefined ? registered : name,
  };
}

function pan(ctx: PlatformContext): RouteResult {
  const value = ctx.input.pan as string;
  const name = upper(ctx.input.name as string | undefined);
  const registered = personName(rng(`pan:${value}`)).toUpperCase();
  return withMagic(magicOutcome('pan', value), ctx, 'PAN verification', (outcome) => {
    const base = { verification_id: nextId(ctx.state, 'VPAN'), pan: value };
    if (outcome === 'invalid') return ok({ ...base, status: 'INVALID' });
    return ok({ ...base, ...nameResult(outcome, name, registered), pan_type: panHolderType(value) });
  });
}

function aadhaar(ctx: PlatformContext): RouteResult {
  const value = ctx.input.aadhaar as string;
  const r = rng(`aadhaar:${value}`);
  return withMagic(magicOutcome('aadhaar', value), ctx, 'Aadhaar verification', (outcome) => {
    const base = { verification_id: nextId(ctx.state, 'VAAD'), aadhaar_masked: maskAllButLast4(value) };
    if (outcome !== 'valid') return ok({ ...base, status: 'INVALID' });
    return ok({
      ...base,
      status: 'VALID',
      age_band: pick(r, ['20-30', '30-40', '40-50', '50-60']),
      gender: pick(r, ['M', 'F']),
      state: pick(r, CITIES).state,
    });
  });
}

function bank(ctx: PlatformContext): RouteResult {
  const account = ctx.input.account_number as string;
  const ifsc = ctx.input.ifsc as string;
  const name = upper(ctx.input.name as string | undefined);
  const registered = personName(rng(`bank:${account}`)).toUpperCase();
  return withMagic(magicOutcome('bank', account), ctx, 'Bank verification', (outcome) => {
    const base = {
      verification_id: nextId(ctx.state, 'VBNK'),
      account_masked: maskAllButLast4(account),
      ifsc,
      bank_name: BANKS[ifsc.slice(0, 4)] ?? `${ifsc.slice(0, 4)} Bank`,
    };
    if (outcome === 'invalid') return ok({ ...base, status: 'INVALID' });
    return ok({ ...base, ...nameResult(outcome, name, registered) });
  });
}

function gst(ctx: PlatformContext): RouteResult {
  const gstin = ctx.input.gstin as string;
  const r = rng(`gstin:${gstin}`);
  return withMagic(magicOutcome('gstin', gstin), ctx, 'GST verification', (outcome) => {
    const base = { verification_id: nextId(ctx.state, 'VGST'), gstin };
    if (outcome !== 'valid') return ok({ ...base, status: 'INVALID' });
    const trade = businessName(r);
    return ok({
      ...base,
      status: 'VALID',
      legal_name: `${trade} Private Limited`.toUpperCase(),
      trade_name: trade,
      state: cityByGstCode(gstin.slice(0, 2))?.state ?? 'Maharashtra',
      registration_date: `20${10 + Math.floor(r() * 14)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      gst_status: 'Active',
    });
  });
}

/** verify.services, verify.pan, verify.aadhaar, verify.bank, verify.gst */
export const VERIFY_HANDLERS: Record<string, PlatformHandler> = {
  'verify.services': () => ok({ services: SERVICES }),
  'verify.pan': pan,
  'verify.aadhaar': aadhaar,
  'verify.bank': bank,
  'verify.gst': gst,
};
