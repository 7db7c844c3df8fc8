// workerd runs this module worker (bundled as wrangler bundles, with the `workerd` condition):
// each request runs the contract and answers its report.
import { sandboxURL } from './config.mjs';
import { runContract } from './contract.mjs';
import vectors from './vectors.mjs';

export default {
  async fetch() {
    return Response.json(await runContract({ vectors, sandboxURL }));
  },
};
