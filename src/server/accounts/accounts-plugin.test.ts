import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionInfoSchema, SESSION_COOKIE } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { TestClient } from '../testing/http-client.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { addTestUser, startServer, type RunningServer } from '../testing/test-world.ts';
import { addTeam } from '../accounts/accounts-store.ts';

for (const database of testDatabases) {
  describe(`signing in and out (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let teamId: string;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage, { sessionDays: 3 });
      teamId = (await addTeam(db.storage, 'Riverside')).id;
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    it('a practitioner signs in and the session says who they are', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      const client = server.client();

      const signIn = await client.signIn(user.email.toUpperCase(), user.password);

      expect(sessionInfoSchema.parse(signIn.body).user).toEqual({
        id: user.id,
        name: user.name,
        email: user.email,
        role: 'practitioner',
        teamId,
        lineManagerId: null,
      });
      const cookie = signIn.headers.get('set-cookie')!;
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Max-Age=(259200|25919\\d); HttpOnly; SameSite=Strict$`));
      expect(JSON.stringify(signIn.body)).not.toContain(client.cookie!.split('=')[1]);
      const session = await client.get('/api/session');
      expect(session.status).toBe(200);
      expect(session.body.user.id).toBe(user.id);
      const days = (Date.parse(session.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(2.99);
      expect(days).toBeLessThanOrEqual(3);
    });

    it('keeps only the SHA-256 of the token in the database', async () => {
      const user = await addTestUser(db.storage, 'manager', teamId);
      const client = await server.signedIn(user);
      const token = client.cookie!.split('=')[1]!;

      const { rows } = await db.storage.query<{ token_sha256: string }>(
        'select token_sha256 from sessions where user_id = $1',
        [user.id],
      );

      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.token_sha256).not.toContain(token);
    });

    it('without a session, /api/session is 401', async () => {
      const reply = await server.client().get('/api/session');
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: 'Sign in to continue', code: 'signed-out' });
    });

    it('a wrong password and an unknown email get the same 401', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      const wrong = await server.client().post('/api/auth/sign-in', { email: user.email, password: 'not the password' });
      const unknown = await server.client().post('/api/auth/sign-in', { email: 'nobody@test.example', password: 'x' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('signing out ends the session on the server, even for a copy of the cookie', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      const client = await server.signedIn(user);
      const stolen = new TestClient(server.url);
      stolen.cookie = client.cookie;

      const out = await client.post('/api/auth/sign-out');

      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await client.get('/api/session')).status).toBe(401);
      expect((await stolen.get('/api/session')).status).toBe(401);
    });

    it('an expired session is refused', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      const client = await server.signedIn(user);
      await db.storage.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [user.id]);

      const reply = await client.get('/api/session');

      expect(reply.status).toBe(401);
      expect((await client.get('/api/sync/pull')).status).toBe(401);
    });

    it('refuses a request that changes data without the x-doorstep header (CSRF)', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      const client = server.client();
      const reply = await client.request('POST', '/api/auth/sign-in', { email: user.email, password: user.password }, { csrf: false });
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe('csrf');
      expect(client.cookie).toBeUndefined();
    });

    it('after 5 failed sign-ins to one account, the 6th try is 429 with Retry-After — even with the right password', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      for (let i = 0; i < 5; i++) {
        const reply = await server.client().post('/api/auth/sign-in', { email: user.email, password: `guess ${i}` });
        expect(reply.status).toBe(401);
      }

      const limited = await server.client().post('/api/auth/sign-in', { email: user.email, password: user.password });

      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate-limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(limited.body.retryAfterSeconds).toBe(retryAfter);
    });

    it('failures older than 15 minutes no longer count', async () => {
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      for (let i = 0; i < 5; i++) await server.client().post('/api/auth/sign-in', { email: user.email, password: 'nope' });
      await db.storage.query(`update sign_in_counters set window_ends_at = now() - interval '1 second'`);

      const reply = await server.client().post('/api/auth/sign-in', { email: user.email, password: user.password });

      expect(reply.status).toBe(200);
    });

    it('slows one address after 30 failures across accounts, for at most 5 minutes (sign-in-behind-proxy.test.ts: no one else)', async () => {
      await db.storage.query('delete from sign_in_counters');
      const guessed = await Promise.all([1, 2, 3, 4, 5, 6].map(() => addTestUser(db.storage, 'practitioner', teamId)));
      for (const account of guessed) {
        for (let i = 0; i < 5; i++) {
          const reply = await server.client().post('/api/auth/sign-in', { email: account.email, password: 'nope' });
          expect(reply.status).toBe(401);
        }
      }
      const user = await addTestUser(db.storage, 'practitioner', teamId);
      const reply = await server.client().post('/api/auth/sign-in', { email: user.email, password: user.password });
      expect(reply.status).toBe(429);
      expect(Number(reply.headers.get('retry-after'))).toBeLessThanOrEqual(300);
      await db.storage.query('delete from sign_in_counters');
    });

    it('a sign-in body of the wrong shape is 400 and names the field, not the value', async () => {
      const reply = await server.client().post('/api/auth/sign-in', { email: 'someone@test.example' });
      expect(reply.status).toBe(400);
      expect(reply.body.issues[0].path).toEqual(['password']);
    });
  });
}
