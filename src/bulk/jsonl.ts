// JSON Lines files that survive a killed process: a torn last line is repaired on open, and
// appends are group-committed, each caller learning when its line has reached the file.
import { closeSync, createReadStream, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createInterface } from 'node:readline';

const TAIL_CHUNK = 64 * 1024;

/**
 * Makes the file end on a complete line: a last line without its newline is kept (newline added)
 * when it parses as JSON, and cut off otherwise (a write the killed process did not finish).
 * Returns how many bytes were cut. A missing file is left missing.
 */
export async function repairJsonlTail(path: string): Promise<number> {
  let file: FileHandle;
  try {
    file = await open(path, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  try {
    const { size } = await file.stat();
    if (size === 0) return 0;
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return 0;
    // Walk back to the last newline (a result line may be longer than one chunk).
    let lineStart = 0;
    for (let end = size; end > 0 && lineStart === 0; end -= TAIL_CHUNK) {
      const start = Math.max(0, end - TAIL_CHUNK);
      const chunk = Buffer.alloc(end - start);
      await file.read(chunk, 0, chunk.length, start);
      const nl = chunk.lastIndexOf(0x0a);
      if (nl >= 0) lineStart = start + nl + 1;
    }
    const tail = Buffer.alloc(size - lineStart);
    await file.read(tail, 0, tail.length, lineStart);
    if (parsesAsJson(tail.toString('utf8'))) {
      await file.write('\n', size);
      return 0;
    }
    await file.truncate(lineStart);
    return size - lineStart;
  } finally {
    await file.close();
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The non-blank lines of a file, streamed (nothing if the file does not exist). */
export async function* readLines(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<boolean>((resolve, reject) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' ? resolve(false) : reject(err),
    );
  });
  if (!(await opened)) return;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line.trim() !== '') yield line;
  } finally {
    lines.close();
    stream.destroy();
  }
}

/**
 * An append-only file of lines with group commit: every line appended in one turn of the event
 * loop goes out in one synchronous `write(2)` when the turn ends (`setImmediate`), so a run at
 * concurrency 32 makes a few writes per 32 rows. A small append to the page cache costs a few
 * microseconds, less than a round trip through libuv's thread pool, and it is what makes a line
 * survive a killed process. A line appended with `sync` also survives a power cut or a kernel
 * panic: its write is followed by `fdatasync(2)` before its caller learns it is written (one
 * fdatasync per group, however many lines in it asked for one).
 */
export class AppendLog {
  private queued: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;
  /** A line of the queued group asked to be on disk, not only in the page cache. */
  private syncQueued = false;
  private failure: unknown;

  private constructor(private fd: number | undefined) {}

  static open(path: string): AppendLog {
    return new AppendLog(openSync(path, 'a'));
  }

  /**
   * Appends one line (a newline is added); resolves once it has been written to the file, and with
   * `sync` once it is on disk (fdatasync).
   */
  append(line: string, sync = false): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queued.push(line);
      if (sync) this.syncQueued = true;
      this.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes what is queued, then closes the file. */
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private flush(): void {
    this.scheduled = false;
    if (this.queued.length === 0) return;
    const text = `${this.queued.join('\n')}\n`;
    const waiters = this.waiters;
    const sync = this.syncQueued;
    this.queued = [];
    this.waiters = [];
    this.syncQueued = false;
    try {
      if (this.fd === undefined) throw new Error('The checkpoint file is closed.');
      // The string as it is (no Buffer to allocate); a short write continues from the bytes.
      const written = writeSync(this.fd, text);
      if (written < Buffer.byteLength(text, 'utf8')) {
        const bytes = Buffer.from(text, 'utf8');
        for (let at = written; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
      }
      if (sync) fdatasyncSync(this.fd);
      for (const w of waiters) w.resolve();
    } catch (err) {
      this.failure = err;
      for (const w of waiters) w.reject(err);
    }
  }
}
