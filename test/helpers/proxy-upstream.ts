import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type SeenRequest, startSigningServer } from './signing-server.js';

/** What the upstream answers to one request. */
export type UpstreamAnswer = { status: number; body: string; headers?: Record<string, string> };

/**
 * A platform stand-in for proxy tests: a signing server (it checks every signature independently)
 * started before the file's tests and stopped after them. `answer` (reset before each test, and
 * `null` for `defaultAnswer`) decides what it answers; `seen` is emptied before each test.
 */
export function useProxyUpstream(secret: string, defaultAnswer: (req: SeenRequest) => UpstreamAnswer) {
  const state = {
    url: '',
    seen: [] as SeenRequest[],
    answer: null as ((req: SeenRequest) => UpstreamAnswer) | null,
  };
  let server: Awaited<ReturnType<typeof startSigningServer>>;
  beforeAll(async () => {
    server = await startSigningServer({
      secret,
      respond: (req, res) => {
        const a = state.answer?.(req) ?? defaultAnswer(req);
        res.statusCode = a.status;
        for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
        res.end(a.body);
      },
    });
    state.url = server.url;
    state.seen = server.seen;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    state.seen.length = 0;
    state.answer = null;
  });
  return state;
}
