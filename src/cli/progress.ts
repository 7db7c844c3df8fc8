// Progress of `vistarkriya bulk`: a bar redrawn in place on a terminal, plain periodic lines
// otherwise (logs, CI, pipes). Both say done/total, rate, ETA and the counts by status.
import type { BulkProgress } from '../bulk/types.js';

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

const BAR_WIDTH = 24;
const TTY_EVERY_MS = 100;
/** The rate is measured over this window, so it follows changes (a 429 pause) within seconds. */
const RATE_WINDOW_MS = 10_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** `75 s` → `1:15`; hours when needed. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const [h, m, sec] = hms as [number, number, number];
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

export class ProgressView {
  /** Total rows, once counted. */
  total: number | undefined;
  private last: BulkProgress | undefined;
  private drawnAt = Number.NEGATIVE_INFINITY;
  private drewLine = false;
  /** (time, rows sent by this run) samples for the rate. */
  private samples: Array<[number, number]> = [];

  constructor(
    private readonly sink: ProgressSink,
    private readonly plainEveryMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  update(progress: BulkProgress): void {
    this.last = progress;
    const now = this.now();
    if (now - this.drawnAt < (this.sink.isTTY ? TTY_EVERY_MS : this.plainEveryMs)) return;
    this.draw(now);
  }

  /** Draws the last state once more and leaves the terminal on a fresh line. */
  finish(): void {
    if (this.last) this.draw(this.now());
    if (this.sink.isTTY && this.drewLine) this.sink.write('\n');
  }

  /** Rows per second over the last few seconds, rows from the checkpoint left out. */
  rate(): number {
    const samples = this.samples;
    if (samples.length < 2) return 0;
    const [t0, n0] = samples[0]!;
    const [t1, n1] = samples.at(-1)!;
    return t1 > t0 ? ((n1 - n0) / (t1 - t0)) * 1000 : 0;
  }

  /** One line of text for the current state. */
  line(): string {
    const p = this.last;
    if (!p) return '';
    const rate = this.rate();
    const { total } = this;
    const left = total !== undefined ? Math.max(0, total - p.done) : undefined;
    const eta = left !== undefined && rate > 0 ? formatDuration(left / rate) : '?';
    const counts = `ok ${fmt(p.counts.ok)}, invalid ${fmt(p.counts.invalid)}, failed ${fmt(p.counts.failed)}, unknown ${fmt(p.counts.unknown)}`;
    const paused = p.paused ? ', paused by a 429' : '';
    if (this.sink.isTTY) {
      const share = total ? Math.min(1, p.done / total) : 0;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
      const of =
        total !== undefined ? `${fmt(p.done)}/${fmt(total)} ${(share * 100).toFixed(1)}%` : fmt(p.done);
      return `${bar} ${of} · ${fmt(rate)} rows/s · ETA ${eta} · ${counts}${paused}`;
    }
    const of =
      total !== undefined
        ? `${fmt(p.done)}/${fmt(total)} rows (${((p.done / Math.max(1, total)) * 100).toFixed(1)}%)`
        : `${fmt(p.done)} rows`;
    return `bulk: ${of}, ${fmt(rate)} rows/s, ETA ${eta}; ${counts}${paused}`;
  }

  private draw(now: number): void {
    const p = this.last!;
    this.samples.push([now, p.done - p.resumed]);
    while (this.samples.length > 2 && now - this.samples[0]![0] > RATE_WINDOW_MS) this.samples.shift();
    this.drawnAt = now;
    if (this.sink.isTTY) {
      this.sink.write(`\r\x1b[2K${this.line()}`);
      this.drewLine = true;
    } else this.sink.write(`${this.line()}\n`);
  }
}
