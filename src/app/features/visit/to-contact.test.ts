import { describe, expect, it } from 'vitest';
import { contactSchema } from '../../../shared/model/contact.ts';
import { emptyContactChild, emptyVisitNote, toContact } from '../../../shared/model/visit-note.ts';
import { setChild, setChildOnVisit, setMode, setSeenAloneReason, setWhen } from './visit-note-updates';

const visitWith = (...changes: ((body: ReturnType<typeof emptyVisitNote>) => ReturnType<typeof emptyVisitNote>)[]) =>
  changes.reduce((body, change) => change(body), emptyVisitNote('visit-1'));

describe('toContact', () => {
  it('gives nothing until the visit has a date, a time and a mode', () => {
    expect(toContact(emptyVisitNote('visit-1'))).toBeNull();
    expect(toContact(visitWith(setWhen({ day: '6', month: '3', year: '2026', time: '14:30' })))).toBeNull();
  });

  it('gives exactly the practice-rules §2 contact, with UK time read as such', () => {
    const body = visitWith(
      setWhen({ day: '6', month: '7', year: '2026', time: '14:30' }),
      setMode('home-visit'),
      setChildOnVisit('c1', true),
      setChild('c1', { seen: true, seenAlone: false }),
      setSeenAloneReason('c1', 'parent-refused'),
    );
    const contact = toContact(body);
    expect(contact).toEqual({
      id: 'visit-1',
      occurredAt: '2026-07-06T13:30:00.000Z', // 14:30 British Summer Time
      mode: 'home-visit',
      setting: 'community',
      significantEvent: false,
      criticalWorries: false,
      completedAt: null,
      children: [
        {
          childId: 'c1',
          seen: true,
          seenAlone: false,
          seenAloneReason: 'Parent or carer refused',
          bedroomSeen: null,
          bedroomSeenReason: null,
          managerInformed: false,
        },
      ],
    });
    expect(Object.keys(contactSchema.parse(contact))).toEqual(Object.keys(contact ?? {}));
  });

  it('leaves out answers that do not apply: the bedroom off a home visit, seen alone for a child not seen', () => {
    const body = visitWith(
      setWhen({ day: '6', month: '1', year: '2026', time: '9:00' }),
      setMode('video'),
      setChildOnVisit('c1', true),
      setChild('c1', { seen: false, seenAlone: true, bedroomSeen: false, bedroomSeenReason: 'asleep' }),
    );
    expect(toContact(body)?.children[0]).toMatchObject({ seen: false, seenAlone: null, bedroomSeen: null, bedroomSeenReason: null });
  });

  it('records the typed reason for "Other", and no reason while it is blank', () => {
    const other = setSeenAloneReason('c1', 'other');
    const base = visitWith(setChildOnVisit('c1', true), setChild('c1', { seen: true, seenAlone: false }), other);
    expect(base.contact.children[0]?.seenAloneReason).toBeNull();
    const typed = setChild('c1', { seenAloneReasonOther: '  Interpreter did not come ' })(base);
    expect(typed.contact.children[0]?.seenAloneReason).toBe('Interpreter did not come');
    expect(emptyContactChild('c2').seenAloneReasonChoice).toBeNull();
  });
});
