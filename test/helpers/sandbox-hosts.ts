// The sandbox contract runs against every host of the one sandbox core: its Fetch handler called
// directly (`createSandbox().fetch(request)`) and the Node http server (`startSandbox()`). Each
// host gives the same shape: raw bytes in, the whole answer out, the request log, and options for
// the SDK's clients that reach this host.
import type { ClientOptions } from '../../src/index.js';
import {
  type SandboxOptions,
  type SandboxRequest,
  type WebSandbox,
  createSandbox,
  startSandbox,
} from '../../src/sandbox/index.js';
import type { Veri5ClientOptions } from '../../src/veri5/index.js';
import { jsonOrUndefined } from './http.js';
import { type RawResponse, type SendRaw, rawRequest } from './raw-request.js';

export interface SandboxUnderTest {
  /** Delivers exactly these bytes to the sandbox (pass it where a test took `sb.url`). */
  send: SendRaw;
  requests: SandboxRequest[];
  credentials: WebSandbox['credentials'];
  /** Options for a VistarkriyaClient that reaches this host (a `fetch` or a `baseURL`). */
  clientOptions: ClientOptions;
  veri5Options: Veri5ClientOptions;
  close(): Promise<void>;
}

export interface SandboxHost {
  name: string;
  start(options?: SandboxOptions): Promise<SandboxUnderTest>;
}

/** A base URL nobody serves: the Fetch handler never sees the network. */
const HANDLER_ORIGIN = 'http://sandbox.invalid';

const handlerHost: SandboxHost = {
  name: 'createSandbox().fetch',
  async start(options) {
    const sb = createSandbox(options);
    return {
      async send(method, target, headers, body) {
        const res = await sb.fetch(
          new Request(HANDLER_ORIGIN + target, {
            method,
            headers,
            body: body.byteLength > 0 ? new Uint8Array(body) : undefined,
          }),
        );
        const text = await res.text();
        const out: Record<string, string> = {};
        res.headers.forEach((value, name) => {
          out[name] = value;
        });
        return { status: res.status, headers: out, text, json: jsonOrUndefined(text) } satisfies RawResponse;
      },
      requests: sb.requests,
      credentials: sb.credentials,
      clientOptions: sb.clientOptions,
      veri5Options: sb.veri5Options,
      close: async () => {},
    };
  },
};

const serverHost: SandboxHost = {
  name: 'startSandbox() over node:http',
  async start(options) {
    const sb = await startSandbox(options);
    return {
      send: (method, target, headers, body) => rawRequest(sb.url, method, target, headers, body),
      requests: sb.requests,
      credentials: sb.credentials,
      clientOptions: sb.clientOptions,
      veri5Options: sb.veri5Options,
      close: () => sb.close(),
    };
  },
};

export const SANDBOX_HOSTS: readonly SandboxHost[] = [handlerHost, serverHost];
