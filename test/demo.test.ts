// `npm run demo` as CI runs it: a child process that must exit 0 with every example passing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../scripts/demo-runner.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run demo', () => {
  it('runs every example against the in-process sandbox and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--import', 'tsx', 'scripts/demo.ts']);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    for (const name of [
      'wallet',
      'cibil',
      'verify',
      'marketplace',
      'kamao',
      'b2c',
      'veri5',
      'errors',
      'proxy',
    ]) {
      expect(stdout).toMatch(new RegExp(`✓ ${name}\\s`));
    }
    expect(stdout).toContain('9/9 examples passed');
    expect(stdout).not.toContain('FAILED');
  }, 60_000);

  it('reports a failing example and returns a non-zero exit code, running the rest', async () => {
    const lines: string[] = [];
    const code = await runDemo({
      out: (l) => lines.push(l),
      examples: [
        [
          'fails',
          async (log) => {
            log('about to fail');
            throw new Error('boom');
          },
        ],
        ['passes', async () => 'fine'],
      ],
    });
    expect(code).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('✗ fails');
    expect(text).toContain('FAILED: boom');
    expect(text).toContain('about to fail');
    expect(text).toMatch(/✓ passes\s/);
    expect(text).toContain('1/2 examples passed');
  });
});
