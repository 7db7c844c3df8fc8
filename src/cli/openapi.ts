// `vistarkriya openapi`: the OpenAPI 3.1 document of both APIs as the SDK understands them (the one
// shipped as `vistarkriya/openapi.json`), or one operation input's JSON Schema.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getOperation, nearOperationIds } from '../model/registry.js';
import { type CliIO, UsageError } from './io.js';

export const OPENAPI_HELP = `Usage: vistarkriya openapi [--input <operation>] [--out FILE]

Prints the OpenAPI 3.1 document of the platform API and Veri5 as the SDK understands them: every
operation's route and method, its input, its documented answer, the platform's four auth headers
and its error envelope. x-vistarkriya-source says where each name comes from (a seed, or inferred).

Options:
  --input <operation>  Print that operation's input JSON Schema instead, e.g. --input verify.pan
  --out FILE           Write to FILE instead of standard output
  --help, -h           This help`;

/** `vistarkriya openapi`: print (or write) the document, or one input's JSON Schema. */
export async function openapiCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(OPENAPI_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('openapi takes no arguments (see --help).');
  // zod is loaded here only: the other commands never pay for it.
  const { inputJsonSchema, openApiDocument } = await import('../model/openapi.js');
  let document: unknown;
  if (values.input === undefined) document = openApiDocument();
  else {
    const op = getOperation(values.input);
    if (!op) {
      const near = nearOperationIds(values.input);
      throw new UsageError(
        `Unknown operation "${values.input}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`,
      );
    }
    document = inputJsonSchema(op);
  }
  const text = JSON.stringify(document, null, 2);
  if (values.out === undefined) io.out(text);
  else writeFileSync(values.out, `${text}\n`);
  return 0;
}
