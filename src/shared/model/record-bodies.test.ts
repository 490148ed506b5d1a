import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoCaseload } from '../demo/demo-caseload.ts';
import { checkRecordBody } from '../sync/record-bodies.ts';
import { parseCaseload } from './caseload.ts';
import { emptyDirectWork, type DirectWorkForm } from './direct-work.ts';
import { directWorkBodySchema, toDirectWorkBody } from './direct-work-body.ts';
import { emptyObservationForm, type ObservationForm } from './observation-form.ts';
import { observationBodySchema, toObservationBody } from './observation-body.ts';
import { childBodySchema, recordBodySchemas, type RecordBodies } from './record-bodies.ts';
import { RECORD_TYPES, type RecordType } from './record.ts';
import { importedVisitBody, visitBodySchema } from './visit-body.ts';
import { addendumBodySchema } from './addendum.ts';
import type { Contact } from './contact.ts';
import { emptyContactChild, emptyVisitNote, visitNoteBodySchema, type VisitNoteBody } from './visit-note.ts';

const filledDirectWork: DirectWorkForm = {
  ...emptyDirectWork(),
  childId: 'child-1',
  date: { day: '3', month: '11', year: '2025' },
  tools: ['three-houses', 'other'],
  toolsOther: 'Feelings cards',
  childsWords: 'I like my room.',
  analysis: 'Settled.',
  photos: [{ blobId: 'blob-1', contentType: 'image/jpeg', alt: 'Drawing of a house' }],
  completedAt: '2025-11-04T12:00:00.000Z',
};

const filledObservation: ObservationForm = {
  ...emptyObservationForm(),
  step: 8,
  practitionerName: 'Sam Practitioner',
  practitionerId: 'p1',
  observerName: 'Alex Observer',
  observerId: 'm1',
  observedOn: { day: '3', month: '11', year: '2025' },
  nature: 'home-visit',
  actions: [{ key: 'action-1', who: 'Sam', what: 'Read the plan', byWhen: { day: '1', month: '12', year: '2025' } }],
  knowledgeAndSkills: [],
  completedAt: '2025-11-04T12:00:00.000Z',
};

const finishedVisit = (): VisitNoteBody => {
  const body = emptyVisitNote('visit-1', { day: '3', month: '11', year: '2025', time: '10:00' });
  return {
    ...body,
    contact: {
      ...body.contact,
      occurredAt: '2025-11-03T10:00:00Z',
      mode: 'home-visit',
      significantEvent: false,
      criticalWorries: false,
      completedAt: '2025-11-03T15:00:00Z',
      children: [{ ...emptyContactChild('child-1'), seen: true, seenAlone: true, bedroomSeen: true }],
    },
    note: { whatHappened: 'Home visit', childsVoice: { 'child-1': 'Fine' }, analysis: 'Good', nextSteps: 'None' },
    step: 'check',
  };
};

/** One body of each kind as the code that writes it builds it. */
const bodies: { what: string; type: RecordType; body: RecordBodies[RecordType] }[] = [
  { what: 'a new visit note', type: 'visit', body: emptyVisitNote('visit-1') },
  { what: 'a finished visit note', type: 'visit', body: finishedVisit() },
  { what: 'a new direct work form', type: 'direct-work', body: toDirectWorkBody(emptyDirectWork()) },
  { what: 'a finished direct work form', type: 'direct-work', body: toDirectWorkBody(filledDirectWork) },
  { what: 'a new observation form', type: 'observation', body: toObservationBody(emptyObservationForm(), 'obs-1') },
  { what: 'a finished observation form', type: 'observation', body: toObservationBody(filledObservation, 'obs-1') },
  { what: 'an addendum', type: 'addendum', body: { parentId: 'visit-1', text: 'Also present: Gran.', writtenAt: '2026-04-09T09:00:00Z' } },
  { what: 'a child', type: 'child', body: { id: 'child-1', name: 'Sam', dateOfBirth: '2018-03-04', involvements: [] } },
];

/** A contact as a caseload file imports it. */
const importedContact: Contact = {
  id: 'contact-1',
  occurredAt: '2025-11-03T10:00:00Z',
  mode: 'home-visit',
  setting: 'community',
  significantEvent: false,
  criticalWorries: false,
  completedAt: '2025-11-04T10:00:00Z',
  children: [{ childId: 'child-1', seen: true, seenAlone: true, bedroomSeen: true, managerInformed: false }],
};

describe('record bodies', () => {
  it('has one strict schema for every record type', () => {
    expect(Object.keys(recordBodySchemas).sort()).toEqual([...RECORD_TYPES].sort());
  });

  it.each(bodies)('accepts $what, as its code builds it', ({ type, body }) => {
    expect(recordBodySchemas[type].safeParse(body).error).toBeUndefined();
    expect(checkRecordBody(type, body, 'draft')).toEqual({ ok: true });
  });

  it('accepts the full bodies the forms build with the full (not only the draft) schemas', () => {
    expect(directWorkBodySchema.safeParse(toDirectWorkBody(filledDirectWork)).error).toBeUndefined();
    expect(toDirectWorkBody(filledDirectWork)).toMatchObject({
      childIds: ['child-1'],
      occurredAt: '2025-11-03T12:00:00Z',
      title: 'Three houses, Feelings cards',
      photoIds: ['blob-1'],
    });
    expect(observationBodySchema.safeParse(toObservationBody(filledObservation, 'obs-1')).error).toBeUndefined();
  });

  it('accepts every demo record body, each whole as its own form writes it (visits as visit notes)', () => {
    const demo = demoCaseload(new Date('2026-04-09T09:00:00Z'));
    for (const child of demo.children) expect(checkRecordBody('child', child)).toEqual({ ok: true });
    for (const record of demo.records) expect(checkRecordBody(record.type, record.body, record.status)).toEqual({ ok: true });
    // The server checks drafts field by field; the demo's finished records are complete.
    const whole = { visit: visitNoteBodySchema, 'direct-work': directWorkBodySchema, observation: observationBodySchema, addendum: addendumBodySchema };
    for (const record of demo.records) expect(whole[record.type].safeParse(record.body).error).toBeUndefined();
    expect(new Set(demo.records.map((r) => r.type))).toEqual(new Set(['visit', 'direct-work', 'observation', 'addendum']));
  });

  it('accepts the children and contacts of an imported caseload file', () => {
    const file = JSON.parse(readFileSync(new URL('../../../test/fixtures/redcar-cleveland-team.json', import.meta.url), 'utf8'));
    const parsed = parseCaseload(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const child of parsed.value.children) expect(childBodySchema.safeParse(child).error).toBeUndefined();
    for (const contact of parsed.value.contacts) expect(visitBodySchema.safeParse(importedVisitBody(contact)).error).toBeUndefined();
  });

  it.each([
    { type: 'visit' as const, body: { ...emptyVisitNote('visit-1'), extra: 1 }, path: 'extra' },
    { type: 'visit' as const, body: { ...emptyVisitNote('visit-1'), note: { ...emptyVisitNote('v').note, summary: 'x' } }, path: 'note.summary' },
    {
      type: 'visit' as const,
      body: { ...importedVisitBody(importedContact), contact: { ...importedContact, notes: 'x' } },
      path: 'contact.notes',
    },
    { type: 'direct-work' as const, body: { childsWords: 'hi', mood: 'happy' }, path: 'mood' },
    { type: 'direct-work' as const, body: { photos: [{ blobId: 'b', contentType: 'image/png', alt: '', caption: 'x' }] }, path: 'photos.0.caption' },
    { type: 'observation' as const, body: { step: 2, observation: { id: 'o1', grade: 'good' } }, path: 'observation.grade' },
    { type: 'addendum' as const, body: { parentId: 'p', text: '', writtenAt: '2026-04-09T09:00:00Z', author: 'me' }, path: 'author' },
    { type: 'child' as const, body: { id: 'c', dateOfBirth: '2018-03-04', involvements: [], address: 'x' }, path: 'address' },
  ])('refuses a $type body with an unknown key, naming it at $path', ({ type, body, path }) => {
    const check = checkRecordBody(type, body, 'draft');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toBe(
      `The ${type} record does not match its schema at ${path}: Unrecognized key: "${path.split('.').at(-1)}"`,
    );
  });

  it('checks a draft field by field: missing fields are fine, wrong ones are not', () => {
    expect(checkRecordBody('direct-work', { childsWords: 'hi' })).toEqual({ ok: true });
    expect(checkRecordBody('observation', { step: 2, focus: 'x' })).toEqual({ ok: true });
    expect(checkRecordBody('observation', { step: 'two' })).toMatchObject({ ok: false, reason: expect.stringMatching(/ at step: /) });
  });

  it('tells the two visit shapes apart by step', () => {
    expect(checkRecordBody('visit', { ...emptyVisitNote('v'), step: 'done' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The visit record does not match its schema at step: /),
    });
    expect(checkRecordBody('visit', { ...emptyVisitNote('v'), step: 'imported' })).toMatchObject({ ok: false });
  });
});
