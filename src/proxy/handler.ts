import type { Operation } from '../model/operation.js';
import { type ProxyHandlerOptions, proxySettings } from './options.js';
import { errorResponse } from './respond.js';
import { type InputRules, type ProxyContext, runSteps, startExchange } from './steps.js';
import { createUpstream } from './upstream.js';

export type { Authorize, AuthorizeContext, AuthorizeResult, ProxyHandlerOptions } from './options.js';

/** A Fetch-API handler: `(request) => Promise<Response>`, usable in Next.js, Hono, workers, Deno, Bun. */
export interface ProxyHandler {
  (request: Request): Promise<Response>;
  /** The body limit, for adapters that buffer (see `toNodeHandler`). */
  readonly maxBodyBytes: number;
  /** Closes the upstream keep-alive connections. */
  close(): Promise<void>;
}

/** @internal What the public entry injects: the operation table and the input rules. */
export interface ProxyDeps extends InputRules {
  operations: readonly Operation[];
}

/**
 * @internal Builds the handler over an injected operation table (the public entry passes the
 * registry): the options are checked once, the upstream (signer, logger, redaction) is made once,
 * and every request runs the steps (route → authorize → input → validate → forward) until one answers.
 */
export function buildProxyHandler(options: ProxyHandlerOptions, deps: ProxyDeps): ProxyHandler {
  const settings = proxySettings(options, deps.operations);
  // The upstream takes the options whole: every client option reaches it. Never a signer or the
  // browser override from here (the types leave them out; plain JavaScript could still pass them).
  const upstream = createUpstream({ ...options, signer: undefined, dangerouslyAllowBrowser: undefined });
  const ctx: ProxyContext = { settings, upstream, rules: deps };

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await runSteps(ctx, startExchange(request));
    } catch (err) {
      // Anything unexpected (a bug, a validator that threw something else) is a bare 500: no
      // details that could carry a secret leave the server; the log line is redacted.
      upstream.log.error(`proxy: unexpected failure: ${err instanceof Error ? err.message : String(err)}`);
      return errorResponse(500, 'PROXY_ERROR', 'The proxy failed.');
    }
  };
  return Object.assign(handler, { maxBodyBytes: settings.maxBodyBytes, close: () => upstream.close() });
}
