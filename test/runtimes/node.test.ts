// The runtime contract (contract.mjs) in Node: this process's node (20 under `npm test`, 22 and 24
// under `npm run test:matrix`) runs it in a consumer project that has the built package.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runNode } from '../helpers/run-node.js';
import { contractProject, expectContractPassed, reportIn } from './project.js';

let work: string;
let sandbox: Sandbox;
let project: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'vk-contract-node-'));
  sandbox = await startSandbox();
  project = await contractProject(path.join(work, 'project'), sandbox.url);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the runtime contract in Node', () => {
  it(`passes in Node ${process.versions.node}, on the Node build`, async () => {
    const { code, stdout, stderr } = await runNode(['main.mjs'], {}, project);
    expect(code, stderr).toBe(0);
    const report = reportIn(stdout);
    expectContractPassed(report, `node ${process.versions.node}`);
    expect(report.resolved).toMatch(/\/node_modules\/vistarkriya\/dist\/index\.js$/);
  });
});
