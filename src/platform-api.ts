// What every client of the Vistarkriya platform API is built from, shared by VistarkriyaClient and
// the proxy's upstream: credentials → signer, the base URL, the clock-skew rule, route overrides.
import { createPipeline } from './core/base-client.js';
import { isPlatformClockSkew } from './core/interpret.js';
import type { PipelineConfig } from './core/pipeline.js';
import { platformSigner } from '#platform/platform-signer';
import { type EnvVars, readEnv } from './platform/runtime.js';
import type { Operation } from './model/operation.js';
import { DEFAULT_BASE_URL } from './model/hosts.js';
import type { PlatformOptions } from './platform-options.js';

export { DEFAULT_BASE_URL };
export type { PlatformOptions };

/** The pipeline of a platform client: one signer, transport, clock, logger and redactor. */
export function platformPipeline(options: PlatformOptions, clientName: string): PipelineConfig {
  const signer = platformSigner(options, clientName);
  return createPipeline(options, signer, platformBaseURL(options.baseURL), isPlatformClockSkew);
}

/**
 * Where a platform client sends its calls: `baseURL`, else env `VISTARKRIYA_BASE_URL`, else
 * `DEFAULT_BASE_URL`. `env` replaces the process's environment (the CLI passes its own).
 */
export function platformBaseURL(baseURL: string | undefined, env?: EnvVars): string {
  return baseURL ?? readEnv('VISTARKRIYA_BASE_URL', env) ?? DEFAULT_BASE_URL;
}

/** The route an operation is sent to: its `routes` override, else its documented path. */
export function routeResolver(routes: Record<string, string> | undefined): (op: Operation) => string {
  const overrides: Record<string, string | undefined> = { ...routes };
  return (op) => overrides[op.id] ?? op.path;
}
