import { VistarkriyaClient } from '../client.js';
import { DEFAULT_BASE_URL } from '../platform-api.js';
import { VERI5_HOSTS, Veri5Client } from '../veri5/index.js';
import type { CliIO } from './io.js';

const veri5Environment = (env: CliIO['env']) =>
  env.VERI5_ENVIRONMENT === 'production' ? 'production' : 'sandbox';

/**
 * The client an operation runs on, configured from the environment: a Veri5Client for
 * `veri5.*` (VERI5_*), a VistarkriyaClient otherwise (VISTARKRIYA_*). `baseURL` overrides the
 * environment's.
 */
export function clientFromEnv(
  operation: string,
  env: CliIO['env'],
  baseURL: string | undefined,
): VistarkriyaClient | Veri5Client {
  return operation.startsWith('veri5.')
    ? new Veri5Client({
        baseURL: baseURL ?? env.VERI5_BASE_URL,
        clientCode: env.VERI5_CLIENT_CODE,
        apiKey: env.VERI5_API_KEY,
        salt: env.VERI5_SALT,
        environment: veri5Environment(env),
      })
    : new VistarkriyaClient({
        baseURL: baseURL ?? env.VISTARKRIYA_BASE_URL,
        apiKey: env.VISTARKRIYA_API_KEY,
        apiSecret: env.VISTARKRIYA_API_SECRET,
        adminCode: env.VISTARKRIYA_ADMIN_CODE,
      });
}

/** Where `clientFromEnv`'s client sends `operation` (the clients' own defaults), for messages. */
export function baseURLFromEnv(operation: string, env: CliIO['env'], baseURL: string | undefined): string {
  return operation.startsWith('veri5.')
    ? (baseURL ?? env.VERI5_BASE_URL ?? VERI5_HOSTS[veri5Environment(env)])
    : (baseURL ?? env.VISTARKRIYA_BASE_URL ?? DEFAULT_BASE_URL);
}
