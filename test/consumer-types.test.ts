// A consumer's TypeScript, compiled as a user would (strict, `import ... from 'vistarkriya'`): a
// misspelt optional field does not compile; the same call spelt right, or with the field in
// `extra`, does.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function compile(source: string): ts.Diagnostic[] {
  const file = path.join(ROOT, 'test', '__consumer__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: ['node'],
    baseUrl: ROOT,
    paths: { vistarkriya: ['./src/index.ts'], 'vistarkriya/zod': ['./src/zod/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || exists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName && path.resolve(d.file.fileName) === file);
}

const text = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, '\n');

describe("a consumer's TypeScript", () => {
  it('does not compile with a misspelt optional field', () => {
    const diagnostics = compile(`
      import { VistarkriyaClient, Veri5Client } from 'vistarkriya';
      const vk = new VistarkriyaClient();
      await vk.verify.pan({ pan: 'ABCPE1234F', nmae: 'Ravi Kumar' });
      await new Veri5Client().verifyPan({ panNumber: 'ABCPE1234F', consent: true, nmae: 'Ravi' });
    `);
    expect(diagnostics.map((d) => d.code)).toEqual([2353, 2353]);
    expect(text(diagnostics[0]!)).toMatch(/'nmae' does not exist/);
  }, 60_000);

  it('compiles spelt right, with `extra`, and with a zod schema’s output passed to the client', () => {
    const diagnostics = compile(`
      import { VistarkriyaClient } from 'vistarkriya';
      import { schemas } from 'vistarkriya/zod';
      import type * as z from 'zod/mini';
      const vk = new VistarkriyaClient();
      await vk.verify.pan({ pan: 'ABCPE1234F', name: 'Ravi Kumar', extra: { purpose: 'KYC' } });
      const form: z.output<(typeof schemas)['verify.pan']> = { pan: 'ABCPE1234F' };
      await vk.verify.pan(form);
    `);
    expect(diagnostics.map(text)).toEqual([]);
  }, 60_000);
});
