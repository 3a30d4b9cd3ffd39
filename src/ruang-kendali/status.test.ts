import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isKendaliError } from '../core/errors.js';
import { achievement, checkScale, definitions, statusOf } from './status.js';
import { postWebhook } from './webhook.js';

describe('status scale', () => {
  it('computes achievement for both polarities, a zero target and no target', () => {
    expect(achievement(90, 100, 'higher')).toBe(90);
    expect(achievement(110, 100, 'lower')).toBe(90);
    expect(achievement(0, 5, 'lower')).toBe(200);
    expect(achievement(0, 0, 'lower')).toBe(100);
    expect(achievement(1, 0, 'lower')).toBe(0);
    expect(achievement(3, null, 'higher')).toBeNull();
  });

  it('maps achievement to levels at the threshold edges, with custom thresholds', () => {
    const three = checkScale({ levels: 3 });
    expect([100, 99.99, 90, 89.99].map((a) => statusOf(a, three))).toEqual([
      'green',
      'amber',
      'amber',
      'red',
    ]);
    const five = checkScale({ levels: 5, thresholds: [95, 85, 75, 50] });
    expect([95, 85, 75, 50, 49].map((a) => statusOf(a, five))).toEqual([
      'green',
      'amber_green',
      'amber',
      'amber_red',
      'red',
    ]);
    expect(statusOf(null, five)).toBeNull();
  });

  it('refuses bad scales, naming the field', () => {
    const fields = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (isKendaliError(e)) return Object.keys(e.fields ?? {});
      }
      return [];
    };
    expect(fields(() => checkScale({ levels: 4 }))).toEqual(['scale.levels']);
    expect(fields(() => checkScale({ levels: 5, thresholds: [100, 90] }))).toEqual(['scale.thresholds']);
    expect(fields(() => checkScale({ levels: 3, thresholds: [80, 90] }))).toEqual(['scale.thresholds']);
    expect(fields(() => checkScale({ levels: 3, definitions: { amber_red: { id: 'x' } } }))).toEqual([
      'scale.definitions.amber_red',
    ]);
  });

  it('writes definitions in both languages, keeping given ones', () => {
    const defs = definitions(
      checkScale({ levels: 3, definitions: { red: { id: 'Perlu tindakan segera.' } } }),
    );
    expect(defs.map((d) => [d.level, d.name.id, d.id])).toEqual([
      ['green', 'Hijau', 'Capaian 100% dari target atau lebih.'],
      ['amber', 'Kuning', 'Capaian 90% hingga di bawah 100% dari target.'],
      ['red', 'Merah', 'Perlu tindakan segera.'],
    ]);
    expect(defs[2]?.en).toBe('Achievement below 90% of the target.');
  });
});

describe('alert webhook', () => {
  it('gives up after its attempts when the receiver never answers in time', async () => {
    let hits = 0;
    const server = createServer(() => {
      hits++; // never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const out = await postWebhook(url, { a: 1 }, { timeoutMs: 150, attempts: 2, backoffMs: () => 10 });
      expect(out).toEqual({ ok: false, attempts: 2, status: null, error: 'timeout' });
      expect(hits).toBeGreaterThanOrEqual(1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('does not retry a 4xx answer', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(400).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      expect(await postWebhook(url, {}, { backoffMs: () => 0 })).toMatchObject({
        ok: false,
        attempts: 1,
        status: 400,
      });
      expect(hits).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
