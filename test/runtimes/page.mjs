// Chromium runs this page script (bundled as a front-end bundler does, `browser` condition). The
// page is served from the sandbox's origin, and a createProxyHandler answers at /api/vk there.
import { runContract } from './contract.mjs';
import vectors from './vectors.mjs';

globalThis.runContract = () =>
  runContract({ vectors, sandboxURL: location.origin, proxyURL: `${location.origin}/api/vk` });
