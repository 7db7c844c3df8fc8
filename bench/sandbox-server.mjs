// The sandbox in its own process for the bulk benchmark (forked by bench/bulk.ts): the built
// package's startSandbox(), its URL and client options sent back over IPC.
const { startSandbox } = await import(new URL('../dist/sandbox.js', import.meta.url).href);
const sandbox = await startSandbox();
process.send({ clientOptions: sandbox.clientOptions });
process.on('message', async (m) => {
  if (m === 'stop') {
    await sandbox.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
