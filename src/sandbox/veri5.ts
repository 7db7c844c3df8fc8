// Veri5 (Khosla Labs) routes, seed 003: the `headers` envelope, SHA-256 pipe hashes checked
// with the salt (Appendix E), and the seed's code tables. Veri5 answers HTTP 200 with a
// `response_status` for results and protocol errors alike.
import { crypto } from '../platform/crypto.js';
import type { Operation } from '../model/operation.js';
import { VERI5 } from '../model/veri5.js';
import { isAadhaar, isAccountNumber, isDdMmYyyy, isGstin, isIfsc, isPan } from './checks.js';
import { CITIES, businessName, cityByGstCode, optionalText, pick, rng } from './data.js';
import { MAGIC_GSTIN_QUOTA_EXCEEDED, magicOutcome } from './magic.js';
import { safeEqual } from './platform-auth.js';
import type { RouteResult, Veri5Credentials } from './types.js';

/** Where the Veri5 routes live: the prefix of every Veri5 row's path (model/veri5.ts). */
export const VERI5_PREFIX = '/service/api/1.0/';

type Json = Record<string, unknown>;

export interface Veri5State {
  /** txn_id → the PAN data verified in that transaction (for fetchPanDetails). */
  transactions: Map<string, Json>;
  /** uniqueRequestNo → the answer given (a retried penny drop gets the same answer). */
  bankRequests: Map<string, RouteResult>;
  counter: number;
}

export function createVeri5State(): Veri5State {
  return { transactions: new Map(), bankRequests: new Map(), counter: 0 };
}

export interface Veri5Context {
  body: Json;
  credentials: Veri5Credentials;
  state: Veri5State;
  slowMs: number;
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown): string => optionalText(v) ?? '';
const sha256 = async (s: string): Promise<string> => crypto.sha256Hex(s);

/** `{ response_status: { code, message, status } }` plus fields, HTTP 200 unless told. */
function answer(code: string, message: string, fields: Json = {}, status = 200): RouteResult {
  const ok = code === '000' || code === '4000';
  return {
    status,
    code,
    json: { ...fields, response_status: { code, message, status: ok ? 'SUCCESS' : 'FAIL' } },
  };
}

const CODES = {
  badKey: () => refused(answer('380048', 'Invalid api_key or client_code')),
  unexpected: () => answer('333', 'Unexpected Error Occurred'),
  badOperation: () => answer('410012', 'Operation Code Not Valid.'),
  rateLimited: (): RouteResult => ({
    ...answer('429', 'Too many requests. Retry after 1 second.', {}, 429),
    headers: { 'Retry-After': '1' },
  }),
};

/** A credential or hash failure: the request log keeps its metadata only. */
function refused(result: RouteResult): RouteResult {
  return { ...result, rejected: true };
}

/** Failures every magic identifier shares: rate limit, reset, slow. */
function transportMagic(outcome: string): RouteResult | undefined {
  if (outcome === 'rate_limited') return CODES.rateLimited();
  if (outcome === 'reset') return { status: 0, reset: true };
  return undefined;
}

function delayed(result: RouteResult, outcome: string, slowMs: number): RouteResult {
  return outcome === 'slow' ? { ...result, delayMs: slowMs } : result;
}

/**
 * The hash a request should carry: its operation's Appendix E sequence (the row's `hash`), with the
 * sandbox's credentials for `client_code`, `api_key` and `salt` and the request's own values for the rest.
 */
function expectedHash(op: Operation, request: Json, credentials: Veri5Credentials): Promise<string> {
  const own: Json = {
    client_code: credentials.clientCode,
    api_key: credentials.apiKey,
    salt: credentials.salt,
  };
  return sha256(op.hash!.map((name) => text(name in own ? own[name] : request[name])).join('|'));
}

/** Dispatches one Veri5 call by the last path segment. */
export async function handleVeri5(operation: string, ctx: Veri5Context): Promise<RouteResult | undefined> {
  switch (operation) {
    case 'verifyUserIdDoc':
      return verifyUserIdDoc(ctx);
    case 'fetchPanDetails':
      return fetchPanDetails(ctx);
    case 'verifyGSTIN':
      return verifyGstin(ctx);
    case 'bankVerification':
      return bankVerification(ctx);
    default:
      return undefined;
  }
}

function checkEnvelope(ctx: Veri5Context): RouteResult | undefined {
  const headers = obj(ctx.body.headers);
  if (!safeEqual(text(headers.client_code), ctx.credentials.clientCode)) return CODES.badKey();
  if (!/^\d{1,20}$/.test(text(headers.stan))) return answer('333', 'stan is mandatory and must be numeric.');
  return undefined;
}

function verifyUserIdDoc(ctx: Veri5Context): RouteResult {
  const bad = checkEnvelope(ctx);
  if (bad) return bad;
  const headers = obj(ctx.body.headers);
  const request = obj(ctx.body.request);
  const stan = text(headers.stan);
  const sub = text(headers.function_sub_code);
  if (headers.function_code === 'VERIFY_PAN') return verifyPan(ctx, request, stan, sub);
  if (headers.function_code === 'VERIFY_AADHAAR' && sub === 'DATA') return verifyAadhaar(ctx, request, stan);
  return CODES.badOperation();
}

const PAN_MESSAGES: Record<string, string> = {
  '000': 'Verification done Successfully and details are matching with the PAN Database.',
  '400101':
    'PAN format is correct and PAN number is correct matching against DOB. However, Name is Incorrect.',
  '400103': 'Invalid PAN',
  '410007': 'Verification Service Not Available.',
};

function verifyPan(ctx: Veri5Context, request: Json, stan: string, sub: string): RouteResult {
  if (!['DATA', 'NUMBER', 'DOCUMENT'].includes(sub)) return CODES.badOperation();
  const details = obj(request.pan_details);
  let pan = text(details.pan_number);
  if (sub === 'DOCUMENT') {
    const doc = text(details.document);
    if (!doc) return answer('410011', 'Document is mandatory.');
    if (!/^[A-Za-z0-9+/=\s]{16,}$/.test(doc))
      return answer('410006', 'Data extraction from the PAN card was unsuccessful.');
    pan ||= 'ABCPV1234D';
  } else {
    if (!pan) return answer('410010', 'PAN Number is mandatory.');
    if (!isPan(pan)) return answer('410005', 'Invalid PAN format.');
    if (sub === 'DATA' && !text(details.name)) return answer('410008', 'Name is mandatory.');
    if (sub === 'DATA' && !text(details.dob)) return answer('410009', 'Date of Birth is mandatory.');
    if (details.dob !== undefined && details.dob !== '' && !isDdMmYyyy(text(details.dob))) {
      return answer('410004', 'Invalid DOB Format. Please use dd/MM/YYYY format.');
    }
  }
  const outcome = magicOutcome('pan', pan);
  const early = transportMagic(outcome);
  if (early) return early;
  let code = '000';
  if (outcome === 'invalid') code = '400103';
  else if (outcome === 'unavailable') code = '410007';
  else if (outcome === 'name_mismatch' && sub === 'DATA') code = '400101';
  ctx.state.counter += 1;
  const txnId = `TXN${String(ctx.state.counter).padStart(6, '0')}${stan.slice(-6)}`;
  if (code === '000') {
    ctx.state.transactions.set(txnId, {
      pan_number: pan,
      name: text(details.name) || null,
      dob: text(details.dob) || null,
      pan_type: text(details.pan_type) || null,
    });
  }
  const message = PAN_MESSAGES[code]!;
  const result = answer(code, message, {
    txn_id: txnId,
    verified_by: 'Income tax e-Filing Portal',
    verified_data: message,
    verification_method: `VERIFY_PAN_${sub}`,
    stan,
    verification_status: code === '000' ? 'SUCCESS' : 'FAIL',
    verified_using: 'Database Check',
    verification_code: code,
  });
  return delayed(result, outcome, ctx.slowMs);
}

const AADHAAR_MESSAGES: Record<string, string> = {
  '000': 'Verification done Successfully and details are matching with the PAN Database.',
  '400301': 'Aadhaar number is not present.',
  '400303': 'Not a valid Aadhaar number.',
  '400304': 'UIDAI website not reachable.',
};

function verifyAadhaar(ctx: Veri5Context, request: Json, stan: string): RouteResult {
  const number = text(obj(request.aadhaar_details).aadhaar_number).replace(/[\s-]/g, '');
  const outcome = number ? magicOutcome('aadhaar', number) : 'invalid';
  const early = number && isAadhaar(number) ? transportMagic(outcome) : undefined;
  if (early) return early;
  let code = '000';
  if (!number) code = '400301';
  else if (!isAadhaar(number) || outcome === 'invalid') code = '400303';
  else if (outcome === 'unavailable') code = '400304';
  const r = rng(`veri5.aadhaar:${number}`);
  // The seed spells these keys with capitals (Verified_data, Age_band, ...); kept as is.
  const data =
    code === '000'
      ? {
          Verified_data: {
            Age_band: pick(r, ['20-30', '30-40', '40-50']),
            Gender: pick(r, ['MALE', 'FEMALE']),
            State: pick(r, CITIES).state,
            Mobile_number: `XXXXXXX${String(100 + Math.floor(r() * 900))}`,
          },
        }
      : {};
  const result = answer(code, AADHAAR_MESSAGES[code]!, {
    verified_by: 'UIDAI Portal',
    ...data,
    Verification_method: 'VERIFY_AADHAAR_DATA',
    stan,
    verification_status: code === '000' ? 'SUCCESS' : 'FAIL',
    Verified_using: 'Database Check',
    verification_code: code,
  });
  return delayed(result, outcome, ctx.slowMs);
}

/** fetchPanDetails: hash = SHA256(client_code|txn_id|api_key|salt) (seed 003 §3.2). */
async function fetchPanDetails(ctx: Veri5Context): Promise<RouteResult> {
  const headers = obj(ctx.body.headers);
  const request = obj(ctx.body.request);
  const status = (code: string, message: string, fields: Json = {}): RouteResult => ({
    status: 200,
    code,
    // This operation's seed spells the status keys `Code` and `Message`.
    json: {
      ...fields,
      response_status: { Code: code, Message: message, status: code === '000' ? 'SUCCESS' : 'FAIL' },
    },
  });
  if (!safeEqual(text(headers.client_code), ctx.credentials.clientCode)) return CODES.badKey();
  const txnId = text(request.txn_id);
  if (!text(request.api_key)) return status('380026', 'api_key is mandatory');
  if (!text(request.hash)) return status('380025', 'hash is mandatory');
  if (!safeEqual(text(request.api_key), ctx.credentials.apiKey))
    return refused(status('400111', 'api_key does not exist.'));
  const expected = await expectedHash(VERI5.fetchPanDetails, request, ctx.credentials);
  if (!safeEqual(expected, text(request.hash).toLowerCase()))
    return refused(status('380091', 'Hash validation failed'));
  const found = ctx.state.transactions.get(txnId);
  if (!found) return status('400105', 'txnId does not exist');
  return status('000', 'Pan details fetched successfully', { response_data: { response_message: found } });
}

const GSTIN_MISSING: [field: string, code: string, message: string][] = [
  ['request_id', '400403', 'request_id is mandatory'],
  ['gstin', '400404', 'gstin field is mandatory'],
  ['api_key', '400405', 'api_key is mandatory'],
  ['hash', '400406', 'hash is mandatory'],
];

/** verifyGSTIN: hash = SHA256(client_code|request_id|api_key|salt|gstin) (Appendix E). */
async function verifyGstin(ctx: Veri5Context): Promise<RouteResult> {
  const headers = obj(ctx.body.headers);
  const request = obj(ctx.body.request);
  for (const [field, code, message] of GSTIN_MISSING) if (!text(request[field])) return answer(code, message);
  const { clientCode, apiKey } = ctx.credentials;
  if (!safeEqual(text(headers.client_code), clientCode) || !safeEqual(text(request.api_key), apiKey)) {
    return CODES.badKey();
  }
  const gstin = text(request.gstin).toUpperCase();
  const expected = await expectedHash(VERI5.verifyGstin, request, ctx.credentials);
  if (!safeEqual(expected, text(request.hash).toLowerCase()))
    return refused(answer('400401', 'Hash Validation Failed'));
  if (gstin === MAGIC_GSTIN_QUOTA_EXCEEDED) {
    return answer(
      '400402',
      'Sorry, You have exceeded the consumption limit. Please contact customer.support@aadhaarbridge.com',
    );
  }
  if (!isGstin(gstin)) return answer('333', 'Unexpected Error Occurred');
  const outcome = magicOutcome('gstin', gstin);
  const early = transportMagic(outcome);
  if (early) return early;
  if (outcome === 'unavailable') return { ...answer('333', 'Unexpected Error Occurred'), status: 503 };
  return delayed(
    answer('000', 'Verification done Successfully.', { result: gstinDetails(gstin, outcome === 'invalid') }),
    outcome,
    ctx.slowMs,
  );
}

/** The 27 fields of the seed's GSTIN table. An `invalid` magic GSTIN is a cancelled registration. */
function gstinDetails(gstin: string, cancelled: boolean): Json {
  const r = rng(`veri5.gstin:${gstin}`);
  const city = cityByGstCode(gstin.slice(0, 2)) ?? CITIES[0];
  const trade = businessName(r);
  const building = `${1 + Math.floor(r() * 200)}`;
  const pincode = `${4 + Math.floor(r() * 5)}${String(Math.floor(r() * 1e5)).padStart(5, '0')}`;
  const address = {
    bnm: `${trade} House`,
    st: 'MG Road',
    loc: city.city,
    bno: building,
    stcd: city.state,
    flno: '2',
    lt: '',
    lg: '',
    pncd: pincode,
  };
  return {
    gstin,
    lgnm: `${trade} Private Limited`.toUpperCase(),
    stj: `${city.state} - Ward ${1 + Math.floor(r() * 40)}`,
    ctj: `Commissionerate - ${city.city.toUpperCase()}`,
    rgdt: '01/07/2017',
    ctb: 'Private Limited Company',
    dty: 'Regular',
    nba: 'Wholesale Business, Retail Business',
    sts: cancelled ? 'Cancelled' : 'Active',
    cxdt: cancelled ? '31/03/2023' : '',
    lstupdt: '15/10/2026',
    stjCd: `${gstin.slice(0, 2)}${String(Math.floor(r() * 1000)).padStart(3, '0')}`,
    ctjCd: `Z${String(Math.floor(r() * 100000)).padStart(5, '0')}`,
    tradeNam: trade,
    adadr: [],
    addr: address,
    ...address,
    ntr: 'Wholesale Business',
    pradr: { addr: address, ntr: 'Wholesale Business, Retail Business' },
  };
}

const BANK_MESSAGES = {
  '4000': 'ACCOUNT SUCCESSFULLY VERIFIED',
  '4001': 'ACCOUNT NOT VERIFIED',
  '4002': 'UNABLE TO VERIFY ACCOUNT',
} as const;

/** bankVerification (penny drop, seed 003 §3.4): `{ code, message, status }`. */
function bankVerification(ctx: Veri5Context): RouteResult {
  const b = ctx.body;
  const bank = (code: keyof typeof BANK_MESSAGES, reason?: string, extra: Json = {}): RouteResult => ({
    status: 200,
    code,
    json: {
      code,
      message: reason ? `${BANK_MESSAGES[code]} (${reason})` : BANK_MESSAGES[code],
      status: code === '4000' ? 'SUCCESS' : 'FAIL',
      ...extra,
    },
  });
  if (!safeEqual(text(b.clientCode), ctx.credentials.clientCode)) return CODES.badKey();
  const requestNo = text(b.uniqueRequestNo);
  if (!requestNo) return bank('4002', 'uniqueRequestNo is mandatory');
  // A retried penny drop (same uniqueRequestNo) is not sent to the bank twice.
  const previous = ctx.state.bankRequests.get(requestNo);
  if (previous) return previous;
  const detail = obj(obj(b.beneficiary).beneficiaryDetail);
  const account = text(detail.beneficiaryAccountNo);
  const ifsc = text(detail.beneficiaryIFSC);
  const name = text(obj(detail.beneficiaryName).fullName);
  if (!isAccountNumber(account)) return bank('4001', 'Invalid beneficiary account number');
  if (!isIfsc(ifsc)) return bank('4001', 'Invalid IFSC');
  if (text(b.transferType) !== 'IMPS') return bank('4002', 'transferType has to be IMPS');
  const outcome = magicOutcome('bank', account);
  const early = transportMagic(outcome);
  if (early) return early;
  let result: RouteResult;
  if (outcome === 'invalid') result = bank('4001', 'Account does not exist');
  else if (outcome === 'name_mismatch')
    result = bank('4001', 'Beneficiary name does not match', { beneficiaryName: 'SURESH KUMAR IYER' });
  else if (outcome === 'unavailable') result = bank('4002', 'Beneficiary bank is not responding');
  else
    result = bank('4000', undefined, {
      uniqueRequestNo: requestNo,
      beneficiaryName: (name || 'ACCOUNT HOLDER').toUpperCase(),
    });
  ctx.state.bankRequests.set(requestNo, result);
  return delayed(result, outcome, ctx.slowMs);
}
