#!/usr/bin/env node
// Packed-tarball smoke test: what `npm i vistarkriya` gives a user, used the way users use it.
//   1. `npm pack` the built package and install the tarball into a fresh project under .tmp/smoke
//      (undici and zod come from the registry, or npm's cache: --prefer-offline); its package.json
//      has no install-time script (scripts/pack-manifest.mjs);
//   2. ESM `import` and CommonJS `require` of every entry point, each making real signed calls
//      to the sandbox (also from the tarball) and checking a signature against node:crypto, and
//      through msw's setupServer(...sandboxHandlers()) with a client created with default options
//      (msw, the optional peer of `vistarkriya/testing`, installed beside it), and one bulk run
//      (bullmq, the optional peer of `vistarkriya/bullmq`, installed beside it too);
//   3. `tsc` type resolution of the same imports under moduleResolution node16 (ESM and CJS
//      files) and bundler, with skipLibCheck off so the shipped .d.ts files are checked too, and
//      of the web sandbox under the `browser` condition.
// Needs dist/ (npm run build). Exit code 0 = all good.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTALL_SCRIPTS } from '../pack-manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, '.tmp/smoke');
const project = path.join(work, 'project');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

const step = (text) => console.log(`smoke: ${text}`);
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

rmSync(work, { recursive: true, force: true });
mkdirSync(project, { recursive: true });

step('npm pack');
const manifestBefore = readFileSync(path.join(root, 'package.json'), 'utf8');
const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], root));
if (readFileSync(path.join(root, 'package.json'), 'utf8') !== manifestBefore) {
  throw new Error('npm pack left package.json changed (scripts/pack-manifest.mjs restore did not run)');
}
const tarball = path.join(work, packed.filename);

step(`install ${packed.filename} into .tmp/smoke/project`);
writeFileSync(
  path.join(project, 'package.json'),
  `${JSON.stringify({ name: 'vistarkriya-smoke', version: '0.0.0', private: true }, null, 2)}\n`,
);
// bullmq (and the ioredis it uses) are optional peers: installed here so vistarkriya/bullmq loads.
const bullmqSpec = `bullmq@${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.bullmq}`;
run(
  npm,
  [
    'install',
    tarball,
    'msw@2',
    bullmqSpec,
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--no-package-lock',
    '--loglevel=error',
  ],
  project,
);

step('the installed package.json has no install-time script (npm 11 would warn every user)');
const shipped = JSON.parse(readFileSync(path.join(project, 'node_modules/vistarkriya/package.json'), 'utf8'));
const installScripts = INSTALL_SCRIPTS.filter((name) => shipped.scripts?.[name]);
if (installScripts.length) throw new Error(`the packed package.json has ${installScripts.join(', ')}`);

// ---------------------------------------------------------------- runtime: ESM and CJS
// Both files do the same: resolve from the project (never the repository), check one signature
// against node:crypto, and make real calls to a sandbox started from the installed package,
// one bulk run among them.
const checks = (load) => `
${load}
const assert = (ok, what) => { if (!ok) { console.error('FAIL: ' + what); process.exit(1); } };
const inProject = (file) => file.startsWith(${JSON.stringify(project + path.sep)});
assert(inProject(resolved('vistarkriya')), 'vistarkriya resolves inside the smoke project: ' + resolved('vistarkriya'));
assert(inProject(resolved('undici')) && inProject(resolved('zod')), 'undici and zod were installed as dependencies');

// The seed formula, computed here with node:crypto: hex(HMAC-SHA256(secret, ts + METHOD + target + body)).
const input = { method: 'POST', target: '/api/v1/verify/pan', body: '{"pan":"ABCPV1234D"}', timestamp: 1700000000 };
const expected = createHmac('sha256', 'smoke_secret').update('1700000000POST/api/v1/verify/pan{"pan":"ABCPV1234D"}').digest('hex');
const signed = await sdk.vistarkriyaSigner({ apiKey: 'k', apiSecret: 'smoke_secret', adminCode: '123456' }).sign(input);
assert(signed.headers['X-Signature'] === expected, 'X-Signature matches node:crypto');

assert(validators.isValidPan('ABCPV1234D') && !validators.isValidPan('ABCDE1234'), 'validators entry works');
assert(typeof proxy.createProxyHandler === 'function', 'proxy entry exports createProxyHandler');

const sb = await sandbox.startSandbox();
try {
  const vk = new sdk.VistarkriyaClient(sb.clientOptions);
  const balance = await vk.wallet.core.balance();
  assert(typeof balance.balance === 'number' && balance.currency === 'INR', 'wallet.core.balance() answers');
  const pan = await vk.verify.pan({ pan: sb.magic.pan.valid });
  assert(pan.status === 'VALID', 'verify.pan() answers VALID for the magic PAN');
  let rejected = false;
  try { await vk.verify.pan({ pan: 'not-a-pan' }); } catch (err) { rejected = err instanceof sdk.InputValidationError; }
  assert(rejected, 'input validation (lazily loaded schemas) rejects a malformed PAN');
  const statuses = [];
  for await (const r of bulk.runBulk({ client: vk, operation: 'verify.pan', rows: [{ pan: sb.magic.pan.valid }, { pan: 'x' }] }))
    statuses[r.index] = r.status;
  assert(statuses.join() === 'ok,invalid', 'bulk entry: runBulk gives ok and invalid rows: ' + statuses.join());
  assert(typeof bullmq.enqueueBulk === 'function' && typeof bullmq.runBulkWorker === 'function' && typeof bullmq.bulkResults === 'function', 'bullmq entry exports enqueueBulk, runBulkWorker, bulkResults');
  await vk.close();
} finally {
  await sb.close();
}

// vistarkriya/testing: msw serves the sandbox at the production base URL; only test credentials.
const server = setupServer(...testing.sandboxHandlers());
server.listen({ onUnhandledRequest: 'error' });
try {
  const vk = new sdk.VistarkriyaClient(testing.SANDBOX_CREDENTIALS);
  const mismatch = await vk.verify.pan({ pan: testing.MAGIC.pan.name_mismatch, name: 'Ravi Kumar' });
  assert(mismatch.status === 'NAME_MISMATCH', 'testing: a default client gets the magic answer through msw');
  const wrong = new sdk.VistarkriyaClient({ ...testing.SANDBOX_CREDENTIALS, apiSecret: 'nope', maxRetries: 0 });
  let mismatched = false;
  try { await wrong.wallet.core.balance(); } catch (err) { mismatched = err instanceof sdk.SignatureMismatchError; }
  assert(mismatched, 'testing: a wrong secret is a SignatureMismatchError');
  await vk.close();
  await wrong.close();
} finally {
  server.close();
}
console.log('ok');
`;

writeFileSync(
  path.join(project, 'esm.mjs'),
  checks(`import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import * as sdk from 'vistarkriya';
import * as validators from 'vistarkriya/validators';
import * as proxy from 'vistarkriya/proxy';
import * as sandbox from 'vistarkriya/sandbox';
import * as testing from 'vistarkriya/testing';
import { setupServer } from 'msw/node';
import * as bulk from 'vistarkriya/bulk';
import * as bullmq from 'vistarkriya/bullmq';
const resolved = (id) => (id === 'vistarkriya' ? new URL(import.meta.resolve(id)).pathname : createRequire(import.meta.url).resolve(id));`),
);
writeFileSync(
  path.join(project, 'cjs.cjs'),
  `(async () => {${checks(`const { createHmac } = require('node:crypto');
const sdk = require('vistarkriya');
const validators = require('vistarkriya/validators');
const proxy = require('vistarkriya/proxy');
const sandbox = require('vistarkriya/sandbox');
const testing = require('vistarkriya/testing');
const { setupServer } = require('msw/node');
const bulk = require('vistarkriya/bulk');
const bullmq = require('vistarkriya/bullmq');
const resolved = (id) => require.resolve(id);`)}})().catch((err) => { console.error(err); process.exit(1); });\n`,
);
for (const file of ['esm.mjs', 'cjs.cjs']) {
  step(`node ${file}`);
  const out = run(process.execPath, [file], project).trim();
  if (out !== 'ok') throw new Error(`${file} printed: ${out}`);
}

// ---------------------------------------------------------------- types: node16 (ESM + CJS) and bundler
const typesSource = (importLines, testingCheck) => `${importLines}

export async function main(): Promise<number> {
  const vk = new VistarkriyaClient({ apiKey: 'k', apiSecret: 's', adminCode: '123456', baseURL: 'http://127.0.0.1:1' });
  const balance: WalletBalance = await vk.wallet.core.balance();
  const amount: number = balance.balance;
  const pan = await vk.verify.pan({ pan: 'ABCPV1234D' });
  const status: 'VALID' | 'INVALID' | 'NAME_MISMATCH' = pan.status;
  const ok: boolean = isValidPan('ABCPV1234D') && status === 'VALID';
  const handler = createProxyHandler({
    apiKey: 'k',
    apiSecret: 's',
    adminCode: '123456',
    basePath: '/api/vk',
    allow: ['verify.pan'],
    authorize: (request: Request) => request.headers.has('authorization'),
  });
  const proxied: Response = await handler(new Request('http://localhost/api/vk/api/v1/verify/pan'));
  const sb = await startSandbox();
  await sb.close();
  ${testingCheck}
  for await (const r of runBulk({ client: vk, operation: 'verify.pan', rows: [{ pan: 'ABCPV1234D' }] })) {
    const s: 'ok' | 'invalid' | 'failed' | 'unknown' = r.status;
    void s;
  }
  const worker: Worker = runBulkWorker({ queueName: 'q', connection: { host: '127.0.0.1', port: 6379 }, client: vk });
  void worker;
  // @ts-expect-error verify.pan requires a pan
  await vk.verify.pan({});
  return ok && proxied.status > 0 && err instanceof APIError ? amount : 0;
}
declare const err: unknown;
`;
const imports = `import { APIError, VistarkriyaClient, type WalletBalance } from 'vistarkriya';
import { isValidPan } from 'vistarkriya/validators';
import { createProxyHandler } from 'vistarkriya/proxy';
import { startSandbox } from 'vistarkriya/sandbox';
import { createSandbox, sandboxHandlers } from 'vistarkriya/testing';
import { runBulk } from 'vistarkriya/bulk';
import { runBulkWorker } from 'vistarkriya/bullmq';
import type { Worker } from 'bullmq';`;
const cjsImports = `import sdk = require('vistarkriya');
import validators = require('vistarkriya/validators');
import proxy = require('vistarkriya/proxy');
import sandbox = require('vistarkriya/sandbox');
import bulk = require('vistarkriya/bulk');
import bullmq = require('vistarkriya/bullmq');
import type { Worker } from 'bullmq';
const { APIError, VistarkriyaClient } = sdk;
type WalletBalance = sdk.WalletBalance;
const { isValidPan } = validators;
const { createProxyHandler } = proxy;
const { startSandbox } = sandbox;
const { runBulk } = bulk;
const { runBulkWorker } = bullmq;`;
// vistarkriya/testing's types import msw's, whose CommonJS declarations do not compile with
// skipLibCheck off (they import the ESM-only `rettime`): checked from ESM and bundler only.
const testingCheck = `const handlers: unknown[] = sandboxHandlers({ baseURL: 'https://vistarkriya.com' });
  const web: Response = await createSandbox().fetch(new Request('https://vistarkriya.com/'));
  if (handlers.length === 0 || !web.ok) return 0;`;
writeFileSync(path.join(project, 'types-esm.mts'), typesSource(imports, testingCheck));
writeFileSync(path.join(project, 'types-cjs.cts'), typesSource(cjsImports, ''));
writeFileSync(path.join(project, 'types-bundler.ts'), typesSource(imports, testingCheck));
// A browser or worker project (the `browser` condition) gets the web sandbox's declarations:
// createSandbox, and no Node-only startSandbox.
writeFileSync(
  path.join(project, 'types-browser.ts'),
  `import { VistarkriyaClient } from 'vistarkriya';
import { createSandbox } from 'vistarkriya/sandbox';
// @ts-expect-error startSandbox serves over node:http: it is not in the web build
import { startSandbox } from 'vistarkriya/sandbox';
export const vk = new VistarkriyaClient(createSandbox().clientOptions);
void startSandbox;
`,
);

const compilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: ['node'],
  typeRoots: [path.join(root, 'node_modules/@types')],
};
const tsconfigs = {
  'tsconfig.node16.json': {
    compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' },
    files: ['types-esm.mts', 'types-cjs.cts'],
  },
  'tsconfig.bundler.json': {
    compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' },
    files: ['types-bundler.ts'],
  },
  'tsconfig.browser.json': {
    compilerOptions: {
      ...compilerOptions,
      module: 'esnext',
      moduleResolution: 'bundler',
      customConditions: ['browser'],
    },
    files: ['types-browser.ts'],
  },
};
for (const [name, config] of Object.entries(tsconfigs)) {
  writeFileSync(path.join(project, name), `${JSON.stringify(config, null, 2)}\n`);
  step(`tsc -p ${name}`);
  try {
    run(process.execPath, [tsc, '-p', name], project);
  } catch (err) {
    console.error(err.stdout || err.message);
    process.exit(1);
  }
}

const version = JSON.parse(
  readFileSync(path.join(project, 'node_modules/vistarkriya/package.json'), 'utf8'),
).version;
step(`vistarkriya ${version} from the packed tarball works from ESM, CommonJS, node16 and bundler types`);
