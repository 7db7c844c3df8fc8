// The OpenAPI 3.1 document `vistarkriya openapi` prints (and the build ships as
// `vistarkriya/openapi.json`): valid for a real validator, and one operation per row.
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { SOURCES } from '../src/model/docs.js';
import { inputJsonSchema, openApiDocument } from '../src/model/openapi.js';
import { PLATFORM_OPERATIONS } from '../src/model/platform.js';
import { OPERATIONS, getOperation } from '../src/model/registry.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env: {} };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

describe('vistarkriya openapi', () => {
  it('prints a document that a real OpenAPI validator accepts', async () => {
    const { code, stdout } = await cli(['openapi']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as Json;
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(doc).toEqual(openApiDocument());
  });

  it('covers every operation (platform and Veri5) on its row’s route and method', async () => {
    const doc = JSON.parse((await cli(['openapi'])).stdout) as Json;
    const covered = new Map<string, { path: string; method: string }>();
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        for (const id of op['x-vistarkriya-operations'] ?? [op.operationId])
          covered.set(id, { path, method });
      }
    }
    expect([...covered.keys()].sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
    for (const op of OPERATIONS)
      expect(covered.get(op.id), op.id).toEqual({ path: op.path, method: op.method.toLowerCase() });
  });

  it('has the four auth headers as security schemes, the error envelope and documented answers', () => {
    const doc = openApiDocument() as Json;
    const schemes = doc.components.securitySchemes as Json;
    expect(Object.values(schemes).map((s: Json) => [s.type, s.in, s.name])).toEqual([
      ['apiKey', 'header', 'X-API-Key'],
      ['apiKey', 'header', 'X-Timestamp'],
      ['apiKey', 'header', 'X-Signature'],
      ['apiKey', 'header', 'X-Admin-Code'],
    ]);
    expect(doc.security).toEqual([{ apiKey: [], timestamp: [], signature: [], adminCode: [] }]);
    const envelope = doc.components.schemas.ErrorEnvelope as Json;
    expect(envelope.properties.error.required).toEqual(['code', 'message']);
    expect(envelope.properties.error.properties.code.examples).toContain('HMAC_INVALID');
    // Balance: the overview's example answer, marked as from the seed.
    const balance = doc.components.schemas['wallet.core.balance.data'] as Json;
    expect(Object.keys(balance.properties)).toEqual(['balance', 'currency', 'last_updated']);
    expect(balance['x-vistarkriya-source']).toBe(SOURCES.overview);
    for (const op of PLATFORM_OPERATIONS) {
      const operation = doc.paths[op.path][op.method.toLowerCase()] as Json;
      expect(operation.responses.default.$ref).toBe('#/components/responses/Error');
      expect(operation['x-vistarkriya-retry']).toBe(op.retry);
    }
    // Veri5 authenticates in the body (api_key and the Appendix E hash), not by header.
    const gstin = doc.paths['/service/api/1.0/verifyGSTIN'].post as Json;
    expect(gstin.security).toEqual([]);
    const request = doc.components.schemas['veri5.verifyGstin.body'].properties.request as Json;
    expect(request.properties.hash.description).toContain('client_code|request_id|api_key|salt|gstin');
  });

  it('marks which names come from the seeds and which are inferred', () => {
    const doc = openApiDocument() as Json;
    const pan = doc.components.schemas['verify.pan.body'].properties as Json;
    expect(pan.pan['x-vistarkriya-source']).toBe(SOURCES.overview); // {"pan":"ABCDE1234F"}
    expect(pan.name['x-vistarkriya-source']).toBe(SOURCES.inferred);
    expect(doc.paths['/api/v1/verify/pan'].post['x-vistarkriya-source']).toBe(SOURCES.routeList);
    expect(doc.paths['/api/v1/verify/gst'].post['x-vistarkriya-source']).toBe(SOURCES.inferred);
    expect(doc.paths['/service/api/1.0/bankVerification'].post['x-vistarkriya-source']).toBe(
      SOURCES.inferred,
    );
    expect(doc.paths['/service/api/1.0/verifyGSTIN'].post['x-vistarkriya-source']).toBe(SOURCES.veri5);
  });

  it('--input prints one operation input’s JSON Schema (strict, with extra)', async () => {
    const { code, stdout } = await cli(['openapi', '--input', 'verify.pan']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as Json;
    expect(schema).toEqual(inputJsonSchema(getOperation('verify.pan')!));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(['pan', 'name', 'dob', 'extra']);
    expect(schema.required).toEqual(['pan']);
    expect(schema.additionalProperties).toBe(false);
    const unknown = await cli(['openapi', '--input', 'verify.pna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Did you mean: verify\.services, verify\.pan/);
  });
});
