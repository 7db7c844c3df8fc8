import { parseHttpDate } from './http-date.js';

/**
 * Signing clock: unix seconds plus an offset learned from the server's `Date` header
 * after a `TIMESTAMP_EXPIRED` answer (AWS SDK v3 does the same).
 */
export class Clock {
  /** Seconds to add to the local clock. */
  offsetSeconds = 0;

  now(): number {
    return Math.floor(Date.now() / 1000) + this.offsetSeconds;
  }

  /** Learns the offset from an HTTP `Date` header; returns false when the header is missing or garbage. */
  learnFrom(dateHeader: string | undefined): boolean {
    if (!dateHeader) return false;
    const serverMs = parseHttpDate(dateHeader);
    if (serverMs === undefined) return false;
    this.offsetSeconds = Math.round((serverMs - Date.now()) / 1000);
    return true;
  }
}
