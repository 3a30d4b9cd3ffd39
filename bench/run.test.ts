import { describe, expect, it } from 'vitest';
import { comparison, formatTable } from './lib.js';
import { main, type Output, REGISTRY } from './run.js';

function capture(): Output & { text: () => string; errors: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    text: () => out.join('\n'),
    errors: () => err.join('\n'),
  };
}

describe('bench runner', () => {
  it('lists the registered benchmarks with no name or --list', async () => {
    expect(Object.keys(REGISTRY)).toContain('store-baseline');
    for (const args of [[], ['--list']]) {
      const io = capture();
      expect(await main(args, io)).toBe(0);
      expect(io.text()).toMatch(/store-baseline\s+load a 1M-row CSV/);
    }
  });

  it('refuses an unknown benchmark with a clear error and exit code 2', async () => {
    const io = capture();
    expect(await main(['no-such-bench'], io)).toBe(2);
    expect(io.errors()).toMatch(/^Unknown benchmark "no-such-bench"\. Available: .*store-baseline/);
    expect(io.text()).toBe('');
  });

  it('states ratios as a factor of at least 1 in words', () => {
    const row = { metric: 'load', unit: 's', better: 'lower', words: ['faster', 'slower'] } as const;
    expect(comparison({ ...row, ours: 1, peer: 4 })).toBe('4.00× faster');
    expect(comparison({ ...row, ours: 2, peer: 1 })).toBe('2.00× slower');
    expect(comparison({ ...row, better: 'higher', ours: 300, peer: 100 })).toBe('3.00× faster');
    const table = formatTable('t', { peer: 'Peer', rows: [{ ...row, ours: 1, peer: 2 }], notes: ['n'] });
    expect(table.split('\n')).toEqual([
      '## t',
      '',
      '| metric   | Kendali | Peer | Kendali vs peer |',
      '|:---------|--------:|-----:|:----------------|',
      '| load (s) |    1.00 | 2.00 | 2.00× faster    |',
      '',
      '- n',
    ]);
  });
});
