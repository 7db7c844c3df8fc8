// `npm run demo` as CI runs it: a child process that must exit 0 with every example passing.
import { describe, expect, it } from 'vitest';
import { runDemo } from '../scripts/demo-runner.js';
import { runNode } from './helpers/run-node.js';

const run = (args: string[]) => runNode(args, { NO_COLOR: '1' });

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
