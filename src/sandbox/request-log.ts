// The request log (`sandbox.requests`): bounded by entries and by body bytes, oldest dropped first.
import type { SandboxRequest } from './types.js';

/** The request log keeps at most this many entries (oldest dropped first)... */
export const MAX_LOGGED_REQUESTS = 10_000;
/** ...and at most this many body bytes in all (a long-running sandbox must not grow without bound). */
export const MAX_LOGGED_BODY_BYTES = 16 * 1024 * 1024;

const EMPTY = new Uint8Array(0);

/**
 * Appends to `requests`, keeping both bounds. 200 unauthenticated 1 MiB posts must not cost
 * 200 MiB: a request refused before it was served is kept without its body.
 */
export function requestLog(requests: SandboxRequest[]) {
  let bodyBytes = 0;
  return {
    add(entry: SandboxRequest, rejected: boolean): void {
      if (rejected) {
        entry.body = '';
        entry.rawBody = EMPTY;
      }
      requests.push(entry);
      bodyBytes += entry.rawBody.byteLength;
      let drop = 0;
      while (
        drop < requests.length - 1 &&
        (requests.length - drop > MAX_LOGGED_REQUESTS || bodyBytes > MAX_LOGGED_BODY_BYTES)
      ) {
        bodyBytes -= requests[drop]!.rawBody.byteLength;
        drop++;
      }
      if (drop > 0) requests.splice(0, drop);
    },
  };
}
