import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

const sink = (isTTY: boolean) => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, {
    isTTY,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, text: () => chunks.join('') };
};

describe('progress reporter', () => {
  it('writes plain, timestamped lines with percent, rate and label when not on a terminal', () => {
    const out = sink(false);
    const p = createProgress('impor', { stream: out.stream, unit: 'baris', plainEveryMs: 0 });
    p.note('membaca berkas');
    p.update(50, 200, 'data.csv');
    p.update(200, 200, 'data.csv');
    p.stop('selesai: 200 baris');
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\dT[^\]]+\] impor: membaca berkas$/);
    expect(lines[1]).toMatch(/impor: 25% 50\/200 baris [\d.]+\/s( ETA \d+s)? data\.csv$/);
    expect(lines[2]).toMatch(/impor: 100% 200\/200 baris/);
    expect(lines[3]).toMatch(/impor: selesai: 200 baris$/);
  });

  it('throttles plain lines but always prints the last one', () => {
    const out = sink(false);
    const p = createProgress('x', { stream: out.stream, plainEveryMs: 60_000 });
    for (let i = 1; i <= 100; i++) p.update(i, 100);
    expect(out.text().trim().split('\n')).toHaveLength(2);
    expect(out.text()).toContain('100% 100/100');
  });

  it('draws a bar with ETA on a terminal', () => {
    const out = sink(true);
    const p = createProgress('harvest', { stream: out.stream, unit: 'dataset' });
    p.update(10, 40, 'bps');
    p.stop('selesai');
    expect(out.text()).toContain('harvest [');
    expect(out.text()).toContain('10/40 dataset');
    expect(out.text()).toContain('ETA');
    expect(out.text()).toContain('harvest: selesai');
  });
});
