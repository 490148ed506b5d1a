import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/sync/index.ts';
import type { ServerOptions } from '../app.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { addTestUser, startServer, type RunningServer, type TestUser } from '../testing/test-world.ts';
import { addTeam } from './accounts-store.ts';

interface Reply {
  status: number;
  retryAfter: number | undefined;
  setCookie: string | undefined;
}

/**
 * One sign-in over real HTTP with extra headers (X-Forwarded-*), optionally from another
 * loopback address (127.0.0.2: Linux routes all of 127/8 to lo), i.e. another client machine.
 */
function signIn(url: string, user: { email: string; password: string }, headers: Record<string, string> = {}, localAddress?: string): Promise<Reply> {
  const body = JSON.stringify({ email: user.email, password: user.password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/auth/sign-in`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode!,
            retryAfter: retryAfter === undefined ? undefined : Number(retryAfter),
            setCookie: res.headers['set-cookie']?.[0],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const forwardedFor = (address: string) => ({ 'x-forwarded-for': address });

/** Issue 11, item 5: a server behind a TLS-terminating proxy (TRUST_PROXY). */
for (const database of testDatabases) {
  describe(`sign-in behind a proxy (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer | undefined;
    let teamId: string;

    // A fresh database per test: no failures counted for any address yet.
    beforeEach(async () => {
      db = await database.fresh();
      teamId = (await addTeam(db.storage, 'Riverside')).id;
    }, 60_000);
    afterEach(async () => {
      await server?.close();
      server = undefined;
      await db.dispose();
    });

    const start = async (options: Partial<ServerOptions> = {}) => (server = await startServer(db.storage, options));
    const users = (n: number): Promise<TestUser[]> =>
      Promise.all(Array.from({ length: n }, () => addTestUser(db.storage, 'practitioner', teamId)));

    /** n failed sign-ins, at most 5 per account (so no account limit is what refuses later). */
    async function failures(url: string, n: number, headersFor: (i: number) => Record<string, string>): Promise<TestUser[]> {
      const guessed = await users(Math.ceil(n / 5));
      for (let i = 0; i < n; i++) {
        const reply = await signIn(url, { email: guessed[Math.floor(i / 5)]!.email, password: 'wrong guess' }, headersFor(i));
        expect(reply.status).toBe(401);
      }
      return guessed;
    }

    it('without TRUST_PROXY, 20 failed sign-ins with varied X-Forwarded-For do not stop another account signing in', async () => {
      const { url } = await start();
      const guessed = await failures(url, 20, (i) => forwardedFor(`198.51.100.${i + 1}`));
      const [someoneElse] = await users(1);

      expect((await signIn(url, someoneElse!, forwardedFor('203.0.113.50'))).status).toBe(200);
      // The guessed accounts themselves are limited (5 failures each), whatever the header says.
      expect((await signIn(url, guessed[0]!, forwardedFor('203.0.113.51'))).status).toBe(429);
    });

    it('without TRUST_PROXY, X-Forwarded-For is ignored: 30 failures slow the real address for at most 5 minutes, and no other address', async () => {
      const { url } = await start();
      await failures(url, 30, (i) => forwardedFor(`198.51.100.${i + 1}`));
      const [someoneElse, another] = await users(2);

      const slowed = await signIn(url, someoneElse!, forwardedFor('203.0.113.50'));
      expect(slowed.status).toBe(429);
      expect(slowed.retryAfter).toBeGreaterThan(0);
      expect(slowed.retryAfter).toBeLessThanOrEqual(300);
      // Another client machine: not slowed, and the slowed address never locked any account.
      expect((await signIn(url, another!, {}, '127.0.0.2')).status).toBe(200);
      expect((await signIn(url, someoneElse!, {}, '127.0.0.2')).status).toBe(200);
    });

    it('with TRUST_PROXY, the forwarded client address is the one counted and slowed', async () => {
      const { url } = await start({ trustProxy: '127.0.0.1' });
      await failures(url, 30, () => forwardedFor('203.0.113.7'));
      const [someoneElse] = await users(1);

      expect((await signIn(url, someoneElse!, forwardedFor('203.0.113.7'))).status).toBe(429);
      expect((await signIn(url, someoneElse!, forwardedFor('198.51.100.9'))).status).toBe(200);
    });

    it('the session cookie is Secure when the proxy says https and TRUST_PROXY trusts it, and only then', async () => {
      const [person] = await users(1);
      const https = { 'x-forwarded-proto': 'https' };

      const trusting = await start({ trustProxy: true });
      const behindTls = await signIn(trusting.url, person!, https);
      const plainHttp = await signIn(trusting.url, person!);
      await trusting.close();
      const untrusting = await start();
      const forged = await signIn(untrusting.url, person!, https);

      expect(behindTls.status).toBe(200);
      expect(behindTls.setCookie).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
      expect(plainHttp.setCookie).not.toMatch(/Secure/);
      expect(forged.status).toBe(200);
      expect(forged.setCookie).not.toMatch(/Secure/);
    });
  });
}
