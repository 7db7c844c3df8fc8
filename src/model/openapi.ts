// The OpenAPI 3.1 document of both APIs as the SDK understands them, built from the rows: every
// operation's route and method, its inputs (the zod schemas' JSON Schema), its documented answer, the
// platform's four auth headers as security schemes and its error envelope. `x-vistarkriya-source`
// says where each name comes from (a seed, or the SDK's reading). Shipped as
// `vistarkriya/openapi.json` and printed by `vistarkriya openapi`.
import * as z from 'zod/mini';
import { documentedErrorCodes } from '../core/error-map.js';
import { SDK_VERSION } from '../core/version.js';
import { ENVELOPE_DEFAULTS } from '../veri5/envelope.js';
import { SOURCES, docsOf } from './docs.js';
import type { Operation } from './operation.js';
import { GSTIN_RECORD, PLATFORM_OUTPUTS, VERI5_OUTPUTS } from './outputs.js';
import { PLATFORM_OPERATIONS } from './platform.js';
import { CLIENT_CODE, FromInput, type Template, VERI5, type Veri5Operation } from './veri5.js';
import { DEFAULT_BASE_URL, VERI5_HOSTS } from './hosts.js';
import { JSON_META, zodOperation } from './zod.js';

type Json = Record<string, unknown>;

const VERI5_SERVERS = [
  { url: VERI5_HOSTS.sandbox, description: 'Veri5 sandbox' },
  { url: VERI5_HOSTS.production, description: 'Veri5 production' },
];

/** The JSON Schema of a zod schema, as the input it accepts (docs and sources from the SDK's metadata). */
export function jsonSchemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', metadata: JSON_META, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** The JSON Schema of an operation's input (what the SDK's method takes, `extra` included). */
export function inputJsonSchema(op: Operation): Record<string, unknown> {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...jsonSchemaOf(zodOperation(op)) };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** `{ success: true, data }` (the platform's API overview). */
function okEnvelope(data: Json): Json {
  return {
    type: 'object',
    required: ['success', 'data'],
    properties: { success: { const: true }, data },
    'x-vistarkriya-source': SOURCES.overview,
  };
}

/** A platform operation: query parameters (GET) or a JSON body (POST), and the `data` it answers. */
function platformOperation(op: Operation, schemas: Json): Json {
  const docs = docsOf(op.id);
  const out: Json = {
    operationId: op.id,
    summary: docs.summary,
    tags: [op.id.split('.')[0]],
    'x-vistarkriya-source': docs.route,
    'x-vistarkriya-retry': op.retry,
    ...(op.paged ? { 'x-vistarkriya-paged': true } : {}),
  };
  if (op.input) {
    // On the wire, the SDK's `extra` is merged into the query or body: it is not a field there.
    const { extra: _extra, ...properties } = inputJsonSchema(op).properties as Json;
    const input = jsonSchemaOf(zodOperation(op));
    const wire: Json = {
      ...input,
      properties,
      'x-vistarkriya-extra': 'Fields the platform adds later may follow.',
    };
    delete wire.additionalProperties;
    if (op.method === 'GET') {
      out.parameters = Object.entries(properties).map(([name, schema]) => {
        const { description, 'x-vistarkriya-source': source, ...rest } = schema as Json;
        return {
          name,
          in: 'query',
          required: ((input.required as string[] | undefined) ?? []).includes(name),
          description,
          'x-vistarkriya-source': source,
          schema: rest,
        };
      });
    } else {
      schemas[`${op.id}.body`] = wire;
      out.requestBody = { required: true, content: { 'application/json': { schema: ref(`${op.id}.body`) } } };
    }
  }
  const output = PLATFORM_OUTPUTS[op.id as keyof typeof PLATFORM_OUTPUTS];
  schemas[`${op.id}.data`] = jsonSchemaOf(output);
  out.responses = {
    '200': {
      description: 'The answer, in the `{ success: true, data }` envelope.',
      content: { 'application/json': { schema: okEnvelope(ref(`${op.id}.data`)) } },
    },
    default: { $ref: '#/components/responses/Error' },
  };
  return out;
}

/** The JSON Schema of a Veri5 body template: input fields where they go, constants as `const`. */
function templateSchema(template: Template, input: Json): Json {
  const fields = input.properties as Json;
  const requiredFields = (input.required as string[] | undefined) ?? [];
  const properties: Json = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(template)) {
    if (value === CLIENT_CODE) properties[key] = { type: 'string', description: 'Your client code.' };
    else if (value instanceof FromInput) properties[key] = (fields[value.field] as Json | undefined) ?? {};
    else if (typeof value === 'object') properties[key] = templateSchema(value as Template, input);
    else properties[key] = { const: value };
    const sent =
      !(value instanceof FromInput) || value.fallback !== undefined || requiredFields.includes(value.field);
    if (sent) required.push(key);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/** The envelope's `headers` (Appendix A) for an operation's function codes. */
function envelopeHeaders(op: Veri5Operation): Json {
  const strings = ['client_code', 'stan', 'transmission_datetime', ...Object.keys(ENVELOPE_DEFAULTS)];
  const properties: Json = Object.fromEntries(strings.map((name) => [name, { type: 'string' }]));
  properties.function_code = { const: op.functionCode };
  properties.function_sub_code = { enum: Object.keys(op.subCodes ?? {}) };
  return {
    type: 'object',
    description:
      'Appendix A: Request Header Field Details (`stan` and `transmission_datetime` are fresh per attempt).',
    required: [...strings, 'function_code', 'function_sub_code'],
    properties,
    'x-vistarkriya-source': SOURCES.veri5,
  };
}

/** The wire body of a Veri5 operation: the envelope around `request`, or the bare penny-drop body. */
function veri5Body(op: Veri5Operation): Json {
  const request = templateSchema(op.body, inputJsonSchema(op));
  if (op.hash) {
    const props = request.properties as Json;
    props.api_key = { type: 'string', description: 'Your api_key.' };
    props.hash = {
      type: 'string',
      description: `Appendix E: lower-case hex SHA-256 of ${op.hash.join('|')} (the salt is never sent).`,
    };
    request.required = [...((request.required as string[]) ?? []), 'api_key', 'hash'];
  }
  if (!op.functionCode) return { ...request, 'x-vistarkriya-source': SOURCES.veri5 };
  return {
    type: 'object',
    required: ['headers', 'request'],
    properties: { headers: envelopeHeaders(op), request },
    'x-vistarkriya-source': SOURCES.veri5,
  };
}

/** One Veri5 route: its operations (verifyUserIdDoc serves two, told apart by `function_code`). */
function veri5PathItem(ops: Veri5Operation[], schemas: Json): Json {
  const docs = ops.map((op) => docsOf(op.id));
  for (const op of ops) {
    schemas[`${op.id}.body`] = veri5Body(op);
    schemas[`${op.id}.answer`] = jsonSchemaOf(VERI5_OUTPUTS[op.id as keyof typeof VERI5_OUTPUTS]);
  }
  const one = <T>(list: T[]): T | { oneOf: T[] } => (list.length === 1 ? list[0]! : { oneOf: list });
  const first = ops[0]!;
  return {
    servers: VERI5_SERVERS,
    post: {
      operationId: ops.length === 1 ? first.id : `veri5.${first.route}`,
      summary: docs.map((d) => d.summary).join(' / '),
      tags: ['veri5'],
      'x-vistarkriya-operations': ops.map((op) => op.id),
      'x-vistarkriya-source': docs[0]!.route,
      'x-vistarkriya-retry': ops.map((op) => op.retry).join(' / '),
      // Veri5 authenticates in the body (client_code, api_key and the Appendix E hash), not by header.
      security: [],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: one(ops.map((op) => ref(`${op.id}.body`))) } },
      },
      responses: {
        '200': {
          description:
            'A result (SUCCESS or FAIL with its code) or a protocol error, told apart by the code.',
          content: { 'application/json': { schema: one(ops.map((op) => ref(`${op.id}.answer`))) } },
        },
      },
    },
  };
}

const header = (name: string, description: string, source: string) => ({
  type: 'apiKey',
  in: 'header',
  name,
  description,
  'x-vistarkriya-source': source,
});

/** The OpenAPI 3.1 document of every operation (platform and Veri5), as a JSON value. */
export function openApiDocument(): Record<string, unknown> {
  const schemas: Json = {};
  const paths: Record<string, Json> = {};
  for (const op of PLATFORM_OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = platformOperation(op, schemas);
  }
  const byRoute = new Map<string, Veri5Operation[]>();
  for (const op of Object.values(VERI5) as Veri5Operation[]) {
    byRoute.set(op.path, [...(byRoute.get(op.path) ?? []), op]);
  }
  for (const [path, ops] of byRoute) paths[path] = veri5PathItem(ops, schemas);
  schemas.GstinRecord = jsonSchemaOf(GSTIN_RECORD);
  schemas.ErrorEnvelope = {
    type: 'object',
    required: ['success', 'error'],
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', examples: documentedErrorCodes() },
          message: { type: 'string' },
          http_status: { type: 'integer' },
        },
      },
    },
    'x-vistarkriya-source': SOURCES.overview,
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vistarkriya platform API and Khosla Labs Veri5, as the vistarkriya SDK understands them',
      version: SDK_VERSION,
      description:
        "Built from the SDK's operation rows. `x-vistarkriya-source` marks where a name comes from: a seed document, or \"inferred\" (the SDK's reading). Override a route with the clients' `routes` option.",
      'x-vistarkriya-sources': SOURCES,
    },
    servers: [{ url: DEFAULT_BASE_URL, description: 'The platform (override with `baseURL`)' }],
    security: [{ apiKey: [], timestamp: [], signature: [], adminCode: [] }],
    paths,
    components: {
      schemas,
      responses: {
        Error: {
          description: 'A failure, in the `{ success: false, error }` envelope, with its HTTP status.',
          content: { 'application/json': { schema: ref('ErrorEnvelope') } },
        },
      },
      securitySchemes: {
        apiKey: header('X-API-Key', 'Your API key.', SOURCES.overview),
        timestamp: header(
          'X-Timestamp',
          'Unix time in seconds; within 5 minutes of the server (TIMESTAMP_EXPIRED otherwise).',
          SOURCES.overview,
        ),
        signature: header(
          'X-Signature',
          'hex(HMAC-SHA256(api_secret, timestamp + METHOD + target + body)): target is the path and query as sent, body the exact bytes.',
          SOURCES.overview,
        ),
        adminCode: header(
          'X-Admin-Code',
          "Your 6-digit admin code, not signed. A later revision names it X-Tenant-Code (the clients' `adminCodeHeader`).",
          SOURCES.overview,
        ),
      },
    },
  };
}
