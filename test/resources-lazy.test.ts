import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * zod costs ~45 ms to load; `require('vistarkriya')` must not pay for it. Bundle the main entry
 * with code splitting and walk its imports: the client checks inputs with the operation rows
 * (model/parse.ts), so zod is never reached, statically or lazily; only `vistarkriya/zod` loads it.
 */
describe('the main entry does not load zod', () => {
  it('no import chain from src/index.ts reaches zod; vistarkriya/zod does', async () => {
    const result = await build({
      entryPoints: { index: 'src/index.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir: path.resolve('.tmp/lazy-check'),
      write: false,
      metafile: true,
      external: ['zod', 'zod/*', 'undici'],
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint === 'src/index.ts')!;
    const eager = new Set<string>();
    const walk = (file: string) => {
      for (const imp of outputs[file]?.imports ?? []) {
        if (imp.kind !== 'import-statement' || eager.has(imp.path)) continue;
        eager.add(imp.path);
        walk(imp.path);
      }
    };
    walk(entry);
    expect([...eager].filter((p) => p.startsWith('zod'))).toEqual([]);
    // Not lazily either: no output of the main entry's bundle imports zod at all.
    const all = Object.values(outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(all.filter((p) => p.startsWith('zod'))).toEqual([]);
    // ...while undici is still loaded lazily, as before.
    const lazy = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import'));
    expect(lazy.map((i) => i.path)).toContain('undici');

    const zodEntry = await build({
      entryPoints: { zod: 'src/zod/index.ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      metafile: true,
      external: ['zod', 'zod/*', 'undici'],
      logLevel: 'silent',
    });
    const zodImports = Object.values(zodEntry.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(zodImports).toContain('zod/mini');
  });
});
