// What the suite needs beyond `npm ci` (test/global-setup.ts): where it cannot be had, the run
// stops with one line saying what to install, before any test runs.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChromiumUnavailableError, chromiumVersion, findChromium } from './helpers/chromium.js';
import { REPO_ROOT } from './helpers/php.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vk-prereq-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

/** An executable that behaves like a Chromium whose shared libraries are missing. */
function brokenChromium(): string {
  const file = path.join(tmp, 'chromium');
  writeFileSync(
    file,
    '#!/bin/sh\necho "chromium: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory" >&2\nexit 127\n',
  );
  chmodSync(file, 0o755);
  return file;
}

describe('Chromium', () => {
  it('CHROMIUM_PATH comes first and must be an executable', async () => {
    const fake = brokenChromium();
    vi.stubEnv('CHROMIUM_PATH', fake);
    await expect(findChromium()).resolves.toEqual({
      executablePath: fake,
      args: [],
      source: 'CHROMIUM_PATH',
    });
    vi.stubEnv('CHROMIUM_PATH', path.join(tmp, 'absent'));
    await expect(findChromium()).rejects.toThrow(ChromiumUnavailableError);
  });

  it('a Chromium that cannot start names the missing library and what to install, in one line', () => {
    const fake = brokenChromium();
    let message = '';
    try {
      chromiumVersion({ executablePath: fake, args: [], source: '@sparticuz/chromium' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/needs the system library libnss3\.so .*apt-get install libnss3/);
    expect(message).not.toContain('\n');
  });

  it('without CHROMIUM_PATH and with none on PATH: the npm build on Linux x64, else one line to act on', async () => {
    vi.stubEnv('CHROMIUM_PATH', '');
    // A PATH with node alone: node's own directory may hold a system Chromium (/usr/bin on Debian).
    const bin = path.join(tmp, 'node-only-bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, path.join(bin, 'node'));
    vi.stubEnv('PATH', bin);
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      await expect(findChromium()).rejects.toThrow(/runs on Linux x64 only .*: install Chromium or Chrome/);
      return;
    }
    const chromium = await findChromium();
    expect(chromium.source).toBe('@sparticuz/chromium');
    expect(chromiumVersion(chromium)).toMatch(/^Chromium \d+\./);
    // Its flags never switch off the same-origin policy.
    expect(chromium.args).not.toContain('--disable-web-security');
  });
});

describe('the run stops with one line when a prerequisite is missing', () => {
  it('names what to install; no test runs and nothing else is reported as failing', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/errors.test.ts'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, CHROMIUM_PATH: path.join(tmp, 'absent'), NO_COLOR: '1' },
        timeout: 60_000,
      },
    );
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status).toBe(1);
    const lines = output.split('\n').filter((l) => l.includes('cannot run'));
    expect(lines).toEqual([
      `The tests cannot run on this machine. CHROMIUM_PATH=${path.join(tmp, 'absent')} is not an executable file.`,
    ]);
    expect(output).not.toMatch(/FAIL|No test files found|Error:/);
  }, 60_000);
});
