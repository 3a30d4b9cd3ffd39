/**
 * MEMORY TEST (slow: ~8 s alone, more beside other tests): a ~200 MB CSV generated on the fly is
 * streamed through the reader and table detection; the process's resident memory may not grow by
 * more than 150 MB.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../table/index.js';
import { openReader } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGET_BYTES = 200e6;
/** A long text cell: ~200-byte rows, like real village tables with addresses. */
const NOTE =
  'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua';

async function generate(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('id,kode_desa,nama,nilai,tahun,status,catatan\n');
  let size = 0;
  let i = 0;
  while (size < TARGET_BYTES) {
    let chunk = '';
    for (let k = 0; k < 1_000; k++, i++) {
      chunk += `${i},32.01.02.${2000 + (i % 999)},"DESA ""${i % 5000}"", KAB. BOGOR",${(i * 7.31).toFixed(2)},2019,ADA,${NOTE}\n`;
    }
    size += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return i;
}

describe('memory (slow: ~200 MB CSV)', () => {
  it('streams a 200 MB CSV with rss growth under 150 MB', async () => {
    const path = join(dir, 'big.csv');
    const rows = await generate(path);
    expect(statSync(path).size).toBeGreaterThan(TARGET_BYTES);
    const base = process.memoryUsage().rss;
    let peak = base;
    const table = await readTable(await openReader(path));
    let count = 0;
    let last: readonly (string | null)[] = [];
    for await (const row of table.rows()) {
      if ((++count & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
      last = row.cells;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(table.layout.header).toEqual(['id', 'kode_desa', 'nama', 'nilai', 'tahun', 'status', 'catatan']);
    expect(count).toBe(rows);
    expect(last[0]).toBe(String(rows - 1));
    expect((peak - base) / 2 ** 20).toBeLessThan(150);
  }, 60_000);
});
