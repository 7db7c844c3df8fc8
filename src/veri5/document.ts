import type { ValidationIssue } from '../core/errors.js';

/** Appendix C: "for better results, it is recommended to have image size < 500 KB". */
export const RECOMMENDED_DOCUMENT_BYTES = 500 * 1024;
/** Default hard cap on a PAN card image (decoded bytes); the client option `maxDocumentBytes` changes it. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** A checked document, ready for the wire. */
export interface CheckedDocument {
  /** Plain base64 (no `data:` prefix, no whitespace). */
  base64: string;
  type: 'jpeg' | 'png';
  /** Decoded size in bytes. */
  bytes: number;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DATA_URL = /^data:image\/[a-z+.-]+;base64,/i;

function issue(rule: string, message: string): { issue: ValidationIssue } {
  return { issue: { field: 'document', rule, message } };
}

/** The issue of a document over the size limit. */
export function tooLarge(bytes: number, maxBytes: number): ValidationIssue {
  return {
    field: 'document',
    rule: 'max_size',
    message: `is ${bytes} bytes; the limit is ${maxBytes} bytes (Veri5 recommends < 500 KB).`,
  };
}

/** The decoded size of a plain base64 string. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function imageType(head: Uint8Array): 'jpeg' | 'png' | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => head[i] === b)) return 'png';
  return undefined;
}

/**
 * Checks a PAN card image before it is sent: base64 (a `data:image/...;base64,` prefix and
 * whitespace are accepted and removed) or raw bytes; JPEG or PNG by magic bytes (Appendix C);
 * at most `maxBytes` decoded. Returns the issue instead of throwing so the caller can collect them.
 */
export function checkDocument(
  document: string | Uint8Array,
  maxBytes: number = DEFAULT_MAX_DOCUMENT_BYTES,
): CheckedDocument | { issue: ValidationIssue } {
  let base64: string;
  if (typeof document === 'string') {
    base64 = document.replace(DATA_URL, '').replace(/\s+/g, '');
    if (base64 === '') return issue('required', 'is empty.');
    if (base64.length % 4 !== 0 || !BASE64.test(base64)) return issue('base64', 'is not valid base64.');
  } else if (document instanceof Uint8Array) {
    if (document.length === 0) return issue('required', 'is empty.');
    if (document.length > maxBytes) return { issue: tooLarge(document.length, maxBytes) };
    base64 = toBase64(document);
  } else {
    return issue('type', 'must be a base64 string or a Uint8Array.');
  }
  const bytes = base64Bytes(base64);
  if (bytes > maxBytes) return { issue: tooLarge(bytes, maxBytes) };
  const headBinary = atob(base64.slice(0, 12));
  const head = Uint8Array.from(headBinary, (c) => c.charCodeAt(0));
  const type = imageType(head);
  if (!type) return issue('image_type', 'must be a JPEG or PNG image (Veri5, Appendix C).');
  return { base64, type, bytes };
}
