// @php-wasm/node-8-3 names an index.d.ts in its package.json but does not ship one.
declare module '@php-wasm/node-8-3' {
  import type { PHPLoaderModule } from '@php-wasm/universal';
  export function getPHPLoaderModule(): Promise<PHPLoaderModule>;
}
