/** Runs the built `kendali start` as a child process, as a user would, for end-to-end tests and benchmarks. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/paths.js';

export interface KendaliProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Milliseconds from spawn until /readyz answered 200. */
  readonly readyMs: number;
  /** Sends SIGTERM and resolves with the exit code and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const CLI = join(PROJECT_ROOT, 'bin', 'kendali.js');

export function assertBuilt(): void {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'server', 'cli', 'main.js'))) {
    throw new Error('Kendali is not built: run `npm run build` before the end-to-end tests');
  }
}

/** Runs `kendali <args>` to completion; resolves with exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function startKendali(dataDir: string, env: Record<string, string> = {}, timeoutMs = 90_000): Promise<KendaliProcess> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const proc = spawn(process.execPath, [CLI, 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KENDALI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  let readyMs = -1;
  while (performance.now() - t0 < timeoutMs) {
    if (proc.exitCode !== null) throw new Error(`kendali exited with ${proc.exitCode} before it was ready:\n${err}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) {
        readyMs = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (readyMs < 0) {
    proc.kill('SIGKILL');
    throw new Error(`kendali was not ready within ${timeoutMs} ms:\n${err}`);
  }
  return {
    url,
    proc,
    readyMs,
    stderr: () => err,
    stop: async (signal = 'SIGTERM') => {
      const s = performance.now();
      if (proc.exitCode !== null) return { code: proc.exitCode, ms: 0 };
      proc.kill(signal);
      const code = await exited;
      return { code, ms: performance.now() - s };
    },
  };
}
