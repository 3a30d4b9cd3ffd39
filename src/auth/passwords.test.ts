import { describe, expect, it } from 'vitest';
import { csrfMatches } from './csrf.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

const ms = async (f: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe('passwords', () => {
  it('hashes with argon2id (19 MiB, 2 passes, 1 lane) and verifies', async () => {
    const h = await hashPassword('kata-sandi-panjang');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'kata-sandi-panjang')).toBe(true);
    expect(await verifyPassword(h, 'kata-sandi-salah')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('an unknown user costs about as much as a wrong password (no timing oracle)', async () => {
    const h = await hashPassword('kata-sandi-panjang');
    await verifyPassword(null, 'warm-up');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await ms(() => verifyPassword(h, 'salah')));
      unknown.push(await ms(() => verifyPassword(null, 'salah')));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(await verifyPassword(null, 'anything')).toBe(false);
  });

  it('generates strong passwords', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});

describe('csrf', () => {
  it('matches only the exact token', () => {
    expect(csrfMatches('abc', 'abc')).toBe(true);
    expect(csrfMatches('abc', 'abd')).toBe(false);
    expect(csrfMatches('abc', undefined)).toBe(false);
    expect(csrfMatches('abc', '')).toBe(false);
    expect(csrfMatches('abc', ['abc'])).toBe(false);
  });
});
