import { test } from 'vitest';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import { VistarkriyaClient } from '../src/index.js';
test('smoke', async () => {
const srv = http.createServer((req, res) => {
  let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => {
    const sig = createHmac('sha256', 's3cret').update(req.headers['x-timestamp'] + req.method! + req.url + b).digest('hex');
    res.setHeader('content-type', 'application/json');
    if (sig !== req.headers['x-signature']) { res.statusCode = 401; return res.end(JSON.stringify({ success: false, error: { code: 'HMAC_INVALID', message: 'bad', http_status: 401 } })); }
    res.end(JSON.stringify({ success: true, data: { balance: 15420.5, url: req.url, body: b } }));
  });
});
await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
const port = (srv.address() as any).port;
const vk = new VistarkriyaClient({ apiKey: 'k', apiSecret: 's3cret', adminCode: '123456', baseURL: `http://127.0.0.1:${port}` });
console.log(await vk.request({ method: 'get', path: '/api/v1/wallet/core/transactions', query: { q: 'a b', page: 2 } }));
console.log(await vk.request({ method: 'post', path: '/api/v1/verify/pan', body: { pan: 'ABCPE1234F', name: 'राम कुमार 😀' } }));
const bad = new VistarkriyaClient({ apiKey: 'k', apiSecret: 'wrong-secret', adminCode: '123456', baseURL: `http://127.0.0.1:${port}` });
try { await bad.request({ method: 'GET', path: '/x' }); } catch (e: any) { console.log(e.name, e.message, JSON.stringify(e)); }
await vk.close(); await bad.close(); srv.close();
});
