#!/usr/bin/env node
// Bundle-size budget of the browser entry: the client with every namespace, bundled from the
// SHIPPED browser build (dist/browser, what `import 'vistarkriya'` resolves to under the `browser`
// condition) the way a front-end bundler would (esbuild, minified, platform browser, ESM). Needs
// `npm run build` first. Fails over budget.
//   node scripts/size.mjs [--json]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { NODE_ONLY_IMPORT, buildDefines } from './build-constants.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The goal (issues 15 and 18): at most 10 kB gzip. A page's build does not carry the input rules:
 * a page cannot call the platform itself (it allow-lists server IPs, and a secret in a page is
 * public), so its calls go through `createProxyHandler`, which runs the operation's rules before it
 * signs, and its refusal is the page's `InputValidationError` (docs/browsers-and-edge.md). Nor does
 * it sign from keys. Everything else is here: the request pipeline (deadline, retries by retry
 * class, close(), typed redacted errors), the error classes (cross-copy `instanceof`), response
 * interpretation (envelope, proxy protocol), redaction, strict HTTP-dates, paging, the fetch
 * transport. The worker/edge build (dist/web) keeps the rules and signing: ~12.5 kB for this entry.
 * The breakdown below says where the bytes are.
 */
const BUDGET_BYTES = 10_000;
/** The worker/edge build (dist/web) for the same entry: 12.64 kB gzip, rounded up to the next 100 B. */
const WEB_BUDGET_BYTES = 12_700;

// What a front-end does: import the client and call every namespace (through proxySigner).
const ENTRY = `
import { VistarkriyaClient, proxySigner } from './dist/browser/index.js';
export async function app() {
  const vk = new VistarkriyaClient({ baseURL: '/api/vk', signer: proxySigner({ headers: () => ({}) }) });
  await vk.wallet.core.balance();
  for await (const tx of vk.wallet.core.transactions({ per_page: 50 })) console.log(tx);
  await vk.wallet.pipeline.balance();
  await vk.wallet.license.balance();
  await vk.cibil.reports();
  await vk.cibil.fetch({ pan: 'ABCPE1234F', name: 'A', mobile: '9876543210', consent: true });
  await vk.cibil.status({ report_id: 'r1' });
  await vk.verify.services();
  await vk.verify.pan({ pan: 'ABCPE1234F' });
  await vk.verify.aadhaar({ aadhaar: '234567890124', consent: true });
  await vk.verify.bank({ account_number: '50100012345678', ifsc: 'HDFC0001234' });
  await vk.verify.gst({ gstin: '27AAPFU0939F1ZV' });
  await vk.marketplace.services();
  await vk.marketplace.products();
  await vk.marketplace.order({ product_id: 1 });
  await vk.kamao.earnings();
  await vk.kamao.payouts();
  await vk.kamao.reports();
  await vk.b2c.customers();
  await vk.b2c.createCustomer({ name: 'A', mobile: '9876543210' });
  await vk.b2c.orders();
  return vk.request({ method: 'GET', path: '/api/v1/anything' });
}
`;

if (!existsSync(path.join(ROOT, 'dist/browser/index.js'))) {
  console.error('size: dist/browser/index.js is missing; run `npm run build` first');
  process.exit(1);
}
/** The entry bundled against one build of the package: minified and gzip bytes. */
async function measure(build_) {
  const result = await build({
    stdin: {
      contents: ENTRY.replace('./dist/browser/', `./dist/${build_}/`),
      resolveDir: ROOT,
      sourcefile: 'size-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text;
  const nodeOnly = NODE_ONLY_IMPORT.exec(code);
  if (nodeOnly) {
    console.error(`size: the ${build_} bundle imports ${nodeOnly[0]}`);
    process.exit(1);
  }
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).byteLength };
}
const { raw, gzip } = await measure('browser');
// The same entry on the worker/edge build (`vistarkriya/web`), which keeps the rules and signing.
const web = await measure('web');

// Where the bytes come from. tsup's chunks hide module boundaries, so the same entry is bundled
// again from src/ (the same code, the browser's `#platform/*` branch) with a metafile: each area's
// minified bytes, and its share of the gzip size (how much smaller the bundle gets without it).
const areas = await breakdown();

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ raw, gzip, budget: BUDGET_BYTES, areas, web: { ...web, budget: WEB_BUDGET_BYTES } }),
  );
} else {
  console.log(
    `browser entry (client + every namespace, through the proxy): ${raw} B minified, ${gzip} B gzip (budget ${BUDGET_BYTES} B)`,
  );
  for (const { area, minified, gzipShare } of areas)
    console.log(
      `  ${area.padEnd(24)} ${String(minified).padStart(6)} B minified  ~${gzipShare} B of the gzip`,
    );
  console.log(
    `the same entry on vistarkriya/web (rules and signing in the page): ${web.raw} B minified, ${web.gzip} B gzip (budget ${WEB_BUDGET_BYTES} B)`,
  );
}
if (web.gzip > WEB_BUDGET_BYTES) {
  console.error(`size: vistarkriya/web: ${web.gzip} B gzip is over the ${WEB_BUDGET_BYTES} B budget`);
  process.exit(1);
}
if (gzip > BUDGET_BYTES) {
  console.error(`size: ${gzip} B gzip is over the ${BUDGET_BYTES} B budget`);
  process.exit(1);
}

/** Minified bytes and gzip share per area of src/ (core, transport, model, validators, …). */
async function breakdown() {
  const fromSrc = await build({
    stdin: {
      contents: ENTRY.replace('./dist/browser/index.js', './src/index.ts'),
      resolveDir: ROOT,
      sourcefile: 'size-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minifySyntax: true,
    minifyIdentifiers: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    define: buildDefines(ROOT),
    logLevel: 'error',
  });
  // Without whitespace minification esbuild marks each module with a `// path` line.
  const sections = fromSrc.outputFiles[0].text.split(/^(?=\/\/ \S+$)/m).map((text) => {
    const file = /^\/\/ (\S+)/.exec(text)?.[1] ?? '';
    // src/core/pipeline.ts → src/core; src/client.ts stays itself.
    const area = file.startsWith('src/') ? file.split('/').slice(0, 2).join('/') : 'entry';
    return { area, code: text.replace(/^\/\/.*$/gm, '').replace(/\n\s*/g, '') };
  });
  const gz = (list) => gzipSync(list.map((s) => s.code).join(''), { level: 9 }).byteLength;
  const whole = gz(sections);
  const names = [...new Set(sections.map((s) => s.area))];
  return names
    .map((area) => ({
      area,
      minified: sections.filter((s) => s.area === area).reduce((n, s) => n + s.code.length, 0),
      gzipShare: whole - gz(sections.filter((s) => s.area !== area)),
    }))
    .sort((a, b) => b.gzipShare - a.gzipShare);
}
