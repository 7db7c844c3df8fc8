// Recipe: a Next.js route handler (app/api/vk/[...path]/route.ts) that forwards browser calls to the
// platform through createProxyHandler. Credentials come from the environment (VISTARKRIYA_API_KEY,
// _API_SECRET, _ADMIN_CODE), so under msw's setupServer(...sandboxHandlers()) the sandbox's test
// credentials are all a test sets (next-route.test.ts). A route handler is `(req: Request) => Response`.
import { createProxyHandler } from 'vistarkriya/proxy';

const handler = createProxyHandler({
  basePath: '/api/vk',
  allow: ['verify.pan', 'wallet.core.balance'],
  // Your session check; here a bearer token from the environment.
  authorize: (request) => request.headers.get('authorization') === `Bearer ${process.env.APP_SESSION_TOKEN}`,
});

export const GET = (request: Request) => handler(request);
export const POST = (request: Request) => handler(request);
