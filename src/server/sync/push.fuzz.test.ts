import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRecordBody, findContentProblem, pushResponseSchema, RECORD_TYPES, type RecordType } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import type { TestClient } from '../testing/http-client.ts';
import { bodyFor, newId, visitBody } from '../testing/mutations.ts';
import { pushText } from '../testing/raw-push.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { seedTestWorld, startServer, type RunningServer, type TestWorld } from '../testing/test-world.ts';

/**
 * Issue 11: no body, however hostile, makes the push route answer 5xx, fail its batch, or change
 * anything but the pusher's own valid records. Bodies are generated as JSON TEXT, so that they
 * can hold what JSON.stringify never writes: 1e400, nesting thousands deep, repeated keys.
 */

// Any UTF-16 code unit: control characters, NUL and lone surrogates included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const hostileText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\u0007\u001b[31m', '\u2028', 'é😀'),
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'note', 'contact', 'step', 'completedAt', 'seenAlone', 'observerName'),
  hostileText,
);
const hostileNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('1e400', '-1e400', '1e308', '5e-400', '-0', '123456789012345678901234567890', '0.1', '3'),
);
const impossibleDate = fc.constantFrom('2026-02-31T25:00:00Z', '2026-02-29T10:00:00Z', '2026-13-01T00:00:00Z', '2026-04-09T24:00:00Z', '2026-04-09T09:00:00Z');
const deep = fc.tuple(fc.integer({ min: 60, max: 8_000 }), fc.boolean()).map(([depth, asArrays]) =>
  asArrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
);

/** A JSON text value: leaves, deep nesting, and objects with hostile keys (repeats allowed). */
const { value: hostileValue } = fc.letrec<{ value: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText.map((t) => JSON.stringify(t)),
    impossibleDate.map((t) => JSON.stringify(t)),
    hostileNumber,
    fc.constantFrom('true', 'false', 'null', '"banana"'),
    deep,
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  ),
  object: fc
    .array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })
    .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
}));
const hostileObject = fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 5 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

const MARK = '\u0001mark\u0001';

/** A body as JSON text: a valid body with one field replaced by something hostile, or anything. */
const hostileBody = (type: RecordType, recordId: string) =>
  fc.oneof(
    fc.oneof(hostileText, fc.constant('plain words')).map((text) => JSON.stringify(visitBody(recordId, text))),
    hostileValue.map((value) => JSON.stringify(visitBody(recordId, MARK)).replace(JSON.stringify(MARK), () => value)),
    fc.record({ completedAt: impossibleDate, name: hostileText, step: hostileNumber }).map(
      ({ completedAt, name, step }) => `{"step":${step},"observerName":${JSON.stringify(name)},"completedAt":${JSON.stringify(completedAt)}}`,
    ),
    fc.constant(JSON.stringify(bodyFor(type, recordId))),
    hostileObject,
  );

interface Generated {
  mutationId: string;
  recordId: string;
  type: RecordType;
  bodyText: string;
  text: string;
}

/** One mutation as JSON text; `target` is an existing record of another team, or a new id. */
const hostileMutation = (otherTeamRecords: string[]) =>
  fc
    .record({
      type: fc.constantFrom(...RECORD_TYPES),
      target: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...otherTeamRecords) }),
    })
    .chain(({ type, target }) => {
      const recordId = target ?? newId();
      return hostileBody(type, recordId).map((bodyText): Generated => {
        const mutationId = newId();
        const envelope = { mutationId, recordId, recordType: type, baseRev: target ? 1 : null, record: { status: 'draft', body: MARK } };
        const text = JSON.stringify(envelope).replace(JSON.stringify(MARK), () => bodyText);
        return { mutationId, recordId, type, bodyText, text };
      });
    });

function withFreshIds(m: Generated, otherTeamRecords: string[]): Generated {
  const mutationId = newId();
  const recordId = otherTeamRecords.includes(m.recordId) ? m.recordId : newId();
  const swap = (text: string) => text.split(m.mutationId).join(mutationId).split(m.recordId).join(recordId);
  return { ...m, mutationId, recordId, bodyText: swap(m.bodyText), text: swap(m.text) };
}

const BATCHES = 60;
const PER_BATCH = { minLength: 35, maxLength: 45 };

for (const database of testDatabases) {
  describe(`fuzzing the push route (${database.name})`, () => {
    let db: FreshDatabase;
    let server: RunningServer;
    let world: TestWorld;
    let pusher: TestClient;
    const otherTeamRecords: string[] = [];

    beforeAll(async () => {
      db = await database.fresh();
      server = await startServer(db.storage);
      world = await seedTestWorld(db.storage);
      pusher = await server.signedIn(world.own.manager);
      const colleague = await server.signedIn(world.other.practitioner);
      for (let i = 0; i < 5; i++) otherTeamRecords.push(newId());
      const seeded = otherTeamRecords.map((id) => JSON.stringify({ mutationId: newId(), recordId: id, recordType: 'visit', baseRev: null, record: { status: 'draft', body: visitBody(id) } }));
      const reply = await pushText(colleague, `{"mutations":[${seeded.join(',')}]}`);
      expect(pushResponseSchema.parse(reply.body).results.every((r) => r.status === 'applied')).toBe(true);
    }, 60_000);
    afterAll(async () => {
      await server.close();
      await db.dispose();
    });

    /** Everything the pusher must not be able to change: other people's records, conflicts, reviews. */
    const outside = async () => ({
      records: (
        await db.storage.query(
          'select id, rev, status, seq::text, md5(body::text) as body from records where created_by <> $1::uuid order by id',
          [world.own.manager.id],
        )
      ).rows,
      conflicts: (await db.storage.query('select count(*)::int as n from record_conflicts')).rows,
      reviews: (await db.storage.query('select count(*)::int as n from reviews')).rows,
    });
    const ownRecords = async () =>
      (await db.storage.query<{ id: string; body: unknown }>('select id, body from records where created_by = $1::uuid', [world.own.manager.id])).rows;

    it(`gives every one of ≥ 2,000 hostile bodies its own result, never a 5xx, and stores only valid ones`, async () => {
      const before = await outside();
      const applied = new Set<string>();
      let bodies = 0;
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(hostileMutation(otherTeamRecords), PER_BATCH), async (generated) => {
          // Fresh ids at each push: fast-check replays values while shrinking, and a replayed id is a duplicate.
          const batch = generated.map((m) => withFreshIds(m, otherTeamRecords));
          const reply = await pushText(pusher, `{"mutations":[${batch.map((m) => m.text).join(',')}]}`);
          expect(reply.status).toBe(200);
          const results = pushResponseSchema.parse(reply.body).results;
          expect(results.map((r) => r.mutationId)).toEqual(batch.map((m) => m.mutationId));
          batch.forEach((sent, i) => {
            const result = results[i]!;
            const parsed: unknown = JSON.parse(sent.bodyText);
            const check = checkRecordBody(sent.type, parsed, 'draft');
            if (result.status === 'applied') {
              // Applied only when the shared check passes it, and only as a new record of the pusher's.
              expect(check).toEqual({ ok: true });
              expect(otherTeamRecords).not.toContain(sent.recordId);
              applied.add(sent.recordId);
            } else {
              expect(result.status).toBe('rejected');
              if (findContentProblem(parsed) || !check.ok) expect(result).toMatchObject({ code: 'schema' });
              rejected++;
            }
          });
          bodies += batch.length;
          const own = await ownRecords();
          expect(new Set(own.map((r) => r.id))).toEqual(applied);
          expect(await outside()).toEqual(before);
        }),
        { numRuns: BATCHES },
      );
      // Every stored body passes the shared check as stored (names taken from accounts included).
      for (const row of await ownRecords()) expect(findContentProblem(row.body)).toBeUndefined();
      expect(bodies).toBeGreaterThanOrEqual(2_000);
      expect(applied.size).toBeGreaterThan(0);
      expect(rejected).toBeGreaterThan(0);
      console.info(`push fuzz (${database.name}): ${bodies} bodies, ${applied.size} applied, ${rejected} rejected, 0 × 5xx`);
    }, 600_000);
  });
}
