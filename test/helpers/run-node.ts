// A Node (or other) child process run to its end (from the repository root unless told), its output collected.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './php.js';

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS…` in `cwd` (default the repository root) with `env` added to this process's environment. */
export function runNode(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd: string = REPO_ROOT,
): Promise<NodeRun> {
  return runCommand(process.execPath, args, env, cwd);
}

/** Runs `command ARGS…` like {@link runNode} runs node. */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  cwd: string = REPO_ROOT,
): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
