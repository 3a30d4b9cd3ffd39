import Fastify from 'fastify';
import { request } from 'undici';
const app = Fastify();
app.post('/x', async () => ({ success: true, result: { counted: true } }));
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
async function run(n: number, width: number, f: () => Promise<void>) {
  let i = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: width }, async () => { while (i++ < n) await f(); }));
  return (n / (performance.now() - t)) * 1000;
}
const body = '{"id":"x"}';
const viaFetch = () => fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }).then((r) => r.arrayBuffer()).then(() => {});
const viaUndici = () => request(`http://127.0.0.1:${port}/x`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }).then((r) => r.body.arrayBuffer()).then(() => {});
await run(2000, 200, viaFetch);
console.log('fetch', (await run(10000, 200, viaFetch)).toFixed(0));
await run(2000, 200, viaUndici);
console.log('undici', (await run(10000, 200, viaUndici)).toFixed(0));
await app.close();
