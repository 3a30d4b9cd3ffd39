/**
 * `npm run bench -- <name>` runs one benchmark and prints its side-by-side table;
 * `npm run bench` (or `-- --list`) lists them. Exits non-zero when a benchmark fails.
 */
import { pathToFileURL } from 'node:url';
import { type Benchmark, formatTable } from './lib.js';

/** Every benchmark, by name: `bench/<name>.ts` with a default export. Loaded only when used. */
export const REGISTRY: Readonly<Record<string, () => Promise<{ default: Benchmark }>>> = {
  'store-baseline': () => import('./store-baseline.js'),
  startup: () => import('./startup.js'),
  ingest: () => import('./ingest.js'),
  'catalog-search': () => import('./catalog-search.js'),
  harvest: () => import('./harvest.js'),
  humas: () => import('./humas.js'),
  portal: () => import('./portal.js'),
  wall: () => import('./wall.js'),
};

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const console_: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

async function list(io: Output): Promise<void> {
  io.out('Benchmarks (run one with `npm run bench -- <name>`):');
  for (const [name, load] of Object.entries(REGISTRY)) {
    const bench = (await load()).default;
    io.out(`  ${name.padEnd(20)} ${bench.doc}`);
  }
}

/** Runs the command line `args` (without node and the script); returns the exit code. */
export async function main(args: readonly string[], io: Output = console_): Promise<number> {
  const name = args.find((a) => !a.startsWith('-'));
  if (name === undefined || args.includes('--list')) {
    await list(io);
    return 0;
  }
  const load = REGISTRY[name];
  if (load === undefined) {
    io.err(`Unknown benchmark "${name}". Available: ${Object.keys(REGISTRY).join(', ')}`);
    return 2;
  }
  const bench = (await load()).default;
  io.err(`Running ${bench.name}: ${bench.doc}`);
  try {
    const result = await bench.run();
    io.out(formatTable(bench.name, result));
    return 0;
  } catch (e) {
    io.err(`Benchmark ${bench.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
