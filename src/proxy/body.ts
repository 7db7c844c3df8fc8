// Reading the browser's request body: JSON only, UTF-8 only, never more than the limit in memory.
import { readAtMost } from '../transport/read-at-most.js';
import { parseJsonNullPrototype } from './input.js';

/** Default largest accepted body: 64 KiB (every platform input is far smaller). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type BodyResult =
  | { ok: true; input: unknown }
  | { ok: false; status: 400 | 413 | 415; code: string; message: string };

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** Reads and parses a JSON object body, refusing other types (415), oversize bodies (413) and bad JSON (400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes);
  const bytes = await readAtMost(request.body, maxBytes);
  if (bytes === undefined) return tooLarge(maxBytes);
  const type = request.headers.get('content-type') ?? '';
  // An empty body with no type is "no input"; with a type, it must be JSON like any other body
  // (a cross-site form post is never accepted, whatever it carries).
  if (bytes.byteLength === 0 && type === '') return { ok: true, input: undefined };
  const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
  if (!JSON_TYPE.test(type) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    return {
      ok: false,
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the body as application/json.',
    };
  }
  if (bytes.byteLength === 0) return { ok: true, input: undefined };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, code: 'INVALID_JSON', message: 'The body is not valid UTF-8.' };
  }
  let input: unknown;
  try {
    input = parseJsonNullPrototype(text);
  } catch {
    return { ok: false, status: 400, code: 'INVALID_JSON', message: 'The body is not valid JSON.' };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, status: 400, code: 'INVALID_JSON', message: 'The body must be a JSON object.' };
  }
  return { ok: true, input };
}

function tooLarge(maxBytes: number): BodyResult {
  return {
    ok: false,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `The body is larger than ${maxBytes} bytes.`,
  };
}
