// Runs once before any test file: checks what the suite needs beyond `npm ci` and, when something
// cannot be had, stops the run with one line saying what to install, instead of letting every test
// that needs it fail in ways that look like SDK bugs. Unpacks the npm Chromium here, once.
import { ChromiumUnavailableError, chromiumVersion, findChromium } from './helpers/chromium.js';
import { findPhpCli, startPhp } from './helpers/php.js';

export default async function setup(): Promise<void> {
  const missing = (await Promise.all([checkPhp(), checkChromium()])).filter((m) => m !== undefined);
  if (missing.length > 0) {
    // Exits rather than throws: vitest would print "No test files found" and a stack under the line.
    process.stderr.write(`\nThe tests cannot run on this machine. ${missing.join(' ')}\n`);
    process.exit(1);
  }
}

async function checkPhp(): Promise<string | undefined> {
  const binary = findPhpCli();
  try {
    await (await startPhp()).close();
    return undefined;
  } catch (err) {
    const what = binary ? `${binary} does not run` : 'PHP from npm (@php-wasm/node-8-3) does not load here';
    return `PHP: ${what} (${firstLine(err)}): install php-cli (Debian/Ubuntu: apt-get install php-cli) or set PHP_BINARY=/path/to/php.`;
  }
}

async function checkChromium(): Promise<string | undefined> {
  try {
    chromiumVersion(await findChromium());
    return undefined;
  } catch (err) {
    if (err instanceof ChromiumUnavailableError) return err.message;
    return `Chromium: ${firstLine(err)}.`;
  }
}

function firstLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split('\n')[0]!;
}
