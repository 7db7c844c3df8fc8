// The checkpoint's append log writes each group of lines as one string; when the file takes only
// part of it (write(2) may return short), the rest follows from the exact byte where it stopped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Every write takes at most 7 bytes, so multi-byte characters are cut in the middle.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = (fd: number, data: string | Uint8Array, offset = 0) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const start = typeof data === 'string' ? 0 : offset;
    return fs.writeSync(fd, bytes.subarray(start, start + 7));
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { AppendLog } = await import('../src/bulk/jsonl.js');
const dir = mkdtempSync(path.join(tmpdir(), 'vk-append-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AppendLog with short writes', () => {
  it('writes every line whole, non-ASCII included, and resolves each append after its line', async () => {
    const file = path.join(dir, 'short.jsonl');
    const log = AppendLog.open(file);
    const lines = ['{"name":"नमस्ते"}', '{"city":"Zürich","n":1}', '{"emoji":"😀"}'];
    await Promise.all(lines.map((line) => log.append(line)));
    expect(readFileSync(file, 'utf8')).toBe(`${lines.join('\n')}\n`);
    await log.append('{"last":true}');
    log.close();
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toEqual([...lines, '{"last":true}']);
  });
});
