// Reading a Fetch API body with a byte cap: used for upstream answers (FetchTransport) and for
// browser requests (the proxy). Web streams only, so it works in every runtime. (The undici
// transport reads its Node stream with readTextWithinLimit; the Node adapter of the proxy keeps a
// prefix with readBodyPrefix: other contracts, other names.)

/**
 * The bytes of `body`, or `undefined` as soon as they grow past `maxBytes`: the stream is then
 * cancelled and the rest is never read (nor held in memory). A missing body is empty.
 */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
