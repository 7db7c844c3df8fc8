import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io.js';
import { MAIN_HELP, runCli } from '../src/cli/main.js';
import { SANDBOX_HELP } from '../src/cli/sandbox.js';
import { closedPort } from './faults/server.js';

function capture(env: Record<string, string | undefined> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), env };
  return { io, stdout, stderr };
}

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('vistarkriya --version', () => {
  it.each(['--version', '-v'])('%s prints the package version and exits 0', async (flag) => {
    const { io, stdout } = capture();
    expect(await runCli([flag], io)).toBe(0);
    expect(stdout).toEqual([PACKAGE.version]);
  });
});

describe('a connection error names its code once, and the host', () => {
  it('call against a closed port', async () => {
    const port = await closedPort();
    const { io, stderr } = capture({
      VISTARKRIYA_API_KEY: 'vk_cli_key',
      VISTARKRIYA_API_SECRET: 'cli_secret_123',
      VISTARKRIYA_ADMIN_CODE: '123456',
      VISTARKRIYA_BASE_URL: `http://127.0.0.1:${port}`,
    });
    expect(await runCli(['call', 'wallet.core.balance'], io)).toBe(1);
    const text = stderr.join('\n');
    expect(text).toContain('APIConnectionError');
    expect(text.match(/ECONNREFUSED/g)).toHaveLength(1);
    expect(text).toContain(`127.0.0.1:${port}`);
    expect(text).not.toContain('cli_secret_123');
  }, 15_000);
});

describe('the top-level help', () => {
  it('lists every sandbox option the sandbox help lists', () => {
    const options = [...SANDBOX_HELP.matchAll(/^\s+(--[a-z-]+)/gm)]
      .map((m) => m[1]!)
      .filter((o) => o !== '--help');
    expect(options).toContain('--quiet');
    for (const option of options) expect(MAIN_HELP, option).toContain(option);
  });

  it('mentions --version', () => {
    expect(MAIN_HELP).toContain('--version');
  });
});
