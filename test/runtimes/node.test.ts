// The runtime contract (contract.mjs) in Node: this process's node (20 under `npm test`, 22 and 24
// under `npm run test:matrix`) runs it in a consumer project that has the built package.
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-node.js';
import { expectContractPassed, reportIn, useContractProject } from './project.js';

const contract = useContractProject();

describe('the runtime contract in Node', () => {
  it(`passes in Node ${process.versions.node}, on the Node build`, async () => {
    const { code, stdout, stderr } = await runNode(['main.mjs'], {}, contract.project);
    expect(code, stderr).toBe(0);
    const report = reportIn(stdout);
    expectContractPassed(report, `node ${process.versions.node}`);
    expect(report.resolved).toMatch(/\/node_modules\/vistarkriya\/dist\/index\.js$/);
  });
});
