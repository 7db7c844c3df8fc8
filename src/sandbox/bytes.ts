// Byte helpers on plain Uint8Array (no Buffer): the sandbox core runs in every runtime.

export const utf8 = new TextEncoder();
// `ignoreBOM` keeps a leading U+FEFF in the text, as it arrived.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The bytes as UTF-8 text (invalid sequences become U+FFFD, as Node's `buffer.toString('utf8')` does). */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}
