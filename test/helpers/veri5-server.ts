import { createHash } from 'node:crypto';
import type http from 'node:http';
import { jsonOrUndefined, startLocalServer } from './http.js';

/** A request as the Veri5 stand-in received it (raw bytes as text, headers as sent). */
export interface Veri5SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
}

/** A scripted answer: JSON body (an object, or raw text) and optional status and headers. */
export interface Veri5Reply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

const ROUTES = {
  verifyUserIdDoc: '/service/api/1.0/verifyUserIdDoc',
  fetchPanDetails: '/service/api/1.0/fetchPanDetails',
  verifyGSTIN: '/service/api/1.0/verifyGSTIN',
  bankVerification: '/service/api/1.0/bankVerification',
};

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const status = (code: string, message: string, ok = code === '000') => ({
  code,
  message,
  status: ok ? 'SUCCESS' : 'FAIL',
});

/** Test magic values. */
export const MAGIC = {
  /** verifyPan DATA with this name answers 400101 (name mismatch). */
  mismatchName: 'MISMATCH NAME',
  /** verifyPan with this PAN answers 400103 (invalid PAN). */
  invalidPan: 'ABCPZ9999Z',
  /** A GSTIN record returned for any valid hashed verifyGSTIN. */
  gstinRecord: {
    gstin: '29AAECK9415C1ZJ',
    lgnm: 'KHOSLA LABS PRIVATE LIMITED',
    stj: 'Bangalore South',
    ctj: 'Range-I',
    rgdt: '01/07/2017',
    ctb: 'Private Limited Company',
    dty: 'Regular',
    nba: 'Supplier of Services',
    sts: 'Active',
    cxdt: '',
    lstupdt: '20/02/2024',
    stjCd: 'KA001',
    ctjCd: 'YT0101',
    tradeNam: 'VERI5 DIGITAL',
    adadr: [],
    addr: '',
    bnm: 'Prestige Tower',
    st: 'MG Road',
    loc: 'Bengaluru',
    bno: '12',
    stcd: 'Karnataka',
    flno: '3',
    lt: '12.97',
    lg: '77.59',
    pncd: '560001',
    ntr: 'Office',
    pradr: { addr: 'MG Road' },
  },
};

/**
 * A local Veri5 stand-in on 127.0.0.1 that checks requests independently of the SDK: the hash is
 * recomputed here with node:crypto from the seed's sequences (Appendix E, §3.2), on the raw body.
 * `script` replies (FIFO) take precedence over the built-in behaviour.
 */
export async function startVeri5Server(
  options: { clientCode?: string; apiKey?: string; salt?: string } = {},
) {
  const clientCode = options.clientCode ?? 'VERI5_TEST';
  const apiKey = options.apiKey ?? 'veri5_test_key';
  const salt = options.salt ?? 'veri5_test_salt';
  const seen: Veri5SeenRequest[] = [];
  const script: Array<Veri5Reply | ((req: Veri5SeenRequest) => Veri5Reply)> = [];
  const txnIds = new Set<string>();
  let txnCounter = 0;

  const behave = (req: Veri5SeenRequest, route: string): Veri5Reply => {
    const j = req.json ?? {};
    const h = j.headers ?? {};
    const r = j.request ?? {};
    if (route === 'bankVerification') {
      if (j.clientCode !== clientCode)
        return { body: { code: '380048', message: 'Invalid api_key or client_code', status: 'FAIL' } };
      return { body: { code: '4000', message: 'ACCOUNT SUCCESSFULLY VERIFIED', status: 'SUCCESS' } };
    }
    if (h.client_code !== clientCode)
      return { body: { response_status: status('380048', 'Invalid api_key or client_code') } };
    if (route === 'verifyGSTIN') {
      if (!r.api_key) return { body: { response_status: status('400405', 'api_key is mandatory') } };
      if (!r.hash) return { body: { response_status: status('400406', 'hash is mandatory') } };
      const expected = sha256([h.client_code, r.request_id, apiKey, salt, r.gstin].join('|'));
      if (r.api_key !== apiKey || r.hash !== expected) {
        return { body: { response_status: status('400401', 'Hash Validation Failed') } };
      }
      return {
        body: {
          response_status: status('000', 'Verification done Successfully.'),
          response_data: MAGIC.gstinRecord,
        },
      };
    }
    if (route === 'fetchPanDetails') {
      const expected = sha256([h.client_code, r.txn_id, apiKey, salt].join('|'));
      if (r.api_key !== apiKey)
        return {
          body: { response_status: { Code: '400111', Message: 'api_key does not exist.', status: 'FAIL' } },
        };
      if (r.hash !== expected)
        return { body: { response_status: status('400401', 'Hash Validation Failed') } };
      if (!txnIds.has(r.txn_id))
        return {
          body: { response_status: { Code: '400105', Message: 'txnId does not exist', status: 'FAIL' } },
        };
      return {
        body: {
          response_data: {
            response_message: { pan_number: 'ABCPE1234F', name: 'ASHA RAO', dob: '01/01/1990' },
          },
          response_status: { Code: '000', Message: 'Pan details fetched successfully', status: 'SUCCESS' },
        },
      };
    }
    // verifyUserIdDoc
    if (h.function_code === 'VERIFY_AADHAAR') {
      return {
        body: {
          verified_by: 'UIDAI Portal',
          response_status: status('000', 'Verification done Successfully'),
          Verified_data: {
            Age_band: '20-30',
            Gender: 'MALE',
            State: 'Karnataka',
            Mobile_number: 'xxxxxxx123',
          },
          Verification_method: 'VERIFY_AADHAAR_DATA',
          stan: h.stan,
          verification_status: 'SUCCESS',
          Verified_using: 'Database Check',
          verification_code: '000',
        },
      };
    }
    const pan = r.pan_details ?? {};
    const base = {
      verified_by: 'Income tax e-Filing Portal',
      stan: h.stan,
      verified_using: 'Database Check',
    };
    if (pan.pan_number === MAGIC.invalidPan) {
      return {
        body: {
          ...base,
          verified_data: 'Invalid PAN',
          verification_status: 'FAIL',
          verification_code: '400103',
          response_status: status('400103', 'Invalid PAN'),
        },
      };
    }
    if (h.function_sub_code === 'DATA' && pan.name === MAGIC.mismatchName) {
      return {
        body: {
          ...base,
          txn_id: 'TXN-MISMATCH',
          verified_data:
            'PAN format is correct and PAN number is correct matching against DOB. However, Name is Incorrect.',
          verification_method: 'VERIFY_PAN_DATA',
          verification_status: 'FAIL',
          verification_code: '400101',
          // Veri5 reports the API call itself as processed; the verification failed.
          response_status: status('000', 'Request processed'),
        },
      };
    }
    const txnId = `TXN${++txnCounter}`;
    txnIds.add(txnId);
    return {
      body: {
        ...base,
        txn_id: txnId,
        verified_data: 'Verification done Successfully and details are matching with the PAN Database.',
        verification_method: `VERIFY_PAN_${h.function_sub_code}`,
        verification_status: 'SUCCESS',
        verification_code: '000',
        response_status: status('000', 'Verification done Successfully'),
      },
    };
  };

  const extraRoutes: Record<string, string> = {};
  const server = await startLocalServer((req, raw, res) => {
    const body = raw.toString('utf8');
    const seenReq: Veri5SeenRequest = {
      method: req.method!,
      path: req.url!,
      headers: req.headers,
      body,
      json: jsonOrUndefined(body),
    };
    seen.push(seenReq);
    const next = script.shift();
    let reply: Veri5Reply;
    if (next) reply = typeof next === 'function' ? next(seenReq) : next;
    else {
      const route = (Object.entries(ROUTES).find(([, p]) => p === req.url) ??
        Object.entries(extraRoutes).find(([, p]) => p === req.url))?.[0];
      reply = route ? behave(seenReq, route) : { status: 404, body: { message: 'not found' } };
    }
    res.statusCode = reply.status ?? 200;
    res.setHeader('content-type', 'application/json');
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  return {
    url: server.url,
    seen,
    script,
    credentials: { clientCode, apiKey, salt },
    /** Serve an operation on another path too (route-override tests). */
    alias(operation: keyof typeof ROUTES, path: string) {
      extraRoutes[operation] = path;
    },
    close: server.close,
  };
}

export type Veri5TestServer = Awaited<ReturnType<typeof startVeri5Server>>;
