import { VistarkriyaClient } from '../client.js';
import { platformBaseURL } from '../platform-api.js';
import { Veri5Client, veri5BaseURL, veri5Environment } from '../veri5/client.js';
import type { CliIO } from './io.js';

/**
 * The client an operation runs on, configured from the environment: a Veri5Client for `veri5.*`
 * (VERI5_*), a VistarkriyaClient otherwise (VISTARKRIYA_*), and the base URL it sends to. `baseURL`
 * (the `--base-url` flag) overrides the environment's, as the clients' own option does.
 */
export function clientFromEnv(
  operation: string,
  env: CliIO['env'],
  baseURL: string | undefined,
): { client: VistarkriyaClient | Veri5Client; baseURL: string } {
  if (operation.startsWith('veri5.')) {
    const environment = veri5Environment(undefined, env);
    const url = veri5BaseURL(baseURL, environment, env);
    return {
      baseURL: url,
      client: new Veri5Client({
        baseURL: url,
        clientCode: env.VERI5_CLIENT_CODE,
        apiKey: env.VERI5_API_KEY,
        salt: env.VERI5_SALT,
        environment,
      }),
    };
  }
  const url = platformBaseURL(baseURL, env);
  return {
    baseURL: url,
    client: new VistarkriyaClient({
      baseURL: url,
      apiKey: env.VISTARKRIYA_API_KEY,
      apiSecret: env.VISTARKRIYA_API_SECRET,
      adminCode: env.VISTARKRIYA_ADMIN_CODE,
    }),
  };
}
