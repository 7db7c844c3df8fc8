// Host side of the runtime contract (contract.mjs): a consumer project holding the built package,
// the suite with its entries, the PHP vectors and the sandbox's URL; and the check of a report.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { ROOT } from '../browser/bundle.js';
import { builtPackage, consumerProject } from '../helpers/built-package.js';
import { openLegacyVectors, veri5Vectors, vistarkriyaVectors } from '../helpers/vectors.js';
import { CHECKS } from './checks.mjs';
import type { ContractReport } from './contract.mjs';

const FILES = ['checks.mjs', 'contract.mjs', 'main.mjs', 'worker.mjs', 'page.mjs', 'node-apis.cjs'];

/** Makes the project in `dir`; `sandboxURL` is the sandbox server the runtime calls. */
export async function contractProject(dir: string, sandboxURL: string): Promise<string> {
  consumerProject(dir, await builtPackage(), ['undici', 'zod', 'csv-parse']);
  for (const file of FILES) cpSync(path.join(ROOT, 'test/runtimes', file), path.join(dir, file));
  const vectors = { vistarkriya: vistarkriyaVectors, openLegacy: openLegacyVectors, veri5: veri5Vectors };
  writeFileSync(path.join(dir, 'vectors.mjs'), `export default ${JSON.stringify(vectors)};\n`);
  writeFileSync(path.join(dir, 'config.mjs'), `export const sandboxURL = ${JSON.stringify(sandboxURL)};\n`);
  return dir;
}

/**
 * Before the file's tests: starts a sandbox on 127.0.0.1 and makes the project in a temporary
 * directory (`work`, for whatever else the runtime needs); after them, stops and removes both.
 */
export function useContractProject() {
  const state = { work: '', project: '', sandboxURL: '' };
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    state.work = mkdtempSync(path.join(os.tmpdir(), 'vk-contract-'));
    sandbox = await startSandbox();
    state.sandboxURL = sandbox.url;
    state.project = await contractProject(path.join(state.work, 'project'), sandbox.url);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
    if (state.work) rmSync(state.work, { recursive: true, force: true });
  });
  return state;
}

/** The report a runtime printed as `VK_CONTRACT {json}`. */
export function reportIn(output: string): ContractReport {
  const line = output.split('\n').find((l) => l.startsWith('VK_CONTRACT '));
  if (!line) throw new Error(`no contract report in the output:\n${output.slice(-3000)}`);
  return JSON.parse(line.slice('VK_CONTRACT '.length)) as ContractReport;
}

/** Every check ran, in this runtime, and passed. */
export function expectContractPassed(report: ContractReport, runtime: string | RegExp): void {
  expect(report.runtime).toMatch(runtime);
  expect(report.results.filter((r) => !r.ok)).toEqual([]);
  expect(report.results.map((r) => r.name)).toEqual(CHECKS);
}
