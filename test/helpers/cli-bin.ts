// How tests start the `vistarkriya` bin as a process: the built dist/cli.js when it is newer than
// every file in src/ (CI builds first), else src/cli.ts through tsx.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST_CLI = path.join(ROOT, 'dist/cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The node arguments that run the bin, and whether they are the built one. */
export function binCommand(): { args: string[]; built: boolean } {
  try {
    if (statSync(DIST_CLI).mtimeMs >= newestMtime(path.join(ROOT, 'src')))
      return { args: [DIST_CLI], built: true };
  } catch {
    // no dist yet
  }
  return { args: ['--import', 'tsx', path.join(ROOT, 'src/cli.ts')], built: false };
}
