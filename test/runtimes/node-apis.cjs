// Bun runs the Node build, so the Node-only parts work there too: CommonJS `require`,
// startSandbox() (node:http) and a proxy served through toNodeHandler. Prints what it saw.
const http = require('node:http');
const { VistarkriyaClient } = require('vistarkriya');
const { createProxyHandler, toNodeHandler } = require('vistarkriya/proxy');
const { MAGIC, startSandbox } = require('vistarkriya/sandbox');

(async () => {
  const sandbox = await startSandbox();
  const vk = new VistarkriyaClient(sandbox.clientOptions);
  const direct = (await vk.verify.pan({ pan: MAGIC.pan.valid })).status;
  const proxy = createProxyHandler({
    ...sandbox.clientOptions,
    basePath: '/api/vk',
    allow: ['verify.pan'],
    authorize: () => true,
    logLevel: 'off',
  });
  const server = http.createServer(toNodeHandler(proxy));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${server.address().port}/api/vk/api/v1/verify/pan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pan: MAGIC.pan.valid }),
  });
  const proxied = `${res.status} ${(await res.json()).data.status}`;
  await new Promise((resolve) => server.close(resolve));
  await Promise.all([proxy.close(), vk.close()]);
  await sandbox.close();
  console.log(JSON.stringify({ direct, proxied, received: sandbox.requests.length }));
})();
