// Recipe: Jest (CommonJS). The code under test creates its client with default options; msw's
// setupServer serves the sandbox at the production base URL, so only test credentials are needed.
// jest.config.js: { testEnvironment: 'node' } (see docs/sandbox-and-testing.md, "Testing your app", for msw's ESM
// dependencies on Node < 24.9).
const { setupServer } = require('msw/node');
const { MAGIC, SANDBOX_CREDENTIALS, sandboxHandlers } = require('vistarkriya/testing');
const { SignatureMismatchError, VistarkriyaClient } = require('vistarkriya');

// The code under test: nothing in it knows about the sandbox.
function checkPan(pan, name) {
  const vk = new VistarkriyaClient({
    apiKey: process.env.VISTARKRIYA_API_KEY,
    apiSecret: process.env.VISTARKRIYA_API_SECRET,
    adminCode: process.env.VISTARKRIYA_ADMIN_CODE,
  });
  return vk.verify.pan({ pan, name }).finally(() => vk.close());
}

const server = setupServer(...sandboxHandlers());

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  process.env.VISTARKRIYA_API_KEY = SANDBOX_CREDENTIALS.apiKey;
  process.env.VISTARKRIYA_API_SECRET = SANDBOX_CREDENTIALS.apiSecret;
  process.env.VISTARKRIYA_ADMIN_CODE = SANDBOX_CREDENTIALS.adminCode;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('PAN check', () => {
  test('a matching PAN is VALID', async () => {
    expect((await checkPan(MAGIC.pan.valid, 'Ravi Kumar')).status).toBe('VALID');
  });

  test('the name mismatch magic PAN is NAME_MISMATCH', async () => {
    expect((await checkPan(MAGIC.pan.name_mismatch, 'Ravi Kumar')).status).toBe('NAME_MISMATCH');
  });

  test('a wrong secret is a SignatureMismatchError', async () => {
    process.env.VISTARKRIYA_API_SECRET = 'not-the-secret';
    try {
      await expect(checkPan(MAGIC.pan.valid, 'Ravi Kumar')).rejects.toBeInstanceOf(SignatureMismatchError);
    } finally {
      process.env.VISTARKRIYA_API_SECRET = SANDBOX_CREDENTIALS.apiSecret;
    }
  });
});
