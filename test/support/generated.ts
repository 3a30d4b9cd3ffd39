/** Generated input files for tests that need volume rather than variety. */
import { createWriteStream } from 'node:fs';

/**
 * A CSV of `rows` rows (provinsi, tahun, nilai with a decimal comma), written with
 * back-pressure so its size never sits in memory.
 */
export async function writeProvinceCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('provinsi,tahun,nilai\n');
  const names = ['Aceh', 'Bali', 'Jawa Barat', 'Papua', 'Riau'];
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${names[i % 5]},${2000 + (i % 25)},"${i},5"\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}
