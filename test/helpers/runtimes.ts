// The Bun and Deno binaries, from their npm packages (devDependencies). Each wrapper package
// (`bun`, `deno`) gets its platform's binary through an optional dependency and, in a postinstall
// script, moves or links it into the wrapper; npm may not run that script (`--ignore-scripts`, or
// an npm that asks for approval first), so the binary is looked for in both places.
import { openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { platform, arch } = process;

/** The first candidate (package, file in it) that is a real executable. */
function binary(name: string, candidates: [pkg: string, file: string][]): string {
  for (const [pkg, file] of candidates) {
    let dir: string;
    try {
      dir = path.dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      continue;
    }
    if (isNativeExecutable(path.join(dir, file))) return path.join(dir, file);
  }
  const looked = candidates.map(([pkg, file]) => `${pkg}/${file}`).join(', ');
  throw new Error(`${name}: no binary in node_modules (looked for ${looked}); run npm ci`);
}

/** An ELF or Mach-O file: the wrappers ship a text placeholder where the postinstall puts the binary. */
function isNativeExecutable(file: string): boolean {
  const head = Buffer.alloc(4);
  try {
    const fd = openSync(file, 'r');
    readSync(fd, head, 0, 4, 0);
    closeSync(fd);
  } catch {
    return false;
  }
  const magic = head.readUInt32BE(0);
  return magic === 0x7f454c46 || magic === 0xcffaedfe || magic === 0xcefaedfe;
}

export function bunBinary(): string {
  const bunArch = arch === 'arm64' ? 'aarch64' : arch;
  return binary('bun', [
    [`@oven/bun-${platform}-${bunArch}`, 'bin/bun'],
    ['bun', 'bin/bun.exe'],
  ]);
}

export function denoBinary(): string {
  const denoPlatform = platform === 'linux' ? `linux-${arch}-glibc` : `${platform}-${arch}`;
  return binary('deno', [
    [`@deno/${denoPlatform}`, 'deno'],
    ['deno', 'deno'],
  ]);
}
