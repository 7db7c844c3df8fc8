// The raw baseline of bench/index.ts and bench/profile.ts: the SDK's wire work done by hand on every
// call (see docs/performance.md, "What is compared").
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Agent } from 'undici';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface Credentials {
  apiKey: string;
  apiSecret: string;
  adminCode: string;
}

/** The 7 headers the SDK sends, with a fresh timestamp and HMAC-SHA256 over ts + METHOD + target + body. */
export function signedHeaders(
  credentials: Credentials,
  method: string,
  target: string,
  body: string,
): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'User-Agent': `vistarkriya-node/${version}`,
    'X-API-Key': credentials.apiKey,
    'X-Timestamp': String(ts),
    'X-Signature': createHmac('sha256', credentials.apiSecret)
      .update(`${ts}${method}${target}${body}`)
      .digest('hex'),
    'X-Admin-Code': credentials.adminCode,
  };
}

/** One call as raw undici: the body serialised, signed, sent to the Agent as origin + path, the JSON read. */
export const rawAgentCall =
  (agent: Agent, origin: string, credentials: Credentials) =>
  (method: 'GET' | 'POST', path: string, input?: object) =>
  async (): Promise<unknown> => {
    const body = input ? JSON.stringify(input) : '';
    const res = await agent.request({
      origin,
      path,
      method,
      headers: signedHeaders(credentials, method, path, body),
      body: body === '' ? undefined : body,
    });
    return res.body.json();
  };
