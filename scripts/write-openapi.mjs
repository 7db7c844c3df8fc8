#!/usr/bin/env node
// After tsup: writes the OpenAPI 3.1 document (`vistarkriya/openapi.json`) and every operation
// input's JSON Schema (`vistarkriya/schemas.json`, by operation id) into dist/, from the built
// `vistarkriya/zod` entry: the same builder `vistarkriya openapi` prints with.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const { openApiDocument, inputJsonSchemas } = await import(pathToFileURL(path.join(dist, 'zod.js')).href);
writeFileSync(path.join(dist, 'openapi.json'), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
writeFileSync(path.join(dist, 'schemas.json'), `${JSON.stringify(inputJsonSchemas(), null, 2)}\n`);
