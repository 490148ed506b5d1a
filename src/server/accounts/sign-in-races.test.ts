import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { HttpReply } from '../testing/http-client.ts';
import { passwordLookupGate, until, type PasswordLookupGate } from '../testing/password-lookup-gate.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { addTestUser, startServer, type RunningServer, type TestUser } from '../testing/test-world.ts';
import { addTeam } from './accounts-store.ts';

/**
 * Issue 11, item 1: with check-then-record, 30 guesses sent at once all passed the check (30 ×
 * 401) and the right password inside a burst at the limit was let in. The gate holds each
 * sign-in at its user lookup, so every request of a burst has been through the early limit
 * check before any password is judged: the worst interleaving, every run.
 */
for (const database of testDatabases) {
  describe(`sign-in limits under parallel requests (${database.name})`, () => {
    let db: FreshDatabase;
    let gate: PasswordLookupGate;
    let server: RunningServer;
    let user: TestUser;
    let teamId: string;

    // A fresh database per test: each starts with no failures counted for its address.
    beforeEach(async () => {
      db = await database.fresh();
      gate = passwordLookupGate(db.storage);
      server = await startServer(gate.storage);
      teamId = (await addTeam(db.storage, 'Riverside')).id;
      user = await addTestUser(db.storage, 'practitioner', teamId);
    }, 60_000);
    afterEach(async () => {
      gate.release();
      await server.close();
      await db.dispose();
    });

    /** Sends the sign-ins at once and counts each one that has been answered. */
    function burst(bodies: { email: string; password: string }[], answered: { count: number }): Promise<HttpReply>[] {
      return bodies.map((body) =>
        server
          .client()
          .post('/api/auth/sign-in', body)
          .then((reply) => (answered.count++, reply)),
      );
    }

    const statusCounts = (replies: HttpReply[]) =>
      replies.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

    it('30 wrong passwords for one account sent at once: exactly 5 × 401, then 25 × 429', async () => {
      const answered = { count: 0 };
      gate.hold();

      const sent = burst(Array.from({ length: 30 }, (_, i) => ({ email: user.email, password: `guess ${i}` })), answered);
      await until(() => answered.count + gate.held() === 30);
      gate.release();
      const replies = await Promise.all(sent);

      expect(statusCounts(replies)).toEqual({ 401: 5, 429: 25 });
      const limited = replies.find((reply) => reply.status === 429)!;
      expect(limited.body.code).toBe('rate-limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
      // Still limited afterwards, for the right password too.
      expect((await server.client().post('/api/auth/sign-in', { email: user.email, password: user.password })).status).toBe(429);
    });

    it('after 4 failures, the right password as #27 of a burst of 30 is refused (429)', async () => {
      for (let i = 0; i < 4; i++) {
        expect((await server.client().post('/api/auth/sign-in', { email: user.email, password: `early ${i}` })).status).toBe(401);
      }
      const answered = { count: 0 };
      gate.hold();

      const wrong = (i: number) => ({ email: user.email, password: `guess ${i}` });
      const first26 = burst(Array.from({ length: 26 }, (_, i) => wrong(i)), answered);
      await until(() => gate.held() === 26);
      const last4 = burst([{ email: user.email, password: user.password }, wrong(27), wrong(28), wrong(29)], answered);
      // All 30 are in flight and past the limit check (4 failures so far). The 26 sent first are
      // judged first; the right password is judged after them, as #27.
      await until(() => answered.count + gate.held() === 30);
      gate.releaseFirst(26);
      await until(() => answered.count === 26);
      gate.release();
      const replies = await Promise.all([...first26, ...last4]);

      expect(replies[26]!.status).toBe(429);
      expect(statusCounts(replies)).toEqual({ 401: 1, 429: 29 });
    });

    it('31 failed sign-ins to different accounts from one address at once: 30 are judged, the 31st is slowed (429)', async () => {
      // 7 accounts, at most 5 guesses each, so only the address ceiling (30) can refuse one.
      const accounts = await Promise.all(Array.from({ length: 7 }, () => addTestUser(db.storage, 'observer', teamId)));
      const answered = { count: 0 };
      gate.hold();

      const sent = burst(
        Array.from({ length: 31 }, (_, i) => ({ email: accounts[i % 7]!.email, password: 'spray' })),
        answered,
      );
      await until(() => answered.count + gate.held() === 31);
      gate.release();
      const replies = await Promise.all(sent);

      expect(statusCounts(replies)).toEqual({ 401: 30, 429: 1 });
      const slowed = replies.find((reply) => reply.status === 429)!;
      expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(300);
    });

    it('the right password sent from 10 devices at once is let in on all 10 (only failures count)', async () => {
      const answered = { count: 0 };
      gate.hold();

      const sent = burst(Array.from({ length: 10 }, () => ({ email: user.email, password: user.password })), answered);
      await until(() => gate.held() === 10);
      gate.release();

      expect(statusCounts(await Promise.all(sent))).toEqual({ 200: 10 });
    });

    it('a correct sign-in is not a failure: 40 people signing in from one address are never slowed', async () => {
      const people = await Promise.all(Array.from({ length: 40 }, () => addTestUser(db.storage, 'practitioner', teamId)));
      for (const person of people) {
        expect((await server.client().post('/api/auth/sign-in', { email: person.email, password: person.password })).status).toBe(200);
      }
    });
  });
}
