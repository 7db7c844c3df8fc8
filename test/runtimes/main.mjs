// Node, Bun and Deno run this file: the contract against the host's sandbox, the report on stdout.
import { sandboxURL } from './config.mjs';
import { runContract } from './contract.mjs';
import vectors from './vectors.mjs';

console.log(`VK_CONTRACT ${JSON.stringify(await runContract({ vectors, sandboxURL }))}`);
