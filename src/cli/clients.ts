import { VistarkriyaClient } from '../client.js';
import { Veri5Client } from '../veri5/index.js';
import type { CliIO } from './io.js';

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
        environment: env.VERI5_ENVIRONMENT === 'production' ? 'production' : 'sandbox',
      })
    : new VistarkriyaClient({
        baseURL: baseURL ?? env.VISTARKRIYA_BASE_URL,
        apiKey: env.VISTARKRIYA_API_KEY,
        apiSecret: env.VISTARKRIYA_API_SECRET,
        adminCode: env.VISTARKRIYA_ADMIN_CODE,
      });
}
