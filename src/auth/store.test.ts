import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type TestUser } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { attemptKeys, PER_NAME_AND_IP, refundAttempt, reserveAttempt } from './rate-limit.js';
import { ABSOLUTE_MS, createSession, IDLE_MS, lookupSession } from './sessions.js';

describe.each(['pglite', 'postgres'] as const)(
  'sessions and the login limit in the catalog on %s',
  (engine) => {
    let t: TestServices;
    let user: TestUser;
    beforeAll(async () => {
      t = await openTestServices(engine);
      user = await addUser(t, 'sari');
    });
    afterAll(async () => t.cleanup());
    const db = () => t.services.catalog.db;

    it('a session slides its expiry but never past the absolute limit, then ends', async () => {
      const s = await createSession(db(), user.id);
      expect(await lookupSession(db(), s.cookie)).toMatchObject({ userId: user.id, csrfToken: s.csrfToken });
      expect(await lookupSession(db(), `${s.cookie.slice(0, -1)}x`)).toBeNull();
      const created = new Date(Date.now() - ABSOLUTE_MS + 3600_000);
      await db()
        .updateTable('session')
        .set({ created, last_seen: new Date(Date.now() - 120_000) })
        .where('id', '=', s.id)
        .execute();
      await lookupSession(db(), s.cookie);
      const row = await db()
        .selectFrom('session')
        .selectAll()
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow();
      expect(row.expires_at.getTime()).toBe(created.getTime() + ABSOLUTE_MS); // capped, not now + IDLE_MS
      expect(row.expires_at.getTime()).toBeLessThan(Date.now() + IDLE_MS);
      await db()
        .updateTable('session')
        .set({ expires_at: new Date(Date.now() - 1) })
        .where('id', '=', s.id)
        .execute();
      expect(await lookupSession(db(), s.cookie)).toBeNull();
    });

    it('counts attempts per name and address in a window, refunds successes, and resets after the window', async () => {
      const keys = attemptKeys(' Sari ', '10.0.0.9');
      expect(keys.nameAndIp).toBe('login:sari|10.0.0.9');
      for (let i = 0; i < PER_NAME_AND_IP; i++) expect((await reserveAttempt(db(), keys)).allowed).toBe(true);
      await refundAttempt(db(), keys);
      expect((await reserveAttempt(db(), keys)).allowed).toBe(true);
      const refused = await reserveAttempt(db(), keys);
      expect(refused).toMatchObject({ allowed: false });
      await db()
        .updateTable('login_attempt')
        .set({ window_start: new Date(Date.now() - 16 * 60_000) })
        .where('key', '=', keys.nameAndIp)
        .execute();
      expect((await reserveAttempt(db(), keys)).allowed).toBe(true);
      // Another address is counted on its own.
      expect((await reserveAttempt(db(), attemptKeys('sari', '10.0.0.10'))).allowed).toBe(true);
    });
  },
);
