// php-cli and php-wasm agree: the same committed vectors from scripts/vectors/generate.php, and the
// same oracle answers on random requests. Needs php-cli (PHP_BINARY, else php on PATH), so it is not
// part of `npm test`: run it with `npm run test:php-cli` (CI does, after installing Debian's php-cli).
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PhpRunner, findPhpCli, startPhpCli, startPhpWasm } from '../helpers/php.js';
import { fragments, request } from '../helpers/signing-arbitraries.js';
import { type PhpOracle, startPhpOracle } from '../php-oracle.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
const RUNS = 3000;
const VECTOR_FILES = ['vistarkriya.json', 'open-legacy.json', 'veri5.json'];

let cli: PhpRunner;
let wasm: PhpRunner;
let tmp: string;
beforeAll(async () => {
  const binary = findPhpCli();
  if (!binary)
    throw new Error('npm run test:php-cli needs php-cli: apt-get install php-cli, or set PHP_BINARY.');
  [cli, wasm] = await Promise.all([startPhpCli(binary), startPhpWasm()]);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vk-php-agree-'));
}, 60_000);
afterAll(async () => {
  await Promise.all([cli?.close(), wasm?.close()]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The vectors generate.php writes on `php`, with the line naming the PHP version left out. */
async function generate(php: PhpRunner): Promise<unknown[]> {
  const out = path.join(tmp, php.kind);
  const r = await php.run({ file: 'scripts/vectors/generate.php', args: [out] });
  expect(r.exitCode, r.stderr).toBe(0);
  return VECTOR_FILES.map((name) => {
    const json = JSON.parse(readFileSync(path.join(out, name), 'utf8'));
    expect(json.meta.php_version).toBe(php.version);
    delete json.meta.php_version;
    return json;
  });
}

describe('php-cli and php-wasm', () => {
  it('are the two runners, both PHP 8', () => {
    expect([cli.kind, wasm.kind]).toEqual(['php-cli', 'php-wasm']);
    expect(cli.version).toMatch(/^8\./);
    expect(wasm.version).toMatch(/^8\.3\./);
  });

  it('generate the committed vectors, byte for byte', async () => {
    const [fromCli, fromWasm] = await Promise.all([generate(cli), generate(wasm)]);
    expect(fromWasm).toEqual(fromCli);
    for (const [i, name] of VECTOR_FILES.entries()) {
      const committed = JSON.parse(readFileSync(path.join('test/vectors', name), 'utf8'));
      delete committed.meta.php_version;
      expect(fromCli[i], name).toEqual(committed);
    }
  });

  describe(`answer the oracle alike on ${RUNS} random requests (seed ${SEED})`, () => {
    let onCli: PhpOracle;
    let onWasm: PhpOracle;
    beforeAll(() => {
      onCli = startPhpOracle(cli);
      onWasm = startPhpOracle(wasm);
    });

    const ask = <T>(f: (o: PhpOracle) => Promise<T>) => Promise.all([f(onCli), f(onWasm)]);
    const samples = fc.sample(request, { numRuns: RUNS, seed: SEED });

    it('seed 000 (hash_hmac) and seed 004 (preg_replace, then hash_hmac)', async () => {
      const [vkCli, vkWasm] = await ask((o) => Promise.all(samples.map((r) => o.vistarkriya(r))));
      expect(vkWasm).toEqual(vkCli);
      const [openCli, openWasm] = await ask((o) => Promise.all(samples.map((r) => o.openLegacy(r))));
      expect(openWasm).toEqual(openCli);
      expect(new Set(vkCli).size).toBeGreaterThan(RUNS * 0.9);
    });

    it('seed 003 (hash of the imploded fields)', async () => {
      const lists = fc.sample(fc.array(fragments, { maxLength: 6 }), { numRuns: RUNS, seed: SEED + 1 });
      const [onCliHashes, onWasmHashes] = await ask((o) => Promise.all(lists.map((f) => o.veri5(f))));
      expect(onWasmHashes).toEqual(onCliHashes);
    });
  });
});
