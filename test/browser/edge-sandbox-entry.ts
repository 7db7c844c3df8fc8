// What an edge function (or a worker) gets to test against: the sandbox core and the SDK.
export * from '../../src/index.js';
export { createSandbox } from '../../src/sandbox/core.js';
