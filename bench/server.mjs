// Benchmark server: a plain node:http keep-alive server in its own process (forked by
// bench/index.ts), so the client under test has the benchmark process to itself.
// It checks nothing heavy: it drains the body and answers a fixed, pre-serialised JSON reply.
import http from 'node:http';

const json = (value) => Buffer.from(JSON.stringify(value));

const BALANCE = json({
  success: true,
  data: { balance: 15420.5, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' },
});
const PAN = json({
  success: true,
  data: {
    verification_id: 'ver_01HZX3Q8M2',
    status: 'VALID',
    pan: 'ABCPE1234F',
    name_match: true,
    registered_name: 'RAVI KUMAR',
    pan_type: 'Individual',
  },
});
// Peers (stripe-node, openai-node) get answers in their own API's shape.
const STRIPE_BALANCE = json({
  object: 'balance',
  available: [{ amount: 1542050, currency: 'inr', source_types: { card: 1542050 } }],
  livemode: false,
  pending: [{ amount: 0, currency: 'inr', source_types: { card: 0 } }],
});
const OPENAI_MODEL = json({ id: 'gpt-bench', object: 'model', created: 1700000000, owned_by: 'bench' });
const NOT_FOUND = json({
  success: false,
  error: { code: 'NOT_FOUND', message: 'Not found', http_status: 404 },
});

function replyFor(method, url) {
  const path = url.split('?', 1)[0];
  if (path === '/api/v1/wallet/core/balance') return [200, BALANCE];
  if (path === '/api/v1/verify/pan' && method === 'POST') return [200, PAN];
  if (path === '/v1/balance') return [200, STRIPE_BALANCE];
  if (path.startsWith('/v1/models/')) return [200, OPENAI_MODEL];
  return [404, NOT_FOUND];
}

// The raw headers of the last request, for bench/index.ts to check that the raw baselines send
// what the SDK sends (`GET /__last-headers` answers them; it is not recorded itself).
let lastHeaders = [];

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  if (req.url === '/__last-headers') {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(lastHeaders));
    return;
  }
  lastHeaders = req.rawHeaders;
  const [status, body] = replyFor(req.method, req.url);
  const send = () => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  };
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    send();
  } else {
    req.on('data', () => {});
    req.on('end', send);
  }
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.maxRequestsPerSocket = 0;

server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  if (process.send) process.send({ url });
  else console.log(url);
});

// The parent owns this process: exit when it says so or when it goes away.
process.on('message', (m) => {
  if (m === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
