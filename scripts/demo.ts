/**
 * `npm run demo`: starts the sandbox in-process, runs every example against it, prints a short
 * report and exits non-zero if any example fails. No account, no network.
 *
 *   npm run demo              one line per example
 *   npm run demo -- --verbose every call each example made
 */
import type { Example } from '../examples/_harness.js';
import b2c from '../examples/b2c.js';
import cibil from '../examples/cibil.js';
import errors from '../examples/errors.js';
import kamao from '../examples/kamao.js';
import marketplace from '../examples/marketplace.js';
import proxy from '../examples/proxy.js';
import veri5 from '../examples/veri5.js';
import verify from '../examples/verify.js';
import wallet from '../examples/wallet.js';
import { runDemo } from './demo-runner.js';

/** Every example, in the order the demo runs them. */
export const EXAMPLES: [name: string, run: Example][] = [
  ['wallet', wallet],
  ['cibil', cibil],
  ['verify', verify],
  ['marketplace', marketplace],
  ['kamao', kamao],
  ['b2c', b2c],
  ['veri5', veri5],
  ['errors', errors],
  ['proxy', proxy],
];

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const code = await runDemo({
  examples: EXAMPLES,
  verbose,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
if (!verbose) {
  console.log(
    'Details: npm run demo -- --verbose · one example: npx tsx examples/verify.ts · sandbox: npm run sandbox',
  );
}
process.exitCode = code;
