import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishAtomically } from './publish.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-publish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('publishAtomically', () => {
  it('publishes what was written aside, under the final name only', async () => {
    const target = join(dir, 't1', 'v1.parquet');
    const result = await publishAtomically(target, 'v1', async (temp) => {
      expect(temp).not.toBe(target);
      writeFileSync(temp, 'data');
      return 42;
    });
    expect(result).toBe(42);
    expect(readdirSync(join(dir, 't1'))).toEqual(['v1.parquet']);
    expect(readFileSync(target, 'utf8')).toBe('data');
  });

  it('removes the partial file when writing fails', async () => {
    const target = join(dir, 't2', 'v1.parquet');
    await expect(
      publishAtomically(target, 'v1', async (temp) => {
        writeFileSync(temp, 'half');
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(readdirSync(join(dir, 't2'))).toEqual([]);
  });

  it('never replaces a file that appeared while writing (two processes racing)', async () => {
    const target = join(dir, 't3', 'v1.parquet');
    let release = (): void => {};
    const barrier = new Promise<void>((resolve) => (release = resolve));
    const writer = (text: string) =>
      publishAtomically(target, 'v1', async (temp) => {
        writeFileSync(temp, text);
        await barrier; // both writers are past the "does it exist" check
      });
    const both = Promise.allSettled([writer('first'), writer('second')]);
    release();
    const results = await both;
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(readdirSync(join(dir, 't3'))).toEqual(['v1.parquet']);
    expect(['first', 'second']).toContain(readFileSync(target, 'utf8'));
  });
});
