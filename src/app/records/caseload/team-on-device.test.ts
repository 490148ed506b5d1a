import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caseloadView, readDeviceCaseload } from './build-caseload';
import { db, getRecord, getSealedMeta, saveRecord, setSealedMeta } from '../../device/db';
import type { PractitionerBody } from '../../../shared/model/record-bodies.ts';
import { resetDatabase } from '../../testing/reset-database';
import { unlockTestDevice } from '../../testing/unlock-test-device';
import { ACCOUNT_KEY } from '../../device/sync/account';
import { OfflineError, RequestError, ServerError } from '../../device/sync/errors';
import { runSync } from '../../device/sync/sync';
import { getTeam, PRACTITIONER_KEY, refreshTeam, TEAM_KEY } from '../../device/sync/team';
import { COLLEAGUE, DEMO_SESSION, FakeServer, MANAGER, ME } from '../../device/sync/testing/fake-server';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let server: FakeServer;
beforeEach(async () => {
  await resetDatabase();
  await unlockTestDevice();
  server = new FakeServer();
  await setSealedMeta(ACCOUNT_KEY, DEMO_SESSION); // signed in as Alex Rowntree, practitioner (ME)
});
afterEach(() => vi.restoreAllMocks());

const child = (id: string) => ({ id, name: `Child ${id}`, dateOfBirth: '2015-03-02', involvements: [] });

describe('the team on the device', () => {
  it('is fetched after the pull of a sync round and kept sealed in meta', async () => {
    server.write('c1', 'child', 'submitted', child('c1'));

    await runSync({ transport: server.transport });

    expect(server.teamRequests).toBe(1);
    expect(await getTeam()).toEqual(server.team);
    const raw = JSON.stringify((await db.meta.get(TEAM_KEY))?.value);
    expect(raw).toBeDefined();
    expect(raw).not.toContain('Jess Colleague'); // names are personal: sealed, never plain
    expect(raw).not.toContain(COLLEAGUE);
  });

  it('keeps the signed-in practitioner’s own profile when the server knows their start date', async () => {
    await runSync({ transport: server.transport });
    expect(await getSealedMeta(PRACTITIONER_KEY)).toBeUndefined(); // no start date known yet

    const startedAt = ago(420);
    server.team.members[0] = { ...server.team.members[0]!, startedAt };
    await runSync({ transport: server.transport });

    expect(await getSealedMeta<PractitionerBody>(PRACTITIONER_KEY)).toEqual({ id: ME, name: 'Alex Rowntree', startedAt, lineManagerId: MANAGER });
    // So the caseload (the signed-in user's own observations only) shows the observation due.
    const view = caseloadView(await readDeviceCaseload(), 'redcar-cleveland', new Date());
    expect(view.observations.map((w) => [w.code, w.practitionerId])).toEqual([['OBSERVATION_DUE', ME]]);
  });

  it('gives a practitioner’s caseload no observations of colleagues, and the whole team’s to the dashboard’s reading', async () => {
    server.team.members = server.team.members.map((m) => ({ ...m, startedAt: ago(m.id === ME ? 30 : 500) }));
    await runSync({ transport: server.transport });

    const mine = caseloadView(await readDeviceCaseload(), 'redcar-cleveland', new Date());
    expect(mine.observations).toEqual([]); // Alex started a month ago
    const team = caseloadView(await readDeviceCaseload({ wholeTeam: true }), 'redcar-cleveland', new Date());
    // Practitioners only: the manager's start date gives no observation due.
    expect(team.observations.map((w) => [w.code, w.practitionerId])).toEqual([['OBSERVATION_DUE', COLLEAGUE]]);
    expect(team.observations[0]!.message).toContain('Jess Colleague');
  });

  it('sets no practitioner profile for a manager', async () => {
    await setSealedMeta(ACCOUNT_KEY, { ...DEMO_SESSION, user: { ...DEMO_SESSION.user, id: MANAGER, role: 'manager' } });
    server.team.members = server.team.members.map((m) => ({ ...m, startedAt: ago(2000) }));

    expect(await refreshTeam(server.transport)).toBe('stored');

    expect(await getSealedMeta(PRACTITIONER_KEY)).toBeUndefined();
    expect((await getTeam())?.members.filter((m) => m.startedAt !== null)).toHaveLength(3);
  });

  it('is rewritten only when it changed, so live queries over meta do not re-run every round', async () => {
    server.team.members[0] = { ...server.team.members[0]!, startedAt: ago(420) };
    expect(await refreshTeam(server.transport)).toBe('stored');
    const [team, profile] = [await db.meta.get(TEAM_KEY), await db.meta.get(PRACTITIONER_KEY)];

    expect(await refreshTeam(server.transport)).toBe('unchanged');
    expect(await db.meta.get(TEAM_KEY)).toEqual(team);
    expect(await db.meta.get(PRACTITIONER_KEY)).toEqual(profile);

    server.team.members[1] = { ...server.team.members[1]!, name: 'Jess Renamed' };
    expect(await refreshTeam(server.transport)).toBe('stored');
    expect((await getTeam())?.members[1]?.name).toBe('Jess Renamed');
    expect(await db.meta.get(PRACTITIONER_KEY)).toEqual(profile);
  });

  it.each([
    ['offline', new OfflineError()],
    ['a server error', new ServerError('The server answered 500', 500)],
    ['an old server without /api/team', new RequestError('Not found', 404, 'not-found')],
  ])('never fails the round when the team cannot be fetched (%s) and keeps the team the device had', async (_, failure) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await runSync({ transport: server.transport });
    const before = await getTeam();
    expect(before?.members).toHaveLength(3);

    server.teamFailure = failure;
    server.write('c1', 'child', 'submitted', child('c1'));
    const result = await runSync({ transport: server.transport });

    expect(result.pulled).toBe(1);
    expect(await getRecord('c1')).toBeDefined();
    expect(await getTeam()).toEqual(before);
  });
});

describe('who created a record', () => {
  it('is kept on a pulled record as the server says, and on records created here is left to the account', async () => {
    server.write('c1', 'child', 'submitted', child('c1'), COLLEAGUE);
    await saveRecord({ id: 'c2', type: 'child', status: 'submitted', body: child('c2') });

    await runSync({ transport: server.transport });

    expect(await getRecord('c1')).toMatchObject({ createdBy: COLLEAGUE, localVersion: 0 });
    expect((await getRecord('c2'))?.createdBy).toBeUndefined(); // pushed, not pulled back: the account's
  });

  it('stays the creator when the record is edited on this device and when a newer version is pulled', async () => {
    server.write('c1', 'child', 'submitted', child('c1'), COLLEAGUE);
    await runSync({ transport: server.transport });

    await saveRecord({ id: 'c1', type: 'child', status: 'submitted', body: { ...child('c1'), name: 'Edited here' } });
    expect(await getRecord('c1')).toMatchObject({ createdBy: COLLEAGUE, localVersion: 1 });
    await runSync({ transport: server.transport });

    server.write('c1', 'child', 'submitted', { ...child('c1'), name: 'Edited by the manager' }, MANAGER);
    await runSync({ transport: server.transport });
    expect(await getRecord('c1')).toMatchObject({ createdBy: COLLEAGUE, body: { name: 'Edited by the manager' } });
  });
});
