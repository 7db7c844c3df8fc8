import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError } from '../src/index.js';
import { classifyNetworkError } from '../src/transport/types.js';
import { TRANSPORTS, faultClient, rawVerifyPan, rejectionOf } from './faults/helpers.js';

// A TCP server that speaks no TLS: the client's handshake fails before any request byte is sent.
type Mode = 'plain-http' | 'close-at-hello';
let server: net.Server | undefined;
let connections = 0;
const sockets = new Set<net.Socket>();

async function startNonTlsServer(mode: Mode): Promise<string> {
  connections = 0;
  server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (mode === 'plain-http') socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    else socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('a TLS handshake failure means nothing was sent', () => {
  describe.each(TRANSPORTS)('over $name', (transport) => {
    it.each<Mode>(['plain-http', 'close-at-hello'])(
      '%s: a billable call is retried and ends with outcomeUnknown false',
      async (mode) => {
        const baseURL = await startNonTlsServer(mode);
        const { options, close } = transport.make();
        const client = faultClient(baseURL, { ...options, maxRetries: 2, timeout: 10_000 });
        try {
          const err = (await rejectionOf(rawVerifyPan(client, { pan: 'ABCPE1234F' }))) as APIConnectionError;
          expect(err).toBeInstanceOf(APIConnectionError);
          expect(err.outcomeUnknown).toBe(false);
          expect(err.message).not.toMatch(/outcome is unknown/i);
          // Not sent, so a billable call is retried like a refused connection.
          expect(connections).toBe(3);
        } finally {
          await client.close();
          await close?.();
        }
      },
      15_000,
    );
  });

  it('certificate and handshake codes are sorted as not sent; record errors stay ambiguous', () => {
    const kind = (code: string, message = 'x') =>
      classifyNetworkError(Object.assign(new Error(message), { code }), { aborted: false }).kind;
    for (const code of [
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
      'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
      'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
      'ERR_SSL_UNSUPPORTED_PROTOCOL',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_TLS_HANDSHAKE_TIMEOUT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'CERT_NOT_YET_VALID',
    ]) {
      expect(kind(code), code).toBe('not-sent');
    }
    expect(
      kind('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'),
    ).toBe('not-sent');
    expect(kind('ECONNRESET', 'read ECONNRESET')).toBe('ambiguous');
    expect(kind('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC')).toBe('ambiguous');
  });
});
