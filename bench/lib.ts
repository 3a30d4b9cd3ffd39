/**
 * Shared parts of the benchmarks: what a benchmark is, timing, and the side-by-side table.
 * Every row of the table compares Kendali with a real peer; the last column says which is
 * better and by how much, always as a factor of at least 1 (e.g. "3.9× faster").
 */

/** How to read a metric: lower is better (time, bytes) or higher is better (throughput). */
export type Better = 'lower' | 'higher';

export interface BenchRow {
  readonly metric: string;
  readonly unit: string;
  readonly ours: number;
  readonly peer: number;
  readonly better: Better;
  /** Words for "ours is better" / "ours is worse", e.g. ['faster', 'slower']. */
  readonly words?: readonly [string, string];
}

export interface BenchResult {
  /** What the peer is, e.g. "PostgreSQL 15.20". */
  readonly peer: string;
  readonly rows: readonly BenchRow[];
  /** Context printed under the table: data sizes, settings, caveats. */
  readonly notes: readonly string[];
}

export interface Benchmark {
  readonly name: string;
  /** One line saying what is measured against what. */
  readonly doc: string;
  run(): Promise<BenchResult>;
}

/** Milliseconds taken by `fn`, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

/** Median milliseconds of `runs` calls of `fn` after `warmup` untimed calls, with the last result. */
export async function medianMs<T>(
  fn: () => Promise<T>,
  runs = 5,
  warmup = 1,
): Promise<{ ms: number; result: T }> {
  let result: T | undefined;
  for (let i = 0; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timed(fn);
    times.push(t.ms);
    result = t.result;
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const ms =
    times.length % 2 === 1
      ? (times[mid] as number)
      : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return { ms, result: result as T };
}

/** A number with about three significant digits and thousands separators. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "3.92× faster" when ours is better, "2.10× slower" when worse (always a factor ≥ 1). */
export function comparison(row: BenchRow): string {
  const [good, bad] = row.words ?? (row.better === 'lower' ? ['lower', 'higher'] : ['higher', 'lower']);
  if (row.ours <= 0 || row.peer <= 0) return 'n/a';
  const factor = row.better === 'lower' ? row.peer / row.ours : row.ours / row.peer;
  return factor >= 1 ? `${factor.toFixed(2)}× ${good}` : `${(1 / factor).toFixed(2)}× ${bad}`;
}

/** The table as text: metric | Kendali | peer | Kendali vs peer. */
export function formatTable(title: string, result: BenchResult): string {
  const header = ['metric', 'Kendali', result.peer, 'Kendali vs peer'];
  const body = result.rows.map((r) => [
    `${r.metric} (${r.unit})`,
    formatNumber(r.ours),
    formatNumber(r.peer),
    comparison(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const notes = result.notes.map((n) => `- ${n}`);
  return [`## ${title}`, '', line(header), rule, ...body.map(line), '', ...notes].join('\n');
}
