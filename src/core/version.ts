// The SDK's version, from package.json. The build replaces `__VISTARKRIYA_VERSION__` with it
// (tsup.config.ts `define`), so the JSON import below is dead code there and leaves no trace in
// dist/; running from source (tsx, vitest), the JSON import reads package.json itself.
import pkg from '../../package.json' with { type: 'json' };

declare const __VISTARKRIYA_VERSION__: string | undefined;

export const SDK_VERSION: string =
  typeof __VISTARKRIYA_VERSION__ === 'string' ? __VISTARKRIYA_VERSION__ : pkg.version;
