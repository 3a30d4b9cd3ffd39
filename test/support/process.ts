/**
 * Runs the built `kendali` as a child process, as a user would: the end-to-end tests, the
 * browser tests and the benchmarks all start the server through `startKendali`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/paths.js';

export const CLI = join(PROJECT_ROOT, 'bin', 'kendali.js');

export interface KendaliProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  /** Milliseconds from spawn until /readyz answered 200. */
  readonly readyMs: number;
  /** What the process wrote (stdout and stderr, last 64 KiB). */
  output(): string;
  /** Sends `signal` (SIGTERM), SIGKILL after 15 s; resolves with the exit code and how long the exit took. Idempotent. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export interface StartOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** How long the first start (which seeds the demo) may take; default 90 s. */
  readonly readyTimeoutMs?: number;
}

const OUTPUT_LIMIT = 64 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export function assertBuilt(...parts: string[]): void {
  for (const p of ['dist/server/cli/main.js', ...parts]) {
    if (!existsSync(join(PROJECT_ROOT, p))) throw new Error(`${p} is missing: run \`npm run build\` first`);
  }
}

/** Runs `kendali <args>` to completion; resolves with exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

/** Polls `GET <url>/readyz` until 200; `failed()` returning a reason aborts early. */
export async function waitUntilReady(
  url: string,
  timeoutMs: number,
  failed: () => string | undefined = () => undefined,
) {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    const reason = failed();
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await sleep(25);
  }
  throw new Error(`${url}/readyz did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `kendali start` on a free port with `dataDir`; rejects with its output if not ready in time. */
export async function startKendali(dataDir: string, options: StartOptions = {}): Promise<KendaliProcess> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const proc = spawn(process.execPath, [CLI, 'start'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KENDALI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<{ code: number | null; ms: number }> | undefined;
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    stopping ??= (async () => {
      const s = performance.now();
      if (!hasExited(proc)) {
        proc.kill(signal);
        if (!(await waitForExit(proc, 15_000))) {
          proc.kill('SIGKILL');
          await waitForExit(proc, 5_000);
        }
      }
      process.removeListener('exit', killOnExit);
      return { code: proc.exitCode, ms: performance.now() - s };
    })();
    return stopping;
  };

  try {
    await waitUntilReady(url, options.readyTimeoutMs ?? 90_000, () =>
      hasExited(proc) ? `kendali exited early (code ${proc.exitCode}, signal ${proc.signalCode})` : undefined,
    );
  } catch (e) {
    await stop();
    throw new Error(
      `kendali did not start: ${e instanceof Error ? e.message : String(e)}\n--- output ---\n${output}`,
    );
  }
  return { url, proc, readyMs: performance.now() - t0, output: () => output, stop };
}
