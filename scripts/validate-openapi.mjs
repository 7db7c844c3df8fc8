#!/usr/bin/env node
// After `npm run build`: the shipped OpenAPI document (dist/openapi.json, `vistarkriya/openapi.json`)
// passes a real OpenAPI 3.1 validator (@apidevtools/swagger-parser), and names every operation of
// the SDK (dist/schemas.json holds one input schema per operation id).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const doc = JSON.parse(readFileSync(path.join(dist, 'openapi.json'), 'utf8'));
const ids = Object.keys(JSON.parse(readFileSync(path.join(dist, 'schemas.json'), 'utf8')));
await SwaggerParser.validate(structuredClone(doc));
const named = new Set();
for (const item of Object.values(doc.paths)) {
  for (const op of Object.values(item)) {
    if (op && typeof op === 'object' && 'responses' in op)
      for (const id of op['x-vistarkriya-operations'] ?? [op.operationId]) named.add(id);
  }
}
const missing = ids.filter((id) => !named.has(id));
if (missing.length > 0) {
  console.error(`validate-openapi: no operation in dist/openapi.json for ${missing.join(', ')}`);
  process.exit(1);
}
console.log(
  `validate-openapi: dist/openapi.json is valid OpenAPI ${doc.openapi} and covers all ${ids.length} operations.`,
);
