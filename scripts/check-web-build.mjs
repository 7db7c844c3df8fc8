#!/usr/bin/env node
// After `npm run build`: the worker/edge build (dist/web, what the `worker`, `workerd`, `edge-light`
// and `deno` export conditions and `vistarkriya/web` point to) and the browser build (dist/browser,
// the `browser` condition of `vistarkriya`) must exist for every web entry, must not import a
// `node:` module or undici, directly or through a chunk, and dist/web must sign in a real edge
// runtime (the `edge-runtime` VM: no process, no require) exactly as node:crypto does.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EdgeRuntime } from 'edge-runtime';
import { build } from 'esbuild';
import { NODE_ONLY_IMPORT } from './build-constants.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'dist/web');
const BROWSER = path.join(ROOT, 'dist/browser');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const WEB_CONDITIONS = ['browser', 'worker', 'workerd', 'edge-light', 'deno'];

const problems = [];
if (!existsSync(WEB)) problems.push('dist/web does not exist: run `npm run build` first');
else {
  // Every file a web condition points to exists.
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== 'object') continue;
    for (const condition of WEB_CONDITIONS) {
      const file = target[condition]?.default;
      if (file && !existsSync(path.join(ROOT, file)))
        problems.push(`exports["${subpath}"].${condition} → ${file} is missing`);
    }
  }
  // No file of the web and browser builds imports Node-only modules.
  for (const dir of [WEB, BROWSER].filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const match = NODE_ONLY_IMPORT.exec(readFileSync(path.join(dir, name), 'utf8'));
      if (match) problems.push(`${path.relative(ROOT, dir)}/${name} imports ${match[0]}`);
    }
  }
}
if (problems.length === 0) problems.push(...(await signInEdgeRuntime()));
if (problems.length > 0) {
  for (const p of problems) console.error(`check-web-build: ${p}`);
  process.exit(1);
}
console.log(
  'check-web-build: dist/web and dist/browser have no node:/undici imports, every web export condition resolves, and dist/web signs in the edge runtime exactly as node:crypto does.',
);

/** Loads the built dist/web/index.js (as is: no platform swaps) into EdgeVM and signs a fixed request. */
async function signInEdgeRuntime() {
  const bundled = await build({
    entryPoints: [path.join(WEB, 'index.js')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'VK',
    platform: 'browser',
    logLevel: 'silent',
  });
  const runtime = new EdgeRuntime();
  runtime.evaluate(bundled.outputFiles[0].text);
  const input = {
    method: 'POST',
    target: '/api/v1/verify/pan',
    body: '{"pan":"ABCPE1234F", "name":"Āśā"}',
    timestamp: 1708425000,
  };
  const json = await runtime.evaluate(`(async () => {
    const input = ${JSON.stringify(input)};
    const vk = await VK.vistarkriyaSigner({ apiKey: 'k', apiSecret: 's3cret', adminCode: '123456' }).sign(input);
    const open = await VK.openLegacySigner({ accessKey: 'a', secretKey: 's3cret' }).sign(input);
    return JSON.stringify({ vk: vk.headers['X-Signature'], open: open.headers.Authorization, process: typeof process });
  })()`);
  const got = JSON.parse(json);
  const hmac = (message) => createHmac('sha256', 's3cret').update(message, 'utf8').digest('hex');
  const out = [];
  if (got.process !== 'undefined') out.push('the edge runtime unexpectedly has `process`');
  if (got.vk !== hmac(`${input.timestamp}${input.method}${input.target}${input.body}`)) {
    out.push('dist/web vistarkriyaSigner differs from node:crypto in the edge runtime');
  }
  // The seed's Open prehash: PHP preg_replace('/\s+/', '', ...) strips exactly these six bytes.
  const prehash = `${input.timestamp}${input.method}${input.body}`.replace(/[\t\n\v\f\r ]+/g, '');
  if (got.open !== `Bearer a:${hmac(prehash)}`) {
    out.push('dist/web openLegacySigner differs from node:crypto in the edge runtime');
  }
  return out;
}
