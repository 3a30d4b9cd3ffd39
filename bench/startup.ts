/**
 * Start and stop of `kendali start` (built), as a user runs it, against the floor of any Node
 * web server: a bare Fastify process that only answers /readyz, spawned and polled the same way.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startKendali } from '../test/support/process.js';
import type { Benchmark, BenchRow } from './lib.js';

const PEER = `
const app = (await import('fastify')).default();
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

async function peerStartStop(): Promise<{ readyMs: number; stopMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, ['--input-type=module', '-e', PEER], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const readyMs = performance.now() - t0;
  const s = performance.now();
  proc.kill('SIGTERM');
  await exited;
  return { readyMs, stopMs: performance.now() - s };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const bench: Benchmark = {
  name: 'startup',
  doc: 'kendali start: first start (demo seed) and restart to /readyz, and SIGTERM exit, vs a bare Fastify process',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kendali-bench-start-'));
    try {
      const first = await startKendali(dir);
      const firstStop = await first.stop();
      if (firstStop.code !== 0) throw new Error(`first stop exited ${firstStop.code}`);
      const again: number[] = [];
      const stops: number[] = [];
      for (let i = 0; i < 3; i++) {
        const k = await startKendali(dir);
        again.push(k.readyMs);
        const st = await k.stop();
        if (st.code !== 0) throw new Error(`stop exited ${st.code}`);
        stops.push(st.ms);
      }
      const peer = [];
      for (let i = 0; i < 3; i++) peer.push(await peerStartStop());
      const peerReady = median(peer.map((p) => p.readyMs));
      const rows: BenchRow[] = [
        {
          metric: 'first start to /readyz, demo seeded',
          unit: 'ms',
          ours: first.readyMs,
          peer: peerReady,
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'restart to /readyz (median of 3)',
          unit: 'ms',
          ours: median(again),
          peer: peerReady,
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'SIGTERM to exit 0 (median of 3)',
          unit: 'ms',
          ours: median(stops),
          peer: median(peer.map((p) => p.stopMs)),
          better: 'lower',
          words: ['faster', 'slower'],
        },
      ];
      return {
        peer: 'bare Fastify',
        rows,
        notes: [
          'Both are spawned with `node` and polled on /readyz every 25 ms; the build is not counted.',
          `Targets: restart serving in under 3000 ms (measured ${Math.round(median(again))} ms), exit within 5000 ms (measured ${Math.round(median(stops))} ms).`,
          'Kendali opens PGlite (embedded PostgreSQL) and DuckDB and checks migrations; the peer opens nothing.',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
