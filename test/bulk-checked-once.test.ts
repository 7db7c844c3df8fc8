// A bulk row is checked once: `normalize` runs the operation's rules to key the row, and the
// client's executor then sends it without running them again, on a VistarkriyaClient and a
// Veri5Client alike (for a PAN card image, the second check was a scan of megabytes).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const checks = new Map<string, number>();
vi.mock('../src/model/parse.js', async (importOriginal) => {
  const parse = await importOriginal<typeof import('../src/model/parse.js')>();
  return {
    ...parse,
    parseInput: ((op: { id: string }, input: unknown) => {
      checks.set(op.id, (checks.get(op.id) ?? 0) + 1);
      return (parse.parseInput as (o: unknown, i: unknown) => unknown)(op, input);
    }) as typeof parse.parseInput,
  };
});

const { runBulk } = await import('../src/bulk/index.js');
const { VistarkriyaClient } = await import('../src/index.js');
const { Veri5Client } = await import('../src/veri5/index.js');
const { startSandbox } = await import('../src/sandbox/index.js');
const { collect, panRows } = await import('./helpers/bulk.js');

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

describe('bulk: each row checked once', () => {
  it('platform rows (verify.pan on a VistarkriyaClient)', async () => {
    // Answered without the sandbox, which checks what it receives with the same rules.
    const fetch: typeof globalThis.fetch = async () =>
      Response.json({ success: true, data: { status: 'VALID' } });
    const vk = new VistarkriyaClient({ ...sb.clientOptions, fetch });
    checks.clear();
    const results = await collect(runBulk({ client: vk, operation: 'verify.pan', rows: panRows(5) }));
    await vk.close();
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(checks.get('verify.pan')).toBe(5);
  });

  it('Veri5 rows (veri5.verifyGstin on a Veri5Client)', async () => {
    const v5 = new Veri5Client(sb.veri5Options);
    checks.clear();
    const rows = ['27AAPFU0939F1ZV', '29AAGCB7383J1Z4'].map((gstin) => ({ gstin }));
    const results = await collect(runBulk({ client: v5, operation: 'veri5.verifyGstin', rows }));
    await v5.close();
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(checks.get('veri5.verifyGstin')).toBe(2);
  });

  it('a direct call still checks its input (once)', async () => {
    const v5 = new Veri5Client(sb.veri5Options);
    checks.clear();
    await v5.verifyGstin({ gstin: '27AAPFU0939F1ZV' });
    await v5.close();
    expect(checks.get('veri5.verifyGstin')).toBe(1);
  });
});
