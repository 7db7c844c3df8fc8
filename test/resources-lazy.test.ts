import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * zod costs ~45 ms to load; `require('vistarkriya')` must not pay for it. Bundle the main entry
 * with code splitting and walk its *static* imports: zod may only be reached through the lazy
 * `import()` of resources/schemas.ts.
 */
describe('the main entry does not load zod eagerly', () => {
  it('no static import chain from src/index.ts reaches zod', async () => {
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
    // ...and zod is still reachable lazily (the schemas chunk), so validation does happen.
    const lazy = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import'));
    expect(lazy.length).toBeGreaterThan(0);
    const all = Object.values(outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(all).toContain('zod/mini');
  });
});
