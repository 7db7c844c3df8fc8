// `npm run bench`: everything side by side in one run, against the BUILT package (dist/).
//   1. signing: each signer vs raw node:crypto on the same input (60 B, 1 KiB, 64 KiB), via mitata;
//   2. HTTP: the SDK vs raw `undici.request` on an identically configured keep-alive Agent, Node's
//      global fetch, stripe-node and openai-node, all against one local server in a separate
//      process, at concurrency 1 and 32 (requests/s, p50/p99 latency, ratio to raw undici);
//   3. cold start (scripts/cold-start.mjs), browser bundle size (scripts/size.mjs) and heap over
//      100 000 calls (bench/heap.ts);
//   4. bulk (bench/bulk.ts): runBulk rows/s against concurrency on the sandbox, its overhead
//      against a bare loop of client calls, and 1M rows in bounded memory.
// Targets are printed with PASS/MISS; they are goals, not assertions (timings vary by machine).
// Env: BENCH_DURATION_MS (per HTTP case and round, default 1200), BENCH_ROUNDS (default 5),
// BENCH_ONLY=sign|http|cold|size|heap|bulk (comma-separated) to run a part; BENCH_BULK_ROWS (rows
// per bulk run, default 3000), BENCH_BULK_HEAP_ROWS (default 1,000,000).
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { do_not_optimize, measure } from 'mitata';
import OpenAI from 'openai';
import Stripe from 'stripe';
import { Agent, request as undiciRequest } from 'undici';
import { type LoadResult, load } from './load.js';
import { rawAgentCall, signedHeaders } from './raw-undici.js';

type SDK = typeof import('../src/index.js');
// The built package, exactly what users get (the path is computed so `tsc` never needs dist/).
const distEntry = new URL('../dist/index.js', import.meta.url).href;
const sdk = (await import(distEntry)) as SDK;

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 1200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// With --expose-gc (npm run bench passes it), every measurement starts from a collected heap, so
// garbage left by the previous case (mitata's sample arrays, another client) is not billed to it.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const ONLY = new Set((process.env.BENCH_ONLY ?? 'sign,http,cold,size,heap,bulk').split(','));
const TARGET = { sign: 0.8, client: 0.9, coldMs: 25, heapGrowthMb: 2 };

const verdicts: string[] = [];
function verdict(ok: boolean, text: string) {
  verdicts.push(`${ok ? 'PASS' : 'MISS'}  ${text}`);
}

const fmtNs = (ns: number) =>
  ns < 1e3 ? `${ns.toFixed(0)} ns` : ns < 1e6 ? `${(ns / 1e3).toFixed(2)} µs` : `${(ns / 1e6).toFixed(2)} ms`;
const fmtMs = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------- 1. signing
async function signing() {
  console.log(
    '\n## Signing: SDK signer vs raw node:crypto on the same input (mitata, median time per op; best of 3 alternating runs)\n',
  );
  const secret = 'bench_secret_0123456789abcdef';
  const timestamp = 1_700_000_000;
  const target = '/api/v1/verify/pan';
  const vk = sdk.vistarkriyaSigner({ apiKey: 'vk_live_key', apiSecret: secret, adminCode: '123456' });
  const open = sdk.openLegacySigner({ accessKey: 'open_key', secretKey: secret });
  const v5 = { clientCode: 'VERI5_CLIENT', apiKey: 'veri5_api_key', salt: 'veri5_salt_value' };
  const veri5 = sdk.veri5Signer(v5);
  const PHP_WS = /[\t\n\v\f\r ]+/g;
  const rows: string[][] = [];
  let worstVk = Number.POSITIVE_INFINITY;
  let worstOthers = Number.POSITIVE_INFINITY;

  const time = async (fn: () => unknown) => {
    collect();
    const stats = await measure(
      () => {
        do_not_optimize(fn());
      },
      { min_cpu_time: 60e6 },
    );
    return stats.p50;
  };
  const timeAsync = async (fn: () => Promise<unknown>) => {
    collect();
    const stats = await measure(async () => do_not_optimize(await fn()), { min_cpu_time: 60e6 });
    return stats.p50;
  };
  // SDK and raw are measured three times, alternately, and the faster run of each is kept, so that GC
  // debt or JIT state left by one measurement does not decide the ratio.
  const pair = async (sdkRun: () => Promise<number>, rawRun: () => Promise<number>) => {
    let sdkBest = Number.POSITIVE_INFINITY;
    let rawBest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      sdkBest = Math.min(sdkBest, await sdkRun());
      rawBest = Math.min(rawBest, await rawRun());
    }
    return [sdkBest, rawBest] as const;
  };
  const row = (name: string, size: string, [sdkNs, rawNs]: readonly [number, number], baseline: string) => {
    const ratio = rawNs / sdkNs;
    rows.push([name, size, fmtNs(sdkNs), fmtNs(rawNs), `${ratio.toFixed(2)}x`, baseline]);
    return ratio;
  };

  for (const [label, size] of [
    ['60 B', 60],
    ['1 KiB', 1024],
    ['64 KiB', 65536],
  ] as const) {
    // A JSON body of exactly `size` bytes, with some whitespace for the Open legacy strip.
    const shell = '{"pan":"ABCPE1234F","note":""}';
    const body = `${shell.slice(0, -2)}${'Ravi Kumar '.repeat(size).slice(0, size - shell.length)}"}`;
    const input = { method: 'POST', target, body, timestamp };

    const vkPair = await pair(
      () => time(() => vk.sign(input)),
      () => time(() => createHmac('sha256', secret).update(`${timestamp}POST${target}${body}`).digest('hex')),
    );
    worstVk = Math.min(
      worstVk,
      row('vistarkriyaSigner.sign', label, vkPair, 'createHmac(ts+METHOD+target+body)'),
    );

    const openPair = await pair(
      () => time(() => open.sign(input)),
      () =>
        time(() =>
          createHmac('sha256', secret).update(`${timestamp}POST${body}`.replace(PHP_WS, '')).digest('hex'),
        ),
    );
    worstOthers = Math.min(
      worstOthers,
      row('openLegacySigner.sign', label, openPair, 'createHmac(strip(ts+METHOD+body))'),
    );

    // veri5Hash: fields joined by '|' (GSTIN order), padded to the same total size.
    const fixed = [v5.clientCode, '', v5.apiKey, v5.salt, '27AAPFU0939F1ZV'];
    const requestId = 'r'.repeat(Math.max(1, size - fixed.join('|').length));
    const fields = [v5.clientCode, requestId, v5.apiKey, v5.salt, '27AAPFU0939F1ZV'];
    // veri5Hash returns a Promise (WebCrypto has no synchronous hash), so both sides are awaited.
    const hashPair = await pair(
      () => timeAsync(() => sdk.veri5Hash(fields)),
      () => timeAsync(async () => createHash('sha256').update(fields.join('|')).digest('hex')),
    );
    worstOthers = Math.min(
      worstOthers,
      row('veri5Hash', label, hashPair, "await createHash(fields.join('|')) (both awaited)"),
    );

    // veri5Signer.sign gets the serialised envelope (like every signer, the exact body text) and
    // puts api_key and hash into it: the same work by hand is parse, hash, serialise.
    const envelope = {
      headers: { client_code: v5.clientCode, stan: '1' },
      request: { request_id: requestId, gstin: '27AAPFU0939F1ZV' },
    };
    const veri5Input = {
      method: 'POST',
      target: '/service/api/1.0/verifyGSTIN',
      body: JSON.stringify(envelope),
      timestamp,
    };
    const isAsync = veri5.sign(veri5Input) instanceof Promise;
    const v5Pair = await pair(
      () => (isAsync ? timeAsync(async () => veri5.sign(veri5Input)) : time(() => veri5.sign(veri5Input))),
      () =>
        time(() => {
          const parsed = JSON.parse(veri5Input.body);
          const r = parsed.request;
          r.api_key = v5.apiKey;
          r.hash = createHash('sha256')
            .update([v5.clientCode, r.request_id, v5.apiKey, v5.salt, r.gstin].join('|'))
            .digest('hex');
          return JSON.stringify(parsed);
        }),
    );
    worstOthers = Math.min(
      worstOthers,
      row('veri5Signer.sign', label, v5Pair, 'JSON.parse + createHash + JSON.stringify'),
    );
  }
  table(['signer', 'input', 'SDK', 'raw', 'SDK/raw throughput', 'raw baseline'], rows);
  verdict(
    worstVk >= TARGET.sign,
    `vistarkriyaSigner ≥ ${TARGET.sign}x raw createHmac (worst size: ${worstVk.toFixed(2)}x)`,
  );
  verdict(
    worstOthers >= TARGET.sign,
    `openLegacySigner, veri5Hash, veri5Signer ≥ ${TARGET.sign}x raw (worst: ${worstOthers.toFixed(2)}x)`,
  );
}

// ---------------------------------------------------------------- 2. HTTP
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, child };
}

interface Case {
  name: string;
  call: () => Promise<unknown>;
  /** The raw undici case every row of its kind is compared with. */
  baseline?: boolean;
}

async function http() {
  const { url, child } = await startServer();
  try {
    const credentials = { apiKey: 'vk_bench_key', apiSecret: 'bench_secret', adminCode: '123456' };
    const vk = new sdk.VistarkriyaClient({ ...credentials, baseURL: url });
    const vkFetch = new sdk.VistarkriyaClient({ ...credentials, baseURL: url, fetch: globalThis.fetch });
    // The same Agent settings as the SDK's transport (keep-alive 10 s, pipelining 1, no connection cap).
    const agent = new Agent({ keepAliveTimeout: 10_000 });
    const stripe = new Stripe('sk_test_bench', {
      host: '127.0.0.1',
      port: Number(new URL(url).port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: `${url}/v1`, maxRetries: 0 });

    const balancePath = '/api/v1/wallet/core/balance';
    const panPath = '/api/v1/verify/pan';
    const panInput = { pan: 'ABCPE1234F', name: 'Ravi Kumar' };
    // The raw baseline does the SDK's wire work by hand, per call: a fresh timestamp and a fresh
    // HMAC-SHA256 over the same canonical string (ts + METHOD + target + body), the same 7 headers
    // the SDK sends (its 3 own, Content-Type included on GET, plus the 4 signed ones), the same
    // body serialised from the same input object on every call, and the JSON body read and parsed.
    // It calls the Agent with origin + path, as the SDK's transport does: `undici.request(url)`
    // would also parse the URL (shown as an extra row).
    const rawAgent = rawAgentCall(agent, url, credentials);
    const signed = (method: string, target: string, body: string) =>
      signedHeaders(credentials, method, target, body);
    const rawRequest = (method: 'GET' | 'POST', path: string, input?: object) => async () => {
      const body = input ? JSON.stringify(input) : '';
      const res = await undiciRequest(url + path, {
        dispatcher: agent,
        method,
        headers: signed(method, path, body),
        body: body === '' ? undefined : body,
      });
      return res.body.json();
    };
    const rawFetch = (method: 'GET' | 'POST', path: string, input?: object) => async () => {
      const body = input ? JSON.stringify(input) : '';
      const res = await fetch(url + path, {
        method,
        headers: signed(method, path, body),
        body: body === '' ? undefined : body,
      });
      return res.json();
    };

    type Namespaced = {
      wallet?: { core?: { balance?: () => Promise<unknown> } };
      verify?: { pan?: (i: unknown) => Promise<unknown> };
    };
    const ns = (c: unknown) => c as Namespaced;
    const hasBalance = typeof ns(vk).wallet?.core?.balance === 'function';
    const hasPan = typeof ns(vk).verify?.pan === 'function';
    const vkBalance = (c: InstanceType<SDK['VistarkriyaClient']>) =>
      hasBalance
        ? () => ns(c).wallet!.core!.balance!()
        : () => c.request({ method: 'GET', path: balancePath });
    const vkPan = (c: InstanceType<SDK['VistarkriyaClient']>) =>
      hasPan
        ? () => ns(c).verify!.pan!(panInput)
        : () => c.request({ method: 'POST', path: panPath, body: panInput });
    const balanceName = hasBalance ? 'vk.wallet.core.balance()' : 'vk.request(GET balance)';
    const panName = hasPan ? 'vk.verify.pan()' : 'vk.request(POST verify/pan)';

    const groups: { title: string; cases: Case[] }[] = [
      {
        title: 'GET /api/v1/wallet/core/balance',
        cases: [
          { name: 'raw undici Agent.request', baseline: true, call: rawAgent('GET', balancePath) },
          { name: balanceName, call: vkBalance(vk) },
          { name: 'raw undici.request(url)', call: rawRequest('GET', balancePath) },
          { name: `${balanceName} over fetch`, call: vkBalance(vkFetch) },
          { name: 'raw global fetch', call: rawFetch('GET', balancePath) },
          { name: 'stripe-node balance.retrieve()', call: () => stripe.balance.retrieve() },
          { name: 'openai-node models.retrieve()', call: () => openai.models.retrieve('gpt-bench') },
        ],
      },
      {
        title: 'POST /api/v1/verify/pan',
        cases: [
          { name: 'raw undici Agent.request', baseline: true, call: rawAgent('POST', panPath, panInput) },
          { name: panName, call: vkPan(vk) },
          { name: 'raw undici.request(url)', call: rawRequest('POST', panPath, panInput) },
          { name: `${panName} over fetch`, call: vkPan(vkFetch) },
          { name: 'raw global fetch', call: rawFetch('POST', panPath, panInput) },
        ],
      },
    ];

    // Every case must really succeed before it is timed (no benchmarking of 404s).
    const balance = (await vkBalance(vk)()) as { balance?: number };
    const pan = (await vkPan(vk)()) as { status?: string };
    if (balance.balance !== 15420.5 || pan.status !== 'VALID')
      throw new Error('bench server answered unexpectedly');
    for (const g of groups) for (const c of g.cases) await c.call();
    // The raw undici baselines must put the same bytes on the wire as the SDK: the same header
    // names, in the same order, with the same values (the timestamp and signature by shape only).
    const wire = async (c: Case) => {
      await c.call();
      const raw = (await (await fetch(`${url}/__last-headers`)).json()) as string[];
      const lines: string[] = [];
      for (let i = 0; i < raw.length; i += 2) {
        const value = /^x-(timestamp|signature)$/i.test(raw[i]!)
          ? `<${raw[i + 1]!.length} chars>`
          : raw[i + 1];
        lines.push(`${raw[i]}: ${value}`);
      }
      return lines.join('\n');
    };
    for (const g of groups) {
      const sdkWire = await wire(g.cases[1]!);
      for (const c of g.cases.filter((c) => c.name.startsWith('raw undici'))) {
        const rawWire = await wire(c);
        if (rawWire !== sdkWire)
          throw new Error(`${g.title}: ${c.name} sends\n${rawWire}\nbut the SDK sends\n${sdkWire}`);
      }
    }

    console.log(
      `\n## HTTP: ${url}, server in a separate process; medians of ${ROUNDS} interleaved rounds of ${DURATION_MS} ms per case\n` +
        'raw undici: its own Agent({ keepAliveTimeout: 10_000 }) = the SDK transport settings (keep-alive, pipelining 1),\n' +
        'the same wire bytes (checked above) and a fresh HMAC per call. "vs raw undici" is the median of the per-round\n' +
        'ratios [lowest–highest]; odd rounds run the cases in reverse order. "client CPU/req" is this process\'s CPU time\n' +
        'per request (steadier than req/s on a busy machine).',
    );
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((x, y) => x - y);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const spread = (xs: number[]) =>
      `${median(xs).toFixed(2)}x [${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}]`;
    for (const concurrency of [1, 32]) {
      const runs = new Map<Case, LoadResult[]>();
      for (const g of groups) for (const c of g.cases) await load(c.call, concurrency, 300); // warm-up
      for (let round = 0; round < ROUNDS; round++) {
        for (const g of groups) {
          for (const c of round % 2 ? [...g.cases].reverse() : g.cases) {
            collect();
            const r = await load(c.call, concurrency, DURATION_MS);
            runs.set(c, [...(runs.get(c) ?? []), r]);
          }
        }
      }
      for (const g of groups) {
        console.log(`\n### ${g.title}, concurrency ${concurrency}\n`);
        const base = runs.get(g.cases.find((c) => c.baseline)!)!;
        // Each round's ratio pairs a case with the baseline measured next to it.
        const ratios = (c: Case, of: (r: LoadResult, b: LoadResult) => number) =>
          runs.get(c)!.map((r, i) => of(r, base[i]!));
        table(
          ['client', 'req/s', 'p50', 'p99', 'vs raw undici', 'client CPU/req', 'CPU vs raw'],
          g.cases.map((c) => {
            const rs = runs.get(c)!;
            return [
              c.name,
              fmtInt(median(rs.map((r) => r.rps))),
              fmtMs(median(rs.map((r) => r.p50))),
              fmtMs(median(rs.map((r) => r.p99))),
              spread(ratios(c, (r, b) => r.rps / b.rps)),
              `${median(rs.map((r) => r.cpuUs)).toFixed(1)} µs`,
              spread(ratios(c, (r, b) => b.cpuUs / r.cpuUs)),
            ];
          }),
        );
        const sdkCase = g.cases[1]!;
        const ratio = median(ratios(sdkCase, (r, b) => r.rps / b.rps));
        verdict(
          ratio >= TARGET.client,
          `${sdkCase.name} at c=${concurrency} ≥ ${TARGET.client}x raw undici (median ${ratio.toFixed(2)}x)`,
        );
      }
    }
    await Promise.all([vk.close(), vkFetch.close(), agent.close()]);
  } finally {
    child.send('stop');
    child.disconnect();
  }
}

// ---------------------------------------------------------------- 3. cold start and heap
function runScript(args: string[]): string {
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

function coldStart() {
  console.log('\n## Cold start (scripts/cold-start.mjs: median of 25 spawns each, interleaved)\n');
  const out = runScript(['scripts/cold-start.mjs', '--json']);
  const result = JSON.parse(out) as {
    rows: { name: string; medianMs: number; overBareMs: number; inProcessMs: number }[];
  };
  table(
    ['what', 'process median', 'over bare node', 'in-process load'],
    result.rows.map((r) => [
      r.name,
      fmtMs(r.medianMs),
      r.inProcessMs ? fmtMs(r.overBareMs) : '',
      r.inProcessMs ? fmtMs(r.inProcessMs) : '',
    ]),
  );
  for (const r of result.rows.filter((r) => r.name.startsWith('vistarkriya'))) {
    verdict(
      r.overBareMs <= TARGET.coldMs,
      `${r.name} ≤ ${TARGET.coldMs} ms over bare node (${r.overBareMs.toFixed(1)} ms; in-process ${r.inProcessMs.toFixed(1)} ms)`,
    );
  }
}

function size() {
  console.log('\n## Browser bundle (scripts/size.mjs: esbuild, minified, every namespace)\n');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(process.execPath, ['scripts/size.mjs', '--json'], { encoding: 'utf8', cwd: root });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) {
    verdict(false, `browser bundle size could not be measured: ${r.stderr.trim()}`);
    return;
  }
  const result = JSON.parse(line) as { raw: number; gzip: number; budget: number };
  table(
    ['entry', 'minified', 'gzip', 'budget'],
    [['browser client', `${fmtInt(result.raw)} B`, `${fmtInt(result.gzip)} B`, `${fmtInt(result.budget)} B`]],
  );
  verdict(result.gzip <= result.budget, `browser entry ≤ ${result.budget} B gzip (${result.gzip} B)`);
}

function heap() {
  console.log('\n## Heap over 100 000 calls (bench/heap.ts)\n');
  const out = runScript(['--expose-gc', '--import', 'tsx', 'bench/heap.ts', '--json']);
  const r = JSON.parse(out) as {
    calls: number;
    at10kMb: number;
    at100kMb: number;
    growthMb: number;
    seconds: number;
  };
  table(
    ['calls', 'heapUsed after GC at 10k', 'at 100k', 'growth', 'time'],
    [
      [
        fmtInt(r.calls),
        `${r.at10kMb.toFixed(2)} MB`,
        `${r.at100kMb.toFixed(2)} MB`,
        `${r.growthMb.toFixed(2)} MB`,
        `${r.seconds.toFixed(1)} s`,
      ],
    ],
  );
  verdict(
    r.growthMb <= TARGET.heapGrowthMb,
    `heap flat over 100k calls (growth ${r.growthMb.toFixed(2)} MB ≤ ${TARGET.heapGrowthMb} MB)`,
  );
}

const started = Date.now();
console.log(
  `vistarkriya benchmarks: node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`,
);
if (ONLY.has('sign')) await signing();
if (ONLY.has('http')) await http();
if (ONLY.has('cold')) coldStart();
if (ONLY.has('size') && existsSync(fileURLToPath(new URL('../scripts/size.mjs', import.meta.url)))) size();
if (ONLY.has('heap')) heap();
if (ONLY.has('bulk')) await (await import('./bulk.js')).bulkBench({ table, verdict, fmtInt });
console.log(
  `\n## Targets\n\n${verdicts.join('\n')}\n\n(total ${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
