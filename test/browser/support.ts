/**
 * Shared by the browser tests and scripts/screenshot.ts: launch Debian's Chromium through
 * playwright-core, and run the built Kendali server (`node bin/kendali.js start`) on a free port
 * with a fresh data directory, waiting for `/readyz`.
 *
 * KENDALI_TEST_URL=http://host:port uses an already running server instead of starting one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import {
  assertBuilt,
  type StartOptions,
  startKendali as startProcess,
  waitUntilReady,
} from '../support/process.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface KendaliServer {
  readonly url: string;
  /** Server output so far (last 64 KiB), for failure messages. */
  output(): string;
  /** SIGTERM, wait for exit, remove the data directory. Idempotent. */
  stop(): Promise<void>;
}

/** Starts the built server with a fresh data directory, removed again on stop. */
export async function startKendali(options: StartOptions = {}): Promise<KendaliServer> {
  assertBuilt('dist/web/index.html');
  const dataDir = mkdtempSync(join(tmpdir(), 'kendali-browser-'));
  try {
    const k = await startProcess(dataDir, options);
    return {
      url: k.url,
      output: k.output,
      stop: async () => {
        await k.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** The server to test against: KENDALI_TEST_URL if set (left running), else a fresh one. */
export async function connectKendali(options: StartOptions = {}): Promise<KendaliServer> {
  const external = process.env.KENDALI_TEST_URL?.replace(/\/+$/, '');
  if (!external) return startKendali(options);
  await waitUntilReady(external, options.readyTimeoutMs ?? 60_000);
  return { url: external, output: () => '', stop: async () => {} };
}
