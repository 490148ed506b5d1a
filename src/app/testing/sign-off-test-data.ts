import { emptyContactChild, emptyVisitNote, type VisitNoteBody } from '../../shared/model/visit-note.ts';
import type { RecordReview, ServerRecord, SessionInfo } from '../../shared/sync/index.ts';
import { contentHash } from '../../shared/sync/index.ts';
import { saveRecord, setSealedMeta } from '../device/db';
import { ACCOUNT_KEY, OfflineError, pullChanges, useAccount, type SyncTransport } from '../device/sync';
import { MANAGER, TEAM_ID, type FakeServer } from '../device/sync/testing/fake-server';
import { whenFromInstant } from '../records/visit/occurred-at';

export const MANAGER_SESSION: SessionInfo = {
  user: { id: MANAGER, name: 'Morgan Ashby', email: 'morgan@example.test', role: 'manager', teamId: TEAM_ID, lineManagerId: null },
  expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
};

/** The same account as a practitioner, Alex Rowntree: the author's side of sign-off. */
export const PRACTITIONER_SESSION: SessionInfo = {
  ...MANAGER_SESSION,
  user: { ...MANAGER_SESSION.user, name: 'Alex Rowntree', role: 'practitioner' },
};

/**
 * The app's own scheduler finds no network: the tests sync by hand (runSync with the fake
 * server). Every transport method, whatever the transport has, fails as offline.
 */
export const offlineTransport = new Proxy({} as SyncTransport, {
  get: (_target, name) => (name === 'then' ? undefined : () => Promise.reject(new OfflineError())),
});

/** This device is signed in as Morgan Ashby, team manager (or as the account given). */
export async function signedInAs(session: SessionInfo = MANAGER_SESSION): Promise<void> {
  await setSealedMeta(ACCOUNT_KEY, session);
  useAccount.setState({ account: session, pending: null });
}

export async function childOnDevice(id: string, name: string): Promise<void> {
  await saveRecord({ id, type: 'child', status: 'submitted', body: { id, name, dateOfBirth: '2016-05-04', involvements: [] } });
}

/** A finished home visit note as the visit form stores it. */
export function finishedVisit(
  id: string,
  { childIds, occurredAt, completedAt, whatHappened = 'Played in the garden' }: { childIds: string[]; occurredAt: string; completedAt: string; whatHappened?: string },
): VisitNoteBody {
  const body = emptyVisitNote(id, whenFromInstant(new Date(occurredAt)));
  return {
    ...body,
    contact: {
      ...body.contact,
      occurredAt,
      completedAt,
      mode: 'home-visit',
      significantEvent: false,
      criticalWorries: false,
      children: childIds.map((childId) => ({ ...emptyContactChild(childId), seen: true, seenAlone: true, bedroomSeen: true })),
    },
    note: { whatHappened, childsVoice: {}, analysis: 'Settled at home', nextSteps: 'Visit again in 10 working days' },
    step: 'check',
  };
}

/** A record written on the server by a colleague, then pulled to this device. */
export async function onServerAndDevice(
  server: FakeServer,
  record: Pick<ServerRecord, 'id' | 'type' | 'status'> & { body: object; review?: RecordReview },
): Promise<ServerRecord> {
  const written = server.write(record.id, record.type, record.status, record.body as Record<string, unknown>, undefined, [], record.review);
  await pullChanges({ transport: server.transport });
  return written;
}

/** The review the server keeps after Morgan Ashby returned or signed off `body` at `rev`. */
export async function reviewBy(action: RecordReview['action'], body: object, rev: number, comment: string | null): Promise<RecordReview> {
  return { action, rev, contentSha256: await contentHash(body), by: MANAGER, byName: 'Morgan Ashby', at: '2026-03-05T14:05:00.000Z', comment };
}
