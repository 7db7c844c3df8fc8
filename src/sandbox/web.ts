// The sandbox's web-standard surface, shared by `vistarkriya/sandbox` and `vistarkriya/testing`:
// everything but the Node server, so it runs in every runtime with a Fetch API.
export * from './magic.js';
export type {
  OpenCredentials,
  PlatformCredentials,
  SandboxCoreOptions,
  SandboxHeaders,
  SandboxLogger,
  SandboxOptions,
  SandboxRequest,
  Veri5Credentials,
} from './types.js';
export {
  MAX_BODY_BYTES,
  SANDBOX_CREDENTIALS,
  SANDBOX_OPEN_CREDENTIALS,
  SANDBOX_VERI5_CREDENTIALS,
  type SandboxConnection,
  type WebSandbox,
  createSandbox,
} from './core.js';
export { platformSignature, TIMESTAMP_WINDOW_SECONDS } from './platform-auth.js';
