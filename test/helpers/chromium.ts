// The Chromium the browser test drives: CHROMIUM_PATH, else a Chromium or Chrome on this machine,
// else the headless Chromium that the npm package @sparticuz/chromium ships (Linux x64 only).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';

export interface Chromium {
  executablePath: string;
  /** Flags this build needs on top of the test's own. */
  args: string[];
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

/** What a new machine is missing, said in one line: thrown where no Chromium can be had. */
export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
/** Flags of the npm build's recommended set that switch off the same-origin policy: a page must not get them. */
const WEAKER_THAN_A_BROWSER = ['--disable-web-security', '--allow-running-insecure-content'];
const INSTALL_HINT =
  'install Chromium or Chrome (Debian/Ubuntu: apt-get install chromium), or set CHROMIUM_PATH=/path/to/chrome';

export async function findChromium(): Promise<Chromium> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new ChromiumUnavailableError(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
    }
    return { executablePath: fromEnv, args: [], source: 'CHROMIUM_PATH' };
  }
  const system = findSystemChromium();
  if (system) return { executablePath: system, args: [], source: 'system' };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new ChromiumUnavailableError(
      `No Chromium found, and the npm one (@sparticuz/chromium) runs on Linux x64 only (this is ${process.platform} ${process.arch}): ${INSTALL_HINT}.`,
    );
  }
  return npmChromium();
}

const HEADLESS_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium (found by {@link findChromium}) with a fresh profile; `close()` removes both. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await findChromium();
  const { chromium: playwright } = await import('playwright-core');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'vk-chromium-'));
  try {
    const context = await playwright.launchPersistentContext(userDataDir, {
      executablePath: browser.executablePath,
      headless: true,
      args: [...browser.args, ...HEADLESS_FLAGS],
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Runs `--version`: proves the binary starts here (the npm build needs the system's NSS and expat).
 * Returns the version line; throws one line saying what to install.
 */
export function chromiumVersion(chromium: Chromium): string {
  try {
    return execFileSync(chromium.executablePath, ['--version'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '');
    const lib = /error while loading shared libraries: ([^:\s]+)/.exec(stderr)?.[1];
    const why = lib
      ? `needs the system library ${lib} (Debian/Ubuntu: apt-get install libnss3 libexpat1)`
      : 'does not start';
    throw new ChromiumUnavailableError(
      `Chromium from ${chromium.source} (${chromium.executablePath}) ${why}: ${lib ? 'install it' : INSTALL_HINT}.`,
    );
  }
}

function findSystemChromium(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const candidates = dirs.flatMap((dir) => SYSTEM_NAMES.map((name) => path.join(dir, name)));
  if (process.platform === 'darwin') candidates.push(...MAC_APPS);
  return candidates.find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The npm build, unpacked once into node_modules/.cache/vistarkriya-chromium/<version>. The package
 * unpacks into os.tmpdir() (a shared /tmp/chromium, whatever its version, half-written while another
 * process unpacks): so it is pointed at a private staging directory, moved into place when complete.
 */
async function npmChromium(): Promise<Chromium> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const req = createRequire(import.meta.url);
  const pkgDir = path.resolve(path.dirname(req.resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const cacheRoot = fileURLToPath(new URL('../../node_modules/.cache/vistarkriya-chromium', import.meta.url));
  const dir = path.join(cacheRoot, version);
  const executablePath = path.join(dir, 'chromium');
  if (!isExecutable(executablePath)) {
    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(path.join(cacheRoot, '.staging-'));
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      await chromium.executablePath();
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    try {
      renameSync(staging, dir);
    } catch {
      // Another process moved its copy into place first.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return {
    executablePath,
    args: chromium.args.filter((flag) => !WEAKER_THAN_A_BROWSER.includes(flag)),
    source: '@sparticuz/chromium',
  };
}
