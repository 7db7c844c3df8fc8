// The `vistarkriya` bin: started as a process (`sandbox --port P`) and driven with raw HTTP;
// `sign` checked against PHP; `call` and the help texts run in-process.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { startSandbox } from '../src/sandbox/index.js';
import { ROOT, binCommand } from './helpers/cli-bin.js';
import { runPhp } from './helpers/php.js';
import { rawRequest, signedRequest } from './helpers/raw-request.js';
import { freePort } from './helpers/net.js';

function capture(
  env: Record<string, string | undefined> = {},
): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env };
}

const BIN = binCommand();

describe(`vistarkriya sandbox --port P (${BIN.built ? 'built dist/cli.js' : 'src/cli.ts through tsx: dist is stale or absent'})`, () => {
  let child: ChildProcess;
  let url: string;
  let output = '';
  beforeAll(async () => {
    const port = await freePort();
    const { args } = BIN;
    child = spawn(process.execPath, [...args, 'sandbox', '--port', String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = `http://127.0.0.1:${port}`;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => {
        output += c.toString();
      });
      child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prints the URL and the default test credentials', () => {
    expect(output).toContain(`listening on ${url}`);
    for (const s of ['vk_test_sandbox', 'sandbox_secret', '123456']) expect(output).toContain(s);
  });

  it('accepts a correct signature over exact UTF-8 bytes', async () => {
    const res = await signedRequest(url, 'POST', '/api/v1/verify/pan', '{"pan":"ABCPV1234D","name":"सुरेश"}');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, data: { status: 'VALID', pan: 'ABCPV1234D' } });
  });

  it('wrong secret → 401 HMAC_INVALID', async () => {
    const res = await signedRequest(url, 'GET', '/api/v1/wallet/core/balance', '', { secret: 'nope' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      success: false,
      error: { code: 'HMAC_INVALID', message: expect.any(String), http_status: 401 },
    });
  });

  it('timestamp 400 s old → TIMESTAMP_EXPIRED', async () => {
    const res = await signedRequest(url, 'GET', '/api/v1/wallet/core/balance', '', {
      timestamp: Math.floor(Date.now() / 1000) - 400,
    });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('TIMESTAMP_EXPIRED');
  });

  it('missing key → AUTH_MISSING_KEY', async () => {
    const res = await rawRequest(url, 'GET', '/api/v1/wallet/core/balance', {});
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({
      code: 'AUTH_MISSING_KEY',
      message: 'X-API-Key header missing',
      http_status: 401,
    });
  });

  it('logs each request without the signature or body', async () => {
    await signedRequest(url, 'POST', '/api/v1/verify/pan', '{"pan":"ABCPV1234D"}');
    await new Promise((r) => setTimeout(r, 100));
    expect(output).toMatch(/POST \/api\/v1\/verify\/pan -> 200/);
    expect(output).not.toContain('ABCPV1234D"}');
    expect(output).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe('vistarkriya sign', () => {
  const env = {
    VISTARKRIYA_API_SECRET: 'sandbox_secret',
    VISTARKRIYA_API_KEY: 'vk_test_sandbox',
    VISTARKRIYA_ADMIN_CODE: '123456',
  };

  it('prints the exact string and the PHP-identical signature, never the secret', async () => {
    const body = '{"pan":"ABCDE1234F"}';
    const io = capture(env);
    const code = await runCli(
      [
        'sign',
        '--method',
        'POST',
        '--path',
        '/api/v1/verify/pan',
        '--body',
        body,
        '--timestamp',
        '1739612345',
      ],
      io,
    );
    expect(code).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain(`>>>1739612345POST/api/v1/verify/pan${body}<<<`);
    const php = await runPhp({
      code: '<?php echo hash_hmac("sha256", $argv[1], "sandbox_secret");',
      args: [`1739612345POST/api/v1/verify/pan${body}`],
    });
    expect(text).toContain(`X-Signature: ${php}`);
    expect(text).not.toContain('sandbox_secret');
    expect(text).toContain('HMAC_INVALID');
  });

  it('warns about a lower-case method, a path without /api/v1, a pretty body and skew', async () => {
    const io = capture(env);
    await runCli(
      ['sign', '-X', 'get', '-p', '/wallet/core/balance', '-t', String(Math.floor(Date.now() / 1000) - 900)],
      io,
    );
    const text = io.stdout.join('\n');
    expect(text).toContain('>>>');
    expect(text).toMatch(/upper-cased to "GET"/);
    expect(text).toMatch(/does not start with \/api\/v1/);
    expect(text).toMatch(/outside the 5-minute window/);
    const pretty = capture(env);
    await runCli(['sign', '-X', 'POST', '-p', '/api/v1/verify/pan', '-d', '{ "pan": "ABCDE1234F" }'], pretty);
    expect(pretty.stdout.join('\n')).toMatch(/not compact JSON/);
  });

  it('needs the secret in the environment (exit 2), and the built bin prints the same', async () => {
    const io = capture({});
    expect(await runCli(['sign', '--method', 'GET', '--path', '/api/v1/wallet/core/balance'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('VISTARKRIYA_API_SECRET');
    const { args } = binCommand();
    const out = execFileSync(
      process.execPath,
      [
        ...args,
        'sign',
        '--method',
        'GET',
        '--path',
        '/api/v1/wallet/core/balance',
        '--timestamp',
        '1739612345',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
      },
    ).toString();
    expect(out).toContain('>>>1739612345GET/api/v1/wallet/core/balance<<<');
    expect(out).not.toContain('sandbox_secret');
  });
});

describe('vistarkriya call and help', () => {
  it('runs an operation against the sandbox with env credentials and prints JSON', async () => {
    const sb = await startSandbox();
    try {
      const io = capture(sb.env);
      expect(await runCli(['call', 'verify.pan', '{"pan":"ABCPM1234M","name":"Ravi Kumar"}'], io)).toBe(0);
      expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ status: 'NAME_MISMATCH', pan: 'ABCPM1234M' });
      const raw = capture(sb.env);
      expect(await runCli(['call', '/api/v1/wallet/core/balance'], raw)).toBe(0);
      expect(JSON.parse(raw.stdout.join('\n'))).toMatchObject({ balance: 15420.5 });
      const bad = capture({ ...sb.env, VISTARKRIYA_API_SECRET: 'wrong' });
      expect(await runCli(['call', 'wallet.core.balance'], bad)).toBe(1);
      expect(bad.stderr.join('\n')).toContain('HMAC_INVALID');
      const invalid = capture(sb.env);
      expect(
        await runCli(['call', 'verify.aadhaar', '{"aadhaar":"234567890123","consent":true}'], invalid),
      ).toBe(1);
      expect(invalid.stderr.join('\n')).toContain('InputValidationError');
      expect(invalid.stderr.join('\n')).not.toContain('234567890123');
      expect(sb.requests.filter((r) => r.target.includes('aadhaar'))).toHaveLength(0);
      const v5 = capture(sb.env);
      expect(await runCli(['call', 'veri5.verifyGstin', '{"gstin":"27ABCPV1234D1ZY"}'], v5)).toBe(0);
      expect(JSON.parse(v5.stdout.join('\n'))).toMatchObject({ status: 'SUCCESS', code: '000' });
    } finally {
      await sb.close();
    }
  });

  it('unknown operations and commands are usage errors (exit 2)', async () => {
    const io = capture({
      VISTARKRIYA_API_KEY: 'k',
      VISTARKRIYA_API_SECRET: 's',
      VISTARKRIYA_ADMIN_CODE: '1',
      VISTARKRIYA_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(await runCli(['call', 'verify.panx'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('verify.pan');
    expect(await runCli(['frobnicate'], capture())).toBe(2);
    expect(await runCli(['sign', '--nope'], capture())).toBe(2);
  });

  it.each([['sandbox'], ['sign'], ['call']])('%s --help', async (command) => {
    const io = capture();
    expect(await runCli([command, '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain(`Usage: vistarkriya ${command}`);
  });

  it('--help lists the commands; call --list lists every operation', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/sandbox[\s\S]*sign[\s\S]*call/);
    const list = capture();
    await runCli(['call', '--list'], list);
    expect(list.stdout).toHaveLength(26);
    // Veri5's rows list their route too (they used to print the bare id).
    expect(list.stdout).toContainEqual(
      expect.stringMatching(/^veri5\.verifyGstin +POST \/service\/api\/1\.0\/verifyGSTIN$/),
    );
  });
});
