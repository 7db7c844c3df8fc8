// The operation rows are checked by three implementations: the client (Node), the web build's
// client (no zod: the same rows run by model/parse.ts, bundled for the browser) and the zod
// schemas of `vistarkriya/zod`. One table (test/helpers/input-cases.ts) runs through all three:
// same acceptance, same normalisation, same issues and messages; for the clients, nothing is sent
// when the input is refused. A property test then compares the rows' check with the zod schemas on
// generated inputs, for every operation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as node from '../src/index.js';
import { InputValidationError, type ValidationIssue } from '../src/core/errors.js';
import type { Operation } from '../src/model/operation.js';
import { parseInput as parseRow, wireInput } from '../src/model/parse.js';
import { OPERATIONS, getOperation } from '../src/model/registry.js';
import { type Veri5Operation, renderBody } from '../src/model/veri5.js';
import { parseInput as parseZod, schemas } from '../src/zod/index.js';
import { bundleForWeb } from './browser/bundle.js';
import { type InputCase, INPUT_CASES } from './helpers/input-cases.js';

type Sdk = typeof node;
type Issue = Pick<ValidationIssue, 'field' | 'rule' | 'message'>;
type Outcome = { value: Record<string, unknown> } | { issues: Issue[] };

const CREDS = { apiKey: 'vk_test_agreement', apiSecret: 'agreement_secret', adminCode: '123456' };
const VERI5 = { clientCode: 'C', apiKey: 'veri5_key', salt: 'veri5_salt_value' };

let web: Sdk;
let dir: string;
beforeAll(async () => {
  const code = await bundleForWeb('src/index.ts', { format: 'esm' });
  // The web build validates without zod: the rows alone.
  expect(code).not.toMatch(/from ["']zod|zod\/mini|ZodError/);
  dir = mkdtempSync(path.join(tmpdir(), 'vk-web-'));
  const file = path.join(dir, 'index.mjs');
  writeFileSync(file, code);
  web = (await import(pathToFileURL(file).href)) as Sdk;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a case through a client of `sdk`: what it sent, or the issues it threw (nothing sent then). */
async function viaClient(
  sdk: Sdk,
  c: InputCase,
): Promise<{ sent: { url: string; body: string }[] } & Outcome> {
  const op = getOperation(c.op)!;
  const sent: { url: string; body: string }[] = [];
  const answer =
    op.api === 'veri5'
      ? { response_status: { code: '000', message: 'ok', status: 'SUCCESS' } }
      : { success: true, data: {} };
  const fetch = async (url: string, init?: RequestInit) => {
    sent.push({ url: String(url), body: String(init?.body ?? '') });
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  };
  const common = { baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 };
  try {
    if (op.api === 'veri5') {
      const client = new sdk.Veri5Client({ ...VERI5, ...common });
      await (client as unknown as Record<string, (i: unknown) => Promise<unknown>>)[c.op.slice(6)]!(c.input);
    } else {
      const client = new sdk.VistarkriyaClient({ ...CREDS, ...common });
      if (!op.input) await client._run(op, c.input);
      else {
        const path = c.op.split('.');
        const name = path.pop()!;
        const ns = path.reduce<Record<string, unknown>>(
          (o, k) => o[k] as Record<string, unknown>,
          client as never,
        );
        await (ns[name] as (i: unknown) => Promise<unknown>)(c.input);
      }
    }
  } catch (err) {
    expect((err as Error).name, (err as Error).message).toBe('InputValidationError');
    return {
      sent,
      issues: (err as InputValidationError).issues.map(({ field, rule, message }) => ({
        field,
        rule,
        message,
      })),
    };
  }
  return { sent, value: {} };
}

/** What the client sent for an accepted input, as the normalised input it came from. */
function expectSent(op: Operation, sent: { url: string; body: string }[], value: Record<string, unknown>) {
  expect(sent).toHaveLength(1);
  const { url, body } = sent[0]!;
  if (op.api === 'veri5') {
    const json = JSON.parse(body) as { request?: Record<string, unknown> };
    const rendered = renderBody((op as Veri5Operation).body, value, VERI5.clientCode);
    expect(json.request ?? json).toEqual(rendered);
  } else if (op.method === 'GET') {
    const query = Object.fromEntries(new URL(url).searchParams);
    expect(query).toEqual(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])));
  } else {
    expect(JSON.parse(body)).toEqual(wireInput(value));
  }
}

function viaZod(c: InputCase): Outcome {
  const schema = schemas[c.op as keyof typeof schemas] as z.ZodMiniType;
  try {
    return { value: parseZod(schema, c.input) as Record<string, unknown> };
  } catch (err) {
    if (!(err instanceof InputValidationError)) throw err;
    return { issues: err.issues.map(({ field, rule, message }) => ({ field, rule, message })) };
  }
}

function expectCase(c: InputCase, outcome: Outcome) {
  if ('value' in c.expect) {
    expect(outcome).toEqual({ value: expect.anything() });
    return;
  }
  expect('issues' in outcome ? outcome.issues.map(({ field, rule }) => ({ field, rule })) : outcome).toEqual(
    c.expect.issues.map(({ field, rule }) => ({ field, rule })),
  );
  const issues = (outcome as { issues: Issue[] }).issues;
  c.expect.issues.forEach((want, i) => {
    if (want.message !== undefined) expect(issues[i]!.message).toMatch(want.message);
  });
}

describe.each(INPUT_CASES.map((c) => [c.op, c.name, c] as const))('%s: %s', (_op, _name, c) => {
  const op = getOperation(c.op)!;

  it('the Node client, the web client and the zod schema agree with the table', async () => {
    const nodeRun = await viaClient(node, c);
    const webRun = await viaClient(web, c);
    const zodRun = viaZod(c);
    // The same messages everywhere, word for word.
    const { sent: _a, ...nodeOutcome } = nodeRun;
    const { sent: _b, ...webOutcome } = webRun;
    expectCase(c, nodeOutcome);
    expect(webOutcome).toEqual(nodeOutcome);
    if ('issues' in c.expect) {
      expect(nodeRun.sent).toHaveLength(0);
      expect(webRun.sent).toHaveLength(0);
      expect(zodRun).toEqual(nodeOutcome);
    } else {
      expect(zodRun).toEqual({ value: c.expect.value });
      expect(parseRow(op, c.input)).toEqual(c.expect.value);
      expectSent(op, nodeRun.sent, c.expect.value);
      expectSent(op, webRun.sent, c.expect.value);
    }
  });

  it('a form library sees the same messages in zod’s own issues', () => {
    if (!('issues' in c.expect)) return;
    const result = z.safeParse(schemas[c.op as keyof typeof schemas] as z.ZodMiniType, c.input);
    expect(result.success).toBe(false);
    const raw = result.error!.issues;
    const expected = (viaZod(c) as { issues: Issue[] }).issues;
    for (const issue of expected) {
      const lines = raw.flatMap((r) =>
        r.code === 'unrecognized_keys'
          ? r.message.split('\n').map((line) => ({ path: '', message: line }))
          : [{ path: r.path.join('.') || '(input)', message: r.message }],
      );
      const wanted =
        issue.rule === 'unknown_field'
          ? { path: '', message: `\`${issue.field}\` ${issue.message}` }
          : { path: issue.field, message: issue.message };
      expect(lines).toContainEqual(wanted);
    }
  });
});

describe('the table covers the model', () => {
  it('has a case for every rule family and both APIs', () => {
    const ops = new Set(INPUT_CASES.map((c) => c.op));
    expect([...ops].some((id) => id.startsWith('veri5.'))).toBe(true);
    expect(ops.size).toBeGreaterThanOrEqual(14);
  });
});

// Generated inputs: the rows' check and the zod schemas give the same result, output and issues.
const FIELDS = [...new Set(OPERATIONS.flatMap((op) => Object.keys(op.input ?? {})))];
const interesting = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  false,
  'true',
  '',
  '   ',
  0,
  1,
  42,
  -3,
  1.5,
  1.005,
  Number.NaN,
  2 ** 60,
  [],
  {},
  { purpose: 'KYC' },
  { pan: 'X' },
  'ABCPE1234F',
  ' abcpe1234f ',
  'ABCDE1234F',
  '234567890124',
  '2345 6789 0124',
  '234567890123',
  '27AAPFU0939F1ZV',
  '27AAPFU0939F1ZX',
  'HDFC0001234',
  'hdfc1001234',
  '50100012345678',
  '5010-0012 345678',
  '12345',
  '9876543210',
  '+91 98765 43210',
  '29/02/2024',
  '29/02/2023',
  '2024-02-29',
  '2024-13-01',
  'a@b.co',
  'bad@',
  'Asha Verma',
  'DATA',
  'NUMBER',
  'DOCUMENT',
  'IND',
  'IMPS',
);
const value = fc.oneof(
  { weight: 4, arbitrary: interesting },
  { weight: 1, arbitrary: fc.string() },
  fc.integer(),
);
const input = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.dictionary(fc.constantFrom(...FIELDS, 'extra', 'nmae', '__proto__', 'constructor'), value, {
      maxKeys: 6,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, [], 'x', 5, true) },
);

function outcomeOf(run: () => unknown): unknown {
  try {
    return { ok: run() ?? {} };
  } catch (err) {
    if (!(err instanceof InputValidationError)) throw err;
    return { issues: err.issues };
  }
}

describe('the rows and the zod schemas agree on generated inputs', () => {
  it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s', (id, op) => {
    const schema = schemas[id as keyof typeof schemas] as z.ZodMiniType;
    fc.assert(
      fc.property(input, (data) => {
        // The document rule needs bytes or base64; it has its own tests (veri5-units).
        if (data && typeof data === 'object' && 'document' in data) return;
        const rows = outcomeOf(() => parseRow(op, data));
        const zod = outcomeOf(() => parseZod(schema, data ?? {}));
        expect(rows).toEqual(op.input || data !== undefined ? zod : { ok: {} });
      }),
      { numRuns: 300 },
    );
  });
});
