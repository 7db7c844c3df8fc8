// A differential CPU profile of the hot path: the SDK and the raw undici baseline of bench/index.ts
// (the same wire work), against bench/server.mjs, in one process, measured in alternating slices
// so that both see the same machine. Each slice is sampled by V8's CPU profiler (what
// `node --cpu-prof` runs, here at a 50 µs interval) and only the measured window is sampled.
//   node --import tsx bench/profile.ts [balance|pan] [concurrency] [rounds] [out-dir]
// prints self time per function in µs per request, SDK minus raw, and writes both profiles
// (sdk.cpuprofile, raw.cpuprofile: open them in Chrome DevTools) to out-dir. See docs/performance.md.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { load } from './load.js';
import { rawAgentCall } from './raw-undici.js';

type SDK = typeof import('../src/index.js');
type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};
const sdk = (await import(new URL('../dist/index.js', import.meta.url).href)) as SDK;

const [what = 'pan', c = '1', roundsArg = '8', outDir] = process.argv.slice(2);
const concurrency = Number(c);
const SLICE_MS = 500;
// The server is not profiled (`execArgv: []`): only this process's time is summarised.
const child: ChildProcess = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
  stdio: 'inherit',
  execArgv: [],
});
const url = await new Promise<string>((resolve) =>
  child.once('message', (m: { url: string }) => resolve(m.url)),
);

const credentials = { apiKey: 'vk_bench_key', apiSecret: 'bench_secret', adminCode: '123456' };
const vk = new sdk.VistarkriyaClient({ ...credentials, baseURL: url });
const agent = new Agent({ keepAliveTimeout: 10_000 });
const panInput = { pan: 'ABCPE1234F', name: 'Ravi Kumar' };
const raw = rawAgentCall(agent, url, credentials);
const cases = {
  sdk: what === 'pan' ? () => vk.verify.pan(panInput) : () => vk.wallet.core.balance(),
  raw:
    what === 'pan' ? raw('POST', '/api/v1/verify/pan', panInput) : raw('GET', '/api/v1/wallet/core/balance'),
};

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
const self = { sdk: new Map<string, number>(), raw: new Map<string, number>() };
const requests = { sdk: 0, raw: 0 };
const cpu = { sdk: 0, raw: 0 };
const profiles: Partial<Record<keyof typeof cases, Profile>> = {};

for (const fn of Object.values(cases)) await load(fn, concurrency, 1000); // warm-up
for (let round = 0; round < Number(roundsArg); round++) {
  const order = (round % 2 ? ['raw', 'sdk'] : ['sdk', 'raw']) as (keyof typeof cases)[];
  for (const name of order) {
    await session.post('Profiler.start');
    const r = await load(cases[name], concurrency, SLICE_MS);
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    requests[name] += r.requests;
    cpu[name] += r.cpuUs * r.requests;
    profiles[name] ??= profile;
    addSelfTimes(self[name], profile);
  }
}

function addSelfTimes(into: Map<string, number>, profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]!)!.callFrame;
    // Not the process's work: idle time, and the inspector's own `dispatch` (Profiler.stop is sampled
    // while it serialises the profile at the end of each slice).
    if (f.functionName === '(idle)' || (f.functionName === 'dispatch' && !f.url)) continue;
    const where = f.url ? ` ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'}${where}`;
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
}

const perReq = (name: 'sdk' | 'raw', key: string) => (self[name].get(key) ?? 0) / requests[name];
const busy = (name: 'sdk' | 'raw') => [...self[name].values()].reduce((a, b) => a + b, 0) / requests[name];
console.log(
  `${what}, concurrency ${concurrency}, ${roundsArg} alternating rounds of ${SLICE_MS} ms each:\n` +
    `  SDK ${requests.sdk} requests, ${(cpu.sdk / requests.sdk).toFixed(1)} µs CPU/req (${busy('sdk').toFixed(1)} µs sampled)\n` +
    `  raw ${requests.raw} requests, ${(cpu.raw / requests.raw).toFixed(1)} µs CPU/req (${busy('raw').toFixed(1)} µs sampled)\n` +
    '\nself time, µs per request:  SDK − raw   SDK    raw   function',
);
const keys = [...new Set([...self.sdk.keys(), ...self.raw.keys()])];
const rows = keys
  .map((k) => [k, perReq('sdk', k), perReq('raw', k)] as const)
  .sort((a, b) => Math.abs(b[1] - b[2]) - Math.abs(a[1] - a[2]))
  .slice(0, Number(process.env.TOP ?? 30));
for (const [k, s, r] of rows)
  console.log(
    `${(s - r).toFixed(2).padStart(8)} ${s.toFixed(2).padStart(7)} ${r.toFixed(2).padStart(6)}   ${k}`,
  );

if (outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, profile] of Object.entries(profiles))
    writeFileSync(path.join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
}
session.disconnect();
await Promise.all([vk.close(), agent.close()]);
child.send('stop');
child.disconnect();
