// What each entry point loads: `vistarkriya/bulk` never imports bullmq or ioredis (optional
// peers of `vistarkriya/bullmq` only), and neither it nor the main entry loads csv-parse, which
// only the CLI imports, lazily, for a CSV file.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function importsOf(entry: string): Promise<{ eager: string[]; lazy: string[] }> {
  const result = await build({
    entryPoints: { entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir: path.resolve('.tmp/imports-check'),
    write: false,
    metafile: true,
    packages: 'external',
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports);
  const external = (kind: string) =>
    [...new Set(imports.filter((i) => i.kind === kind && i.external).map((i) => i.path))].sort();
  return { eager: external('import-statement'), lazy: external('dynamic-import') };
}

describe('entry point imports', () => {
  it('vistarkriya/bulk: no bullmq, ioredis or csv-parse, eager or lazy', async () => {
    const { eager, lazy } = await importsOf('src/bulk/index.ts');
    for (const pkg of ['bullmq', 'ioredis', 'csv-parse']) expect([...eager, ...lazy]).not.toContain(pkg);
  });

  it('vistarkriya/bullmq imports bullmq, never ioredis itself', async () => {
    const { eager } = await importsOf('src/bullmq/index.ts');
    expect(eager).toContain('bullmq');
    expect(eager).not.toContain('ioredis');
  });

  it('the main entry never loads csv-parse; the CLI only lazily', async () => {
    const main = await importsOf('src/index.ts');
    expect([...main.eager, ...main.lazy]).not.toContain('csv-parse');
    const cli = await importsOf('src/cli.ts');
    expect(cli.eager).not.toContain('csv-parse');
    expect(cli.lazy).toContain('csv-parse');
    expect([...cli.eager, ...cli.lazy]).not.toContain('bullmq');
  });
});
