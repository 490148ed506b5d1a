import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type ConflictCopy, type Mutation, type ServerRecord } from '../../shared/sync/index.ts';
import type { FreshDatabase } from '../storage/storage.contract.ts';
import { TestClient } from '../testing/http-client.ts';
import { newId, visitBody } from '../testing/mutations.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { addTestUser, startServer, type RunningServer, type TestUser } from '../testing/test-world.ts';
import { addTeam } from '../accounts/accounts-store.ts';

/**
 * A small pure model of a device (not the browser client): it edits records offline, keeps an
 * outbox with one pending mutation per record, pushes it with faults, and pulls pages.
 */
class SimulatedDevice {
  /** Per record, edits waiting to go, oldest first. Only the head is sent; once sent it is never changed. */
  outbox = new Map<string, Mutation[]>();
  private sent = new Set<string>();
  /** Edits made on top of an edit not yet acknowledged: their baseRev is filled in from its result. */
  private basedOnPending = new Set<string>();
  /** What the device has learnt from the server: the pull view compared at the end. */
  records = new Map<string, ServerRecord>();
  conflicts = new Map<string, ConflictCopy>();
  cursor = '0';
  acknowledged: { mutation: Mutation; status: 'applied' | 'conflict'; rev: number | null; conflictId?: string }[] = [];
  private edits = 0;
  client!: TestClient;

  constructor(readonly name: string, readonly user: TestUser) {}

  get waiting(): number {
    return [...this.outbox.values()].reduce((n, queue) => n + queue.length, 0);
  }

  edit(recordId: string): void {
    const label = `${this.name} edit ${++this.edits}`;
    const queue = this.outbox.get(recordId) ?? [];
    this.outbox.set(recordId, queue);
    const last = queue.at(-1);
    const next: Mutation = {
      mutationId: newId(),
      recordId,
      recordType: 'visit',
      baseRev: this.records.get(recordId)?.rev ?? null,
      record: { status: 'draft', body: visitBody(recordId, label) },
    };
    if (last && !this.sent.has(last.mutationId)) {
      // An unsent edit is replaced by the newer content (a new id); what it was based on stays.
      next.baseRev = last.baseRev;
      if (this.basedOnPending.delete(last.mutationId)) this.basedOnPending.add(next.mutationId);
      queue[queue.length - 1] = next;
    } else {
      if (last) this.basedOnPending.add(next.mutationId);
      queue.push(next);
    }
  }

  async push(fault: Fault): Promise<void> {
    let mutations = [...this.outbox.values()].map((queue) => queue[0]!);
    if (mutations.length === 0) return;
    for (const m of mutations) this.sent.add(m.mutationId);
    if (fault === 'drop request') return;
    if (fault === 'reorder') mutations = mutations.reverse();
    if (fault === 'duplicate') mutations = [...mutations, ...mutations];
    const reply = await this.client.post('/api/sync/push', { mutations });
    expect(reply.status).toBe(200);
    if (fault === 'drop reply') return; // applied on the server; the device will retry the same ids
    for (const result of pushResponseSchema.parse(reply.body).results) {
      const queue = this.outbox.get(mutations.find((m) => m.mutationId === result.mutationId)!.recordId);
      const mutation = queue?.[0];
      if (!queue || mutation?.mutationId !== result.mutationId) continue; // its duplicate was handled already
      queue.shift();
      if (queue.length === 0) this.outbox.delete(mutation.recordId);
      let rev: number | null;
      if (result.status === 'applied' || (result.status === 'duplicate' && result.earlier === 'applied')) {
        rev = result.rev;
        this.acknowledged.push({ mutation, status: 'applied', rev });
      } else if (result.status === 'conflict' || result.status === 'duplicate') {
        // The device's own version lives on as the conflict copy; what follows stays based on
        // the revision it knew, so it is kept as a copy too rather than written over the other.
        rev = mutation.baseRev;
        this.acknowledged.push({ mutation, status: 'conflict', rev: null, conflictId: result.conflictId! });
      } else {
        throw new Error(`unexpected rejection: ${result.reason}`);
      }
      const next = queue[0];
      if (next && this.basedOnPending.delete(next.mutationId)) next.baseRev = rev;
    }
  }
  async pull(limit: number): Promise<void> {
    for (;;) {
      const page = pullResponseSchema.parse((await this.client.get(`/api/sync/pull?since=${this.cursor}&limit=${limit}`)).body);
      for (const change of page.changes) {
        if (change.kind === 'record') this.records.set(change.record.id, change.record);
        else this.conflicts.set(change.conflict.id, change.conflict);
      }
      this.cursor = page.nextCursor;
      if (!page.hasMore) return;
    }
  }
}

const FAULTS = ['none', 'drop request', 'drop reply', 'duplicate', 'reorder'] as const;
type Fault = (typeof FAULTS)[number];

type Step =
  | { kind: 'edit'; device: number; record: number }
  | { kind: 'sync'; device: number; fault: Fault; limit: number }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), device: fc.nat(2), record: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: fc.nat(2), fault: fc.constantFrom(...FAULTS), limit: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

for (const database of testDatabases) {
  describe(`sync protocol with three offline devices, lost and repeated pushes and restarts (${database.name})`, () => {
    let db: FreshDatabase;
    let users: TestUser[];

    beforeAll(async () => {
      db = await database.fresh();
      const team = await addTeam(db.storage, 'Property team');
      users = [
        await addTestUser(db.storage, 'practitioner', team.id),
        await addTestUser(db.storage, 'practitioner', team.id),
        await addTestUser(db.storage, 'manager', team.id),
      ];
    }, 60_000);
    afterAll(() => db.dispose());

    it('keeps every acknowledged edit (current or conflict copy), duplicates nothing, and converges', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 30 }), async (steps) => {
          const recordIds = [newId(), newId(), newId(), newId()];
          const devices = users.map((user, i) => new SimulatedDevice(`device ${i}`, user));
          let server: RunningServer = await startServer(db.storage);
          const connect = async () => {
            for (const device of devices) {
              const cookie = device.client?.cookie;
              device.client = new TestClient(server.url);
              if (cookie) device.client.cookie = cookie;
              else await device.client.signIn(device.user.email, device.user.password);
            }
          };
          await connect();
          // Each run starts from what is on the server now (earlier runs used other records).
          for (const device of devices) await device.pull(1000);
          try {
            for (const s of steps) {
              if (s.kind === 'edit') devices[s.device]!.edit(recordIds[s.record]!);
              else if (s.kind === 'sync') {
                await devices[s.device]!.push(s.fault);
                await devices[s.device]!.pull(s.limit);
              } else {
                await server.close();
                server = await startServer(db.storage);
                await connect();
              }
            }
            // Final full sync: everything pushed without faults, then everyone pulls to the end.
            for (const device of devices) while (device.waiting > 0) await device.push('none');
            for (const device of devices) await device.pull(3);

            const acknowledged = devices.flatMap((d) => d.acknowledged);
            const truth = new SimulatedDevice('truth', users[2]!);
            truth.client = devices[2]!.client;
            await truth.pull(1000);
            const mine = (id: string) => recordIds.includes(id);

            for (const ack of acknowledged) {
              const { recordId, record } = ack.mutation;
              if (ack.status === 'conflict') {
                expect(truth.conflicts.get(ack.conflictId!)?.body).toEqual(record.body);
              } else if (truth.records.get(recordId)!.rev === ack.rev) {
                expect(truth.records.get(recordId)!.body).toEqual(record.body);
              }
            }
            // Nothing duplicated: each record's revisions were made by exactly one acknowledged edit each.
            for (const id of recordIds.filter((r) => truth.records.has(r))) {
              const revs = acknowledged.filter((a) => a.mutation.recordId === id && a.status === 'applied').map((a) => a.rev);
              expect(revs.sort((a, b) => a! - b!)).toEqual(Array.from({ length: truth.records.get(id)!.rev }, (_, i) => i + 1));
            }
            const copies = [...truth.conflicts.values()].filter((c) => mine(c.recordId));
            expect(copies.length).toBe(acknowledged.filter((a) => a.status === 'conflict').length);
            const edited = new Set(acknowledged.map((a) => a.mutation.recordId));
            expect([...truth.records.keys()].filter(mine).sort()).toEqual([...edited].sort());
            // Converged: every device's pull view is the server's.
            for (const device of devices) {
              expect(device.waiting).toBe(0);
              expect(device.records).toEqual(truth.records);
              expect(device.conflicts).toEqual(truth.conflicts);
            }
          } finally {
            await server.close();
          }
        }),
        // endOnFailure: a counterexample is printed at once rather than shrunk past the test's time limit.
        { numRuns: 30, endOnFailure: true },
      );
    }, 120_000);
  });
}
