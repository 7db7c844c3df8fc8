// A closed-loop load generator: `concurrency` workers each call `fn` back to back for
// `durationMs`. It records every call's latency, so p50/p99 are per request (mitata times
// whole iterations, which at concurrency 32 would be a batch of 32, not a request).

/** What one load run measured. */
export interface LoadResult {
  requests: number;
  /** Requests per second over the measured window. */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** CPU time (user + system) this process spent per request, in µs: steadier than req/s on a busy machine. */
  cpuUs: number;
}

/** Runs `fn` with `concurrency` callers for `durationMs` and reports throughput and latency. */
export async function load(
  fn: () => Promise<unknown>,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  // Preallocated so that recording a latency does not allocate on the measured path.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const end = started + durationMs;
  const worker = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      await fn();
      if (count === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[count++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const sorted = latencies.subarray(0, count).sort();
  const at = (q: number) => sorted[Math.min(count - 1, Math.floor(q * count))] ?? Number.NaN;
  return {
    requests: count,
    rps: (count / elapsed) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    cpuUs: (cpu.user + cpu.system) / count,
  };
}
