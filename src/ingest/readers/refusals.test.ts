import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openReader } from './index.js';
import type { Reader } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-refuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const file = (content: string | Buffer, name = `f${++n}.csv`): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

describe('refusals', () => {
  it('refuses an empty file, and an empty gzip', async () => {
    await expect(openReader(file(''))).rejects.toThrow(/: the file is empty/);
    await expect(openReader(file(gzipSync(''), 'e.csv.gz'))).rejects.toThrow(
      /the file is empty after gunzip/,
    );
  });

  it('refuses binary bytes in a .csv file', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expect(openReader(file(garbage, 'garbage.csv'))).rejects.toThrow(
      /garbage\.csv: file is binary, not CSV/,
    );
  });

  it('refuses an old binary Excel .xls', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await expect(openReader(file(ole, 'old.xls'))).rejects.toThrow(
      'old.xls: old binary Excel .xls is not supported; save as .xlsx or CSV',
    );
  });

  it('refuses a missing file', async () => {
    await expect(openReader(join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv: cannot open the file/);
  });

  it('refuses a damaged gzip', async () => {
    const gz = gzipSync(Array.from({ length: 50_000 }, (_, i) => `${i},${(i * 7919) % 10007}\n`).join(''));
    const path = file(gz.subarray(0, gz.length >> 1), 'cut.csv.gz');
    await expect(openReader(path).then(collect)).rejects.toThrow(/cut\.csv\.gz: gzip data is damaged/);
  });
});
