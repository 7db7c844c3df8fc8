import { readEnv } from '../platform/runtime.js';
import type { Redactor } from './redact.js';

/** Lowest level that is logged (`off` silences the SDK). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Anything console-like works: `console`, pino, winston, bunyan. */
export interface Logger {
  /** Detailed traces: every request line, retries, timings. */
  debug(message: string, ...rest: unknown[]): void;
  /** Noteworthy events: retries, clock-skew corrections. */
  info(message: string, ...rest: unknown[]): void;
  /** Something is probably wrong (default level). */
  warn(message: string, ...rest: unknown[]): void;
  /** A failure the SDK could not handle. */
  error(message: string, ...rest: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/**
 * The SDK's internal logger: level-filtered, every line passes through the redactor, and it never
 * throws. A log line is an observation: a logger that fails (a full disk, a closed transport, a
 * rejected promise from an async logger) must not turn a call the platform carried out into an
 * error, which a caller might retry and pay for twice.
 */
export interface InternalLogger {
  readonly debugEnabled: boolean;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

function parseLevel(value: string | undefined): LogLevel | undefined {
  const v = value?.toLowerCase();
  return v && v in RANK ? (v as LogLevel) : undefined;
}

export function createLogger(
  options: { logger?: Logger; logLevel?: LogLevel },
  redact: Redactor,
): InternalLogger {
  const target: Logger = options.logger ?? console;
  const level = options.logLevel ?? parseLevel(readEnv('VISTARKRIYA_LOG')) ?? 'warn';
  const min = RANK[level];
  const at = (name: Exclude<LogLevel, 'off'>) =>
    RANK[name] >= min ? (message: string) => write(target, name, `[vistarkriya] ${redact(message)}`) : ignore;
  return {
    debugEnabled: RANK.debug >= min,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

function ignore(): void {}

/** Hands one line to the user's logger; whatever it throws or rejects with is dropped. */
function write(target: Logger, level: Exclude<LogLevel, 'off'>, line: string): void {
  try {
    const returned: unknown = target[level](line);
    const then = (returned as { then?: unknown } | null | undefined)?.then;
    if (typeof then === 'function') then.call(returned, undefined, ignore);
  } catch {
    // Dropped on purpose (see InternalLogger).
  }
}
