// PHP for the tests: the real interpreter, from php-cli when this machine has one, else from npm
// (@php-wasm/node-8-3: PHP 8.3 compiled to WebAssembly), so `npm test` needs nothing but Node.
// Both run PHP source as PHP runs it; nothing here re-implements a PHP function in JavaScript.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A PHP program and what it is given: run like `php FILE ARGS… < STDIN`. */
export interface PhpScript {
  /** A PHP file on this machine. On php-wasm it must lie under the repository or the temp directory. */
  file?: string;
  /** PHP source, as a .php file holds it (starting with `<?php`); used when `file` is not given. */
  code?: string;
  /** `$argv[1…]`. */
  args?: readonly string[];
  /** What the program reads from `STDIN`. */
  stdin?: string | Uint8Array;
  /** Extra environment variables, for `getenv()`. */
  env?: Record<string, string>;
  /** PHP statements (no `<?php`) run just before the program, in the same run: e.g. a function it needs. */
  prelude?: string;
}

export interface PhpResult {
  exitCode: number;
  /** STDOUT, decoded as UTF-8. */
  stdout: string;
  /** STDERR: PHP's warnings and errors go here on both runners. */
  stderr: string;
}

export interface PhpRunner {
  readonly kind: 'php-cli' | 'php-wasm';
  /** `PHP_VERSION`. */
  readonly version: string;
  /** Runs a program to its end. Resolves whatever its exit code; a PHP fatal error is exit code 255. */
  run(script: PhpScript): Promise<PhpResult>;
  close(): Promise<void>;
}

/** The repository root (php-wasm sees it, and the temp directory, at the same paths as the host). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Settings both runners share, so that output and errors look the same on each. */
const INI: Record<string, string> = { memory_limit: '1024M', html_errors: '0' };

/** STDOUT of a run that must succeed; otherwise an error carrying PHP's STDERR. */
export async function phpOutput(php: PhpRunner, script: PhpScript): Promise<string> {
  const r = await php.run(script);
  if (r.exitCode !== 0) {
    throw new Error(`${php.kind} exited with ${r.exitCode}: ${r.stderr.trim().slice(0, 2000)}`);
  }
  return r.stdout;
}

/** `PHP_BINARY`, else `php` on PATH, else undefined. */
export function findPhpCli(): string | undefined {
  if (process.env.PHP_BINARY) return process.env.PHP_BINARY;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'php');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** php-cli when the machine has it (faster), else php-wasm from npm. */
export async function startPhp(): Promise<PhpRunner> {
  const binary = findPhpCli();
  return binary ? startPhpCli(binary) : startPhpWasm();
}

let shared: Promise<PhpRunner> | undefined;

/**
 * This test file's runner (vitest loads modules once per file), started on first use. It holds no
 * process, socket or timer, so nothing needs closing.
 */
export function sharedPhp(): Promise<PhpRunner> {
  shared ??= startPhp();
  return shared;
}

/** STDOUT of `script` on this file's runner; an error with PHP's STDERR if it exits non-zero. */
export async function runPhp(script: PhpScript): Promise<string> {
  return phpOutput(await sharedPhp(), script);
}

// ---------------------------------------------------------------- php-cli

export async function startPhpCli(binary: string): Promise<PhpRunner> {
  const ini = { ...INI, display_errors: 'stderr' };
  const iniArgs = Object.entries(ini).flatMap(([k, v]) => ['-d', `${k}=${v}`]);
  const run = async (script: PhpScript): Promise<PhpResult> => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'vk-php-'));
    try {
      const args = [...iniArgs];
      if (script.prelude !== undefined) {
        writeFileSync(path.join(tmp, 'prelude.php'), `<?php ${script.prelude}\n`);
        args.push('-d', `auto_prepend_file=${path.join(tmp, 'prelude.php')}`);
      }
      let file = script.file;
      if (file === undefined) {
        file = path.join(tmp, 'script.php');
        writeFileSync(file, script.code ?? '');
      }
      return await spawnPhp(binary, [...args, file, ...(script.args ?? [])], script);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  };
  const probe = await run({ code: '<?php echo PHP_VERSION;' });
  if (probe.exitCode !== 0) {
    throw new Error(`${binary} does not run PHP (exit ${probe.exitCode}): ${probe.stderr.trim()}`);
  }
  return { kind: 'php-cli', version: probe.stdout, run, close: async () => {} };
}

function spawnPhp(binary: string, args: string[], script: PhpScript): Promise<PhpResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...script.env } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => stdout.push(c));
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        exitCode: code ?? 1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // A program that exits without reading all of STDIN closes the pipe: not an error of ours.
    child.stdin.on('error', () => {});
    child.stdin.end(script.stdin ?? '');
  });
}

// ---------------------------------------------------------------- php-wasm

/**
 * One PHP 8.3 WebAssembly runtime. Runs are sequential (PHP.run queues them). php-wasm runs programs
 * as web requests, so the CLI's STDIN/STDOUT/STDERR constants and `$argv` are set up before each program:
 * STDIN reads the run's body, exactly the bytes given.
 */
export async function startPhpWasm(): Promise<PhpWasm> {
  const [{ loadPHPRuntime, PHP }, { getPHPLoaderModule }] = await Promise.all([
    import('@php-wasm/universal'),
    import('@php-wasm/node-8-3'),
  ]);
  // The loader refuses to start without a process id (what PHP reports as its own).
  const php = new PHP(await loadPHPRuntime(await getPHPLoaderModule(), { processId: 1 }));
  for (const dir of hostDirs()) {
    await php.mount(dir, (_php, FS, at) => {
      FS.mkdirTree(at);
      FS.mount((FS as any).filesystems.NODEFS, { root: dir }, at);
      return () => FS.unmount(at);
    });
  }
  const wasm = new PhpWasm(php);
  wasm.version = (await phpOutput(wasm, { code: '<?php echo PHP_VERSION;' })).trim();
  return wasm;
}

type PhpInstance = InstanceType<typeof import('@php-wasm/universal').PHP>;
type PhpRunOptions = Parameters<PhpInstance['run']>[0];

/** What a web server hands PHP for one request; header names keep their case and order. */
export interface PhpRequest {
  file: string;
  method: string;
  /** Path and query, e.g. `/api/v1/verify/pan?x=1`. */
  url: string;
  /** As Node's `req.rawHeaders`: name, value, name, value… */
  rawHeaders: readonly string[];
  body: Uint8Array;
}

export interface PhpResponse {
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
}

export class PhpWasm implements PhpRunner {
  readonly kind = 'php-wasm';
  version = '';
  #scripts = 0;
  constructor(private readonly php: PhpInstance) {}

  async run(script: PhpScript): Promise<PhpResult> {
    const source = script.file ? undefined : `/internal/vk-script-${++this.#scripts}.php`;
    const file = source ?? path.resolve(script.file!);
    if (source) this.php.writeFile(source, script.code ?? '');
    const argv = [file, ...(script.args ?? [])];
    const prelude = `${iniPrelude()}
      if (!defined('STDIN')) {
        define('STDIN', fopen('php://input', 'rb'));
        define('STDOUT', fopen('php://output', 'wb'));
        define('STDERR', fopen('php://stderr', 'wb'));
      }
      $argv = array_map('base64_decode', ${phpArray(argv.map(b64))});
      $argc = count($argv);
      $_SERVER['argv'] = $argv;
      $_SERVER['argc'] = $argc;
      ${script.prelude ?? ''}`;
    try {
      const r = await this.#exec({
        code: programWith(prelude, file),
        body: bytes(script.stdin),
        env: script.env ?? {},
      });
      return { exitCode: r.exitCode, stdout: Buffer.from(r.bytes).toString('utf8'), stderr: r.errors };
    } finally {
      if (source) this.php.unlink(source);
    }
  }

  /**
   * Runs `file` as a web endpoint serving one request: `php://input` is the body, `$_SERVER` holds the
   * method, URI and HTTP_* headers, and `getallheaders()` returns the header names exactly as sent (as
   * Apache's mod_php and PHP's built-in server do; a repeated name keeps its last value).
   */
  async request(req: PhpRequest): Promise<PhpResponse> {
    const names: string[] = [];
    const values: string[] = [];
    const headers: Record<string, string> = {};
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      names.push(b64(req.rawHeaders[i]!));
      values.push(b64(req.rawHeaders[i + 1]!));
      headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!;
    }
    const prelude = `${iniPrelude()}
      if (!function_exists('getallheaders')) {
        function getallheaders(): array {
          return array_combine(
            array_map('base64_decode', ${phpArray(names)}),
            array_map('base64_decode', ${phpArray(values)}),
          );
        }
      }`;
    const r = await this.#exec({
      code: programWith(prelude, path.resolve(req.file)),
      method: req.method as PhpRunOptions['method'],
      relativeUri: req.url,
      headers,
      body: req.body,
      $_SERVER: { SCRIPT_FILENAME: path.resolve(req.file) },
    });
    return { status: r.httpStatusCode, headers: r.headers, body: Buffer.from(r.bytes) };
  }

  async close(): Promise<void> {
    this.php.exit();
  }

  async #exec(options: PhpRunOptions) {
    try {
      return await this.php.run(options);
    } catch (err) {
      // A fatal error or a non-zero exit: the response is still there, with PHP's exit code and STDERR.
      const response = (err as { response?: Awaited<ReturnType<PhpInstance['run']>> }).response;
      if (response) return response;
      throw err;
    }
  }
}

/** The host directories php-wasm sees at the same paths: the repository and the temp directory. */
function hostDirs(): string[] {
  const dirs = [realpathSync(os.tmpdir()), realpathSync(REPO_ROOT)].sort();
  // A repository cloned into the temp directory is already visible through it.
  return dirs.filter((d, i) => !dirs.slice(0, i).some((outer) => d.startsWith(`${outer}/`)));
}

/** INI for one php-wasm run; errors are not displayed because php-wasm already logs them to STDERR. */
function iniPrelude(): string {
  return Object.entries({ ...INI, display_errors: '0' })
    .map(([k, v]) => `ini_set(${phpString(k)}, ${phpString(v)});`)
    .join(' ');
}

/** A program that runs `prelude`, then `file` in the global scope (so its top-level variables are globals). */
function programWith(prelude: string, file: string): string {
  return `<?php ${prelude}\nrequire ${phpString(file)};`;
}

function bytes(value: string | Uint8Array | undefined): Uint8Array {
  if (value === undefined) return new Uint8Array();
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

function b64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/** A PHP single-quoted string literal (base64 and paths only: no quote or backslash inside). */
function phpString(value: string): string {
  if (/['\\]/.test(value)) throw new Error(`cannot quote ${JSON.stringify(value)} for PHP`);
  return `'${value}'`;
}

function phpArray(values: readonly string[]): string {
  return `[${values.map(phpString).join(', ')}]`;
}
