// Chromium runs this page script against the browser build: `import 'vistarkriya'` bundled as a
// front-end bundler does (`browser` condition → dist/browser). The page holds no secret and checks
// no input itself; the proxy the host serves at /api/vk does both (test/browser/runtime-contract.test.ts).
import {
  APIError,
  ConfigurationError,
  InputValidationError,
  VistarkriyaClient,
  VistarkriyaError,
  proxySigner,
} from 'vistarkriya';

/** A serialisable picture of an error, as the page sees it. */
function describeError(err) {
  return {
    name: err.name,
    message: err.message,
    field: err.field,
    rule: err.rule,
    issues: err.issues,
    status: err.status,
    outcomeUnknown: err.outcomeUnknown,
    isVistarkriyaError: err instanceof VistarkriyaError,
    isInput: err instanceof InputValidationError,
    isAPI: err instanceof APIError,
    isConfiguration: err instanceof ConfigurationError,
  };
}

globalThis.runBrowserBuild = async (session) => {
  const vk = new VistarkriyaClient({
    baseURL: `${location.origin}/api/vk`,
    signer: proxySigner({ headers: { authorization: session } }),
    maxRetries: 0,
  });
  const fail = () => 'no error';
  const out = {
    valid: (await vk.verify.pan({ pan: 'abcpv1234d' })).status,
    typo: await vk.verify.pan({ pan: 'ABCPV1234D', nmae: 'Ravi Kumar' }).then(fail, describeError),
    badPan: await vk.verify.pan({ pan: 'ABCDE12345' }).then(fail, describeError),
    notAllowed: await vk.cibil.reports().then(fail, describeError),
  };
  await vk.close();
  try {
    new VistarkriyaClient({
      apiKey: 'vk_test_sandbox',
      apiSecret: 'sandbox_secret',
      adminCode: '123456',
      dangerouslyAllowBrowser: true,
    });
    out.withKeys = 'no error';
  } catch (err) {
    out.withKeys = describeError(err);
  }
  return out;
};
