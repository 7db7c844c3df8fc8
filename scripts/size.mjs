#!/usr/bin/env node
// Bundle-size budget of the browser entry: the client with every namespace (and the input
// validation it runs, since the browser validates inputs too), bundled from the SHIPPED web build
// (dist/web, what `import 'vistarkriya'` resolves to under the `browser` condition) the way a
// front-end bundler would (esbuild, minified, platform browser, ESM). Needs `npm run build` first.
// Fails over budget.
//   node scripts/size.mjs [--json]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { NODE_ONLY_IMPORT, buildDefines } from './build-constants.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * 12.51 kB gzip (openai's browser client is about 36 kB); the budget is that figure rounded up to
 * the next 50 B. The aim was 10 kB and it is not met. Reductions that keep every behaviour took
 * ~0.2 kB off 12.7 kB: distinct code the client never needed went (a shape re-check before the
 * GSTIN check character, PAN's holder-type opt-in in the rule every call runs, class-field
 * declarations of constructor-assigned fields, try/catch blocks an async request() does not need,
 * one HTTP-date regex instead of three, a second masking function). Folding repeated code or text
 * into shared helpers does not pay: gzip already folds it. Shortening internal member names in the
 * web build (esbuild mangleProps) would take ~0.11 kB more; it is not done, because a rename list
 * silently breaks the browser build alone the day a public option takes one of its names.
 * Shares of the gzip (the breakdown below; they overlap): the request pipeline ~1.6 kB (deadline,
 * retries by retry class, clock-skew re-signing, close(), typed redacted errors), error classes
 * ~1 kB (cross-copy `instanceof`), response interpretation ~0.8 kB (envelope, proxy protocol),
 * input validation ~3.3 kB (the rows and rules with their messages, strict fields with "did you
 * mean"), redaction ~0.6 kB, strict HTTP-dates ~0.4 kB, paging, the fetch transport and the
 * signers ~1.5 kB. Deleting every string literal and template text of 12 characters or more (132
 * of them: every message) from the minified bundle leaves 10.67 kB, so no rewording reaches 10 kB:
 * that takes moving ~2.5 kB of a feature out of the browser (input validation to the server, for
 * one), which browser users rely on.
 */
const BUDGET_BYTES = 12_550;

// What a front-end does: import the client and call every namespace (through proxySigner).
const ENTRY = `
import { VistarkriyaClient, proxySigner } from './dist/web/index.js';
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

if (!existsSync(path.join(ROOT, 'dist/web/index.js'))) {
  console.error('size: dist/web/index.js is missing; run `npm run build` first');
  process.exit(1);
}
const result = await build({
  stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'size-entry.ts', loader: 'ts' },
  bundle: true,
  write: false,
  minify: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  metafile: true,
  logLevel: 'error',
});
const code = result.outputFiles[0].text;
const nodeOnly = NODE_ONLY_IMPORT.exec(code);
if (nodeOnly) {
  console.error(`size: the browser bundle imports ${nodeOnly[0]}`);
  process.exit(1);
}
const raw = Buffer.byteLength(code);
const gzip = gzipSync(code, { level: 9 }).byteLength;

// Where the bytes come from. tsup's chunks hide module boundaries, so the same entry is bundled
// again from src/ (the same code, the browser's `#platform/*` branch) with a metafile: each area's
// minified bytes, and its share of the gzip size (how much smaller the bundle gets without it).
const areas = await breakdown();

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ raw, gzip, budget: BUDGET_BYTES, areas }));
} else {
  console.log(
    `browser entry (client + every namespace + input validation): ${raw} B minified, ${gzip} B gzip (budget ${BUDGET_BYTES} B)`,
  );
  for (const { area, minified, gzipShare } of areas)
    console.log(
      `  ${area.padEnd(24)} ${String(minified).padStart(6)} B minified  ~${gzipShare} B of the gzip`,
    );
}
if (gzip > BUDGET_BYTES) {
  console.error(`size: ${gzip} B gzip is over the ${BUDGET_BYTES} B budget`);
  process.exit(1);
}

/** Minified bytes and gzip share per area of src/ (core, transport, model, validators, …). */
async function breakdown() {
  const fromSrc = await build({
    stdin: {
      contents: ENTRY.replace('./dist/web/index.js', './src/index.ts'),
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
