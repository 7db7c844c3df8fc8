// The production hosts, stated once: the clients' defaults and the OpenAPI document's servers.

/** The platform's production base URL, used when neither `baseURL` nor `VISTARKRIYA_BASE_URL` is set. */
export const DEFAULT_BASE_URL = 'https://vistarkriya.com';

/** The Veri5 API document, "2.1 Hostname". */
export const VERI5_HOSTS = {
  sandbox: 'https://sandbox.veri5digital.com',
  production: 'https://prod.veri5digital.com',
} as const;
