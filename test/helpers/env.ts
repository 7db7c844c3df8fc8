import { vi } from 'vitest';

/**
 * Stubs several environment variables at once (`''` stands for unset). Undo with
 * `vi.unstubAllEnvs()` in an `afterEach`.
 */
export function stubEnvs(vars: Record<string, string>): void {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
}
