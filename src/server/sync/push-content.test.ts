import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type Mutation, type MutationResult } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { mutation, newId, visitBody } from '../testing/mutations.ts';
import { pushText } from '../testing/raw-push.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

/** A mutation written as JSON text with `marker` (a JSON string) replaced by raw JSON text. */
function withRawJson(m: Mutation, marker: string, raw: string): string {
  const text = JSON.stringify(m);
  expect(text).toContain(JSON.stringify(marker));
  return text.replace(JSON.stringify(marker), raw);
}

async function pushBatch(client: TestClient, mutationsText: string[]): Promise<MutationResult[]> {
  const reply = await pushText(client, `{"mutations":[${mutationsText.join(',')}]}`);
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.body).results;
}

const visitWith = (id: string, whatHappened: string) => mutation('visit', id, null, { body: visitBody(id, whatHappened) });

for (const database of testDatabases) {
  describe(`one bad mutation in a push (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let practitioner: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    const stored = async (ids: string[]) =>
      (await db.storage.query<{ id: string }>('select id from records where id = any($1::text[]) order by id', [ids])).rows.map((r) => r.id);

    it.each([
      ['a NUL character', 'before\u0000after', 'NUL'],
      ['a lone high surrogate', 'before\ud800after', 'surrogate'],
      ['a lone low surrogate', 'before\udc00after', 'surrogate'],
    ])('rejects only the mutation whose text holds %s, naming the field; the others are applied, also on every retry', async (_, text, word) => {
      const [first, bad, third] = [newId(), newId(), newId()];
      const batch = [visitWith(first, 'ok'), visitWith(bad, text), visitWith(third, 'ok too')].map((m) => JSON.stringify(m));
      for (let attempt = 0; attempt < 2; attempt++) {
        const results = await pushBatch(practitioner, batch);
        expect(results.map((r) => r.status)).toEqual(attempt === 0 ? ['applied', 'rejected', 'applied'] : ['duplicate', 'rejected', 'duplicate']);
        expect(results[1]).toMatchObject({ code: 'schema' });
        const reason = (results[1] as { reason: string }).reason;
        expect(reason).toContain('record.body.note.whatHappened');
        expect(reason).toContain(word);
      }
      expect(await stored([first, bad, third])).toEqual([first, third].sort());
    });

    it.each([
      ['6,000 deep', 6_000],
      ['200,000 deep', 200_000],
    ])('rejects a body nested %s as that mutation’s result, and applies the rest', async (_, depth) => {
      const [first, bad] = [newId(), newId()];
      const deep = withRawJson(visitWith(bad, 'DEEP'), 'DEEP', '['.repeat(depth) + ']'.repeat(depth));
      const results = await pushBatch(practitioner, [JSON.stringify(visitWith(first, 'ok')), deep]);
      expect(results[0]).toMatchObject({ status: 'applied' });
      expect(results[1]).toMatchObject({ status: 'rejected', code: 'schema' });
      expect((results[1] as { reason: string }).reason).toContain('Nested more than 64 levels');
      expect(await stored([first, bad])).toEqual([first]);
    });

    it('rejects a "__proto__" key in one body as that mutation’s result, and applies the rest', async () => {
      const [first, bad] = [newId(), newId()];
      const proto = JSON.stringify(visitWith(bad, 'ok')).replace('"note":{', '"note":{"__proto__":{"isAdmin":true},');
      expect(proto).toContain('__proto__');
      const results = await pushBatch(practitioner, [JSON.stringify(visitWith(first, 'ok')), proto]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
      expect((results[1] as { reason: string }).reason).toContain('record.body.note.__proto__');
      expect(await stored([first, bad])).toEqual([first]);
    });

    it('answers 400, never 500, to a push that cannot be read as one', async () => {
      const deepMutations = `{"mutations":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      for (const text of ['{"mutations":[', 'null', '{"mutations":"x"}', deepMutations, '{"mutations":[{"recordId":"\\u0000"}]}', '{"mutations":[' + JSON.stringify({ ...visitWith(newId(), 'ok'), recordId: 'x\u0000' }) + ']}']) {
        const reply = await pushText(practitioner, text);
        expect(reply.status).toBe(400);
      }
    });

    it('still refuses a push over 32 MB with 413 (the JSON parser is the sync plugin’s own)', async () => {
      const reply = await pushText(practitioner, `{"mutations":[${' '.repeat(33 * 1024 * 1024)}]}`);
      expect(reply.status).toBe(413);
    });
  });

  describe(`loose bodies over HTTP (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let practitioner: TestClient;
    let observer: TestClient;

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      practitioner = await server.signedIn(world.own.practitioner);
      observer = await server.signedIn(world.own.observer);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    const count = async () => Number((await db.storage.query<{ n: string }>('select count(*) as n from records')).rows[0]!.n);

    it('rejects seenAlone: "banana", naming the field', async () => {
      const id = newId();
      const body = visitBody(id, 'ok', ['child-1']);
      const banana = { ...body, contact: { ...body.contact, children: [{ ...body.contact.children[0]!, seenAlone: 'banana' }] } };
      const before = await count();
      const [result] = await pushBatch(practitioner, [JSON.stringify(mutation('visit', id, null, { body: banana }))]);
      expect(result).toMatchObject({ status: 'rejected', code: 'schema' });
      expect((result as { reason: string }).reason).toContain('contact.children.0.seenAlone');
      expect(await count()).toBe(before);
    });

    it.each(['2026-02-31T10:00:00Z', '2026-02-28T25:00:00Z', '2026-02-31T25:00:00Z'])('rejects completedAt %s (no such day or hour)', async (completedAt) => {
      const before = await count();
      const [result] = await pushBatch(observer, [JSON.stringify(mutation('observation', newId(), null, { body: { step: 2, completedAt } }))]);
      expect(result).toMatchObject({ status: 'rejected', code: 'schema' });
      expect((result as { reason: string }).reason).toContain('completedAt');
      expect(await count()).toBe(before);
    });

    it('rejects 1e400 (JSON.parse makes it Infinity, stored as null)', async () => {
      const before = await count();
      const text = withRawJson(mutation('observation', newId(), null, { body: { step: 'STEP' } }), 'STEP', '1e400');
      const [result] = await pushBatch(observer, [text]);
      expect(result).toMatchObject({ status: 'rejected', code: 'schema' });
      expect((result as { reason: string }).reason).toContain('record.body.step: A number must be finite');
      expect(await count()).toBe(before);
    });

    it('stores the names of the observer and the practitioner observed from their accounts, not the names pushed', async () => {
      const id = newId();
      const forged = { step: 1, observerName: 'Morgan Ashby (forged)', observerId: 'S-001', practitionerName: 'Someone Else (forged)', practitionerId: world.own.practitioner.id };
      const [created] = await pushBatch(observer, [JSON.stringify(mutation('observation', id, null, { body: forged }))]);
      expect(created).toMatchObject({ status: 'applied', rev: 1 });
      const read = async () => (await db.storage.query<{ body: Record<string, unknown> }>('select body from records where id = $1', [id])).rows[0]!.body;
      expect(await read()).toMatchObject({ observerName: world.own.observer.name, practitionerName: world.own.practitioner.name, observerId: 'S-001' });

      // An edit keeps the author as the observer; a practitioner typed in (no account) keeps the typed name.
      const edit = { ...forged, practitionerName: 'Jo Visitor', practitionerId: 'STAFF-42' };
      const [edited] = await pushBatch(observer, [JSON.stringify(mutation('observation', id, 1, { body: edit }))]);
      expect(edited).toMatchObject({ status: 'applied', rev: 2 });
      expect(await read()).toMatchObject({ observerName: world.own.observer.name, practitionerName: 'Jo Visitor' });

      // A practitioner of another team is not looked up: their name is not given away either.
      const other = { ...forged, practitionerName: 'Typed name', practitionerId: world.other.practitioner.id };
      const [third] = await pushBatch(observer, [JSON.stringify(mutation('observation', id, 2, { body: other }))]);
      expect(third).toMatchObject({ status: 'applied', rev: 3 });
      expect(await read()).toMatchObject({ practitionerName: 'Typed name' });
    });
  });
}
