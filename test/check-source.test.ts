// scripts/check-source.mjs (run by `npm run lint` and CI): no import cycle in src/, type-only
// imports and both `#platform/*` implementations included, and no file over 400 lines. Each check
// is shown to fail on a planted problem, then run on the real src/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINES, findCycles, findLongFiles } from '../scripts/check-source.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const planted = mkdtempSync(path.join(tmpdir(), 'vk-check-source-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

// What dpdm needs to resolve `./b.js` to `b.ts`, as the repository's own tsconfig.json says.
const TSCONFIG = JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } });

function plant(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(planted, 'root-'));
  writeFileSync(path.join(root, 'tsconfig.json'), TSCONFIG);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const IMPORTS = {
  imports: { '#platform/clock': { node: './src/clock-node.ts', default: './src/clock-web.ts' } },
};

describe('check-source', () => {
  it('finds a cycle made of type-only imports', async () => {
    const root = plant({
      'package.json': '{}',
      'src/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'src/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
      'src/c.ts': "import type { A } from './a.js';\nexport type C = A;\n",
    });
    expect(await findCycles(root)).toEqual([['src/a.ts', 'src/b.ts']]);
  });

  it('finds a cycle through the Node implementation of a #platform import', async () => {
    const root = plant({
      'package.json': JSON.stringify(IMPORTS),
      'src/app.ts': "import { now } from '#platform/clock';\nexport const at = now();\n",
      'src/clock-web.ts': 'export const now = () => Date.now();\n',
      'src/clock-node.ts': "import type { at } from './app.js';\nexport const now = (): typeof at => 1;\n",
    });
    const cycles: string[][] = await findCycles(root);
    expect(cycles.map((c) => [...c].sort())).toEqual([['src/app.ts', 'src/clock-node.ts']]);
  });

  it('refuses to pass when an import cannot be resolved (a cycle could hide behind it)', async () => {
    const root = plant({
      'package.json': '{}',
      'src/a.ts': "import { b } from './missing.js';\nexport const a = b;\n",
    });
    await expect(findCycles(root)).rejects.toThrow(/unresolved imports: src\/a.ts: .\/missing.js/);
  });

  it(`finds a file over ${MAX_LINES} lines`, async () => {
    const root = plant({
      'package.json': '{}',
      'src/long.ts': 'export const x = 1;\n'.repeat(MAX_LINES + 1),
      'src/ok.ts': 'export const y = 1;\n'.repeat(MAX_LINES),
    });
    expect(await findLongFiles(root)).toEqual([['src/long.ts', MAX_LINES + 1]]);
  });

  it('passes on src/', async () => {
    expect(await findCycles(ROOT)).toEqual([]);
    expect(await findLongFiles(ROOT)).toEqual([]);
  });
});
