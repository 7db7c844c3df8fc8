// The runtime contract (contract.mjs) in Bun, Deno and workerd, each from its npm package, each
// loading the built package the way its users' code does: Bun and Deno import it by name from the
// project's node_modules (Bun takes the Node build, Deno the web build through the `deno`
// condition); workerd runs a module worker bundled as wrangler bundles it (esbuild with the
// `workerd`, `worker` and `browser` conditions), in Miniflare. Every runtime calls the sandbox
// that this file starts on 127.0.0.1. Node is in node.test.ts, Chromium in test/browser/.
import path from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-node.js';
import { bunBinary, denoBinary } from '../helpers/runtimes.js';
import type { ContractReport } from './contract.mjs';
import { expectContractPassed, reportIn, useContractProject } from './project.js';

const contract = useContractProject();

const ENTRY = /\/node_modules\/vistarkriya\/dist\/(web\/)?index\.js$/;

describe('the runtime contract', () => {
  it('passes in Bun, on the Node build with fetch as its transport', async () => {
    const { code, stdout, stderr } = await runCommand(bunBinary(), ['main.mjs'], {}, contract.project);
    expect(code, stderr).toBe(0);
    const report = reportIn(stdout);
    expectContractPassed(report, 'bun');
    expect(report.resolved).toMatch(ENTRY);
    expect(report.resolved).not.toContain('/web/');
  });

  it('Bun runs the Node-only parts too: CommonJS, startSandbox(), toNodeHandler', async () => {
    const { code, stdout, stderr } = await runCommand(bunBinary(), ['node-apis.cjs'], {}, contract.project);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      direct: 'VALID',
      proxied: '200 VALID',
      received: 2,
    });
  });

  it('passes in Deno, on the web build, with --allow-net=127.0.0.1 and no other permission', async () => {
    const { code, stdout, stderr } = await runCommand(
      denoBinary(),
      ['run', '--no-prompt', '--no-lock', '--allow-net=127.0.0.1', 'main.mjs'],
      // Deno's cache stays in this test's directory (it compiles the modules once there).
      { DENO_DIR: path.join(contract.work, 'deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      contract.project,
    );
    expect(code, stderr).toBe(0);
    const report = reportIn(stdout);
    expectContractPassed(report, 'deno');
    expect(report.resolved).toMatch(ENTRY);
    expect(report.resolved).toContain('/web/');
  });

  it('passes in workerd (Miniflare), on the web build', async () => {
    const bundle = await build({
      absWorkingDir: contract.project,
      entryPoints: ['worker.mjs'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      metafile: true,
      logLevel: 'silent',
    });
    const loaded = Object.keys(bundle.metafile.inputs).filter((f) => f.includes('node_modules/vistarkriya/'));
    expect(loaded).toContain('node_modules/vistarkriya/dist/web/index.js');
    expect(loaded.every((f) => f.startsWith('node_modules/vistarkriya/dist/web/'))).toBe(true);

    const mf = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]!.text,
      compatibilityDate: '2025-01-01',
    });
    try {
      const res = await mf.dispatchFetch('http://contract.test/');
      expectContractPassed((await res.json()) as ContractReport, 'workerd');
    } finally {
      await mf.dispose();
    }
  });
});
