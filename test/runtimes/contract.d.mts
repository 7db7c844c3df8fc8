// Types of contract.mjs (the report it returns) for the TypeScript hosts.

export interface ContractReport {
  /** `node 22.x`, `bun`, `deno`, `workerd` or `browser`. */
  runtime: string;
  /** The file `import 'vistarkriya'` resolved to, where the runtime says (not in a bundle). */
  resolved: string | undefined;
  results: { name: string; ok: boolean; error?: string }[];
}
